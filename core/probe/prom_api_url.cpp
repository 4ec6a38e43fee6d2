#include "probe/prom_api_url.h"

#include <cctype>

namespace lh::probe {

std::string percent_encoded(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string prom_api_url(std::string_view server, std::string_view endpoint,
                         const std::vector<std::pair<std::string, std::string>>& parameters) {
  while (server.ends_with('/')) server.remove_suffix(1);
  std::string url = std::string(server) + "/api/v1/" + std::string(endpoint);
  char sep = '?';
  for (const auto& [name, value] : parameters) {
    url += sep + name + "=" + percent_encoded(value);
    sep = '&';
  }
  return url;
}

}  // namespace lh::probe
