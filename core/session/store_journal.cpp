#include "session/store_journal.h"

#include <algorithm>
#include <cmath>

#include "session/journal_records.h"

namespace lh::session {

StoreJournal::StoreJournal(const probe::SeriesStore& store, JournalWriter& journal)
    : store_(store), journal_(journal), reader_(store) {}

const probe::StoreReader::Delta& StoreJournal::write_new() {
  delta_ = reader_.read();
  // Groups after the read: every group a new series belongs to exists by now.
  for (; groups_written_ < store_.group_count(); ++groups_written_) {
    const probe::GroupId g = static_cast<probe::GroupId>(groups_written_);
    journal_.append(journal::GroupRecord{.id = g, .name = store_.group(g).name});
  }
  for (probe::SeriesId id : delta_.new_series) {
    const probe::SeriesInfo& s = store_.series(id);
    journal_.append(journal::SeriesRecord{
        .id = id, .group = s.group, .name = s.name, .source = s.source, .metric = s.metric, .meaning = s.meaning});
  }
  if (!delta_.new_series.empty()) series_written_ = delta_.new_series.back() + std::size_t{1};
  // A series picked as watched after this read announced it waits for the
  // next call: a record never names a series before its own record.
  if (const auto watched = store_.watched_memory(); watched && watched != watched_ && *watched < series_written_) {
    watched_ = watched;
    journal_.append(journal::WatchedRecord{.series = *watched});
  }
  for (const probe::GroupRows& rows : delta_.rows) {
    nlohmann::json t = nlohmann::json::array();
    for (double v : rows.t) t.push_back(journal::rounded_ms(v));
    // A series with only gaps in these rows is left out of the record (the
    // reader reads what a record leaves out as gaps): series that stopped
    // answering, such as a churning label's, cost the journal nothing.
    nlohmann::json series = nlohmann::json::array();
    nlohmann::json values = nlohmann::json::array();
    for (std::size_t i = 0; i < rows.values.size(); ++i) {
      const auto& column = rows.values[i];
      if (std::all_of(column.begin(), column.end(), [](double v) { return std::isnan(v); })) continue;
      nlohmann::json c = nlohmann::json::array();
      for (double v : column) c.push_back(journal::number_or_null(v));
      series.push_back(rows.series[i]);
      values.push_back(std::move(c));
    }
    journal_.append({{"type", "rows"},
                     {"group", rows.group},
                     {"from", rows.first_row},
                     {"t", std::move(t)},
                     {"series", std::move(series)},
                     {"v", std::move(values)}});
  }
  for (const Event& e : delta_.events) journal_.append(journal::to_json(e));
  return delta_;
}

}  // namespace lh::session
