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

}  // namespace lh
