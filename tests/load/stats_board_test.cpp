// The board where workers' batches meet: per-second rows (gaps included),
// readers' cursors, and bounded memory.
#include <catch2/catch.hpp>
#include <cmath>

#include "load/stats_board.h"

using lh::load::LoadSnapshot;
using lh::load::SnapshotCursor;
using lh::load::StatsBoard;
using lh::load::WorkerReport;

namespace {

WorkerReport report(int worker, std::int64_t second, std::uint64_t requests, std::int64_t latency_ms, std::int64_t watermark) {
  WorkerReport r;
  r.worker = worker;
  r.second = second;
  r.totals.completed = requests;
  r.totals.started = requests;
  for (std::uint64_t i = 0; i < requests; ++i) r.latency.record_ns(latency_ms * 1000000);
  r.watermark = watermark;
  return r;
}

}  // namespace

TEST_CASE("a second's row is finished once every worker has moved past it") {
  StatsBoard board(2, 100.0);
  board.publish(report(0, 0, 10, 5, 1));
  LoadSnapshot s;
  board.fill(s, {});
  CHECK(s.rows.empty());  // worker 1 may still report second 0
  board.publish(report(1, 0, 30, 1, 1));
  s = {};
  board.fill(s, {});
  REQUIRE(s.rows.size() == 1);
  CHECK(s.rows[0].t_s == 100.0);
  CHECK(s.rows[0].requests == 40);
  CHECK(s.rows[0].p50_ms == Approx(1).epsilon(0.01));
  CHECK(s.rows[0].p99_ms == Approx(5).epsilon(0.01));
  CHECK(s.totals.completed == 40);
  CHECK(s.latency.count == 40);
}

TEST_CASE("seconds in which nothing completed still get a row: a stall shows") {
  StatsBoard board(1, 0.0);
  board.publish(report(0, 0, 10, 1, 1));
  board.publish(report(0, 3, 5, 900, 4));  // nothing came back in seconds 1 and 2
  LoadSnapshot s;
  board.fill(s, {});
  REQUIRE(s.rows.size() == 4);
  CHECK(s.rows[1].requests == 0);
  CHECK(std::isnan(s.rows[1].p50_ms));
  CHECK(s.rows[2].requests == 0);
  CHECK(s.rows[3].requests == 5);
  CHECK(s.rows[3].t_s == 3.0);
}

TEST_CASE("a reader gets each row once through its cursor, and the last partial second at the end") {
  StatsBoard board(1, 0.0);
  board.publish(report(0, 0, 10, 1, 1));
  LoadSnapshot first;
  board.fill(first, {});
  REQUIRE(first.rows.size() == 1);
  board.publish(report(0, 1, 20, 1, 2));
  LoadSnapshot second;
  board.fill(second, first.cursor);
  REQUIRE(second.rows.size() == 1);
  CHECK(second.rows[0].requests == 20);
  LoadSnapshot none;
  board.fill(none, second.cursor);
  CHECK(none.rows.empty());

  board.publish(report(0, 2, 4, 1, 2));
  board.worker_done(0);
  board.finish(2.5);
  LoadSnapshot last;
  board.fill(last, second.cursor);
  REQUIRE(last.rows.size() == 1);
  CHECK(last.rows[0].requests == 4);
  CHECK(last.rows[0].interval_s == Approx(0.5));
  // The current rate is the last whole second's, not 4 in half a second.
  CHECK(last.current_requests_per_second == 20);
}

TEST_CASE("a run over within milliseconds has the requests it completed as its rate, not thousands a second") {
  // Four connections refused 1 ms in (a target down): "4,000 req/s" before.
  StatsBoard board(1, 0.0);
  board.publish(report(0, 0, 4, 1, 0));
  board.worker_done(0);
  board.finish(0.001);
  LoadSnapshot s;
  board.fill(s, {});
  REQUIRE(s.rows.size() == 1);
  CHECK(s.current_requests_per_second == 4);
}

TEST_CASE("rows beyond the kept window are dropped, and the reader is told") {
  StatsBoard board(1, 0.0, 10);
  for (int second = 0; second < 25; ++second) board.publish(report(0, second, 1, 1, second + 1));
  LoadSnapshot s;
  board.fill(s, {});
  CHECK(s.rows.size() == 10);
  CHECK(s.rows.front().t_s == 15.0);
  CHECK(s.rows_dropped == 15);
  CHECK(s.cursor.next_row == 25);
  CHECK(s.totals.completed == 25);  // totals keep everything
}

TEST_CASE("a stage is recorded once however many workers notice it") {
  StatsBoard board(2, 0.0);
  const lh::Event e{1.0, "load", lh::EventKind::stage, "stage 1/2"};
  board.enter_stage(0, e);
  board.enter_stage(0, e);
  board.enter_stage(1, lh::Event{2.0, "load", lh::EventKind::stage, "stage 2/2"});
  board.enter_stage(0, e);
  LoadSnapshot s;
  board.fill(s, {});
  REQUIRE(s.events.size() == 2);
  CHECK(s.events[1].detail == "stage 2/2");
  LoadSnapshot later;
  board.fill(later, s.cursor);
  CHECK(later.events.empty());
}
