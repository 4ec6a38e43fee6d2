#include "fed_store.h"

#include <cmath>

#include "common/series_meaning.h"

namespace lh::ui::test {

FedStore::FedStore(double step_s, std::chrono::microseconds pace, probe::StoreLimits limits)
    : store_(std::make_shared<probe::SeriesStore>(limits)), step_s_(step_s), pace_(pace) {
  probe_group = store_->add_group("probe");
  load_group = store_->add_group("load");
  const auto add = [&](probe::GroupId g, const std::string& source, const std::string& metric,
                       const std::string& name) {
    return *store_->add_series(g, {name, source, metric, lh::meaning_of(metric)});
  };
  memory = add(probe_group, "segmentation", "memory.rss_mb", "memory.rss_mb");
  cpu = add(probe_group, "metrics", "process_cpu_percent", "process_cpu_percent");
  cache = add(probe_group, "segmentation", "language_processor.cache_size", "language_processor.cache_size");
  store_->set_watched_memory(memory);
  requests = add(load_group, "load", "requests_per_s", "load/requests_per_s");
  errors = add(load_group, "load", "errors_per_s", "load/errors_per_s");
  p50 = add(load_group, "load", "p50_ms", "load/p50_ms");
  p99 = add(load_group, "load", "p99_ms", "load/p99_ms");
}

FedStore::~FedStore() { stop(); }

void FedStore::row() {
  const std::uint64_t i = rows_.load();
  const double t = static_cast<double>(i) * step_s_;
  const double probe_row[] = {200 + 0.5 * t + 3 * std::sin(t / 7), 20 + 5 * std::sin(t / 11), std::min(t, 500.0)};
  store_->append_row(probe_group, t, probe_row);
  const double load_row[] = {100 + 10 * std::sin(t / 5), i % 50 == 0 ? 2.0 : 0.0, 1.5, 6.0 + std::sin(t)};
  store_->append_row(load_group, t, load_row);
  if (i == 30) store_->add_event({t, "segmentation", EventKind::restart, "pid 11 -> 12"});
  if (i == 60) store_->add_event({t, "load", EventKind::stage, "stage 2: 20 -> 40 requests/s over 1m"});
  rows_.store(i + 1);
}

void FedStore::write(std::uint64_t rows) {
  for (std::uint64_t i = 0; i < rows; ++i) row();
}

void FedStore::start(std::uint64_t rows) {
  stopping_ = false;
  writer_ = std::thread([this, rows] {
    for (std::uint64_t n = 0; !stopping_ && (rows == 0 || n < rows); ++n) {
      row();
      std::this_thread::sleep_for(pace_);
    }
  });
}

void FedStore::stop() {
  stopping_ = true;
  if (writer_.joinable()) writer_.join();
}

SessionView FedStore::view(bool live) const {
  SessionView v;
  v.store = store_;
  v.probe_group = probe_group;
  v.load_group = load_group;
  v.memory_limit_mib = 1024;
  v.live = live;
  v.name = QStringLiteral("fed store");
  return v;
}

}  // namespace lh::ui::test
