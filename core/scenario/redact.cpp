#include "scenario/redact.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "scenario/references.h"
#include "scenario/serialize.h"

namespace lh::scenario {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string masked(std::string_view value) { return mask_literals(value, kMask); }

// Values of fields named like secrets, anywhere in a JSON body.
void redact_body(Json& value) {
  if (value.is_object()) {
    for (auto& [key, field] : value.items()) {
      if (!is_secret_name(key)) {
        redact_body(field);
      } else if (field.is_string()) {
        field = masked(field.get<std::string>());
      } else if (field.is_primitive() && !field.is_null()) {
        field = std::string(kMask);
      }
    }
  } else if (value.is_array()) {
    for (auto& item : value) redact_body(item);
  }
}

void redact_headers(Json& object) {
  for (auto& [name, value] : object.items()) value = redacted_header(name, value.get<std::string>());
}

void redact_string(Json& object, const char* key) {
  if (object.contains(key)) object[key] = redacted_url(object[key].get<std::string>());
}

}  // namespace

bool is_secret_name(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kWords{"authorization", "cookie",     "token",   "secret", "key",
                                                          "password",      "passwd",     "credential", "session"};
  const std::string n = lower(name);
  return std::any_of(kWords.begin(), kWords.end(), [&](std::string_view w) { return n.find(w) != std::string::npos; });
}

std::string redacted_header(std::string_view name, std::string_view value) {
  if (!is_secret_name(name)) return std::string(value);
  // Keep the scheme of an Authorization value: "Bearer •••" still says
  // what kind of credential was sent.
  const std::string n = lower(name);
  if (n == "authorization" || n == "proxy-authorization") {
    const auto space = value.find(' ');
    if (space != std::string_view::npos && space > 0 && value.substr(0, space).find("${") == std::string_view::npos) {
      return std::string(value.substr(0, space + 1)) + masked(value.substr(space + 1));
    }
  }
  return masked(value);
}

std::string redacted_url(std::string_view text) {
  std::string out(text);
  // The password of user:password@ after the scheme.
  const auto scheme = out.find("://");
  if (scheme != std::string::npos) {
    const auto authority = scheme + 3;
    const auto end = std::min(out.find_first_of("/?#", authority), out.size());
    const auto at = out.rfind('@', end);
    if (at != std::string::npos && at > authority) {
      const auto colon = out.find(':', authority);
      if (colon < at) out = out.substr(0, colon + 1) + masked(out.substr(colon + 1, at - colon - 1)) + out.substr(at);
    }
  }
  // Query parameters named like secrets.
  const auto query = out.find('?');
  if (query == std::string::npos) return out;
  const auto fragment = std::min(out.find('#', query), out.size());
  std::string rebuilt = out.substr(0, query + 1);
  std::string_view rest = std::string_view(out).substr(query + 1, fragment - query - 1);
  while (true) {
    const auto amp = rest.find('&');
    const std::string_view param = rest.substr(0, amp);
    const auto eq = param.find('=');
    if (eq != std::string_view::npos && is_secret_name(param.substr(0, eq))) {
      rebuilt += std::string(param.substr(0, eq + 1)) + masked(param.substr(eq + 1));
    } else {
      rebuilt += param;
    }
    if (amp == std::string_view::npos) break;
    rebuilt += '&';
    rest.remove_prefix(amp + 1);
  }
  return rebuilt + out.substr(fragment);
}

Json redacted_json(const Scenario& scenario) {
  Json out = to_json(scenario);
  redact_string(out, "target");
  if (out.contains("probes") && out["probes"].contains("sources")) {
    for (auto& source : out["probes"]["sources"]) {
      if (source.is_string()) {
        source = redacted_url(source.get<std::string>());
        continue;
      }
      redact_string(source, "source");
      if (source.contains("headers")) redact_headers(source["headers"]);
      // A prom: source's credentials: literals masked, references kept.
      if (source.contains("bearer_token") && source["bearer_token"].is_string()) {
        source["bearer_token"] = masked(source["bearer_token"].get<std::string>());
      }
      if (source.contains("basic_auth") && source["basic_auth"].contains("password") &&
          source["basic_auth"]["password"].is_string()) {
        source["basic_auth"]["password"] = masked(source["basic_auth"]["password"].get<std::string>());
      }
    }
  }
  if (out.contains("load") && out["load"].contains("requests")) {
    for (auto& request : out["load"]["requests"]) {
      redact_string(request, "path");
      redact_string(request, "url");
      if (request.contains("headers")) redact_headers(request["headers"]);
      if (request.contains("body")) redact_body(request["body"]);
    }
  }
  return out;
}

}  // namespace lh::scenario
