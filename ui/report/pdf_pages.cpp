#include "report/pdf_pages.h"

#include <QAbstractTextDocumentLayout>
#include <QFontDatabase>
#include <QPageLayout>
#include <QPageSize>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <cmath>

#include "charts/chart_colours.h"
#include "charts/chart_render.h"
#include "common/atomic_file.h"
#include "common/quote_value.h"

namespace lh::ui::report {

using namespace Qt::StringLiterals;

namespace {

// 1200 dots per inch: coordinates in the file are exact to a fraction of a
// printed line's width; the painter is scaled so we draw in CSS pixels.
constexpr int kResolution = 1200;
constexpr qreal kCssPixelsPerInch = 96;
constexpr qreal kMarginMm = 16;
constexpr qreal kFooterHeight = 22;
constexpr qreal kGap = 8;

QColor muted() { return QColor::fromRgb(0x4b5563); }

}  // namespace

QFont body_font() {
  QFont font(u"DejaVu Sans"_s);
  font.setStyleHint(QFont::SansSerif);
  font.setPointSizeF(9.5);
  return font;
}

QString escaped(const QString& text) { return text.toHtmlEscaped(); }

PdfPages::PdfPages(const std::filesystem::path& path, const QString& title) : path_(path), title_(title) {
  pdf_.open(QIODevice::WriteOnly);
  writer_ = std::make_unique<QPdfWriter>(&pdf_);
  writer_->setResolution(kResolution);
  writer_->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));
  writer_->setTitle(title);
  writer_->setCreator(u"LeakHound"_s);
  if (!painter_.begin(writer_.get())) throw WriteError(quote_value(path.string()) + ": cannot be drawn");
  const qreal scale = kResolution / kCssPixelsPerInch;
  painter_.scale(scale, scale);
  painter_.setRenderHint(QPainter::Antialiasing);
  painter_.setRenderHint(QPainter::TextAntialiasing);
  const QRect paint = writer_->pageLayout().paintRectPixels(kResolution);
  width_ = paint.width() / scale;
  height_ = paint.height() / scale - kFooterHeight;
}

PdfPages::~PdfPages() {
  if (!finished_ && painter_.isActive()) painter_.end();
}

void PdfPages::footer() {
  // Text the painter draws itself takes a pixel size: a point size would be
  // resolved against the writer's 1200 dpi and then scaled again.
  QFont font = body_font();
  font.setPixelSize(10);
  painter_.setFont(font);
  painter_.setPen(muted());
  const QRectF box(0, height_ + kFooterHeight - 12, width_, 12);
  painter_.drawText(box, Qt::AlignLeft | Qt::AlignBottom, title_);
  painter_.drawText(box, Qt::AlignRight | Qt::AlignBottom, u"page "_s + QString::number(page_));
}

void PdfPages::new_page() {
  footer();
  writer_->newPage();
  ++page_;
  y_ = 0;
}

void PdfPages::ensure(qreal height) {
  if (y_ > 0 && y_ + height > height_) new_page();
}

void PdfPages::space(qreal height) { y_ += height; }

void PdfPages::draw_document(QTextDocument& doc, qreal x, qreal width) {
  doc.setDefaultFont(body_font());
  doc.setDocumentMargin(0);
  doc.setTextWidth(width);
  qreal from = 0;  // document y drawn so far
  const qreal total = doc.size().height();
  while (from < total) {
    qreal room = height_ - y_;
    qreal to = std::min(total, from + room);
    if (to < total) {
      // Cut between lines: the last line that ends above the page's end.
      qreal cut = from;
      for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        const QRectF block = doc.documentLayout()->blockBoundingRect(b);
        const QTextLayout* layout = b.layout();
        for (int i = 0; layout && i < layout->lineCount(); ++i) {
          const qreal bottom = block.top() + layout->lineAt(i).rect().bottom();
          if (bottom <= to && bottom > cut) cut = bottom;
        }
      }
      if (cut <= from) {  // not even a line fits here: next page
        if (y_ == 0) cut = to;  // a line taller than a page: cut it
        else {
          new_page();
          continue;
        }
      }
      to = cut;
    }
    painter_.save();
    painter_.translate(x, y_ - from);
    doc.drawContents(&painter_, QRectF(0, from, width, to - from));
    painter_.restore();
    y_ += to - from;
    from = to;
    if (from < total) new_page();
  }
}

void PdfPages::title(const QString& text, const QString& subtitle) {
  QTextDocument doc;
  doc.setHtml(u"<div style='font-size:18pt; font-weight:bold; color:#111827'>"_s + escaped(text) +
              u"</div><div style='font-size:9pt; color:#4b5563'>"_s + escaped(subtitle) + u"</div>"_s);
  draw_document(doc, 0, width_);
  y_ += kGap * 1.5;
}

void PdfPages::heading(const QString& text, qreal keep_with) {
  ensure(40 + keep_with);  // a heading never ends a page alone
  y_ += kGap;
  QTextDocument doc;
  doc.setHtml(u"<div style='font-size:13pt; font-weight:bold; color:#111827'>"_s + escaped(text) + u"</div>"_s);
  draw_document(doc, 0, width_);
  painter_.setPen(QPen(QColor::fromRgb(0xd1d5db), 0.8));
  painter_.drawLine(QPointF(0, y_ + 2), QPointF(width_, y_ + 2));
  y_ += kGap;
}

void PdfPages::subheading(const QString& html, qreal keep_with) {
  ensure(20 + keep_with);
  QTextDocument doc;
  doc.setHtml(u"<b>"_s + html + u"</b>"_s);
  draw_document(doc, 0, width_);
  y_ += kGap / 2;
}

void PdfPages::html(const QString& html) {
  QTextDocument doc;
  doc.setHtml(html);
  draw_document(doc, 0, width_);
  y_ += kGap;
}

void PdfPages::callout(const QString& html, const QColor& bar) {
  QTextDocument doc;
  doc.setDefaultFont(body_font());
  doc.setDocumentMargin(0);
  doc.setHtml(html);
  constexpr qreal kPad = 10, kBar = 5;
  doc.setTextWidth(width_ - kBar - 2 * kPad);
  const qreal height = doc.size().height() + 2 * kPad;
  ensure(height);
  painter_.fillRect(QRectF(0, y_, width_, height), QColor::fromRgb(0xf3f4f6));
  painter_.fillRect(QRectF(0, y_, kBar, height), bar);
  y_ += kPad;
  draw_document(doc, kBar + kPad, width_ - kBar - 2 * kPad);
  y_ += kPad + kGap;
}

void PdfPages::table(const std::vector<std::pair<QString, QString>>& rows, qreal name_share) {
  const qreal name_width = width_ * name_share;
  const qreal value_width = width_ - name_width - kGap;
  struct Row {
    std::unique_ptr<QTextDocument> left, right;
    qreal height = 0;
  };
  std::vector<Row> laid_out;
  qreal total = 0;
  for (const auto& [name, value] : rows) {
    Row row{std::make_unique<QTextDocument>(), std::make_unique<QTextDocument>(), 0};
    for (QTextDocument* d : {row.left.get(), row.right.get()}) {
      d->setDefaultFont(body_font());
      d->setDocumentMargin(2);
    }
    row.left->setHtml(u"<span style='color:#374151'>"_s + name + u"</span>"_s);
    row.right->setHtml(value);
    row.left->setTextWidth(name_width);
    row.right->setTextWidth(value_width);
    row.height = std::max(row.left->size().height(), row.right->size().height());
    total += row.height;
    laid_out.push_back(std::move(row));
  }
  // A short table stays on one page; a long one breaks between rows.
  if (total < height_ / 3) ensure(total);
  bool shaded = false;
  for (const Row& row : laid_out) {
    const qreal height = row.height;
    QTextDocument& left = *row.left;
    QTextDocument& right = *row.right;
    ensure(height);
    if (shaded) painter_.fillRect(QRectF(0, y_, width_, height), QColor::fromRgb(0xf3f4f6));
    shaded = !shaded;
    for (auto [doc, x] : {std::pair{&left, 0.0}, std::pair{&right, name_width + kGap}}) {
      painter_.save();
      painter_.translate(x, y_);
      doc->drawContents(&painter_);
      painter_.restore();
    }
    y_ += height;
  }
  y_ += kGap;
}

void PdfPages::chart(const charts::ChartContent& content, charts::TimeWindow window, qreal height) {
  ensure(height);
  const QRectF target(0, y_, width_, height);
  charts::render_chart(content, window, painter_, target, charts::RenderOptions{target.size(), charts::print_palette()});
  y_ += height + kGap;
}

void PdfPages::finish() {
  if (finished_) return;
  footer();
  finished_ = true;
  if (!painter_.end()) throw WriteError(quote_value(path_.string()) + ": cannot be drawn");
  const QByteArray& bytes = pdf_.data();
  write_file_atomically(path_, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

}  // namespace lh::ui::report
