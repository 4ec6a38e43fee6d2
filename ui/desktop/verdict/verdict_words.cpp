#include "verdict/verdict_words.h"

#include <QCoreApplication>
#include <cmath>

#include "analysis/amounts.h"
#include "analysis/verdict_words.h"
#include "common/duration.h"

namespace lh::ui {

using namespace Qt::StringLiterals;
using analysis::Verdict;
using analysis::VerdictKind;

namespace {

QString tr(const char* text) { return QCoreApplication::translate("Verdict", text); }

QString amount(double value, const std::string& unit) {
  return QString::fromStdString(analysis::format_amount(value, unit));
}

QString signed_amount(double value, const std::string& unit) {
  const QString text = amount(value, unit);
  return value > 0 && !text.startsWith(u'-') ? u"+"_s + text : text;
}

QString clock(double t_s) { return QString::fromStdString(format_clock(Seconds(t_s))); }

}  // namespace

QString verdict_title(VerdictKind kind) {
  switch (kind) {
    case VerdictKind::leak: return tr("Leak");
    case VerdictKind::no_leak: return tr("No leak");
    case VerdictKind::inconclusive: break;
  }
  return tr("Inconclusive");
}

QString verdict_line(const Verdict& v) {
  switch (v.kind) {
    case VerdictKind::leak:
      return v.has_estimate ? tr("Leak: grows %1/h").arg(signed_amount(v.slope_per_hour, v.unit)) : tr("Leak");
    case VerdictKind::no_leak: return tr("No leak");
    case VerdictKind::inconclusive: break;
  }
  const std::string why = analysis::deciding_reason(v);
  return why.empty() ? tr("Inconclusive") : tr("Inconclusive: %1").arg(QString::fromStdString(why));
}

QColor verdict_colour(VerdictKind kind, const QPalette& palette) {
  const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
  switch (kind) {
    case VerdictKind::leak: return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x26, 0x1e);
    case VerdictKind::no_leak: return dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37);
    case VerdictKind::inconclusive: break;
  }
  return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
}

QString slope_text(const Verdict& v) {
  if (!v.has_estimate) return {};
  return tr("%1/h (95 % CI %2 to %3/h)")
      .arg(signed_amount(v.slope_per_hour, v.unit), signed_amount(v.slope_ci_low, v.unit),
           signed_amount(v.slope_ci_high, v.unit));
}

QString growth_text(const Verdict& v) {
  if (!v.has_estimate) return {};
  return tr("%1 from %2 to %3").arg(signed_amount(v.growth, v.unit), clock(v.window_from_s), clock(v.window_to_s));
}

QString per_1000_requests_text(const Verdict& v) {
  if (!v.growth_per_1000_requests) return {};
  return signed_amount(*v.growth_per_1000_requests, v.unit);
}

}  // namespace lh::ui
