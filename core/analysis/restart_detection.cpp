#include "analysis/restart_detection.h"

#include <cmath>

namespace lh::analysis {

std::vector<double> restarts_from_identity(std::span<const double> t_s, std::span<const double> identity) {
  std::vector<double> restarts;
  double previous = std::nan("");
  for (std::size_t i = 0; i < t_s.size() && i < identity.size(); ++i) {
    if (std::isnan(identity[i])) continue;
    if (!std::isnan(previous) && identity[i] != previous) restarts.push_back(t_s[i]);
    previous = identity[i];
  }
  return restarts;
}

std::vector<double> restarts_from_uptime(std::span<const double> t_s, std::span<const double> uptime_s,
                                         double tolerance_s) {
  std::vector<double> restarts;
  double previous = std::nan("");
  for (std::size_t i = 0; i < t_s.size() && i < uptime_s.size(); ++i) {
    if (std::isnan(uptime_s[i])) continue;
    // Reported at this sample, the first of the new process, as a changed
    // pid is: the two agree when both columns are there.
    if (!std::isnan(previous) && uptime_s[i] < previous - tolerance_s) restarts.push_back(t_s[i]);
    previous = uptime_s[i];
  }
  return restarts;
}

}  // namespace lh::analysis
