#pragma once

#include <filesystem>
#include <string>

#include "scenario/scenario.h"

namespace lh::scenario {

// A k6 script that sends a scenario's load (`leakhound-cli export k6`):
// one k6 scenario whose executor follows the load (a rate:
// constant-arrival-rate, or ramping-arrival-rate with stages; without one:
// constant-vus, shared-iterations for a count, ramping-vus with stages),
// requests picked by weight, bodies, headers, multipart uploads through
// http.file() of files open()ed in the init context (a folder's files are
// listed when exporting: k6 cannot list folders), a count as an aborting
// threshold on http_reqs where the executor cannot stop at it. ${ENV:NAME}
// references become env("NAME"), read from k6's __ENV (`k6 run -e
// NAME=…`). Files are read under FILES_DIR: `base_dir` unless
// -e LEAKHOUND_FILES_DIR=… says otherwise.
//
// The scenario must have been read without problems. Throws InputError for
// an upload folder it cannot list.
std::string k6_script(const Scenario& scenario, const std::filesystem::path& base_dir);

}  // namespace lh::scenario
