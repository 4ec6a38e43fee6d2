#include "session_output.h"

#include <cstdio>

#include "session/session_files.h"
#include "analysis/verdict_words.h"
#ifdef LEAKHOUND_HAVE_REPORT
#include <QApplication>

#include "report/offscreen_app.h"
#include "report/session_report.h"
#endif

namespace lh::cli {

bool can_write_pdf() {
#ifdef LEAKHOUND_HAVE_REPORT
  return true;
#else
  return false;
#endif
}

session::SessionData write_session_results(const std::filesystem::path& folder) {
  session::SessionData data = session::load_session(folder);
  std::vector<std::filesystem::path> written = session::write_session_files(data, folder);
#ifdef LEAKHOUND_HAVE_REPORT
  const auto app = ui::report::make_offscreen_app();
  const std::filesystem::path pdf = folder / session::kReportPdf;
  ui::report::write_session_report(data, pdf);
  written.insert(written.begin(), pdf);
#endif

  if (data.killed()) {
    std::printf("The session did not end (its process was killed); rebuilt from its journal up to %.1f s.\n", data.end_s);
  }
  const session::SeriesVerdict* watched = data.watched();
  std::printf("%s\n", watched ? analysis::verdict_sentence(watched->name, watched->verdict).c_str() : analysis::kNoWatchedMemory);
  for (const session::SeriesVerdict& v : data.verdicts) {
    if (!v.watched) std::printf("  %s: %s\n", v.name.c_str(), std::string(analysis::to_string(v.verdict.kind)).c_str());
  }
  std::string names;
  for (const auto& path : written) names += (names.empty() ? "" : ", ") + path.filename().string();
  std::printf("Results in %s (%s)\n", folder.string().c_str(), names.c_str());
  if (!can_write_pdf()) std::printf("(this leakhound-cli was built without Qt: no report.pdf)\n");
  std::fflush(stdout);
  return data;
}

}  // namespace lh::cli
