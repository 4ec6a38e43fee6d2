#include "report/compare_report.h"

#include <cmath>

#include "analysis/amounts.h"
#include "common/duration.h"
#include "report/compare_chart.h"
#include "report/pdf_pages.h"
#include "report/report_tables.h"

namespace lh::ui::report {

using namespace Qt::StringLiterals;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QString per_hour(const std::optional<double>& v, const std::string& unit) {
  return v ? escaped(q(analysis::format_amount(*v, unit))) + u"/h"_s : u"too little data"_s;
}

QString amount(const std::optional<double>& v, const std::string& unit) {
  return v ? escaped(q(analysis::format_amount(*v, unit))) : u"-"_s;
}

QString side_by_side(const QString& a, const QString& b) {
  return u"<table width='100%'><tr><td width='50%'>"_s + a + u"</td><td width='50%'>"_s + b + u"</td></tr></table>"_s;
}

QString verdict_cell(const session::ComparedRun& r) {
  return u"<span style='color:"_s + verdict_colour(r.verdict).name() + u"'><b>"_s +
         q(std::string(analysis::to_string(r.verdict))) + u"</b></span>"_s;
}

}  // namespace

void write_compare_report(const session::Comparison& c, const std::filesystem::path& path) {
  const bool by_requests = c.by == session::CompareBy::requests;
  PdfPages pages(path, u"LeakHound: before and after"_s);
  pages.title(u"Before and after: "_s + q(c.a.name) + u" → "_s + q(c.b.name),
              u"Watched memory lined up by "_s + (by_requests ? u"completed requests"_s : u"elapsed time"_s));
  const bool better = c.a.slope_per_hour && c.b.slope_per_hour && *c.b.slope_per_hour < *c.a.slope_per_hour;
  pages.callout(u"<div style='font-size:12.5pt; color:#111827'>"_s + escaped(q(c.sentence)) + u"</div>"_s,
                verdict_colour(better ? analysis::VerdictKind::no_leak : c.b.verdict));

  pages.chart(compare_chart(c), compare_window(c), 360);

  Rows rows;
  auto both = [&](const QString& name, const QString& a, const QString& b) {
    rows.emplace_back(name, side_by_side(a, b));
  };
  both(u""_s, u"<b>A</b>"_s, u"<b>B</b>"_s);
  both(u"Session"_s, escaped(q(c.a.name)), escaped(q(c.b.name)));
  both(u"Folder"_s, escaped(q(c.a.folder.string())), escaped(q(c.b.folder.string())));
  both(u"Watched memory"_s, escaped(q(c.a.series)), escaped(q(c.b.series)));
  both(u"Verdict"_s, verdict_cell(c.a), verdict_cell(c.b));
  both(u"Slope"_s, per_hour(c.a.slope_per_hour, c.a.unit), per_hour(c.b.slope_per_hour, c.b.unit));
  both(u"95 % interval"_s, per_hour(c.a.slope_ci_low, c.a.unit) + u" to "_s + per_hour(c.a.slope_ci_high, c.a.unit),
       per_hour(c.b.slope_ci_low, c.b.unit) + u" to "_s + per_hour(c.b.slope_ci_high, c.b.unit));
  both(u"Growth per 1,000 requests"_s, amount(c.a.growth_per_1000_requests, c.a.unit),
       amount(c.b.growth_per_1000_requests, c.b.unit));
  both(u"Requests completed"_s, grouped(c.a.requests), grouped(c.b.requests));
  both(u"Duration"_s, q(format_duration(Seconds(c.a.duration_s))), q(format_duration(Seconds(c.b.duration_s))));
  pages.heading(u"The two runs"_s);
  pages.table(rows, 0.28);
  pages.finish();
}

}  // namespace lh::ui::report
