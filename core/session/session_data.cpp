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
#include "session/requests_served.h"
#include "session/session_header.h"

namespace lh::session {
namespace {

// Replays a journal's records into SessionData, mapping the ids the
// journal used to the ids of a new store.
class Replay {
 public:
  explicit Replay(SessionData& data) : data_(data) {}

  void header(const nlohmann::json& r, const std::string& file) {
    if (!r.is_object() || r.value("type", std::string()) != SessionHeader::kType) {
      throw InputError("\"" + file + "\": not a LeakHound session journal (no session header)");
    }
    const SessionHeader h = r.get<SessionHeader>();
    if (h.format > journal::kFormat) {
      throw InputError("\"" + file + "\": journal format " + std::to_string(h.format) +
                       " is newer than this LeakHound reads (" + std::to_string(journal::kFormat) + "); update LeakHound");
    }
    data_.name = h.name;
    data_.clock = SessionClock(MonoClock::time_point{}, h.started);
    data_.memory_limit_mib = h.memory_limit_mib;
    data_.interval_s = h.interval_s;
    data_.with_load = h.with_load;
    data_.request_counter = h.request_counter;
    data_.analysis = h.analysis;
    data_.scenario = h.scenario;
    data_.settings = h.settings;
    data_.environment = h.environment;
    data_.leakhound_version = h.leakhound;
  }

  void record(const nlohmann::json& r) {
    const std::string type = r.value("type", std::string());
    if (type == journal::GroupRecord::kType) {
      const auto g = r.get<journal::GroupRecord>();
      groups_[g.id] = data_.store->add_group(g.name);
    } else if (type == journal::SeriesRecord::kType) {
      series(r.get<journal::SeriesRecord>());
    } else if (type == journal::WatchedRecord::kType) {
      data_.store->set_watched_memory(series_.at(r.get<journal::WatchedRecord>().series));
    } else if (type == "rows") {
      rows(r);
    } else if (type == "event") {
      Event e = journal::event_from_json(r);
      seen(e.t_s);
      data_.store->add_event(std::move(e));
    } else if (type == journal::LoadRecord::kType) {
      auto load = r.get<journal::LoadRecord>();
      data_.load = std::move(load.summary);
      seen(load.t);
    } else if (type == journal::EndRecord::kType) {
      const auto end = r.get<journal::EndRecord>();
      data_.state = end.state;
      data_.end_s = end.t.value_or(last_t_);
      data_.ended = end.ended;
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

  void series(const journal::SeriesRecord& r) {
    const auto id = data_.store->add_series(groups_.at(r.group), {r.name, r.source, r.metric, r.meaning});
    if (!id) throw InputError("more series than a session holds");
    series_[r.id] = *id;
  }

  void rows(const nlohmann::json& r) {
    const auto group = groups_.at(journal::id(r.at("group")));
    const auto& t = r.at("t");
    const auto& ids = r.at("series");
    const auto& values = r.at("v");
    std::vector<std::size_t> columns;
    std::vector<SeriesMeaning> meanings;
    for (const auto& each : ids) {
      const probe::SeriesInfo& info = data_.store->series(series_.at(journal::id(each)));
      columns.push_back(info.column);
      meanings.push_back(info.meaning);
    }
    const std::size_t width = columns.empty() ? 0 : *std::max_element(columns.begin(), columns.end()) + 1;
    std::vector<double> row(width);
    for (std::size_t k = 0; k < t.size(); ++k) {
      std::fill(row.begin(), row.end(), std::nan(""));
      for (std::size_t i = 0; i < columns.size(); ++i) {
        // A number no sampler records (1e308 MiB, in a journal written by
        // hand) is a gap, as a value that is not a number is.
        const double v = journal::number_or_nan(values.at(i).at(k));
        row[columns[i]] = reading_rule(meanings[i], v) ? std::nan("") : v;
      }
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
  const std::vector<analysis::RequestCount> requests = requests_served(*data.store, data.probe_group, data.request_counter);
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
