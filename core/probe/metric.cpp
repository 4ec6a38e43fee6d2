#include "probe/metric.h"

namespace lh::probe {

std::string meaning_name(const std::string& metric_name) {
  return metric_name.substr(0, metric_name.find('{'));
}

}  // namespace lh::probe
