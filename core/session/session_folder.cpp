#include "session/session_folder.h"

#include <ctime>

namespace lh::session {

std::filesystem::path new_session_folder(const std::filesystem::path& parent, const std::string& name) {
  std::string slug;
  for (char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (keep) slug += c;
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
  const std::string base = "leakhound-" + (slug.empty() ? std::string() : slug + "-") + stamp;
  std::filesystem::path folder = parent / base;
  for (int n = 2; std::filesystem::exists(folder); ++n) folder = parent / (base + "-" + std::to_string(n));
  return folder;
}

}  // namespace lh::session
