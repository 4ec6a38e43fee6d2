#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <catch2/catch.hpp>

#include "dashboard/series_list_model.h"
#include "events/events_model.h"
#include "fed_store.h"

using namespace Qt::StringLiterals;
using lh::Event;
using lh::EventKind;
using lh::ui::EventsModel;
using lh::ui::SeriesListModel;
using Tester = QAbstractItemModelTester;

TEST_CASE("the events model lists events with their times, and grows") {
  EventsModel model;
  Tester tester(&model, Tester::FailureReportingMode::Fatal);
  CHECK(model.rowCount() == 0);
  model.append({{4.2, "segmentation", EventKind::unreachable, "connection refused"},
                {250.0, "segmentation", EventKind::restart, "pid 11 -> 12"}});
  model.append({{3725.5, "load", EventKind::stage, "stage 2: 20 -> 40 requests/s"}});
  REQUIRE(model.rowCount() == 3);
  CHECK(model.columnCount() == EventsModel::ColumnCount);
  CHECK(model.index(1, EventsModel::TimeColumn).data().toString() == u"00:04:10"_s);
  CHECK(model.index(2, EventsModel::TimeColumn).data().toString() == u"01:02:05"_s);
  CHECK(model.index(1, EventsModel::KindColumn).data().toString() == u"restart"_s);
  CHECK(model.index(0, EventsModel::DetailColumn).data().toString() == u"connection refused"_s);
  CHECK(model.index(2, EventsModel::SourceColumn).data().toString() == u"load"_s);
  CHECK(model.index(2, 0).data(EventsModel::TimeRole).toDouble() == 3725.5);
  CHECK(model.index(1, 0).data(EventsModel::KindRole).toInt() == static_cast<int>(EventKind::restart));
  CHECK(model.restarts() == 1);
  CHECK(model.headerData(EventsModel::TimeColumn, Qt::Horizontal).toString() == u"Time"_s);
  model.clear();
  CHECK(model.rowCount() == 0);
  CHECK(model.restarts() == 0);
}

TEST_CASE("the series list offers series with check boxes, remembered by name") {
  lh::ui::test::FedStore fed;
  fed.write(3);
  SeriesListModel model;
  Tester tester(&model, Tester::FailureReportingMode::Fatal);
  model.reset(fed.store());
  QSignalSpy changed(&model, &SeriesListModel::checkedChanged);
  model.setSeries({fed.cache});
  model.setSeries({fed.cache, fed.cpu});  // a running session only adds
  REQUIRE(model.rowCount() == 2);
  CHECK(model.index(0).data().toString() == u"language_processor.cache_size"_s);
  CHECK(model.index(0).data(Qt::ToolTipRole).toString().contains(u"cache size"_s));
  CHECK(model.index(0).data(Qt::CheckStateRole).toInt() == Qt::Unchecked);
  CHECK(model.flags(model.index(0)).testFlag(Qt::ItemIsUserCheckable));

  REQUIRE(model.setData(model.index(0), Qt::Checked, Qt::CheckStateRole));
  CHECK(changed.count() == 1);
  CHECK(model.checkedSeries() == std::vector<lh::probe::SeriesId>{fed.cache});
  CHECK(model.checkedNames() == QStringList{u"language_processor.cache_size"_s});

  // The next session has the same series under another id: still checked.
  lh::ui::test::FedStore next;
  next.write(1);
  model.reset(next.store());
  model.setSeries({next.cpu, next.cache});
  CHECK(model.checkedSeries() == std::vector<lh::probe::SeriesId>{next.cache});
  model.setChecked(next.cache, false);
  CHECK(model.checkedSeries().empty());
}
