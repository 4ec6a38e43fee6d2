#pragma once

#include <string>
#include <string_view>

#include "scenario/scenario.h"

// What a report may print of a scenario. References stay references (the
// resolved values never reach a report); secrets written literally are
// masked: the values of Authorization, Proxy-Authorization, Cookie and
// headers whose names say token, secret, key, password (and the like), a
// password in a URL, and such query parameters and JSON body fields.
namespace lh::scenario {

inline constexpr std::string_view kMask = "•••";

// Does this header, query parameter or JSON field name mark a secret?
bool is_secret_name(std::string_view name);

// A header's value as a report may print it: "Bearer abc" → "Bearer •••",
// "Bearer ${ENV:API_TOKEN}" as it is.
std::string redacted_header(std::string_view name, std::string_view value);

// A URL (or a path with a query, or a probe source) with its password and
// secret query values masked: "http://u:pw@h/x?token=t&n=1" →
// "http://u:•••@h/x?token=•••&n=1".
std::string redacted_url(std::string_view text);

// to_json(scenario) with every literal secret masked: what goes into
// SessionPlan::scenario, summary.json and the PDF.
Json redacted_json(const Scenario& scenario);

}  // namespace lh::scenario
