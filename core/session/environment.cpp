#include "session/environment.h"

#include <curl/curl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <string_view>

#include "common/version.h"

namespace lh::session {
namespace {

// The value of `key` in a "key=value" or "key : value" file (os-release,
// cpuinfo), without quotes.
std::string value_in(const char* path, std::string_view key, char separator) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const auto at = line.find(separator);
    if (at == std::string::npos) continue;
    std::string_view name(line.data(), at);
    while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
    if (name != key) continue;
    std::string value = line.substr(at + 1);
    const auto first = value.find_first_not_of(" \t\"");
    const auto last = value.find_last_not_of(" \t\"");
    return first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
  }
  return {};
}

std::string compiler() {
#if defined(__clang__)
  return "clang " __clang_version__;
#elif defined(__GNUC__)
  return "g++ " __VERSION__;
#else
  return "unknown";
#endif
}

}  // namespace

Environment current_environment() {
  Environment env;
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0) env.host = host;
  env.os = value_in("/etc/os-release", "PRETTY_NAME", '=');
  utsname u{};
  if (uname(&u) == 0) env.kernel = std::string(u.sysname) + " " + u.release + " " + u.machine;
  env.cpu = value_in("/proc/cpuinfo", "model name", ':');
  env.cpus = static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN));
  env.memory_gib = static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGESIZE)) /
                   (1024.0 * 1024.0 * 1024.0);
  env.leakhound = kVersion;
  env.libcurl = curl_version_info(CURLVERSION_NOW)->version;
  env.compiler = compiler();
  return env;
}

nlohmann::json to_json(const Environment& env) {
  return {{"host", env.host},          {"os", env.os},
          {"kernel", env.kernel},      {"cpu", env.cpu},
          {"cpus", env.cpus},          {"memory_gib", env.memory_gib},
          {"leakhound", env.leakhound}, {"libcurl", env.libcurl},
          {"compiler", env.compiler}};
}

Environment environment_from_json(const nlohmann::json& j) {
  Environment env;
  if (!j.is_object()) return env;
  env.host = j.value("host", std::string());
  env.os = j.value("os", std::string());
  env.kernel = j.value("kernel", std::string());
  env.cpu = j.value("cpu", std::string());
  // Only a whole number as written: nlohmann would cast any number to int.
  if (const auto it = j.find("cpus"); it != j.end() && it->is_number_unsigned() && it->get<std::uint64_t>() < 1u << 20) {
    env.cpus = static_cast<int>(it->get<std::uint64_t>());
  }
  env.memory_gib = j.value("memory_gib", 0.0);
  env.leakhound = j.value("leakhound", std::string());
  env.libcurl = j.value("libcurl", std::string());
  env.compiler = j.value("compiler", std::string());
  return env;
}

}  // namespace lh::session
