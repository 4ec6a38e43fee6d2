#include "session/environment.h"

#include <curl/curl.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <string_view>
#include <tuple>

#include "common/json_fields.h"
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

namespace {

constexpr auto kFields = std::make_tuple(
    json_fields::field("host", &Environment::host), json_fields::field("os", &Environment::os),
    json_fields::field("kernel", &Environment::kernel), json_fields::field("cpu", &Environment::cpu),
    json_fields::field("cpus", &Environment::cpus), json_fields::field("memory_gib", &Environment::memory_gib),
    json_fields::field("leakhound", &Environment::leakhound), json_fields::field("libcurl", &Environment::libcurl),
    json_fields::field("compiler", &Environment::compiler));

}  // namespace

void to_json(nlohmann::json& j, const Environment& env) {
  j = nlohmann::json::object();
  json_fields::write(j, env, kFields);
}

void from_json(const nlohmann::json& j, Environment& env) {
  env = {};
  if (!j.is_object()) return;
  // The environment is told, not used: a count of CPUs that is not a
  // plausible whole number (a damaged journal's 1e300) reads as not known.
  nlohmann::json told = j;
  if (const auto cpus = told.find("cpus");
      cpus != told.end() && !(cpus->is_number_unsigned() && cpus->get<std::uint64_t>() < (1u << 20))) {
    told.erase(cpus);
  }
  json_fields::read(told, env, kFields);
}

}  // namespace lh::session
