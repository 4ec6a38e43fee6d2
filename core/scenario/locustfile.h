#pragma once

#include <filesystem>
#include <string>

#include "scenario/scenario.h"

namespace lh::scenario {

// A Locust 2.12 locustfile that sends a scenario's load (`leakhound-cli
// export locust`, and the file `"engine": "locust"` runs; Debian 12's
// python3-locust). One HttpUser class: each request a @task(weight)
// method with its body, headers and multipart uploads (HttpUser, since
// 2.12's FastHttpUser cannot upload files); a rate as
// constant_throughput(rate / users), or a staged rate through a wait_time
// following the stages; users, stages, duration and count as a
// LoadTestShape, so the file alone says when the run ends. ${ENV:NAME}
// references become os.environ["NAME"], read when the file runs: no secret
// is written. Files are read under FILES_DIR: `base_dir` (the scenario's
// folder) unless LEAKHOUND_FILES_DIR says otherwise. What Locust cannot
// do as LeakHound does is said in the file's opening comment.
//
// The scenario must have been read without problems. Every value is
// written through script_literals.h. Throws InputError for a scenario
// without requests.
std::string locustfile(const Scenario& scenario, const std::filesystem::path& base_dir);

}  // namespace lh::scenario
