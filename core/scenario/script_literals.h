#pragma once

#include <string>
#include <string_view>

#include "scenario/scenario.h"

// Scenario values as source code of the scripts the exports write
// (locustfile.h: Python; k6_script.h: JavaScript). Every value a scenario
// holds goes through these, never pasted between quotes: a hostile value
// ("\"; import os; os.system(…)", a line break, U+2028) stays one string.
namespace lh::scenario {

// A string literal in double quotes holding exactly `utf8`, in ASCII only:
// quotes, backslashes and control characters escaped, everything past
// U+007E as \uXXXX (Python: \UXXXXXXXX past U+FFFF; JavaScript: a
// surrogate pair). A byte that is not UTF-8 becomes U+FFFD.
std::string python_string(std::string_view utf8);
std::string js_string(std::string_view utf8);

// A scenario string as an expression: its literal text quoted, each
// ${ENV:NAME} read from the environment when the script runs
// (os.environ["NAME"]; in k6 env("NAME"), the script's helper reading
// __ENV that fails when it is unset), joined with +. The secret itself is
// never written.
std::string python_text(std::string_view scenario_text);
std::string js_text(std::string_view scenario_text);

// A JSON body as an expression of its compact JSON text: the bytes
// LeakHound sends (resolve's expand_json), keys in file order. A string
// value's ${ENV:NAME} is read when the script runs and JSON-escaped there
// by the script's own helper, named by kPythonJsonEscape / kJsJsonEscape.
inline constexpr std::string_view kPythonJsonEscape = "_json_escape";
inline constexpr std::string_view kJsJsonEscape = "jsonEscape";
std::string python_json_text(const Json& body);
std::string js_json_text(const Json& body);

// A number as the language writes it: 20, 2.5 (never "20.000000").
std::string script_number(double value);

}  // namespace lh::scenario
