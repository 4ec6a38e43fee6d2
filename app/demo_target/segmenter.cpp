#include "segmenter.h"

#include <array>

namespace lh::demo {
namespace {

constexpr std::array<std::string_view, 3> kCjkStops{"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"};  // 。！？

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view text) {
  std::vector<std::string> sentences;
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    if (auto s = trimmed(text.substr(start, end - start)); !s.empty()) sentences.emplace_back(s);
    start = end;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || is_space(text[i + 1]))) {
      emit(i + 1);
      continue;
    }
    for (auto stop : kCjkStops) {
      if (text.substr(i, stop.size()) == stop) {
        emit(i + stop.size());
        i += stop.size() - 1;
        break;
      }
    }
  }
  emit(text.size());
  return sentences;
}

}  // namespace lh::demo
