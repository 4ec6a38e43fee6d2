#pragma once

#include <filesystem>

#include "session/compare.h"

namespace lh::ui::report {

// Writes the before/after PDF: the sentence, the two runs' watched memory
// overlaid on one axis (elapsed time or completed requests), and each
// run's figures side by side. Needs a QApplication; throws lh::WriteError
// when the file cannot be written (it is written whole or not at all).
void write_compare_report(const session::Comparison& comparison, const std::filesystem::path& path);

}  // namespace lh::ui::report
