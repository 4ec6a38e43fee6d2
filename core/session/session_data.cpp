#include "session/session_data.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "common/input_error.h"
#include "common/json_text.h"
#include "common/iso_time.h"
#include "session/journal_reader.h"
#include "session/journal_records.h"
#include "session/load_series.h"

namespace lh::session {
namespace {

// Replays a journal's records into SessionData, mapping the ids the
// journal used to the ids of a new store.
class Replay {
 public:
  explicit Replay(SessionData& data) : data_(data) {}

  void header(const nlohmann::json& r, const std::string& file) {
    if (r.value("type", std::string()) != "session") {
      throw InputError("\"" + file + "\": not a LeakHound session journal (no session header)");
    }
    const auto format = r.contains("format") ? journal::whole_number(r["format"], "format", 0, 1000000) : 0;
    if (format > journal::kFormat) {
      throw InputError("\"" + file + "\": journal format " + std::to_string(format) +
                       " is newer than this LeakHound reads (" + std::to_string(journal::kFormat) + "); update LeakHound");
    }
    data_.name = r.value("name", std::string());
    data_.clock = SessionClock(MonoClock::time_point{}, parse_iso8601(r.value("started", std::string())));
    if (r.contains("memory_limit_mib") && r["memory_limit_mib"].is_number()) {
      data_.memory_limit_mib = r["memory_limit_mib"].get<double>();
    }
    data_.interval_s = r.value("interval_s", 1.0);
    data_.analysis = journal::analysis_from_json(r.value("analysis", nlohmann::json::object()));
    data_.scenario = r.value("scenario", nlohmann::json::object());
    data_.settings = r.value("settings", nlohmann::json::object());
    data_.environment = environment_from_json(r.value("environment", nlohmann::json::object()));
    data_.leakhound_version = r.value("leakhound", std::string());
  }

  void record(const nlohmann::json& r) {
    const std::string type = r.value("type", std::string());
    if (type == "group") {
      groups_[id(r.at("id"))] = data_.store->add_group(r.at("name").get<std::string>());
    } else if (type == "series") {
      series(r);
    } else if (type == "watched") {
      data_.store->set_watched_memory(series_.at(id(r.at("series"))));
    } else if (type == "rows") {
      rows(r);
    } else if (type == "event") {
      Event e = journal::event_from_json(r);
      seen(e.t_s);
      data_.store->add_event(std::move(e));
    } else if (type == "load") {
      data_.load = r.at("summary");
      seen(r.contains("t") ? journal::seconds(r["t"], "t") : 0.0);
    } else if (type == "end") {
      data_.state = r.value("state", std::string("finished"));
      data_.end_s = r.contains("t") ? journal::seconds(r["t"], "t") : last_t_;
      if (r.contains("ended")) data_.ended = parse_iso8601(r["ended"].get<std::string>());
    }
    // Other types are from a newer LeakHound: what this one knows still reads.
  }

  void finish() {
    if (data_.state.empty()) {
      data_.state = "killed";
      data_.end_s = last_t_;
    }
    for (probe::GroupId g = 0; g < data_.store->group_count(); ++g) {
      const std::string& name = data_.store->group(g).name;
      if (name == kProbeGroup) data_.probe_group = g;
      if (name == kLoadGroup) data_.load_group = g;
    }
  }

 private:
  void seen(double t_s) { last_t_ = std::max(last_t_, t_s); }

  // The journal's ids of groups and series.
  static std::uint32_t id(const nlohmann::json& j) {
    return static_cast<std::uint32_t>(journal::whole_number(j, "an id", 0, UINT32_MAX));
  }

  void series(const nlohmann::json& r) {
    const auto group = groups_.at(id(r.at("group")));
    const auto added = data_.store->add_series(group, {r.at("name").get<std::string>(), r.value("source", std::string()),
                                                    r.value("metric", std::string()),
                                                    journal::meaning_from_json(r.value("meaning", nlohmann::json::object()))});
    if (!added) throw InputError("more series than a session holds");
    series_[id(r.at("id"))] = *added;
  }

  void rows(const nlohmann::json& r) {
    const auto group = groups_.at(id(r.at("group")));
    const auto& t = r.at("t");
    const auto& ids = r.at("series");
    const auto& values = r.at("v");
    std::vector<std::size_t> columns;
    for (const auto& each : ids) columns.push_back(data_.store->series(series_.at(id(each))).column);
    const std::size_t width = columns.empty() ? 0 : *std::max_element(columns.begin(), columns.end()) + 1;
    std::vector<double> row(width);
    for (std::size_t k = 0; k < t.size(); ++k) {
      std::fill(row.begin(), row.end(), std::nan(""));
      for (std::size_t i = 0; i < columns.size(); ++i) row[columns[i]] = journal::number_or_nan(values.at(i).at(k));
      const double t_s = journal::seconds(t[k], "t");
      data_.store->append_row(group, t_s, row);
      seen(t_s);
    }
  }

  SessionData& data_;
  std::unordered_map<std::uint32_t, probe::GroupId> groups_;
  std::unordered_map<std::uint32_t, probe::SeriesId> series_;
  double last_t_ = 0;
};

}  // namespace

const SeriesVerdict* SessionData::watched() const {
  for (const SeriesVerdict& v : verdicts) {
    if (v.watched) return &v;
  }
  return nullptr;
}

std::vector<Event> SessionData::events() const { return store->read_events(0).events; }

std::vector<SeriesVerdict> analyse_session(const SessionData& data) {
  std::vector<SeriesVerdict> out;
  const std::vector<Event> events = data.events();
  const std::vector<analysis::RequestCount> requests = request_counts(*data.store);
  for (const AnalysedSeries& series : analysed_series(*data.store, data.probe_group, data.memory_limit_mib)) {
    out.push_back(analyse(*data.store, series, events, requests, data.analysis));
  }
  return out;
}

SessionData load_session(const std::filesystem::path& folder) {
  const std::filesystem::path path = folder / journal::kFileName;
  JournalReader reader(path);
  SessionData data;
  data.folder = folder;
  // Every row and event: a recorded session is read whole.
  data.store = std::make_shared<probe::SeriesStore>(probe::StoreLimits{.max_rows = 0, .max_events = 10'000'000});
  Replay replay(data);
  nlohmann::json record;
  if (!reader.next(record)) throw InputError("\"" + path.string() + "\": empty, the session never started");
  try {
    replay.header(record, path.string());
  } catch (const nlohmann::json::exception& e) {
    throw InputError("\"" + path.string() + "\" line " + std::to_string(reader.line()) + ": " + json_error_text(e));
  } catch (const InputError& e) {
    if (std::string_view(e.what()).starts_with("\"")) throw;  // already names the file
    throw InputError("\"" + path.string() + "\" line " + std::to_string(reader.line()) + ": " + e.what());
  }
  while (reader.next(record)) {
    try {
      replay.record(record);
    } catch (const nlohmann::json::exception& e) {
      throw InputError("\"" + path.string() + "\" line " + std::to_string(reader.line()) + ": " + json_error_text(e));
    } catch (const std::out_of_range&) {
      throw InputError("\"" + path.string() + "\" line " + std::to_string(reader.line()) +
                       ": names a group or series no earlier record declared");
    } catch (const InputError& e) {
      throw InputError("\"" + path.string() + "\" line " + std::to_string(reader.line()) + ": " + e.what());
    }
  }
  data.torn_tail = reader.torn();
  replay.finish();
  data.verdicts = analyse_session(data);
  return data;
}

}  // namespace lh::session
