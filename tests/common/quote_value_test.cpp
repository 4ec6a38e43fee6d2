// lh::quote_value: what a person typed, on one line, in quotes.
#include <catch2/catch.hpp>

#include "common/quote_value.h"

using lh::quote_value;

TEST_CASE("control characters, quotes and backslashes are escaped: the result is one line") {
  CHECK(quote_value("plain") == "\"plain\"");
  CHECK(quote_value("X-A: 1\r\nX-B: 2") == "\"X-A: 1\\r\\nX-B: 2\"");
  CHECK(quote_value("tab\there") == "\"tab\\there\"");
  CHECK(quote_value(std::string_view("nul\0x", 5)) == "\"nul\\x00x\"");
  CHECK(quote_value("say \"hi\" \\ bye") == "\"say \\\"hi\\\" \\\\ bye\"");
  CHECK(quote_value("\x1b[31mred") == "\"\\x1b[31mred\"");  // no terminal escapes
  CHECK(quote_value("").size() == 2);
}

TEST_CASE("UTF-8 passes as it is: bytes that are not UTF-8 are shown as escapes") {
  CHECK(quote_value("café ☕") == "\"café ☕\"");
  CHECK(quote_value("\xff\xfe") == "\"\\xff\\xfe\"");
  CHECK(quote_value("\xc3") == "\"\\xc3\"");  // a cut sequence
}

TEST_CASE("a long value is cut, so a pasted file cannot flood the terminal") {
  const std::string shown = quote_value(std::string(100000, 'a'));
  CHECK(shown.size() < 220);
  CHECK(shown.ends_with("…\""));
  CHECK(quote_value(std::string(50, 'a'), 10).size() < 20);
}
