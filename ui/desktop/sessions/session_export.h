#pragma once

#include <QString>
#include <QStringList>
#include <memory>

#include "session/session_data.h"

namespace lh::ui {

// Export writes what `leakhound-cli report` writes, with the same writers:
// samples.csv, events.csv, requests.csv and summary.json, then report.pdf.
struct ExportedFiles {
  std::shared_ptr<const session::SessionData> data;
  QStringList files;  // written so far, in the order the CLI names them
  QString error;      // one line; empty when all went well
};

// The CSV files and summary.json, into `target` (made when missing). Off
// the GUI thread: it reads `session_folder`'s journal first when `data` is
// null (a run that just ended). Never throws.
ExportedFiles write_export_files(std::shared_ptr<const session::SessionData> data, const QString& session_folder,
                                 const QString& target);

// report.pdf beside them, on the GUI thread: its charts are Qt graphics
// items, which belong to the application's thread like widgets do.
// Prepends the PDF to `exported.files`, or sets `exported.error`.
void write_export_report(ExportedFiles& exported, const QString& target);

}  // namespace lh::ui
