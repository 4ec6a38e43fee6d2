#include "session/compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "analysis/amounts.h"
#include "common/grouped_count.h"
#include "common/input_error.h"
#include "common/quote_value.h"
#include "session/load_series.h"
#include "session/requests_served.h"

namespace lh::session {
namespace {

using ordered = nlohmann::ordered_json;

// Completed requests at time t, between the load's running totals (0 at
// the session's start).
double requests_at(const std::vector<analysis::RequestCount>& counts, double t) {
  if (counts.empty() || t <= 0) return 0;
  const auto after = std::upper_bound(counts.begin(), counts.end(), t,
                                      [](double v, const analysis::RequestCount& r) { return v < r.t_s; });
  if (after == counts.end()) return counts.back().count;
  const double t0 = after == counts.begin() ? 0 : (after - 1)->t_s;
  const double c0 = after == counts.begin() ? 0 : (after - 1)->count;
  const double f = after->t_s > t0 ? (t - t0) / (after->t_s - t0) : 1;
  return c0 + f * (after->count - c0);
}

ComparedRun describe(const SessionData& data, CompareBy by) {
  const SeriesVerdict* watched = data.watched();
  if (!watched) throw InputError("\"" + data.folder.string() + "\": the session has no watched memory to compare");
  const probe::SeriesInfo& info = data.store->series(watched->series);
  const analysis::Verdict& v = watched->verdict;
  const auto mib = analysis::mib_per_unit(v.unit);
  const double scale = mib.value_or(1.0);

  ComparedRun run;
  run.folder = data.folder;
  run.name = data.name;
  run.series = info.name;
  run.verdict = v.kind;
  run.unit = mib ? "MiB" : v.unit;
  if (v.has_estimate) {
    run.slope_per_hour = v.slope_per_hour * scale;
    run.slope_ci_low = v.slope_ci_low * scale;
    run.slope_ci_high = v.slope_ci_high * scale;
  }
  if (v.growth_per_1000_requests) run.growth_per_1000_requests = *v.growth_per_1000_requests * scale;
  const std::vector<analysis::RequestCount> counts =
      requests_served(*data.store, data.probe_group, data.request_counter);
  run.requests = counts.empty() ? 0 : counts.back().count;
  run.duration_s = data.end_s;

  const probe::SeriesPoints points = data.store->read_series(watched->series, 0);
  run.x.reserve(points.t.size());
  run.values.reserve(points.t.size());
  for (std::size_t k = 0; k < points.t.size(); ++k) {
    run.x.push_back(by == CompareBy::time ? points.t[k] : requests_at(counts, points.t[k]));
    run.values.push_back(points.v[k] * scale);
  }
  return run;
}

std::string rate(double per_hour, const std::string& unit) { return analysis::format_amount(per_hour, unit) + "/h"; }

// B's growth against A's (change = B / A - 1, A growing), as a person
// reads it at a glance: "85 % less", "40 % more"; past doubling, how many
// times as fast ("8,204 times as fast", not "820373 % more"); and a B that
// no longer grows said as much, not as "100 % less".
std::string change_words(double change, double b_per_hour) {
  char buf[64];
  if (b_per_hour <= 0) return "no growth left";
  if (change <= -0.995) return "over 99 % less";
  if (change < 0) {
    std::snprintf(buf, sizeof buf, "%.0f %% less", -change * 100);
  } else if (change < 1) {
    std::snprintf(buf, sizeof buf, "%.0f %% more", change * 100);
  } else {
    const double times = change + 1;
    if (times < 10) {
      std::snprintf(buf, sizeof buf, "%.1f times as fast", times);
    } else {
      return grouped_count(static_cast<std::uint64_t>(std::llround(std::min(times, 1e18)))) + " times as fast";
    }
  }
  return buf;
}

std::string kind(const ComparedRun& r) { return std::string(analysis::to_string(r.verdict)); }

std::string sentence(const Comparison& c) {
  const ComparedRun& a = c.a;
  const ComparedRun& b = c.b;
  std::string s = "From A (" + a.name + ") to B (" + b.name + "), the watched memory's growth ";
  if (a.slope_per_hour && b.slope_per_hour) {
    const bool same = c.slope_change && std::fabs(*c.slope_change) < 0.05;
    const bool fell = *b.slope_per_hour < *a.slope_per_hour;
    const char* verb = same ? "stayed about the same," : fell ? "fell" : "rose";
    s += verb + (" from " + rate(*a.slope_per_hour, a.unit)) + " (" + kind(a) + ") to " +
         rate(*b.slope_per_hour, b.unit) + " (" + kind(b) + ")";
    if (c.slope_change && !same) s += ", " + change_words(*c.slope_change, *b.slope_per_hour);
  } else {
    s += "cannot be compared: " + std::string(a.slope_per_hour ? "B" : "A") + " has too little data for a slope (" +
         kind(a.slope_per_hour ? b : a) + ")";
  }
  if (a.growth_per_1000_requests && b.growth_per_1000_requests) {
    s += "; per 1,000 requests from " + analysis::format_amount(*a.growth_per_1000_requests, a.unit) + " to " +
         analysis::format_amount(*b.growth_per_1000_requests, b.unit);
  }
  return s + ".";
}

ordered optional_number(const std::optional<double>& v) { return v ? ordered(*v) : ordered(); }

ordered run_json(const ComparedRun& r) {
  return {{"folder", r.folder.string()},
          {"name", r.name},
          {"series", r.series},
          {"verdict", kind(r)},
          {"unit", r.unit},
          {"slope_per_hour", optional_number(r.slope_per_hour)},
          {"slope_ci", ordered::array({optional_number(r.slope_ci_low), optional_number(r.slope_ci_high)})},
          {"growth_per_1000_requests", optional_number(r.growth_per_1000_requests)},
          {"requests", r.requests},
          {"duration_s", r.duration_s}};
}

}  // namespace

std::string_view to_string(CompareBy by) { return by == CompareBy::time ? "time" : "requests"; }

CompareBy parse_compare_by(std::string_view text) {
  if (text == "time") return CompareBy::time;
  if (text == "requests") return CompareBy::requests;
  throw InputError("--by: expected time or requests, got " + quote_value(text));
}

Comparison compare_sessions(const SessionData& a, const SessionData& b, CompareBy by) {
  Comparison c;
  c.by = by;
  c.a = describe(a, by);
  c.b = describe(b, by);
  if (c.a.unit != c.b.unit) {
    throw InputError("the watched memories do not compare: " + c.a.series + " is in " + c.a.unit + ", " + c.b.series +
                     " in " + c.b.unit);
  }
  if (c.a.slope_per_hour && c.b.slope_per_hour && *c.a.slope_per_hour > 0) {
    c.slope_change = *c.b.slope_per_hour / *c.a.slope_per_hour - 1;
  }
  if (c.a.growth_per_1000_requests && c.b.growth_per_1000_requests && *c.a.growth_per_1000_requests > 0) {
    c.growth_per_1000_change = *c.b.growth_per_1000_requests / *c.a.growth_per_1000_requests - 1;
  }
  c.sentence = sentence(c);
  return c;
}

nlohmann::ordered_json to_json(const Comparison& c) {
  return {{"by", std::string(to_string(c.by))},
          {"a", run_json(c.a)},
          {"b", run_json(c.b)},
          {"slope_change", optional_number(c.slope_change)},
          {"growth_per_1000_requests_change", optional_number(c.growth_per_1000_change)},
          {"sentence", c.sentence}};
}

}  // namespace lh::session
