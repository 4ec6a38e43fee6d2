#include "charts/limit_line.h"

#include <QCoreApplication>

#include "common/size.h"

namespace lh::ui::charts {

ReferenceLine memory_limit_line(double value, double limit_mib) {
  const QString amount = QString::fromStdString(format_bytes(limit_mib * 1024 * 1024));
  return {value, QCoreApplication::translate("lh::ui::charts", "limit %1").arg(amount), ValueAxis::left, true};
}

}  // namespace lh::ui::charts
