// Source specs as people write them, and every way of writing them wrong.
#include <catch2/catch.hpp>

#include "common/input_error.h"
#include "probe/probe_config.h"
#include "probe/source_options.h"
#include "probe/source_spec.h"

using namespace lh::probe;
using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;

TEST_CASE("URLs, pids, ports and presets are read into a spec") {
  const auto url = parse_source_spec("http://127.0.0.1:8002/health");
  CHECK(url.kind == SourceKind::http);
  CHECK(url.preset == Preset::none);
  CHECK(url.url == "http://127.0.0.1:8002/health");

  const auto pid = parse_source_spec("pid:1234");
  CHECK(pid.kind == SourceKind::pid);
  CHECK(pid.pid == 1234);

  const auto port = parse_source_spec(" port:8002 ");
  CHECK(port.kind == SourceKind::port);
  CHECK(port.port == 8002);
  CHECK(port.text == "port:8002");

  const auto seg = parse_source_spec("segmentation=http://127.0.0.1:8001/memory-stats");
  CHECK(seg.preset == Preset::segmentation);
  CHECK(seg.url == "http://127.0.0.1:8001/memory-stats");

  const auto https = parse_source_spec("https://example.org/metrics?x=a=b");
  CHECK(https.kind == SourceKind::http);
  CHECK(https.preset == Preset::none);
}

TEST_CASE("a preset fills in the path its service answers on") {
  CHECK(parse_source_spec("segmentation=http://127.0.0.1:8001").url == "http://127.0.0.1:8001/memory-stats");
  CHECK(parse_source_spec("conversion=http://localhost:8002/").url == "http://localhost:8002/health");
  CHECK(parse_source_spec("aspnet-health=http://10.0.0.5:5000").url == "http://10.0.0.5:5000/health");
  CHECK(parse_source_spec("conversion=http://localhost:8002/healthz").url == "http://localhost:8002/healthz");
  CHECK(to_string(Preset::aspnet_health) == "aspnet-health");
  CHECK(parse_preset("conversion") == Preset::conversion);
  CHECK_FALSE(parse_preset("Conversion"));
}

TEST_CASE("malformed sources are one line naming the source and the accepted forms") {
  auto message = [](const char* text) {
    try {
      parse_source_spec(text);
    } catch (const lh::InputError& e) {
      return std::string(e.what());
    }
    return std::string("(accepted)");
  };
  CHECK_THAT(message(""), Contains("expected a URL (http://host:port/path), pid:N, port:N, prom:URL (a Prometheus server) or PRESET=URL"));
  CHECK_THAT(message("localhost:8002"), StartsWith("source \"localhost:8002\": expected a URL"));
  CHECK_THAT(message("pid:"), Contains("expected pid:N with N a process id, got \"\""));
  CHECK_THAT(message("pid:abc"), Contains("got \"abc\""));
  CHECK_THAT(message("pid:-5"), Contains("got \"-5\""));
  CHECK_THAT(message("pid:12x"), Contains("got \"12x\""));
  CHECK_THAT(message("port:0"), Contains("expected port:N with N from 1 to 65535, got \"0\""));
  CHECK_THAT(message("port:70000"), Contains("got \"70000\""));
  CHECK_THAT(message("port:99999999999999999999"), Contains("expected port:N"));
  CHECK_THAT(message("foo=http://x"), Contains("unknown preset \"foo\"; expected segmentation, conversion or aspnet-health"));
  CHECK_THAT(message("segmentation=pid:3"), Contains("expected an http:// or https:// URL such as http://127.0.0.1:8002/health, got \"pid:3\""));
  CHECK_THAT(message("segmentation="), Contains("expected an http:// or https:// URL"));
  CHECK_THAT(message("ftp://host/file"), Contains("expected an http:// or https:// URL"));
  CHECK_THAT(message("http://"), Contains("expected a host after http://, got \"http://\""));
  CHECK_THAT(message("http:///memory-stats"), Contains("expected a host after http://"));
  CHECK_THAT(message("http://h/\r\nX: y"), EndsWith("got \"http://h/\\r\\nX: y\""));
  CHECK_THAT(message("http://exa mple.org/"), Contains("expected a URL such as"));
  for (const char* bad : {"", "pid:x", "port:0", "foo=http://x", "http://"}) {
    CHECK(message(bad).find('\n') == std::string::npos);
  }
}

TEST_CASE("headers are checked as Name: value") {
  CHECK(parse_header("Authorization: Bearer abc") == "Authorization: Bearer abc");
  CHECK(parse_header("  X-Key:v  ") == "X-Key: v");
  CHECK(parse_header("X-Empty:") == "X-Empty: ");
  CHECK_THROWS_WITH(parse_header("no colon"), Contains("expected \"Name: value\""));
  CHECK_THROWS_AS(parse_header(": value"), lh::InputError);
  CHECK_THROWS_AS(parse_header("Bad Name: value"), lh::InputError);
  CHECK_THROWS_AS(parse_header("X: a\r\nInjected: b"), lh::InputError);
}

TEST_CASE("labels are short, and unique among the sources") {
  std::vector<SourceSpec> sources{
      parse_source_spec("http://127.0.0.1:8001/memory-stats"), parse_source_spec("http://127.0.0.1:8001/metrics"),
      parse_source_spec("http://127.0.0.1:9000/x"),            parse_source_spec("conversion=http://127.0.0.1:8002"),
      parse_source_spec("port:8002"),                          parse_source_spec("pid:77"),
      parse_source_spec("pid:77"),                             parse_source_spec("http://example.org/health"),
  };
  sources[2].label = "mine";
  assign_labels(sources);
  CHECK(sources[0].label == "127.0.0.1:8001/memory-stats");
  CHECK(sources[1].label == "127.0.0.1:8001/metrics");
  CHECK(sources[2].label == "mine");
  CHECK(sources[3].label == "conversion");
  CHECK(sources[4].label == "port:8002");
  CHECK(sources[5].label == "pid:77");
  CHECK(sources[6].label == "pid:77 #2");
  CHECK(sources[7].label == "example.org:80");
}

TEST_CASE("which kind of source takes which option is one rule") {
  using lh::probe::SourceOption;
  for (const auto option : {SourceOption::headers, SourceOption::basic_auth, SourceOption::bearer_token,
                            SourceOption::ca_file}) {
    INFO(option_name(option));
    CHECK(option_rule(SourceKind::http, option) == std::nullopt);
    CHECK(option_rule(SourceKind::prom, option) == std::nullopt);
    CHECK_THAT(option_rule(SourceKind::port, option).value_or(""), Contains("not with a local process"));
    CHECK(option_rule(SourceKind::pid, option) == option_rule(SourceKind::port, option));
  }
  for (const auto option : {SourceOption::query, SourceOption::restart_query}) {
    INFO(option_name(option));
    CHECK(option_rule(SourceKind::prom, option) == std::nullopt);
    for (const auto kind : {SourceKind::http, SourceKind::pid, SourceKind::port}) {
      CHECK_THAT(option_rule(kind, option).value_or(""), Contains("only goes with a prom: source"));
    }
  }
  // The kind as parse_source_spec reads it, before the text is parsed in full.
  for (const auto* text : {"pid:1", " port:8002", "prom:http://h:9090", "http://h:1/x", "segmentation=http://h:1"}) {
    CHECK(kind_of(text) == parse_source_spec(text).kind);
  }
  // check() says what the rule says, at the option's path, naming the source.
  ProbeConfig config;
  config.sources.push_back(parse_source_spec("port:8002"));
  config.sources[0].ca_file = "/etc/ssl/ca.pem";
  config.sources.push_back(parse_source_spec("prom:http://h:9090"));
  const auto problems = check(config);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].path == "sources[0].ca_file");
  CHECK(problems[0].message == *option_rule(SourceKind::port, SourceOption::ca_file) + " (\"port:8002\")");
  CHECK(problems[1].path == "sources[1].query");
  CHECK(problems[1].message == lh::probe::missing_query_rule());
}

TEST_CASE("a probe config is checked as a whole") {
  ProbeConfig config;
  CHECK_THROWS_WITH(validate(config), Contains("expected at least one source"));
  config.sources.push_back(parse_source_spec("pid:1"));
  CHECK_NOTHROW(validate(config));
  config.interval = lh::Seconds(0.05);
  CHECK_THROWS_WITH(validate(config), Contains("interval: expected at least 100ms, got 50ms"));
  config.interval = lh::Seconds(0.1);
  config.timeout = lh::Seconds(0);
  CHECK_THROWS_WITH(validate(config), Contains("timeout: expected a positive duration"));
  config.timeout.reset();
  config.sources[0].headers = {"X: y"};
  CHECK_THROWS_WITH(validate(config), Contains("headers only go with a URL"));
  config.sources[0].headers.clear();
  config.memory_limit_mib = -1;
  CHECK_THROWS_AS(validate(config), lh::InputError);
  config.memory_limit_mib = 8192;
  CHECK_NOTHROW(validate(config));
  CHECK(config.effective_timeout().count() == Approx(0.09));
}

TEST_CASE("check() finds every problem of a probe config, each at its field's path") {
  ProbeConfig config;
  config.sources.push_back(parse_source_spec("http://127.0.0.1:8000/metrics"));
  config.sources.push_back(parse_source_spec("pid:1"));
  config.sources[1].headers = {"X: y"};
  config.interval = lh::Seconds(0.05);
  config.memory_limit_mib = 0;
  const auto problems = check(config);
  REQUIRE(problems.size() == 3);
  CHECK(problems[0] == lh::Problem{"interval", "expected at least 100ms, got 50ms"});
  CHECK(problems[1].path == "sources[1].headers");
  CHECK(problems[2].path == "memory_limit");
}

TEST_CASE("an interval or timeout past a day is a problem, not a steady-clock overflow") {
  // `monitor --interval 1e300s` once reached the sampler's duration_cast.
  ProbeConfig config;
  config.sources.push_back(parse_source_spec("pid:1"));
  config.interval = lh::Seconds(1e300);
  config.timeout = lh::Seconds(2 * 86400.0);
  const auto problems = check(config);
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].path == "interval");
  CHECK(problems[0].message.starts_with("expected at most 24h 00m, got "));
  CHECK(problems[1] == lh::Problem{"timeout", "expected at most 24h 00m, got 48h 00m"});
  config.interval = lh::Seconds(86400.0);
  config.timeout.reset();
  CHECK(check(config).empty());
}
