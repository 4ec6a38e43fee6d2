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

// The legend: a line sample in the series' own colour and width, and its
// name, in a row (wrapping when needed) above the plot, aligned with it.
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
  QColor text_;
  std::vector<Entry> entries_;
  std::vector<Placed> placed_;
  QRectF bounds_;
};

}  // namespace lh::ui::charts
