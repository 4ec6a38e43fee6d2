// The sample scenarios shipped in resources/scenarios/: each validates,
// resolves, and says what it claims to.
#include <catch2/catch.hpp>
#include <fstream>

#include "scenario/resolve.h"
#include "scenario/scenario_file.h"
#include "scenario/serialize.h"

using namespace lh::scenario;

namespace {

const std::filesystem::path kSamples = std::filesystem::path(LH_SOURCE_DIR) / "resources/scenarios";

lh::session::SessionPlan plan_of(const std::string& name, ResolveOptions options = {}) {
  return load_session_plan(kSamples / name, std::move(options));
}

std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("every sample scenario validates, resolves, and is written as the writer writes it") {
  std::size_t samples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kSamples)) {
    if (!entry.path().string().ends_with(kFileExtension)) continue;
    ++samples;
    INFO(entry.path());
    const auto checked = check_scenario_file(entry.path());
    std::string problems;
    for (const auto& p : checked.problems) problems += p.text() + "\n";
    INFO(problems);
    CHECK(checked.ok());
    // Saved by the desktop editor unchanged, a sample stays byte for byte.
    CHECK(to_text(load_scenario_file(entry.path())) == file_text(entry.path()));
  }
  CHECK(samples == 4);
}

TEST_CASE("the segmentation service under Locust: 2 local workers on the locustfile the scenario exports") {
  const auto plan = plan_of("segmentation-locust.leakhound.json");
  REQUIRE(plan.locust);
  CHECK(plan.locust->workers == 2);
  CHECK_FALSE(plan.locust->attached());
  CHECK(plan.locust->locustfile.find("@task(3)") != std::string::npos);
  CHECK(plan.locust->locustfile.find("RATE = 10") != std::string::npos);
  CHECK(plan.locust->locustfile.find("STAGES = [(60, 60)]") != std::string::npos);
  CHECK(plan.load->duration->count() == 21 * 60);
}

TEST_CASE("the segmentation service: POST /segment with texts, /memory-stats, the cache size charted") {
  const auto plan = plan_of("segmentation-service.leakhound.json");
  REQUIRE(plan.load->requests.size() >= 2);
  for (const auto& r : plan.load->requests) {
    CHECK(r.method == "POST");
    CHECK(r.url == "http://127.0.0.1:8001/segment");
    CHECK(r.content_type == "application/json");
    CHECK(nlohmann::json::parse(r.body)["text"].is_string());
  }
  REQUIRE(plan.probes.sources.size() == 1);
  CHECK(plan.probes.sources[0].preset == lh::probe::Preset::segmentation);
  CHECK(plan.probes.sources[0].url == "http://127.0.0.1:8001/memory-stats");
  CHECK(plan.report.series == std::vector<std::string>{"language_processor.cache_size"});
}

TEST_CASE("the conversion service: every PDF of its folder uploaded in turn, /health on :8002, 8 GiB") {
  const auto plan = plan_of("conversion-service.leakhound.json");
  REQUIRE(plan.load->requests.size() == 1);
  const auto& upload = plan.load->requests[0];
  CHECK(upload.url == "http://127.0.0.1:8002/convert");
  CHECK(upload.upload_field == "file");
  REQUIRE(std::filesystem::is_directory(upload.upload));
  std::size_t pdfs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(upload.upload)) {
    CHECK(entry.path().extension() == ".pdf");
    CHECK(file_text(entry.path()).starts_with("%PDF-"));
    ++pdfs;
  }
  CHECK(pdfs >= 3);
  CHECK(plan.load->concurrency == 1);  // one at a time, as the batch script
  REQUIRE(plan.probes.sources.size() == 2);
  CHECK(plan.probes.sources[0].preset == lh::probe::Preset::conversion);
  CHECK(plan.probes.sources[0].url == "http://127.0.0.1:8002/health");
  CHECK(plan.probes.sources[1].port == 8002);
  CHECK(plan.probes.memory_limit_mib == 8192.0);
}

TEST_CASE("the demo target: a few minutes of POST /segment, /memory-stats and /metrics, at any port") {
  ResolveOptions options;
  options.target = "http://127.0.0.1:45123";
  const auto plan = plan_of("demo-target.leakhound.json", options);
  CHECK(plan.name == "Demo target");
  REQUIRE(plan.load->duration);
  CHECK(plan.load->duration->count() >= 120);
  CHECK(plan.load->duration->count() <= 600);
  for (const auto& r : plan.load->requests) CHECK(r.url == "http://127.0.0.1:45123/segment");
  REQUIRE(plan.probes.sources.size() == 2);
  CHECK(plan.probes.sources[0].url == "http://127.0.0.1:45123/memory-stats");
  CHECK(plan.probes.sources[1].url == "http://127.0.0.1:45123/metrics");
  CHECK(plan.scenario["target"] == "http://127.0.0.1:45123");
  CHECK(plan.analysis.warmup_s > 0);
}
