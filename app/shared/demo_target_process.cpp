#include "demo_target_process.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string_view>

#include "common/input_error.h"

namespace lh::app {
namespace {

constexpr const char* kName = "leakhound-demo-target";

std::filesystem::path own_folder() {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::filesystem::path() : self.parent_path();
}

bool executable(const std::filesystem::path& path) { return !path.empty() && access(path.c_str(), X_OK) == 0; }

}  // namespace

std::vector<std::string> demo_target_flags() {
  return {"--leak-kb-per-request", std::to_string(kDemoLeakKib), "--cache-limit", std::to_string(kDemoCacheEntries)};
}

std::filesystem::path find_demo_target() {
  const auto here = own_folder();
  for (const auto& candidate : {here / kName, here.parent_path() / "demo_target" / kName}) {
    if (executable(candidate)) return candidate;
  }
  if (const char* path = std::getenv("PATH")) {
    std::string_view rest(path);
    while (!rest.empty()) {
      const auto colon = rest.find(':');
      const std::filesystem::path dir(std::string(rest.substr(0, colon)));
      if (!dir.empty() && executable(dir / kName)) return dir / kName;
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  throw InputError(std::string(kName) + " was not found next to this program nor on PATH");
}

DemoTargetProcess::DemoTargetProcess(const std::vector<std::string>& flags, std::filesystem::path binary) {
  if (binary.empty()) binary = find_demo_target();
  std::vector<std::string> argv{binary.string(), "--port", "0"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  process_ = std::make_unique<sys::ChildProcess>(
      argv, sys::ChildOptions{.out = sys::ChildStream::pipe, .err = sys::ChildStream::discard, .dies_with_parent = true});
  const std::string line = process_->read_line(std::chrono::seconds(10)).value_or("");
  // It says nothing more: nothing reads its output from here on.
  process_->close_output();
  const std::string prefix = "listening on http://127.0.0.1:";
  const auto at = line.find(prefix);
  if (at == std::string::npos) {
    process_.reset();  // killed and reaped
    throw InputError("the demo target (" + binary.string() + ") did not start" + (line.empty() ? "" : ": " + line));
  }
  port_ = std::atoi(line.c_str() + at + prefix.size());
  url_ = "http://127.0.0.1:" + std::to_string(port_);
}

DemoTargetProcess::~DemoTargetProcess() {
  if (process_) process_->stop(std::chrono::seconds(5));
}

}  // namespace lh::app
