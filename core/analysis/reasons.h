#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/regimes.h"
#include "analysis/sen_slope.h"
#include "analysis/verdict.h"

namespace lh::analysis {

// The reasons of a verdict in plain words, in the series' unit, with times
// on the run's timeline as "00:04:10". Slopes come in per second and are
// written per hour.
class ReasonWriter {
 public:
  explicit ReasonWriter(std::string unit) : unit_(std::move(unit)) {}

  void set_warmup(double until_s);
  void segments(std::size_t count, int restarts, const std::vector<SegmentResult>& results);
  void changes(const Window& window);
  void sawtooth(double period_s);
  // `gate` is the practical size, per second.
  void restart_growth(int restarts, const std::vector<SegmentResult>& segments, double gate);
  void window(const SlopeEstimate& slope, double p, double from_s, double to_s);
  void too_little(double analysed_s, double needed_s);
  void still_growing(double late_slope, double late_s);
  void below_gate(double high, double gate);
  void stopped(double late_slope, double late_s, double gate);
  struct Gates {
    bool trend, big_enough, still_growing, slowed_near_end;
  };
  void undecided(Gates passed, const SlopeEstimate& all, const SlopeEstimate& late, double gate, double p);
  void per_requests(double growth_per_1000);
  void cache_full(double since_s, bool still_growing);
  void limit(double limit, std::optional<double> hours, std::optional<double> low, std::optional<double> high);

  std::vector<std::string> take();

 private:
  std::string rate(double per_second) const;
  std::string amount(double value) const;
  void flush_changes();

  std::string unit_;
  std::vector<std::string> lines_;
  std::vector<std::string> change_lines_;
  std::size_t segments_with_changes_ = 0;
  bool sawtooth_said_ = false;
  std::string restart_line_;
};

}  // namespace lh::analysis
