#pragma once

#include <cstdint>
#include <vector>

#include "probe/series_store.h"

namespace lh::probe {

// One reader's place in a store (the desktop app's redraw timer, the
// journal writer, the live analysis): each read() returns only what was
// added since the previous one, so a 4 Hz reader of a 24 h run copies a
// few rows, not the whole day.
class StoreReader {
 public:
  explicit StoreReader(const SeriesStore& store) : store_(store) {}

  struct Delta {
    std::vector<SeriesId> new_series;  // every series in `rows` is announced here or earlier
    std::vector<GroupRows> rows;       // groups with new rows only
    std::vector<Event> events;
    std::uint64_t dropped_rows = 0;    // rows a bounded store let go before this reader saw them
    bool empty() const { return new_series.empty() && rows.empty() && events.empty(); }
  };

  Delta read();

 private:
  const SeriesStore& store_;
  std::size_t series_seen_ = 0;
  std::vector<std::uint64_t> next_row_;  // per group
  std::uint64_t next_event_ = 0;
};

}  // namespace lh::probe
