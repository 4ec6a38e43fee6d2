#pragma once

#include <QString>
#include <memory>
#include <optional>

#include "probe/series_store.h"

namespace lh::ui {

// What the dashboard, the events list and the verdict panel look at: the
// series of one session (a live run's store, still growing, or a recorded
// session's), which of its groups hold the probes and the load, and the
// memory limit to draw. The store is shared: a view keeps it alive however
// long the run or the loaded session that filled it lasts.
struct SessionView {
  std::shared_ptr<const probe::SeriesStore> store;
  probe::GroupId probe_group = 0;
  std::optional<probe::GroupId> load_group;
  std::optional<double> memory_limit_mib;
  bool live = false;  // rows are still being added
  QString name;
  // Where its journal is (what Export writes from); empty when it has none.
  QString folder;
  // How a recorded session ended, in words for the status line ("Killed:
  // rebuilt from its journal up to 00:09:59"); empty while live.
  QString ended;

  bool empty() const { return store == nullptr; }
};

}  // namespace lh::ui
