#include "probe/source_limits.h"

namespace lh::probe {

std::string_view limit_name(Limit limit) {
  switch (limit) {
    case Limit::metrics: return "max_metrics_per_source";
    case Limit::preferred: return "max_preferred_per_source";
    case Limit::name_bytes: return "max_name_bytes";
    case Limit::depth: return "max_json_depth";
    case Limit::types: return "max_prometheus_types";
    case Limit::json_string: return "max_json_string_bytes";
  }
  return "unknown";
}

std::size_t limit_value(const SourceLimits& limits, Limit limit) {
  switch (limit) {
    case Limit::metrics: return limits.max_metrics;
    case Limit::preferred: return limits.max_preferred;
    case Limit::name_bytes: return limits.max_name_bytes;
    case Limit::depth: return limits.max_depth;
    case Limit::types: return limits.max_types;
    case Limit::json_string: return limits.max_json_string_bytes;
  }
  return 0;
}

}  // namespace lh::probe
