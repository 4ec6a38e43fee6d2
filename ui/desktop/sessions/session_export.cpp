#include "sessions/session_export.h"

#include <QCoreApplication>
#include <exception>
#include <filesystem>
#include <system_error>

#include "common/atomic_file.h"
#include "common/input_error.h"
#include "report/session_report.h"
#include "session/session_files.h"

namespace lh::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("SessionExport", text); }

}  // namespace

ExportedFiles write_export_files(std::shared_ptr<const session::SessionData> data, const QString& session_folder,
                                 const QString& target) {
  ExportedFiles out;
  try {
    if (!data) data = std::make_shared<session::SessionData>(session::load_session(session_folder.toStdString()));
    out.data = data;
    const std::filesystem::path folder = target.toStdString();
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
      out.error = tr("\"%1\": cannot be made (%2)").arg(target, QString::fromStdString(error.message()));
      return out;
    }
    for (const auto& path : session::write_session_files(*data, folder)) {
      out.files << QString::fromStdString(path.string());
    }
  } catch (const InputError& e) {
    out.error = QString::fromStdString(e.what());
  } catch (const WriteError& e) {
    out.error = QString::fromStdString(e.what());
  } catch (const std::exception& e) {
    out.error = tr("\"%1\": cannot be exported (%2)").arg(session_folder, QString::fromStdString(e.what()));
  }
  return out;
}

void write_export_report(ExportedFiles& exported, const QString& target) {
  if (!exported.data || !exported.error.isEmpty()) return;
  const std::filesystem::path pdf = std::filesystem::path(target.toStdString()) / session::kReportPdf;
  try {
    report::write_session_report(*exported.data, pdf);
    exported.files.prepend(QString::fromStdString(pdf.string()));
  } catch (const std::exception& e) {
    exported.error = QString::fromStdString(e.what());
  }
}

}  // namespace lh::ui
