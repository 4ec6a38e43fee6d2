#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "analysis/parameters.h"
#include "common/clock.h"
#include "load/load_summary.h"
#include "probe/series_store.h"
#include "session/analysed_series.h"
#include "session/environment.h"

namespace lh::session {

// Everything a recorded session holds, rebuilt from its folder's journal:
// what the files, the PDF report, `compare` and the desktop app's "open a
// session" all read. The same whether the session finished or was killed.
struct SessionData {
  std::filesystem::path folder;
  std::string name;
  // t = 0 of the session: clock.start_wall() is its wall-clock start, and
  // clock.wall_at(t) the wall time of any t in the files.
  SessionClock clock;
  // How it ended: "finished", "stopped", "unreachable", "failed", or
  // "killed" when the journal has no end (the process died).
  std::string state;
  double end_s = 0;                              // the end record's time, or the last one recorded
  std::optional<WallClock::time_point> ended;    // from the end record; nullopt when killed
  bool torn_tail = false;                        // the journal's last line was cut short (and dropped)

  std::shared_ptr<probe::SeriesStore> store;  // every row, unbounded
  probe::GroupId probe_group = 0;
  std::optional<probe::GroupId> load_group;

  // false: the session only watched; its traffic came from elsewhere.
  bool with_load = true;
  // The load's figures at the end, or the last checkpoint; nullopt without
  // a load, or when it was killed before its first checkpoint.
  std::optional<load::LoadSummary> load;
  // The probe series that counted requests served (SessionPlan's); empty:
  // the load's count.
  std::string request_counter;
  nlohmann::json scenario = nlohmann::json::object();  // as its file said, secrets redacted; {} without a file
  nlohmann::json settings = nlohmann::json::object();  // the resolved plan (describe_plan)
  analysis::AnalysisParameters analysis;
  std::optional<double> memory_limit_mib;
  double interval_s = 1;  // the probes'
  Environment environment;
  std::string leakhound_version;  // that recorded it

  // One per analysed series (analysed_series()), the watched one first.
  std::vector<SeriesVerdict> verdicts;

  bool killed() const { return state == "killed"; }
  // The watched memory's verdict; nullptr when no memory series was found.
  const SeriesVerdict* watched() const;
  std::vector<Event> events() const;
  WallClock::time_point started() const { return clock.start_wall(); }
};

// Reads the folder's journal into SessionData and analyses every analysed
// series. Throws InputError when the folder holds no journal or the
// journal is not one (its first record is not a session header, or a
// record other than the last is broken).
SessionData load_session(const std::filesystem::path& folder);

// The verdicts of a session's analysed series on everything its store holds.
std::vector<SeriesVerdict> analyse_session(const SessionData& data);

}  // namespace lh::session
