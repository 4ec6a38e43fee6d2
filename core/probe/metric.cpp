#include "probe/metric.h"

#include <cmath>
#include <cstdio>

namespace lh::probe {

std::string meaning_name(const std::string& metric_name) {
  return metric_name.substr(0, metric_name.find('{'));
}

std::optional<std::string> beyond_reach(const std::string& name, double value,
                                        const std::optional<SeriesMeaning>& meaning) {
  // 2^64 bytes in GiB, the largest unit: any number up to it is within reach.
  constexpr double kAlwaysWithin = 17179869184.0;
  if (!std::isfinite(value) || std::fabs(value) <= kAlwaysWithin) return std::nullopt;
  const SeriesMeaning m = meaning.value_or(meaning_of(meaning_name(name)));
  auto rule = reading_rule(m, value);
  if (!rule) return std::nullopt;
  char shown[40];
  std::snprintf(shown, sizeof shown, "%g", value);
  const std::string_view unit = unit_symbol(m.unit);
  return name + " = " + shown + (unit.empty() ? "" : " ") + std::string(unit) + ": " + *rule;
}

std::optional<ReadNote> leave_out_beyond_reach(std::vector<Metric>& metrics) {
  std::optional<std::string> first;
  std::size_t count = 0;
  for (Metric& m : metrics) {
    auto why = beyond_reach(m.name, m.value, m.meaning);
    if (!why) continue;
    if (!first) first = std::move(why);
    ++count;
    m.value = std::nan("");
  }
  if (!first) return std::nullopt;
  return ReadNote{"beyond_reach", *first + (count == 1 ? "; left out" : "; " + std::to_string(count) + " numbers left out")};
}

}  // namespace lh::probe
