#pragma once

#include <QColor>
#include <QString>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "load/load_summary.h"
#include "session/analysed_series.h"
#include "session/environment.h"

namespace lh::ui::report {

using Rows = std::vector<std::pair<QString, QString>>;

// The report's tables, as rows of (name, rich-text value).

// The load's summary: counts, rates, latencies, status codes, failures by
// cause, bytes; one row saying so without one.
Rows load_rows(const std::optional<load::LoadSummary>& load);
// A verdict's evidence: the figures behind it (its reasons are a list of their own).
Rows evidence_rows(const session::SeriesVerdict& verdict);
// A JSON object flattened to "load.requests[0].url" → value rows.
Rows flattened(const nlohmann::json& object, std::size_t max_rows = 200);
Rows environment_rows(const session::Environment& env);

// The colour of a verdict's bar: red for a leak, green for none, amber when unsure.
QColor verdict_colour(analysis::VerdictKind kind);
// "leak (confidence 0.99)", "inconclusive".
QString verdict_words(const analysis::Verdict& verdict);
// "12,345"
QString grouped(double count);

}  // namespace lh::ui::report
