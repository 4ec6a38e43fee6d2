#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "session/session_plan.h"

namespace lh::session {

// The settings a session ran with, resolved, for summary.json and the
// report: what was loaded and how, what was sampled, the limit. It never
// holds a secret: headers are listed by name only, URLs lose their
// password and query values, bodies are described by their size.
nlohmann::ordered_json describe_plan(const SessionPlan& plan);

// "http://user:x@host/p?token=abc&x=1" -> "http://user@host/p?token=…&x=…".
std::string redact_url(std::string_view url);

}  // namespace lh::session
