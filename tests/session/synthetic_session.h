#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "session/session_summary.h"

namespace lh::test {

// A recorded session made up in a test, written through the same store,
// journal and header code a real run uses: for the files, the report and
// `compare` without minutes of load.
struct SyntheticSession {
  std::string name = "synthetic";
  double seconds = 600;
  double interval_s = 1;
  double level_mib = 200;     // memory.rss_mb at the start
  double mib_per_hour = 0;    // its growth
  double requests_per_s = 100;
  std::vector<double> restarts_s = {};  // memory falls back to the level at each
  std::optional<double> limit_mib = {};
  bool ended = true;  // false: no end record, as after a kill
  // false: a session that only watched: no load group and no load records;
  // the service's own counter of requests, "requests_served" (source
  // "segmentation"), counts `requests_per_s` from 0 again at each restart.
  bool with_load = true;
  std::string request_counter = {};  // SessionPlan::request_counter
};

// Writes the folder's journal.jsonl. The probe series: memory.rss_mb
// (watched), memory.peak_rss_mb, language_processor.cache_size (fills to
// 100 in the first minute, then holds) and cpu_percent, all of source
// "segmentation"; the load group at `requests_per_s`.
void write_synthetic_session(const std::filesystem::path& folder, const SyntheticSession& spec);

// A fresh folder under the temporary directory, removed with the object.
class TempFolder {
 public:
  explicit TempFolder(const std::string& prefix);
  ~TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& path);

// A session folder's summary.json, read through the mapping that wrote it.
session::SessionSummary read_summary(const std::filesystem::path& folder);

}  // namespace lh::test
