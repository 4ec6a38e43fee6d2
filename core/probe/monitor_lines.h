#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "probe/series_store.h"

namespace lh::probe {

// The series a one-line summary of a source shows: its watched memory
// (the override when it belongs to this source, else picked from its
// names) and its own CPU % (not the host's).
struct SourceHeadline {
  std::string source;
  std::optional<SeriesId> memory;
  std::optional<SeriesId> cpu;
};

SourceHeadline headline_series(const SeriesStore& store, GroupId group, const std::string& source,
                               const std::string& watch);

// The `monitor` command's output: a line per row of the sampler's group
// with the time, each source's watched memory and CPU %, and the events
// of that tick:
//   00:00:03  memory.rss_mb 52.3 MiB  cpu 3.1%
//   00:00:04  segmentation memory.rss_mb - | port:8002 rss_mb 812.0 MiB cpu 14.2%  ! segmentation unreachable: connection refused
//
// `sources` are shown in that order, even before they have a series; the
// members of a source (Metric::member) follow as they appear.
class MonitorLines {
 public:
  MonitorLines(const SeriesStore& store, GroupId group, std::vector<std::string> sources, std::string watch);

  // Lines for the rows added since the last call.
  std::vector<std::string> next();

 private:
  std::string source_part(const SourceHeadline& headline, const GroupRows& rows, std::size_t k) const;

  const SeriesStore& store_;
  GroupId group_;
  std::vector<std::string> sources_;
  std::string watch_;
  std::vector<SourceHeadline> headlines_;
  std::size_t series_seen_ = static_cast<std::size_t>(-1);  // none yet, not even zero
  std::uint64_t next_row_ = 0;
  std::uint64_t next_event_ = 0;
  std::vector<Event> pending_events_;
};

}  // namespace lh::probe
