#include "common/shown_name.h"

#include <algorithm>

#include "common/quote_value.h"

namespace lh {

std::string shown_name(std::string_view name) {
  const bool plain = name.size() <= 200 && std::all_of(name.begin(), name.end(), [](char c) {
                       const auto u = static_cast<unsigned char>(c);
                       return u >= 0x20 && u != 0x7f && c != '"';
                     });
  return plain ? std::string(name) : quote_value(name);
}

std::string shown_names(const std::vector<std::string>& names) {
  constexpr std::size_t kListed = 20;
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kListed; ++i) out += (out.empty() ? "" : ", ") + shown_name(names[i]);
  if (names.size() > kListed) out += " and " + std::to_string(names.size() - kListed) + " more";
  return out;
}

}  // namespace lh
