#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace lh::session {

// Where a session ran, for the report's last section: a result is only
// comparable with another from a similar machine.
struct Environment {
  std::string host;
  std::string os;       // "Debian GNU/Linux 12 (bookworm)"
  std::string kernel;   // "Linux 6.1.0-18-amd64 x86_64"
  std::string cpu;      // "Intel(R) Xeon(R) CPU @ 2.50GHz"
  int cpus = 0;         // online
  double memory_gib = 0;
  std::string leakhound;  // version
  std::string libcurl;
  std::string compiler;
};

// This machine, now.
Environment current_environment();

void to_json(nlohmann::json& j, const Environment& env);
// Missing fields stay empty; anything but an object reads as nothing known.
void from_json(const nlohmann::json& j, Environment& env);

}  // namespace lh::session
