#include "common/json_text.h"

namespace lh {

std::optional<std::string> nul_byte_problem(std::string_view text) {
  const auto at = text.find('\0');
  if (at == std::string_view::npos) return std::nullopt;
  return "a NUL byte at offset " + std::to_string(at) + " (JSON holds none)";
}

std::string json_error_text(const std::exception& e) {
  std::string_view whole = e.what();
  if (const auto bracket = whole.find("] "); whole.starts_with("[json.exception") && bracket != std::string_view::npos) {
    whole.remove_prefix(bracket + 2);
  }
  std::string what(whole.substr(0, 1000));
  // nlohmann quotes the last token read, which in a hostile text may be
  // megabytes long: keep a line's worth, not cut inside a UTF-8 character.
  constexpr std::size_t kMax = 300;
  if (what.size() > kMax) {
    std::size_t cut = kMax - 3;
    while (cut > 0 && (static_cast<unsigned char>(what[cut]) & 0xC0) == 0x80) --cut;
    what.resize(cut);
    what += "...";
  }
  for (char& c : what) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return what;
}

}  // namespace lh
