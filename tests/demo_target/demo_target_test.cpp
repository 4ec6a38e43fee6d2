// The demo target as a black box: its endpoints' shapes, and that its leaks
// are real (read from /proc by the service itself) and sized as promised.
#include <httplib.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "child_process.h"
#include "common/iso_time.h"
#include "demo_target.h"

using nlohmann::json;
using lh::test::DemoTarget;
using lh::test::milliseconds;

namespace {

json get_json(httplib::Client& client, const char* path) {
  auto res = client.Get(path);
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return json::parse(res->body);
}

double rss_mb(httplib::Client& client) { return get_json(client, "/memory-stats")["memory"]["rss_mb"].get<double>(); }

void post_segments(httplib::Client& client, int count) {
  for (int i = 0; i < count; ++i) {
    auto res = client.Post("/segment", R"({"text": "One. Two.", "language": "en"})", "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
  }
}

httplib::Result convert(httplib::Client& client, const std::string& name) {
  httplib::MultipartFormDataItems items{{"file", "%PDF-1.4 demo", name, "application/pdf"}};
  return client.Post("/convert", items);
}

}  // namespace

TEST_CASE("every endpoint answers in the shape of the service it imitates") {
  DemoTarget target;
  httplib::Client client("127.0.0.1", target.port());

  const json stats = get_json(client, "/memory-stats");
  CHECK(stats["memory"]["rss_mb"].is_number());
  CHECK(stats["memory"]["peak_rss_mb"].get<double>() >= stats["memory"]["rss_mb"].get<double>());
  CHECK(stats["language_processor"]["cache_size"] == 0);
  CHECK(stats["language_processor"]["loaded_models"] == json::array({"en"}));
  CHECK_NOTHROW(lh::parse_iso8601(stats["timestamp"].get<std::string>()));

  const json health = get_json(client, "/health");
  CHECK(health["status"] == "healthy");
  CHECK(health["memory_usage_gb"].get<double>() > 0);
  CHECK(health["memory_usage_gb"].get<double>() < 1);
  CHECK(health["conversions"] == 0);
  CHECK(health["uptime_seconds"].get<double>() >= 0);
  CHECK(health["pid"] == target.process().pid());

  auto seg = client.Post("/segment", R"({"text": "Hello world. How are you?", "language": "en"})", "application/json");
  REQUIRE(seg);
  CHECK(seg->status == 200);
  CHECK(json::parse(seg->body)["sentences"] == json::array({"Hello world.", "How are you?"}));

  auto conv = convert(client, "report.pdf");
  REQUIRE(conv);
  CHECK(conv->status == 200);
  const json converted = json::parse(conv->body);
  CHECK(converted["success"] == true);
  CHECK(converted["markdown"].get<std::string>().starts_with("# report.pdf"));
  CHECK(get_json(client, "/health")["conversions"] == 1);

  auto metrics = client.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("\nprocess_resident_memory_bytes ") != std::string::npos);
  CHECK(metrics->body.find("# TYPE process_cpu_seconds_total counter") != std::string::npos);
  CHECK(metrics->body.find("demo_requests_total{endpoint=\"convert\"} 1") != std::string::npos);
}

TEST_CASE("bad requests get a 400 with a reason, and the service keeps serving") {
  DemoTarget target;
  httplib::Client client("127.0.0.1", target.port());
  for (const char* body : {"not json", "[]", R"({"txt": "x"})", R"({"text": 5})"}) {
    auto res = client.Post("/segment", body, "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(json::parse(res->body).contains("error"));
  }
  auto unknown = client.Post("/segment", R"({"text": "x", "language": "klingon"})", "application/json");
  REQUIRE(unknown);
  CHECK(unknown->status == 400);
  auto no_file = client.Post("/convert", httplib::MultipartFormDataItems{{"other", "x", "", ""}});
  REQUIRE(no_file);
  CHECK(no_file->status == 400);
  CHECK(get_json(client, "/health")["status"] == "healthy");
}

TEST_CASE("a new language loads its model once, a one-off step in memory") {
  DemoTarget target({"--model-mb", "32"});
  httplib::Client client("127.0.0.1", target.port());
  const double before = rss_mb(client);
  for (int i = 0; i < 3; ++i) {
    auto res = client.Post("/segment", R"({"text": "Hallo Welt.", "language": "de"})", "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  CHECK(get_json(client, "/memory-stats")["language_processor"]["loaded_models"] == json::array({"de", "en"}));
  const double grown = rss_mb(client) - before;
  CHECK(grown > 28);
  CHECK(grown < 40);
}

TEST_CASE("the leak flag grows real RSS by about the leaked amount") {
  DemoTarget target({"--leak-kb-per-request", "64"});
  httplib::Client client("127.0.0.1", target.port());
  post_segments(client, 50);  // let the first-request allocations settle
  const double before = rss_mb(client);
  post_segments(client, 2000);
  const double grown = rss_mb(client) - before;
  const double expected = 2000 * 64 / 1024.0;  // 125 MiB
  CHECK(grown > 0.9 * expected);
  CHECK(grown < 1.2 * expected);
}

TEST_CASE("without a leak flag RSS stays flat under the same load") {
  DemoTarget target;
  httplib::Client client("127.0.0.1", target.port());
  post_segments(client, 50);
  const double before = rss_mb(client);
  post_segments(client, 2000);
  CHECK(rss_mb(client) - before < 4.0);
  CHECK(get_json(client, "/memory-stats")["language_processor"]["cache_size"] == 0);
}

TEST_CASE("a cache limit fills the cache to its bound and then holds") {
  DemoTarget target({"--cache-limit", "200", "--cache-entry-kb", "128"});
  httplib::Client client("127.0.0.1", target.port());
  post_segments(client, 100);
  CHECK(get_json(client, "/memory-stats")["language_processor"]["cache_size"] == 100);
  post_segments(client, 200);
  const double full = rss_mb(client);
  CHECK(get_json(client, "/memory-stats")["language_processor"]["cache_size"] == 200);
  post_segments(client, 1500);
  CHECK(get_json(client, "/memory-stats")["language_processor"]["cache_size"] == 200);
  CHECK(std::abs(rss_mb(client) - full) < 6.0);  // 1,500 more documents, memory holds
}

TEST_CASE("restart-after exits after that many conversions") {
  DemoTarget target({"--restart-after", "3"});
  httplib::Client client("127.0.0.1", target.port());
  for (int i = 1; i <= 3; ++i) {
    auto res = convert(client, "doc" + std::to_string(i) + ".pdf");
    REQUIRE(res);
    CHECK(res->status == 200);
  }
  CHECK(target.process().wait_for(milliseconds(5000)) == 0);
  CHECK(target.process().err().find("exiting after 3 conversions") != std::string::npos);
}

TEST_CASE("SIGTERM stops the demo target cleanly") {
  DemoTarget target;
  target.process().signal(SIGTERM);
  CHECK(target.process().wait_for(milliseconds(5000)) == 0);
}

TEST_CASE("bad flags and a busy port fail with one line") {
  auto bad = lh::test::run_command({LH_DEMO_TARGET_BIN, "--port", "70000"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("--port") != std::string::npos);
  CHECK(std::count(bad.err.begin(), bad.err.end(), '\n') == 1);

  DemoTarget first;
  auto busy = lh::test::run_command({LH_DEMO_TARGET_BIN, "--port", std::to_string(first.port())});
  CHECK(busy.status == 1);
  CHECK(busy.err.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())) != std::string::npos);
}
