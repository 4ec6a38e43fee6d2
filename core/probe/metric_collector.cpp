#include "probe/metric_collector.h"

#include <unordered_map>

#include "common/series_meaning.h"

namespace lh::probe {
namespace {

std::string count_of(std::size_t n, std::string_view what) {
  return std::to_string(n) + " " + std::string(what) + (n == 1 ? "" : "s");
}

std::string reached(const SourceLimits& limits, Limit limit) {
  return "limit " + std::string(limit_name(limit)) + " (" + std::to_string(limit_value(limits, limit)) + ") reached: ";
}

// "name" given again becomes "name#2", "name#3", … in the order given: the
// same answer gives the same names every time.
void tell_apart(std::vector<Metric>& metrics) {
  std::unordered_map<std::string_view, std::size_t> next;  // name -> the next number to try
  next.reserve(metrics.size() * 2);
  std::vector<std::size_t> repeated;
  for (std::size_t i = 0; i < metrics.size(); ++i) {
    if (!next.try_emplace(metrics[i].name, 2).second) repeated.push_back(i);
  }
  for (std::size_t i : repeated) {
    Metric& m = metrics[i];
    std::size_t& n = next.at(m.name);
    std::string name;
    do {
      name = m.name + "#" + std::to_string(n++);
    } while (next.contains(name));
    if (!m.meaning) m.meaning = meaning_of(meaning_name(m.name));
    m.name = std::move(name);
    next.try_emplace(m.name, 2);
  }
}

}  // namespace

MetricCollector::MetricCollector(const SourceLimits& limits, std::string_view watch)
    : limits_(limits), watch_(watch) {}

bool MetricCollector::preferred(std::string_view name) const {
  // Its meaning is read without its labels, as meaning_name() does.
  return (!watch_.empty() && name == watch_) || could_be_watched_memory(name.substr(0, name.find('{')));
}

bool MetricCollector::admit(std::string_view name) {
  ++seen_;
  if (name.size() > limits_.max_name_bytes) {
    left_out(Limit::name_bytes);
    return false;
  }
  if (general_ < limits_.max_metrics) {
    ++general_;
    return true;
  }
  if (!preferred(name)) {
    left_out(Limit::metrics);
    return false;
  }
  if (preferred_ < limits_.max_preferred) {
    ++preferred_;
    return true;
  }
  left_out(Limit::metrics);
  left_out(Limit::preferred);
  return false;
}

void MetricCollector::left_out(Limit why, std::size_t count) {
  left_out_[static_cast<std::size_t>(why)] += count;
}

void MetricCollector::add(std::string name, double value, std::optional<SeriesMeaning> meaning) {
  metrics_.push_back(Metric{std::move(name), value, meaning, {}});
}

MetricCollector::Result MetricCollector::finish() && {
  Result out;
  tell_apart(metrics_);
  out.metrics = std::move(metrics_);
  auto n = [&](Limit l) { return left_out_[static_cast<std::size_t>(l)]; };
  if (n(Limit::metrics) > 0) {
    std::string detail = reached(limits_, Limit::metrics) + std::to_string(n(Limit::metrics)) + " of " +
                         count_of(seen_, "number") + " left out";
    if (preferred_ > 0) detail += "; " + count_of(preferred_, "memory figure") + " past it kept";
    out.notes.push_back({std::string(limit_name(Limit::metrics)), std::move(detail)});
  }
  if (n(Limit::preferred) > 0) {
    out.notes.push_back({std::string(limit_name(Limit::preferred)),
                         reached(limits_, Limit::preferred) + count_of(n(Limit::preferred), "memory figure") +
                             " past " + std::string(limit_name(Limit::metrics)) + " left out"});
  }
  if (n(Limit::name_bytes) > 0) {
    out.notes.push_back({std::string(limit_name(Limit::name_bytes)),
                         reached(limits_, Limit::name_bytes) + count_of(n(Limit::name_bytes), "number") +
                             " with a longer name left out"});
  }
  if (n(Limit::depth) > 0) {
    out.notes.push_back({std::string(limit_name(Limit::depth)),
                         reached(limits_, Limit::depth) + count_of(n(Limit::depth), "value") +
                             " nested deeper left out"});
  }
  if (n(Limit::types) > 0) {
    out.notes.push_back({std::string(limit_name(Limit::types)),
                         reached(limits_, Limit::types) + count_of(n(Limit::types), "TYPE line") +
                             " more apply only to the samples right after them"});
  }
  return out;
}

}  // namespace lh::probe
