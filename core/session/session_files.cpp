#include "session/session_files.h"

#include <cmath>
#include <functional>

#include "common/atomic_file.h"
#include "common/csv.h"
#include "common/iso_time.h"
#include "probe/csv_writers.h"
#include "session/journal_records.h"
#include "session/load_series.h"
#include "session/session_summary.h"

namespace lh::session {

void write_samples_csv(const SessionData& data, std::ostream& out) {
  probe::write_monitor_csv(out, *data.store, data.probe_group, data.clock);
}

void write_events_csv(const SessionData& data, std::ostream& out) {
  probe::write_events_header(out);
  probe::write_events(out, data.events(), data.clock);
}

void write_requests_csv(const SessionData& data, std::ostream& out) {
  CsvWriter csv(out);
  csv.field("t_s").field("time").field("requests").field("errors").field("p50_ms").field("p99_ms").field("in_flight").field("target");
  csv.end_row();
  if (!data.load_group) return;
  const probe::GroupRows rows = data.store->read_rows(*data.load_group, 0);
  auto column = [&](std::string_view metric) -> const std::vector<double>* {
    const auto id = find_load_series(*data.store, metric);
    for (std::size_t i = 0; id && i < rows.series.size(); ++i) {
      if (rows.series[i] == *id) return &rows.values[i];
    }
    return nullptr;
  };
  const auto* requests = column(load_metric::requests_total);
  const auto* errors = column(load_metric::errors_total);
  const auto* p50 = column(load_metric::p50_ms);
  const auto* p99 = column(load_metric::p99_ms);
  const auto* in_flight = column(load_metric::in_flight);
  const auto* target = column(load_metric::target);
  const double nan = std::nan("");
  auto at = [&](const std::vector<double>* c, std::size_t k) { return c ? (*c)[k] : nan; };
  // Counts come from the running totals: exact, also for a last second
  // shorter than one.
  double requests_before = 0, errors_before = 0;
  for (std::size_t k = 0; k < rows.t.size(); ++k) {
    const double r = at(requests, k), e = at(errors, k);
    csv.field(journal::rounded_ms(rows.t[k])).field(format_iso8601(data.clock.wall_at(rows.t[k])));
    csv.field(static_cast<std::int64_t>(std::llround(r - requests_before)));
    csv.field(static_cast<std::int64_t>(std::llround(e - errors_before)));
    csv.field(at(p50, k)).field(at(p99, k)).field(at(in_flight, k)).field(at(target, k));
    csv.end_row();
    if (std::isfinite(r)) requests_before = r;
    if (std::isfinite(e)) errors_before = e;
  }
}

std::vector<std::filesystem::path> write_session_files(const SessionData& data, const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> written;
  auto write = [&](const char* name, const std::function<void(std::ostream&)>& body) {
    write_file_atomically(folder / name, body);
    written.push_back(folder / name);
  };
  write(kSamplesCsv, [&](std::ostream& out) { write_samples_csv(data, out); });
  write(kEventsCsv, [&](std::ostream& out) { write_events_csv(data, out); });
  // A session that only watched sent no requests: it has no request table.
  if (data.with_load) write(kRequestsCsv, [&](std::ostream& out) { write_requests_csv(data, out); });
  write(kSummaryJson, [&](std::ostream& out) {
    out << nlohmann::ordered_json(summarize(data)).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)
        << '\n';
  });
  return written;
}

}  // namespace lh::session
