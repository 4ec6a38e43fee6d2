#include "report/report_tables.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

#include "analysis/amounts.h"
#include "analysis/verdict_words.h"
#include "common/duration.h"
#include "common/grouped_count.h"
#include "common/size.h"
#include "report/pdf_pages.h"

namespace lh::ui::report {

using namespace Qt::StringLiterals;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
QString num(double v, int decimals) { return QLocale(QLocale::English).toString(v, 'f', decimals); }

QString ms(double v) { return std::isfinite(v) ? num(v, v < 10 ? 2 : 1) + u" ms"_s : u"-"_s; }

QString rate(double per_hour, const std::string& unit) {
  return escaped(q(analysis::format_amount(per_hour, unit))) + u"/h"_s;
}

QString clock(double t_s) { return q(format_clock(Seconds(t_s))); }

void flatten(const nlohmann::json& j, const std::string& path, Rows& out, std::size_t max_rows) {
  if (out.size() >= max_rows) return;
  if (j.is_object() && !j.empty()) {
    for (const auto& [key, value] : j.items()) flatten(value, path.empty() ? key : path + "." + key, out, max_rows);
  } else if (j.is_array() && !j.empty() && (j.front().is_object() || j.front().is_array())) {
    for (std::size_t i = 0; i < j.size(); ++i) flatten(j[i], path + "[" + std::to_string(i) + "]", out, max_rows);
  } else {
    std::string text = j.is_string() ? j.get<std::string>() : j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text.size() > 300) text = text.substr(0, 300) + "…";
    out.emplace_back(escaped(q(path)), escaped(q(text)));
  }
}

}  // namespace

QString grouped(double count) {
  return QString::fromStdString(grouped_count(static_cast<std::uint64_t>(std::llround(std::max(count, 0.0)))));
}

QColor verdict_colour(analysis::VerdictKind kind) {
  switch (kind) {
    case analysis::VerdictKind::leak: return QColor::fromRgb(0xdc2626);
    case analysis::VerdictKind::no_leak: return QColor::fromRgb(0x15803d);
    case analysis::VerdictKind::inconclusive: break;
  }
  return QColor::fromRgb(0xb45309);
}

QString verdict_words(const analysis::Verdict& v) {
  QString words = q(std::string(analysis::to_string(v.kind)));
  if (v.kind != analysis::VerdictKind::inconclusive) words += u" (confidence "_s + num(v.confidence, 2) + u")"_s;
  return words;
}

Rows load_rows(const std::optional<load::LoadSummary>& summary) {
  Rows rows;
  if (!summary) {
    rows.emplace_back(u"Load"_s, u"no figures recorded"_s);
    return rows;
  }
  const load::LoadSummary& load = *summary;
  const auto count = [](std::uint64_t n) { return grouped(static_cast<double>(n)); };
  rows.emplace_back(u"State"_s, escaped(q(load.state)));
  rows.emplace_back(u"Running time"_s, q(format_duration(Seconds(load.duration_s))));
  const QString connections = grouped(load.concurrency);
  const QString model = load.rate ? QString(u"open: "_s + num(*load.rate, 1) + u" requests/s over up to "_s +
                                            connections + u" connections"_s)
                                  : QString(u"closed: "_s + connections + u" requests in flight"_s);
  rows.emplace_back(u"Model"_s, model);
  rows.emplace_back(u"Requests"_s, count(load.completed) + u" completed, "_s + count(load.failed) + u" failed, "_s +
                                       count(load.non_2xx) + u" answered outside 2xx, "_s + count(load.aborted) +
                                       u" aborted at the end"_s);
  rows.emplace_back(u"Throughput"_s, num(load.requests_per_second, 1) + u" requests/s"_s);
  const load::LatencySummary& l = load.latency;
  rows.emplace_back(u"Latency percentiles"_s, u"p50 "_s + ms(l.p50_ms) + u" · p75 "_s + ms(l.p75_ms) + u" · p90 "_s +
                                                  ms(l.p90_ms) + u" · p95 "_s + ms(l.p95_ms) + u" · p99 "_s +
                                                  ms(l.p99_ms) + u" · p99.9 "_s + ms(l.p99_9_ms));
  rows.emplace_back(u"Latency range"_s, u"min "_s + ms(l.min_ms) + u" · mean "_s + ms(l.mean_ms) + u" · max "_s + ms(l.max_ms));
  QStringList codes;
  for (const auto& [code, n] : load.status_codes) codes << QString::number(code) + u": "_s + count(n);
  rows.emplace_back(u"Status codes"_s, codes.isEmpty() ? u"none"_s : codes.join(u" · "_s));
  QStringList failures;
  for (const auto& [cause, n] : load.failures) {
    if (n > 0) failures << q(cause) + u": "_s + count(n);
  }
  rows.emplace_back(u"Failures by cause"_s, failures.isEmpty() ? u"none"_s : failures.join(u" · "_s));
  rows.emplace_back(u"Connections opened"_s, count(load.connections_opened));
  rows.emplace_back(u"Bytes"_s, q(format_bytes(static_cast<double>(load.bytes_received))) + u" received, "_s +
                                    q(format_bytes(static_cast<double>(load.bytes_sent))) + u" sent"_s);
  if (load.first_error) rows.emplace_back(u"First error"_s, escaped(q(*load.first_error)));
  return rows;
}

Rows evidence_rows(const session::SeriesVerdict& sv) {
  const analysis::Verdict& v = sv.verdict;
  Rows rows;
  rows.emplace_back(u"Verdict"_s, u"<b>"_s + verdict_words(v) + u"</b>"_s);
  if (v.has_estimate) {
    rows.emplace_back(u"Slope (95 % interval)"_s, rate(v.slope_per_hour, v.unit) + u" ("_s +
                                                      rate(v.slope_ci_low, v.unit) + u" to "_s +
                                                      rate(v.slope_ci_high, v.unit) + u")"_s);
    rows.emplace_back(u"Window analysed"_s, clock(v.window_from_s) + u" to "_s + clock(v.window_to_s));
    rows.emplace_back(u"Growth over the window"_s, escaped(q(analysis::format_amount(v.growth, v.unit))));
    rows.emplace_back(u"Trend test"_s, v.p_value < 0.001 ? u"p &lt; 0.001"_s : u"p = "_s + num(v.p_value, 3));
    rows.emplace_back(u"Size that counts as a leak"_s, rate(v.practical_slope_per_hour, v.unit));
  }
  if (v.growth_per_1000_requests) {
    rows.emplace_back(u"Growth per 1,000 requests"_s, escaped(q(analysis::format_amount(*v.growth_per_1000_requests, v.unit))));
  }
  if (v.time_to_limit_h) {
    rows.emplace_back(u"Time to the limit"_s, escaped(q(analysis::time_to_limit_text(v))));
  }
  rows.emplace_back(u"Restarts"_s, QString::number(v.restarts));
  return rows;
}

Rows flattened(const nlohmann::json& object, std::size_t max_rows) {
  Rows rows;
  flatten(object, "", rows, max_rows);
  return rows;
}

Rows environment_rows(const session::Environment& env) {
  Rows rows;
  auto add = [&](const char16_t* name, const std::string& value) {
    if (!value.empty()) rows.emplace_back(QString::fromUtf16(name), escaped(q(value)));
  };
  add(u"Host", env.host);
  add(u"Operating system", env.os);
  add(u"Kernel", env.kernel);
  add(u"CPU", env.cpu.empty() ? std::string() : env.cpu + " (" + std::to_string(env.cpus) + " online)");
  if (env.memory_gib > 0) rows.emplace_back(u"Memory"_s, num(env.memory_gib, 1) + u" GiB"_s);
  add(u"LeakHound", env.leakhound);
  add(u"libcurl", env.libcurl);
  add(u"Compiler", env.compiler);
  return rows;
}

}  // namespace lh::ui::report
