#pragma once

#include <optional>

#include "probe/store_reader.h"
#include "session/journal_writer.h"

namespace lh::session {

// Appends what a store gained since the last call to the journal, as
// "group", "series", "rows", "event" and "watched" records
// (docs/SESSIONS.md), and hands the same delta back so the caller can feed
// its analyzers from the one read.
class StoreJournal {
 public:
  StoreJournal(const probe::SeriesStore& store, JournalWriter& journal);

  const probe::StoreReader::Delta& write_new();

 private:
  const probe::SeriesStore& store_;
  JournalWriter& journal_;
  probe::StoreReader reader_;
  probe::StoreReader::Delta delta_;
  std::size_t groups_written_ = 0;
  std::size_t series_written_ = 0;
  std::optional<probe::SeriesId> watched_;
};

}  // namespace lh::session
