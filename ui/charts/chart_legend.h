#pragma once

#include <QColor>
#include <QFont>
#include <QGraphicsItem>
#include <QString>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace lh::ui::charts {

// The chart's header: its title in bold, then the legend (a line sample in
// each series' own colour, and its name), in a row above the plot, aligned
// with it, wrapping when needed. One row instead of QChart's title stacked
// over a legend keeps small dashboard charts mostly plot.
//
// LeakHound draws its own: QLegend lists QLineSeries, and the lines here
// are drawn by SeriesLayer (see series_layer.h for why).
class ChartLegend : public QGraphicsItem {
 public:
  struct Entry {
    QString name;
    QColor colour;
    qreal width = 1;
  };

  explicit ChartLegend(QChart* chart);

  void setTitle(const QString& title);
  void setEntries(std::vector<Entry> entries);
  void setTextColour(const QColor& colour);
  // Places the legend above the plot; returns the height it needs, which
  // the chart reserves as its top margin.
  qreal layOut(qreal left, qreal right);

  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  struct Placed {
    QPointF at;
    std::size_t entry;
  };
  qreal entryWidth(const Entry& entry) const;

  QFont font_;
  QFont title_font_;
  QString title_;
  QPointF title_at_;
  QColor text_;
  std::vector<Entry> entries_;
  std::vector<Placed> placed_;
  QRectF bounds_;
};

}  // namespace lh::ui::charts
