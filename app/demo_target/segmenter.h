#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lh::demo {

// Splits text into sentences at ., ! and ? followed by white space, and at
// the CJK full stops 。！？. Good enough to return a plausible answer; the
// demo is about memory, not linguistics.
std::vector<std::string> split_sentences(std::string_view text);

}  // namespace lh::demo
