#include <catch2/catch.hpp>

#include "segmenter.h"

using lh::demo::split_sentences;
using V = std::vector<std::string>;

TEST_CASE("sentences split at terminal punctuation followed by space") {
  CHECK(split_sentences("Hello world. How are you? Fine!") == V{"Hello world.", "How are you?", "Fine!"});
  CHECK(split_sentences("Version 1.5 is out.  Yes") == V{"Version 1.5 is out.", "Yes"});
  CHECK(split_sentences("") == V{});
  CHECK(split_sentences("   ") == V{});
  CHECK(split_sentences("no stop") == V{"no stop"});
}

TEST_CASE("CJK full stops end sentences too") {
  CHECK(split_sentences("内存泄露。服务崩溃！为什么？") == V{"内存泄露。", "服务崩溃！", "为什么？"});
}
