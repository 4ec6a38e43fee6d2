#include "report/compare_chart.h"

#include <algorithm>

#include "charts/series_providers.h"

namespace lh::ui::report {

using namespace Qt::StringLiterals;

charts::ChartContent compare_chart(const session::Comparison& c) {
  const auto q = [](const std::string& s) { return QString::fromStdString(s); };
  charts::ChartContent chart;
  chart.title = u"Watched memory, A and B"_s;
  chart.bottom_axis =
      c.by == session::CompareBy::requests ? charts::BottomAxis::count : charts::BottomAxis::elapsed_time;
  chart.left_axis = {u"Memory ("_s + q(c.a.unit) + u")"_s, true};
  chart.series.push_back({charts::SeriesSpec{u"A: "_s + q(c.a.name), charts::ValueAxis::left, 1},
                          charts::fixed_series(c.a.x, c.a.values), true});
  chart.series.push_back({charts::SeriesSpec{u"B: "_s + q(c.b.name), charts::ValueAxis::left, 0},
                          charts::fixed_series(c.b.x, c.b.values), true});
  return chart;
}

charts::TimeWindow compare_window(const session::Comparison& c) {
  double end = 1;
  for (const auto* run : {&c.a, &c.b}) {
    if (!run->x.empty()) end = std::max(end, run->x.back());
  }
  return charts::TimeWindow{0, end};
}

}  // namespace lh::ui::report
