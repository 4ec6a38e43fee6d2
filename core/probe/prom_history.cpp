#include "probe/prom_history.h"

#include <cmath>
#include <cstdio>
#include <deque>
#include <unordered_map>

#include "common/input_error.h"
#include "common/runtime_failure.h"
#include "probe/http_fetcher.h"
#include "probe/prom_answer.h"
#include "probe/prom_api_url.h"
#include "probe/prom_members.h"
#include "probe/prom_source.h"

namespace lh::probe {
namespace {

// A range answer can be large and the server slow to compute it.
constexpr std::chrono::seconds kRangeTimeout{60};
// Halving a chunk whose answer is over the body cap stops here: 11,000
// points halved 14 times is one point.
constexpr int kMaxHalvings = 64;

std::string seconds_text(double s) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.3f", s);
  return buf;
}

HttpRequest range_request(const SourceSpec& spec, const std::string& query, const RangeChunk& chunk, double step) {
  return HttpRequest{prom_api_url(spec.url, "query_range",
                                  {{"query", query},
                                   {"start", seconds_text(chunk.start_s)},
                                   {"end", seconds_text(chunk.end_s)},
                                   {"step", seconds_text(step)}}),
                     spec.headers, spec.basic_auth, spec.ca_file};
}

bool over_body_cap(const HttpResponse& r) {
  return r.outcome == HttpResponse::Outcome::bad_response && r.error.starts_with("body over");
}

// The series' values step by step: cursors over their points.
class StepWalker {
 public:
  StepWalker(const std::vector<PromSeries>& series, const RangeChunk& chunk, double step)
      : series_(series), chunk_(chunk), step_(step), cursor_(series.size(), 0) {}

  std::vector<PromValue> at(std::size_t k) {
    std::vector<PromValue> out;
    for (std::size_t i = 0; i < series_.size(); ++i) {
      const auto& points = series_[i].points;
      auto& c = cursor_[i];
      while (c < points.size() && index_of(points[c].t_s) < static_cast<long long>(k)) ++c;
      if (c < points.size() && index_of(points[c].t_s) == static_cast<long long>(k)) {
        out.push_back({&series_[i].labels, points[c].value});
      }
    }
    return out;
  }

 private:
  long long index_of(double t) const { return std::llround((t - chunk_.start_s) / step_); }

  const std::vector<PromSeries>& series_;
  RangeChunk chunk_;
  double step_;
  std::vector<std::size_t> cursor_;
};

}  // namespace

PromHistory read_prom_history(const SourceSpec& spec, double start_s, double end_s, double min_step_s,
                              const ProbeConfig& config, SeriesStore& store) {
  PromHistory out;
  out.plan = plan_range(start_s, end_s, min_step_s);
  out.group = store.add_group("probe");
  const double step = out.plan.step_s;

  PromAnswerLimits limits;
  limits.max_series = config.source_limits.max_metrics;
  limits.max_points = kPromMaxPointsPerRequest;
  limits.max_label_bytes = config.source_limits.max_name_bytes;

  PromMembers members(query_metric(spec.query));
  std::unordered_map<std::string, std::size_t> columns;  // member + '\n' + metric
  std::vector<double> row;
  bool told_restart_failure = false;
  bool told_store_full = false;
  bool told_beyond_reach = false;  // one event for the whole range, as for the store

  std::deque<std::pair<RangeChunk, int>> todo;
  for (const auto& c : out.plan.chunks) todo.push_back({c, 0});
  while (!todo.empty()) {
    const auto [chunk, halvings] = todo.front();
    todo.pop_front();
    std::vector<HttpRequest> requests{range_request(spec, spec.query, chunk, step)};
    if (!spec.restart_query.empty()) requests.push_back(range_request(spec, spec.restart_query, chunk, step));
    HttpFetcher fetcher(std::move(requests), FetchOptions{kRangeTimeout, config.max_body_bytes});
    const auto& responses = fetcher.fetch_all();
    out.requests += responses.size();

    if ((over_body_cap(responses[0]) || (responses.size() > 1 && over_body_cap(responses[1]))) &&
        halvings < kMaxHalvings) {
      const auto parts = halves(chunk, step);
      if (parts.size() == 2) {
        todo.push_front({parts[1], halvings + 1});
        todo.push_front({parts[0], halvings + 1});
        continue;
      }
    }
    PromAnswer answer;
    if (responses[0].outcome == HttpResponse::Outcome::answered) answer = read_prom_answer(responses[0], limits);
    if (auto fault = prom_fault(responses[0], answer)) {
      const std::string why = spec.text + ": " + fault->detail;
      if (responses[0].status == 400) throw InputError(why);
      throw RuntimeFailure(why);
    }
    PromAnswer restarts;
    bool have_restarts = false;
    if (responses.size() > 1) {
      if (responses[1].outcome == HttpResponse::Outcome::answered) restarts = read_prom_answer(responses[1], limits);
      if (auto fault = prom_fault(responses[1], restarts)) {
        if (!told_restart_failure) {
          store.add_event(Event{chunk.start_s - start_s, spec.label, EventKind::partial, "restart query: " + fault->detail});
          told_restart_failure = true;
        }
      } else {
        have_restarts = true;
      }
    }

    StepWalker values(answer.series, chunk, step);
    StepWalker restart_values(restarts.series, chunk, step);
    const auto points = static_cast<std::size_t>(std::floor((chunk.end_s - chunk.start_s) / step + 1e-9)) + 1;
    for (std::size_t k = 0; k < points; ++k) {
      const double t = chunk.start_s + static_cast<double>(k) * step - start_s;
      const auto now = values.at(k);
      const auto restart_now = have_restarts ? restart_values.at(k) : std::vector<PromValue>{};
      auto update = members.update(now, have_restarts ? &restart_now : nullptr);
      for (auto& e : update.events) store.add_event(Event{t, e.member, e.kind, std::move(e.detail)});
      std::fill(row.begin(), row.end(), std::nan(""));
      for (const auto& reading : update.readings) {
        const std::string key = reading.member + '\n' + reading.metric;
        auto it = columns.find(key);
        if (it == columns.end()) {
          const auto id = store.add_series(out.group, {reading.member, reading.member, reading.metric,
                                                       meaning_of(meaning_name(reading.metric))});
          if (!id) {
            if (!told_store_full) {
              store.add_event(Event{t, spec.label, EventKind::partial,
                                    "limit max_series (" + std::to_string(store.limits().max_series) +
                                        ") reached: the store holds no more series; new ones are left out"});
              told_store_full = true;
            }
            continue;
          }
          it = columns.emplace(key, store.series(*id).column).first;
          if (row.size() <= it->second) row.resize(it->second + 1, std::nan(""));
        }
        const auto why = beyond_reach(reading.metric, reading.value);
        if (why && !told_beyond_reach) {
          store.add_event(Event{t, reading.member, EventKind::partial, *why + "; left out"});
          told_beyond_reach = true;
        }
        row[it->second] = std::isfinite(reading.value) && !why ? reading.value : std::nan("");
      }
      store.append_row(out.group, t, row);
    }
  }
  // The watched memory, as the sampler picks it.
  std::vector<std::string> names;
  const auto ids = store.series_in(out.group);
  for (SeriesId id : ids) names.push_back(meaning_name(store.series(id).metric));
  if (!config.watch.empty()) {
    for (SeriesId id : ids) {
      if (store.series(id).name == config.watch || store.series(id).metric == config.watch) {
        store.set_watched_memory(id);
        break;
      }
    }
  } else if (const auto picked = pick_watched_memory(names)) {
    store.set_watched_memory(ids[*picked]);
  }
  return out;
}

}  // namespace lh::probe
