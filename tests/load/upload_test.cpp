// Multipart uploads: one file, or each file of a folder in turn, arrive as
// the server expects them (field name, file name, type, content).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>

#include "load/load_summary.h"
#include "run_plan.h"
#include "loopback_server.h"

using lh::test::plan_for;
using lh::test::run_plan;
using lh::test::LoopbackServer;

namespace {

struct Received {
  std::string field, filename, type, content;
};

struct TempFolder {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("lh_upload_" + std::to_string(getpid()));
  TempFolder() { std::filesystem::create_directories(path); }
  ~TempFolder() { std::filesystem::remove_all(path); }
  void write(const std::string& name, const std::string& content) const {
    std::ofstream(path / name, std::ios::binary) << content;
  }
};

}  // namespace

TEST_CASE("uploads send the right multipart bodies") {
  std::mutex mutex;
  std::vector<Received> received;
  LoopbackServer server([&](httplib::Server& s) {
    s.Post("/convert", [&](const httplib::Request& req, auto& res) {
      std::lock_guard lock(mutex);
      for (const auto& [field, file] : req.files) received.push_back({field, file.filename, file.content_type, file.content});
      res.set_content(R"({"success": true})", "application/json");
    });
  });
  TempFolder folder;
  folder.write("b.txt", "plain text");
  folder.write("a.pdf", "%PDF-1.4 demo");
  folder.write("c.bin", std::string("\0\1\2binary\r\n--not-a-boundary", 28));
  std::filesystem::create_directory(folder.path / "subfolder");  // not a file: skipped

  SECTION("every file of a folder in turn, in name order") {
    auto plan = plan_for(server.url("/convert"), 6, 1);
    plan.requests.front().upload = folder.path;
    const auto s = run_plan(plan);
    INFO(nlohmann::json(lh::load::summarize(plan, s)).dump());
    CHECK(s.totals.status[200] == 6);
    REQUIRE(received.size() == 6);
    const std::vector<std::string> order{"a.pdf", "b.txt", "c.bin", "a.pdf", "b.txt", "c.bin"};
    for (std::size_t i = 0; i < 6; ++i) {
      CHECK(received[i].field == "file");
      CHECK(received[i].filename == order[i]);
    }
    CHECK(received[0].type == "application/pdf");
    CHECK(received[0].content == "%PDF-1.4 demo");
    CHECK(received[1].content == "plain text");
    CHECK(received[2].content == std::string("\0\1\2binary\r\n--not-a-boundary", 28));
    CHECK(s.totals.bytes_sent > 6 * 10);
  }
  SECTION("one file, with a field name and type of our choosing, over several connections") {
    auto plan = plan_for(server.url("/convert"), 20, 4);
    plan.requests.front().upload = folder.path / "a.pdf";
    plan.requests.front().upload_field = "document";
    plan.requests.front().content_type = "application/x-demo";
    const auto s = run_plan(plan);
    CHECK(s.totals.status[200] == 20);
    REQUIRE(received.size() == 20);
    for (const auto& r : received) {
      CHECK(r.field == "document");
      CHECK(r.filename == "a.pdf");
      CHECK(r.type == "application/x-demo");
      CHECK(r.content == "%PDF-1.4 demo");
    }
  }
}
