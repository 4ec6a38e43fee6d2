#pragma once

#include <QtGlobal>
#include <memory>

QT_BEGIN_NAMESPACE
class QApplication;
QT_END_NAMESPACE

namespace lh::ui::report {

// Charts are graphics widgets: drawing them, even into a PDF, needs a
// QApplication. A command-line program that writes a report creates one
// here, just for that, on the offscreen platform unless QT_QPA_PLATFORM
// says otherwise, so it runs on servers and in CI without a display.
// Returns nullptr when an application already exists.
std::unique_ptr<QApplication> make_offscreen_app();

}  // namespace lh::ui::report
