#include "common/json_text.h"

namespace lh {

std::optional<std::string> nul_byte_problem(std::string_view text) {
  const auto at = text.find('\0');
  if (at == std::string_view::npos) return std::nullopt;
  return "a NUL byte at offset " + std::to_string(at) + " (JSON holds none)";
}

std::string json_error_text(const std::exception& e) {
  std::string what = e.what();
  if (const auto bracket = what.find("] "); what.starts_with("[json.exception") && bracket != std::string::npos) {
    what.erase(0, bracket + 2);
  }
  for (char& c : what) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return what;
}

}  // namespace lh
