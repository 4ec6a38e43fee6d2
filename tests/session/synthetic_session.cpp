#include "synthetic_session.h"

#include <unistd.h>

#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>

#include "common/iso_time.h"
#include "load/load_summary.h"
#include "probe/series_store.h"
#include "session/journal_records.h"
#include "session/journal_writer.h"
#include "session/load_series.h"
#include "session/session_files.h"
#include "session/session_header.h"
#include "session/store_journal.h"

namespace lh::test {

void write_synthetic_session(const std::filesystem::path& folder, const SyntheticSession& spec) {
  std::filesystem::create_directories(folder);
  session::SessionPlan plan;
  plan.name = spec.name;
  load::RequestTemplate request;
  request.method = "POST";
  request.url = "http://127.0.0.1:9/segment";
  request.headers = {"Authorization: Bearer secret-token"};
  request.body = "{}";
  if (spec.with_load) {
    plan.load.emplace();
    plan.load->requests.push_back(request);
    plan.load->rate = spec.requests_per_s;
    plan.load->duration = Seconds(spec.seconds);
  }
  plan.request_counter = spec.request_counter;
  plan.probes.sources.push_back(probe::parse_source_spec("segmentation=http://127.0.0.1:9"));
  plan.probes.interval = Seconds(spec.interval_s);
  plan.probes.memory_limit_mib = spec.limit_mib;
  plan.scenario = {{"leakhound_scenario", 1}, {"name", spec.name}};

  const WallClock::time_point started = parse_iso8601("2026-01-21T10:00:00Z");
  session::JournalWriter journal(folder / session::journal::kFileName);
  journal.append(session::session_header(plan, started));

  probe::SeriesStore store;
  const probe::GroupId probe_group = store.add_group("probe");
  std::optional<session::LoadSeries> load;
  if (spec.with_load) load.emplace(store);
  std::vector<std::string> names = {"memory.rss_mb", "memory.peak_rss_mb", "language_processor.cache_size",
                                    "cpu_percent"};
  if (!spec.with_load) names.push_back("requests_served");
  for (const std::string& name : names) store.add_series(probe_group, {name, "segmentation", name, meaning_of(name)});
  store.set_watched_memory(store.find("memory.rss_mb"));
  session::StoreJournal recorder(store, journal);

  double since_restart = 0, peak = 0, next_second = 1;
  std::size_t restart = 0;
  std::uint64_t completed = 0;
  load::LoadSnapshot snapshot;
  snapshot.state = spec.ended ? load::RunState::finished : load::RunState::running;
  for (double t = 0; t <= spec.seconds + 1e-9; t += spec.interval_s) {
    if (restart < spec.restarts_s.size() && t >= spec.restarts_s[restart]) {
      store.add_event({t, "segmentation", EventKind::restart, "pid 100 -> 101"});
      since_restart = t;
      ++restart;
    }
    const double rss = spec.level_mib + spec.mib_per_hour * (t - since_restart) / 3600.0 + 0.2 * std::sin(t * 1.3);
    peak = std::max(peak, rss);
    const double cache = std::min(100.0, std::floor(t * 100.0 / 60.0));
    const double cpu = 20 + 5 * std::sin(t / 7);
    std::vector<double> values{rss, peak, cache, cpu};
    if (!spec.with_load) values.push_back(std::round(spec.requests_per_s * (t - since_restart)));
    store.append_row(probe_group, t, values);
    while (spec.with_load && next_second <= t + 1e-9) {
      load::SecondRow row;
      row.t_s = next_second - 1;
      row.requests = static_cast<std::uint64_t>(spec.requests_per_s);
      row.p50_ms = 2 + 0.1 * std::sin(next_second);
      row.p99_ms = 9 + std::sin(next_second / 3);
      row.target = spec.requests_per_s;
      row.in_flight = 2;
      load->append(row);
      completed += row.requests;
      next_second += 1;
    }
    if (std::fmod(t, 10.0) < spec.interval_s / 2) {
      recorder.write_new();
      if (!spec.with_load) continue;
      snapshot.totals.completed = completed;
      snapshot.totals.status[200] = completed;
      snapshot.elapsed_s = t;
      snapshot.requests_per_second = t > 0 ? static_cast<double>(completed) / t : 0;
      journal.append(session::journal::LoadRecord{.t = t, .summary = load::summarize(*plan.load, snapshot)});
      journal.flush();
    }
  }
  recorder.write_new();
  if (spec.ended) {
    snapshot.totals.completed = completed;
    snapshot.totals.status[200] = completed;
    snapshot.elapsed_s = spec.seconds;
    if (spec.with_load) {
      journal.append(session::journal::LoadRecord{.t = spec.seconds, .summary = load::summarize(*plan.load, snapshot)});
    }
    journal.append(session::journal::EndRecord{.t = spec.seconds,
                                      .state = "finished",
                                      .ended = started + std::chrono::seconds(static_cast<long>(spec.seconds))});
  }
  journal.flush();
}

TempFolder::TempFolder(const std::string& prefix) {
  static int count = 0;
  path_ = std::filesystem::temp_directory_path() /
          ("lh_" + prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(++count));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

session::SessionSummary read_summary(const std::filesystem::path& folder) {
  return nlohmann::ordered_json::parse(read_file(folder / session::kSummaryJson)).get<session::SessionSummary>();
}

}  // namespace lh::test
