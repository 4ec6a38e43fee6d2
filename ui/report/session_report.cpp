#include "report/session_report.h"

#include <QtGlobal>
#include <algorithm>

#include "common/duration.h"
#include "common/iso_time.h"
#include "report/pdf_pages.h"
#include "report/report_tables.h"
#include "report/session_charts.h"
#include "session/requests_served.h"
#include "session/restart_count.h"
#include "analysis/verdict_words.h"

namespace lh::ui::report {

using namespace Qt::StringLiterals;

namespace {

constexpr qreal kHeadlineHeight = 380;
constexpr qreal kChartHeight = 235;
constexpr qreal kSmallChartHeight = 200;
constexpr std::size_t kMaxEventsListed = 60;

QString q(const std::string& s) { return QString::fromStdString(s); }

QString subtitle(const session::SessionData& data) {
  QString text = u"Started "_s + q(format_iso8601(data.started())) + u" · ran "_s +
                 q(format_duration(Seconds(data.end_s))) + u" · "_s;
  if (data.killed()) return text + u"killed: rebuilt from its journal up to its last record"_s;
  return text + q(data.state);
}

QString reasons_html(const analysis::Verdict& v) {
  if (v.reasons.empty()) return {};
  QString html = u"<ul style='margin-left:0; -qt-list-indent:1'>"_s;
  for (const std::string& r : analysis::reason_lines(v)) html += u"<li>"_s + escaped(q(r)) + u"</li>"_s;
  return html + u"</ul>"_s;
}

void first_page(PdfPages& pages, const session::SessionData& data, const SessionChartSource& source,
                charts::TimeWindow window) {
  pages.title(u"LeakHound report: "_s + q(data.name.empty() ? data.folder.filename().string() : data.name),
              subtitle(data));
  const session::SeriesVerdict* watched = data.watched();
  const QString sentence = q(watched ? analysis::verdict_sentence(watched->name, watched->verdict) : std::string(analysis::kNoWatchedMemory));
  pages.callout(u"<div style='font-size:12.5pt; color:#111827'>"_s + escaped(sentence) + u"</div>"_s,
                verdict_colour(watched ? watched->verdict.kind : analysis::VerdictKind::inconclusive));
  if (auto chart = watched_memory_chart(source, false)) {
    // Where the verdict's evidence begins: what came before was warm-up.
    if (watched && watched->verdict.has_estimate && watched->verdict.window_from_s > 0) {
      chart->markers.push_back({watched->verdict.window_from_s, u"analysed from here"_s, charts::MarkerKind::note});
    }
    pages.chart(*chart, window, kHeadlineHeight);
  }

  Rows figures;
  if (const auto& load = data.load) {
    figures.emplace_back(u"Requests"_s, grouped(static_cast<double>(load->completed)) + u" completed at "_s +
                                            QString::number(load->requests_per_second, 'f', 1) + u" requests/s; "_s +
                                            grouped(static_cast<double>(load->failed + load->non_2xx)) + u" errors"_s);
    figures.emplace_back(u"Latency"_s, u"p50 "_s + QString::number(load->latency.p50_ms, 'f', 2) + u" ms · p99 "_s +
                                           QString::number(load->latency.p99_ms, 'f', 2) + u" ms"_s);
  } else if (!data.with_load) {
    figures.emplace_back(u"Load"_s, u"none sent: the session only watched"_s);
  }
  if (!data.request_counter.empty()) {
    const auto served = session::requests_served(*data.store, data.probe_group, data.request_counter);
    const QString counter = escaped(q(data.request_counter));
    figures.emplace_back(u"Requests served"_s, served.empty() ? QString(u"not counted: no series "_s + counter)
                                                              : QString(grouped(served.back().count) + u", counted by "_s + counter));
  }
  for (const session::SeriesVerdict& v : data.verdicts) {
    figures.emplace_back(escaped(q(v.name)) + (v.watched ? u" (watched)"_s : QString()),
                         u"<span style='color:"_s + verdict_colour(v.verdict.kind).name() + u"'><b>"_s +
                             verdict_words(v.verdict) + u"</b></span>"_s);
  }
  figures.emplace_back(u"Restarts"_s, QString::number(session::count_restarts(source.events)));
  pages.table(figures);
  if (watched && !watched->verdict.reasons.empty()) {
    pages.subheading(u"Why"_s, 40);
    pages.html(reasons_html(watched->verdict));
  }
}

void chart_pages(PdfPages& pages, const session::SessionData& data, const SessionChartSource& source,
                 charts::TimeWindow window) {
  pages.new_page();
  pages.heading(data.with_load ? u"Memory, CPU and load"_s : u"Memory and CPU"_s, kChartHeight);
  if (auto chart = watched_memory_chart(source, true)) pages.chart(*chart, window, kChartHeight);
  if (auto chart = throughput_chart(source)) pages.chart(*chart, window, kChartHeight);
  if (auto chart = latency_chart(source)) pages.chart(*chart, window, kChartHeight);

  bool headed = false;
  for (const session::SeriesVerdict& v : data.verdicts) {
    if (v.watched) continue;
    if (!headed) pages.heading(u"Other memory and cache series"_s, kSmallChartHeight);
    headed = true;
    pages.chart(series_chart(source, v.series), window, kSmallChartHeight);
  }
}

void evidence(PdfPages& pages, const session::SessionData& data) {
  pages.heading(u"Leak evidence"_s, 180);
  if (data.verdicts.empty()) pages.html(escaped(q(analysis::kNoWatchedMemory)));
  for (const session::SeriesVerdict& v : data.verdicts) {
    pages.subheading(escaped(q(v.name)) + (v.watched ? u" (the watched memory)"_s : QString()), 160);
    pages.table(evidence_rows(v));
    if (!v.verdict.reasons.empty()) pages.html(reasons_html(v.verdict));
  }
}

void events(PdfPages& pages, const session::SessionData& data) {
  const std::vector<Event> all = data.events();
  pages.heading(u"Events"_s, 60);
  if (all.empty()) {
    pages.html(u"No restarts, probe faults or stage changes."_s);
    return;
  }
  Rows rows;
  for (std::size_t i = 0; i < std::min(all.size(), kMaxEventsListed); ++i) {
    const Event& e = all[i];
    rows.emplace_back(q(format_clock(Seconds(e.t_s))) + u"  "_s + escaped(q(std::string(to_string(e.kind)))),
                      escaped(q(e.source + ": " + e.detail)));
  }
  pages.table(rows, 0.25);
  if (all.size() > kMaxEventsListed) {
    pages.html(u"… and "_s + grouped(static_cast<double>(all.size() - kMaxEventsListed)) +
               u" more; events.csv lists them all."_s);
  }
}

void settings(PdfPages& pages, const session::SessionData& data) {
  const bool from_file = data.scenario.is_object() && !data.scenario.empty();
  pages.heading(from_file ? u"Scenario settings"_s : u"Settings"_s, 120);
  pages.html(from_file ? u"As the scenario file gives them; secrets are not shown."_s
                       : u"The run's resolved settings; header values are not shown."_s);
  pages.table(flattened(from_file ? data.scenario : data.settings), 0.4);
}

void environment(PdfPages& pages, const session::SessionData& data) {
  pages.heading(u"Environment"_s, 200);
  Rows rows = environment_rows(data.environment);
  rows.emplace_back(u"Qt (report)"_s, QString::fromLatin1(qVersion()));
  rows.emplace_back(u"Started"_s, q(format_iso8601(data.started())));
  rows.emplace_back(u"Ended"_s, data.ended ? q(format_iso8601(*data.ended))
                                           : q(format_iso8601(data.clock.wall_at(data.end_s))) + u" (last record)"_s);
  rows.emplace_back(u"Session folder"_s, escaped(q(data.folder.string())));
  if (data.torn_tail) rows.emplace_back(u"Journal"_s, u"its last line was cut short by the kill and left out"_s);
  pages.table(rows);
}

}  // namespace

void write_session_report(const session::SessionData& data, const std::filesystem::path& path) {
  const std::vector<Event> all_events = data.events();
  const SessionChartSource source{*data.store, data.probe_group, data.load_group, all_events, data.memory_limit_mib,
                                  [&](probe::SeriesId id) { return copied_series(data.store, id); }};
  // A little room after the end: the last tick's label is not cut in half.
  const double span = std::max(data.end_s, 1.0);
  const charts::TimeWindow window{0, span * 1.04};

  PdfPages pages(path, u"LeakHound: "_s + q(data.name));
  first_page(pages, data, source, window);
  chart_pages(pages, data, source, window);
  if (data.with_load) {
    pages.heading(u"Load statistics"_s, 200);
    pages.table(load_rows(data.load));
  }
  evidence(pages, data);
  events(pages, data);
  settings(pages, data);
  environment(pages, data);
  pages.finish();
}

}  // namespace lh::ui::report
