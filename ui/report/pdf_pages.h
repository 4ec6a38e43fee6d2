#pragma once

#include <QBuffer>
#include <QFont>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <QStringList>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "charts/chart_types.h"

QT_BEGIN_NAMESPACE
class QTextDocument;
QT_END_NAMESPACE

namespace lh::ui::report {

// A4 pages filled from top to bottom: headings, paragraphs of rich text,
// key/value tables and charts, each moved to a new page when it does not
// fit. Vectors and text throughout (text stays searchable: pdftotext reads
// it). Coordinates are CSS pixels (1/96 in), the unit charts are laid out in.
// The PDF is drawn into memory and written whole by finish(), through
// lh::write_file_atomically: a full disk or a kill mid-write never leaves a
// 0-byte or cut file under `path` (QPdfWriter itself ignores write errors).
class PdfPages {
 public:
  PdfPages(const std::filesystem::path& path, const QString& title);
  ~PdfPages();
  PdfPages(const PdfPages&) = delete;
  PdfPages& operator=(const PdfPages&) = delete;

  qreal width() const { return width_; }

  void title(const QString& text, const QString& subtitle);
  // Moved to the next page unless `keep_with` more fits below it.
  void heading(const QString& text, qreal keep_with = 20);
  // A bold line that stays with the `keep_with` below it.
  void subheading(const QString& html, qreal keep_with = 80);
  // Rich text (Qt's HTML subset) across the page; a block taller than a page
  // is split between lines.
  void html(const QString& html);
  // A verdict in a box with a coloured bar at its left.
  void callout(const QString& html, const QColor& bar);
  // Two columns: names on the left, values on the right; rows never split.
  void table(const std::vector<std::pair<QString, QString>>& rows, qreal name_share = 0.32);
  void chart(const charts::ChartContent& content, charts::TimeWindow window, qreal height);
  void space(qreal height);
  void new_page();

  // Ends the last page and writes the file; throws lh::WriteError (the
  // file and the system's reason) when it cannot be written.
  void finish();

 private:
  void ensure(qreal height);
  void draw_document(QTextDocument& doc, qreal x, qreal width);
  void footer();

  std::filesystem::path path_;
  QBuffer pdf_;  // the document, until finish() writes it
  std::unique_ptr<QPdfWriter> writer_;
  QPainter painter_;
  qreal width_ = 0;
  qreal height_ = 0;
  qreal y_ = 0;
  int page_ = 1;
  QString title_;
  bool finished_ = false;
};

// The report's fonts, in points.
QFont body_font();
QString escaped(const QString& text);

}  // namespace lh::ui::report
