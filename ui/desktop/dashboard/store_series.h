#pragma once

#include <map>
#include <memory>
#include <utility>

#include "charts/chart_types.h"
#include "probe/series_store.h"

namespace lh::ui {

// Chart providers over the series of a store, for the GUI thread.
//
// Each series a chart shows gets one cached copy here, extended at every
// redraw by the rows added since the last one (SeriesStore::read_series
// from where it stopped): a 4 Hz view of a 24-hour run copies a row or two
// per series and tick, not the whole day. Series no chart asks for cost
// nothing. When a bounded store lets its oldest rows go, the copy lets
// them go too.
//
// Not thread-safe: the providers run on the GUI thread, where the charts
// pull them; the store's writers go on on their own threads.
class StoreSeries {
 public:
  explicit StoreSeries(std::shared_ptr<const probe::SeriesStore> store);

  // Values multiplied by `scale` (such as a memory series' factor to MiB).
  charts::SeriesProvider provider(probe::SeriesId id, double scale = 1.0);

  const std::shared_ptr<const probe::SeriesStore>& store() const { return store_; }
  // Bytes held by the cached copies.
  std::size_t memory_bytes() const;

 private:
  struct Cached;
  std::shared_ptr<const probe::SeriesStore> store_;
  std::map<std::pair<probe::SeriesId, double>, std::shared_ptr<Cached>> cached_;
};

}  // namespace lh::ui
