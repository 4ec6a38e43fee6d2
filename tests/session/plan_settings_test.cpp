#include <catch2/catch.hpp>

#include "session/plan_settings.h"

using lh::session::redact_url;

TEST_CASE("settings never print a password or a query value") {
  CHECK(redact_url("http://127.0.0.1:8001/segment") == "http://127.0.0.1:8001/segment");
  CHECK(redact_url("https://user:pa55@host/p") == "https://user@host/p");
  CHECK(redact_url("http://host/p?token=abc&x=1") == "http://host/p?token=…&x=…");
  CHECK(redact_url("http://host/p?flag") == "http://host/p?flag");

  lh::session::SessionPlan plan;
  lh::load::RequestTemplate r;
  r.url = "http://u:p@h/x?key=v";
  r.headers = {"Authorization: Bearer t0ken", "X-Trace: 1"};
  r.body = "secret body";
  plan.load.emplace();
  plan.load->requests.push_back(r);
  const std::string text = lh::session::describe_plan(plan).dump();
  CHECK(text.find("t0ken") == std::string::npos);
  CHECK(text.find("secret body") == std::string::npos);
  CHECK(text.find(":p@") == std::string::npos);
  CHECK(text.find("\"Authorization\"") != std::string::npos);
  CHECK(text.find("\"body_bytes\":11") != std::string::npos);
}
