// leakhound-cli compare: before and after, two sessions' watched memory on
// one axis, the change in one sentence, a PDF and JSON.
#include <cstdio>
#include <memory>

#include "commands.h"
#include "common/atomic_file.h"
#include "common/input_error.h"
#include "common/quote_value.h"
#include "parse_args.h"
#include "session/compare.h"
#include "session/session_files.h"
#include "session_output.h"
#ifdef LEAKHOUND_HAVE_REPORT
#include <QApplication>

#include "report/compare_report.h"
#include "report/offscreen_app.h"
#endif

namespace lh::cli {
namespace {

struct CompareOptions {
  std::string a;
  std::string b;
  std::string out = "compare.pdf";
  std::string json;
  std::string by = "time";
};

int run(const CompareOptions& o) {
  const session::CompareBy by = session::parse_compare_by(o.by);
  const session::SessionData a = session::load_session(o.a);
  const session::SessionData b = session::load_session(o.b);
  const session::Comparison comparison = session::compare_sessions(a, b, by);

  std::filesystem::path pdf = o.out;
  if (pdf.extension() != ".pdf") throw InputError("--out: expected a file name ending in .pdf, got " + quote_value(o.out));
  const std::filesystem::path json =
      o.json.empty() ? std::filesystem::path(pdf).replace_extension(".json") : std::filesystem::path(o.json);
  write_file_atomically(json, [&](std::ostream& out) { out << session::to_json(comparison).dump(2) << '\n'; });
#ifdef LEAKHOUND_HAVE_REPORT
  const auto app = ui::report::make_offscreen_app();
  ui::report::write_compare_report(comparison, pdf);
#endif
  std::printf("%s\n", comparison.sentence.c_str());
  if (can_write_pdf()) {
    std::printf("Written: %s, %s\n", pdf.string().c_str(), json.string().c_str());
  } else {
    std::printf("Written: %s (this leakhound-cli was built without Qt: no PDF)\n", json.string().c_str());
  }
  return app::kExitOk;
}

}  // namespace

Command add_compare_command(CLI::App& parent) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* app = parent.add_subcommand(
      "compare", "Before and after: overlay two sessions' watched memory and state how its growth changed");
  app->add_option("DIR_A", options->a, "The session before (a folder `run` or `demo` wrote)")->required();
  app->add_option("DIR_B", options->b, "The session after")->required();
  app->add_option("--out", options->out, "The PDF to write (default compare.pdf); the JSON goes beside it");
  app->add_option("--json", options->json, "Where to write the JSON instead (default: the PDF's name with .json)");
  app->add_option("--by", options->by, "Line the runs up by elapsed time or by completed requests: time|requests (default time)");
  app->footer("Exit status: 0 done, 2 on bad input (a folder without a session, an unknown --by), 4 when a file\n"
              "cannot be written (the system's reason is given; no file is left half-written).");
  return Command{app, [options] {
                   try {
                     return run(*options);
                   } catch (const InputError& e) {
                     return app::report_bad_input("leakhound-cli compare", e.what());
                   } catch (const WriteError& e) {
                     return app::report_write_failure("leakhound-cli compare", e.what());
                   }
                 }};
}

}  // namespace lh::cli
