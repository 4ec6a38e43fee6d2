#pragma once

// Looks inside a TimeChartWidget the way a user's eye would: which lines
// it drew, where its axes put a value, and which pixels carry which colour.

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QImage>
#include <QValueAxis>
#include <cmath>
#include <map>

#include "charts/time_chart_widget.h"

namespace lh::ui::charts::test {

inline QChart* chart_of(TimeChartWidget& widget) {
  auto* view = widget.findChild<QChartView*>();
  return view ? view->chart() : nullptr;
}

// The unbroken lines the last redraw drew, per series name: the reduced
// points split at their gap markers.
inline std::map<QString, std::vector<QList<QPointF>>> drawn_lines(TimeChartWidget& widget) {
  std::map<QString, std::vector<QList<QPointF>>> lines;
  for (std::size_t i = 0; i < widget.content().series.size(); ++i) {
    std::vector<QList<QPointF>> runs;
    bool open = false;
    for (const lh::chart::Point& p : widget.shownPoints(i)) {
      if (std::isnan(p.value)) {
        open = false;
        continue;
      }
      if (!open) runs.emplace_back();
      runs.back().append(QPointF(p.t_s, p.value));
      open = true;
    }
    if (!runs.empty()) lines[widget.content().series[i].spec.name] = std::move(runs);
  }
  return lines;
}

// The value axis on one side of the chart.
inline QValueAxis* value_axis(TimeChartWidget& widget, Qt::Alignment side) {
  for (QAbstractAxis* a : chart_of(widget)->axes(Qt::Vertical)) {
    if (a->alignment() == side) return qobject_cast<QValueAxis*>(a);
  }
  return nullptr;
}

// Where (t, value) lands in the widget, in logical pixels, on that axis.
inline QPointF widget_point(TimeChartWidget& widget, double t_s, double value, Qt::Alignment side = Qt::AlignLeft) {
  const QRectF plot = chart_of(widget)->plotArea();
  const TimeWindow w = widget.window();
  const QValueAxis* axis = value_axis(widget, side);
  return {plot.left() + (t_s - w.begin_s) / w.span() * plot.width(),
          plot.bottom() - (value - axis->min()) / (axis->max() - axis->min()) * plot.height()};
}

inline std::size_t point_count(const std::vector<QList<QPointF>>& runs) {
  std::size_t n = 0;
  for (const auto& run : runs) n += static_cast<std::size_t>(run.size());
  return n;
}

// Shows the widget and lets the chart lay out, so the plot has its width.
inline void settle(TimeChartWidget& widget) {
  widget.show();
  for (int i = 0; i < 3; ++i) {
    QApplication::processEvents();
    widget.redrawNow();
  }
  QApplication::processEvents();
}

// A pixel carries `ink` when it is a blend of the background and the ink
// colour with at least 40 % ink: an antialiased line one pixel wide at a
// fractional position still counts; a grey axis line, or another series'
// colour, does not (it lies off the blend).
struct Ink {
  QColor colour;
  QColor background;
  bool in(QRgb pixel) const {
    const double d[3] = {double(colour.red() - background.red()), double(colour.green() - background.green()),
                         double(colour.blue() - background.blue())};
    const double p[3] = {double(qRed(pixel) - background.red()), double(qGreen(pixel) - background.green()),
                         double(qBlue(pixel) - background.blue())};
    const double dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
    if (dd == 0) return false;
    const double share = (p[0] * d[0] + p[1] * d[1] + p[2] * d[2]) / dd;
    double off = 0;
    for (int i = 0; i < 3; ++i) off += (p[i] - share * d[i]) * (p[i] - share * d[i]);
    return share >= 0.4 && std::sqrt(off) <= 40;
  }
};

// Pixels carrying `ink` in device-pixel column x, between rows top and bottom.
inline int pixels_in_column(const QImage& image, int x, int top, int bottom, const Ink& ink) {
  int n = 0;
  for (int y = std::max(0, top); y < std::min(image.height(), bottom); ++y) n += ink.in(image.pixel(x, y)) ? 1 : 0;
  return n;
}

// Ink within `radius` device pixels of a logical point.
inline int pixels_near(const QImage& image, QPointF logical, int radius, const Ink& ink) {
  const qreal dpr = image.devicePixelRatio();
  const int cx = qRound(logical.x() * dpr), cy = qRound(logical.y() * dpr);
  int n = 0;
  for (int y = cy - radius; y <= cy + radius; ++y) {
    for (int x = cx - radius; x <= cx + radius; ++x) {
      if (x >= 0 && y >= 0 && x < image.width() && y < image.height()) n += ink.in(image.pixel(x, y)) ? 1 : 0;
    }
  }
  return n;
}

inline int pixels_in_row(const QImage& image, int y, int left, int right, const Ink& ink) {
  int n = 0;
  for (int x = std::max(0, left); x < std::min(image.width(), right); ++x) n += ink.in(image.pixel(x, y)) ? 1 : 0;
  return n;
}

}  // namespace lh::ui::charts::test
