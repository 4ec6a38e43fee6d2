#include "probe/probe_config.h"

#include "common/input_error.h"
#include "common/quote_value.h"

namespace lh::probe {

void validate(const ProbeConfig& config) {
  if (config.sources.empty()) {
    throw InputError("sources: expected at least one source (a URL, pid:N, port:N or PRESET=URL)");
  }
  // Below 100 ms a probe measures its own requests more than the service.
  if (config.interval < kMinInterval) {
    throw InputError("interval: expected at least 100ms, got " + format_duration(config.interval));
  }
  if (config.timeout && config.timeout->count() <= 0) {
    throw InputError("timeout: expected a positive duration such as \"2s\", got " + format_duration(*config.timeout));
  }
  for (const auto& s : config.sources) {
    if (s.kind != SourceKind::http && !s.headers.empty()) {
      throw InputError("source " + quote_value(s.text) + ": headers only go with a URL, not with a local process");
    }
  }
  if (config.memory_limit_mib && *config.memory_limit_mib <= 0) {
    throw InputError("memory limit: expected a positive size such as \"8GiB\"");
  }
}

}  // namespace lh::probe
