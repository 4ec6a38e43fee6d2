#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

#include "analysis/verdict.h"

namespace lh::ui {

// A verdict as the panel and the status bar word it. Amounts go through
// lh::analysis::format_amount, as the CLI's and the report's do.

// "Leak", "No leak", "Inconclusive".
QString verdict_title(analysis::VerdictKind kind);
// One line: "Leak: grows 52.3 MiB/h" / "No leak" / "Inconclusive: too little data".
QString verdict_line(const analysis::Verdict& verdict);
// Red, green or amber, deep enough on a light background and light enough
// on a dark one to read as text (and as a badge with text on it).
QColor verdict_colour(analysis::VerdictKind kind, const QPalette& palette);

// "+52.3 MiB/h (95 % CI +48.0 to +56.1 MiB/h)"; empty without an estimate.
QString slope_text(const analysis::Verdict& verdict);
// "+210 MiB from 00:04:10 to 00:14:10"; empty without an estimate.
QString growth_text(const analysis::Verdict& verdict);
// "+1.20 MiB"; empty when the load's requests are not known.
QString per_1000_requests_text(const analysis::Verdict& verdict);

}  // namespace lh::ui
