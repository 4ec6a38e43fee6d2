#pragma once

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "analysis/analyzer.h"
#include "probe/store_reader.h"
#include "session/analysed_series.h"
#include "session/requests_served.h"

namespace lh::session {

// The verdicts of a session while it runs: a LiveAnalyzer per analysed
// series (analysed_series()), fed from the same store deltas the journal
// records, so each equals what analyse() says on the same data when the
// run ends. Series that appear later (a source that was down at the start,
// a watched series picked late) get an analyzer then, filled with what the
// store already holds.
//
// One owner thread (the session's collector); not thread-safe.
class LiveVerdicts {
 public:
  // `request_counter`: the probe series that counts requests served
  // (SessionPlan::request_counter); empty: the load's count.
  LiveVerdicts(const probe::SeriesStore& store, probe::GroupId probe_group, std::optional<double> memory_limit_mib,
               analysis::AnalysisParameters params, std::string request_counter = {});

  // Everything a StoreReader delta brought: rows of the probe group (the
  // values, and the request counter's), of the load group (request counts)
  // and restart events.
  void add(const probe::StoreReader::Delta& delta);

  // Costs an analysis per series (about a quarter of a millisecond each).
  std::vector<SeriesVerdict> verdicts() const;

 private:
  struct Tracked {
    AnalysedSeries series;
    std::unique_ptr<analysis::LiveAnalyzer> analyzer;
  };

  void refresh_series();
  void fill_from_store(Tracked& tracked) const;
  void add_probe_rows(const probe::GroupRows& rows);
  void add_load_rows(const probe::GroupRows& rows);
  void add_counter_rows(const probe::GroupRows& rows);
  void add_request_count(double t_s, double count);

  const probe::SeriesStore& store_;
  const probe::GroupId probe_group_;
  const std::optional<double> limit_mib_;
  const analysis::AnalysisParameters params_;
  std::vector<Tracked> tracked_;  // in analysed_series() order
  std::uint64_t probe_rows_seen_ = 0;
  std::vector<double> restarts_;  // with their sources below, for late analyzers
  std::vector<std::string> restart_sources_;
  // Requests served so far (requests_served()'s), for late analyzers.
  std::vector<analysis::RequestCount> requests_;
  const std::string request_counter_;
  std::optional<RequestCounterSeries> counter_series_;  // once the named series exists
  std::optional<CounterIncrease> counter_increase_;
  std::size_t series_count_ = 0;
  std::optional<probe::SeriesId> watched_;
};

}  // namespace lh::session
