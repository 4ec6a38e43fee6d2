#include "external_program.h"

#include "child_process.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

namespace lh::test {

std::string external_program(std::string_view name, std::string_view setup_group) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path && *path ? path : "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty()) continue;
    const std::string candidate = dir + "/" + std::string(name);
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  FAIL("this test runs `" << name << "`, which is not installed: run scripts/setup.sh " << setup_group);
  return {};
}

std::string debian_python3(std::string_view module, std::string_view setup_group) {
  const std::string python = "/usr/bin/python3";
  const auto r = run_command({python, "-c", "import " + std::string(module)}, std::chrono::milliseconds(60000));
  if (r.status != 0) {
    FAIL("this test imports the Python module " << module << " with " << python
                                                << ", which cannot: run scripts/setup.sh " << setup_group << " (" << r.err << ")");
  }
  return python;
}

}  // namespace lh::test
