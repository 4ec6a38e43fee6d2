// What a report may print of a scenario: references as references, literal
// secrets masked.
#include <catch2/catch.hpp>

#include "scenario/parse.h"
#include "scenario/redact.h"

using namespace lh::scenario;

TEST_CASE("secret header names") {
  for (const char* name : {"Authorization", "proxy-authorization", "Cookie", "Set-Cookie", "X-Api-Key", "apikey",
                           "X-Auth-Token", "X-Client-Secret", "X-Password", "X-Session-Id"}) {
    INFO(name);
    CHECK(is_secret_name(name));
  }
  for (const char* name : {"Accept", "Content-Type", "User-Agent", "Keep-Alive", "X-Request-Id"}) {
    INFO(name);
    CHECK_FALSE(is_secret_name(name));
  }
}

TEST_CASE("header values: literal secrets masked, references and schemes kept") {
  CHECK(redacted_header("Authorization", "Bearer abc.def") == "Bearer •••");
  CHECK(redacted_header("Authorization", "Bearer ${ENV:API_TOKEN}") == "Bearer ${ENV:API_TOKEN}");
  CHECK(redacted_header("Authorization", "${ENV:WHOLE}") == "${ENV:WHOLE}");
  CHECK(redacted_header("Proxy-Authorization", "Basic dXNlcjpwYXNz") == "Basic •••");
  CHECK(redacted_header("Authorization", "opaque") == "•••");
  CHECK(redacted_header("Cookie", "session=1234; theme=dark") == "•••");
  CHECK(redacted_header("X-Api-Key", "k-${ENV:KEY}") == "•••${ENV:KEY}");
  CHECK(redacted_header("Accept", "application/json") == "application/json");
}

TEST_CASE("URLs: passwords and secret query values masked") {
  CHECK(redacted_url("http://user:pw@h:80/x?token=t&n=1#f") == "http://user:•••@h:80/x?token=•••&n=1#f");
  CHECK(redacted_url("http://user@h:80/x") == "http://user@h:80/x");
  CHECK(redacted_url("http://u:${ENV:PW}@h/") == "http://u:${ENV:PW}@h/");
  CHECK(redacted_url("/segment?api_key=abc&lang=en") == "/segment?api_key=•••&lang=en");
  CHECK(redacted_url("segmentation=http://a:b@h/memory-stats") == "segmentation=http://a:•••@h/memory-stats");
  CHECK(redacted_url("port:8002") == "port:8002");
  CHECK(redacted_url("http://h/x?flag") == "http://h/x?flag");
}

TEST_CASE("the redacted scenario masks literal secrets everywhere and keeps the rest") {
  const Scenario s = read_scenario(R"({
    "leakhound_scenario": 1,
    "target": "https://svc:hunter2@example.org",
    "probes": {"sources": [
      "http://127.0.0.1:9100/metrics?access_token=probe-literal",
      {"source": "/health", "headers": {"Authorization": "Bearer probe-literal-2", "Accept": "text/plain"}}
    ]},
    "load": {
      "requests": [{
        "path": "/login?password=pw-literal",
        "headers": {"Authorization": "Bearer ${ENV:API_TOKEN}", "Cookie": "sid=cookie-literal", "Accept": "*/*"},
        "body": {"user": "me", "password": "body-literal", "nested": {"client_secret": 5, "keep": "this"}}
      }],
      "count": 1
    }
  })");
  const std::string text = redacted_json(s).dump();
  for (const char* secret : {"hunter2", "probe-literal", "probe-literal-2", "pw-literal", "cookie-literal", "body-literal"}) {
    INFO(secret);
    CHECK(text.find(secret) == std::string::npos);
  }
  const auto j = redacted_json(s);
  CHECK(j["target"] == "https://svc:•••@example.org");
  CHECK(j["probes"]["sources"][1]["headers"]["Authorization"] == "Bearer •••");
  CHECK(j["probes"]["sources"][1]["headers"]["Accept"] == "text/plain");
  const auto& request = j["load"]["requests"][0];
  CHECK(request["headers"]["Authorization"] == "Bearer ${ENV:API_TOKEN}");
  CHECK(request["headers"]["Cookie"] == "•••");
  CHECK(request["headers"]["Accept"] == "*/*");
  CHECK(request["body"]["user"] == "me");
  CHECK(request["body"]["nested"]["client_secret"] == "•••");
  CHECK(request["body"]["nested"]["keep"] == "this");
  CHECK(request["path"] == "/login?password=•••");
}
