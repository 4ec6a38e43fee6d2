// Splitting an ab command line as a shell would, without running anything.
#include <catch2/catch.hpp>

#include "common/input_error.h"
#include "scenario/shell_words.h"

using lh::scenario::split_shell_words;
using Words = std::vector<std::string>;

TEST_CASE("blanks, quotes and backslashes as a POSIX shell reads them") {
  CHECK(split_shell_words("ab -n 1000  -c 50\thttp://h/") == Words{"ab", "-n", "1000", "-c", "50", "http://h/"});
  CHECK(split_shell_words(R"(ab -H 'Accept: */*' -H "X-A: \"q\" \\ \x" a\ b)") ==
        Words{"ab", "-H", "Accept: */*", "-H", R"(X-A: "q" \ \x)", "a b"});
  CHECK(split_shell_words("ab '' \"\" x''y") == Words{"ab", "", "", "xy"});
  CHECK(split_shell_words("ab \\\n  -k \\\n  http://h/\n") == Words{"ab", "-k", "http://h/"});
  CHECK(split_shell_words("ab -k http://h/ # a comment") == Words{"ab", "-k", "http://h/"});
  CHECK(split_shell_words("ab a#b") == Words{"ab", "a#b"});
  CHECK(split_shell_words("   ").empty());
}

TEST_CASE("variables become references, so secrets stay out of the scenario") {
  CHECK(split_shell_words(R"(ab -H "Authorization: Bearer $TOKEN" -C 's=$NOT' ${HOST}x)") ==
        Words{"ab", "-H", "Authorization: Bearer ${ENV:TOKEN}", "-C", "s=$NOT", "${ENV:HOST}x"});
  CHECK(split_shell_words("ab -p ~/body.json ~ a~") == Words{"ab", "-p", "${ENV:HOME}/body.json", "${ENV:HOME}", "a~"});
  // A literal "${" is escaped for the scenario; a lone $ stays.
  CHECK(split_shell_words(R"(ab '${x}' "cost: $" $ "$'x")") == Words{"ab", "$${x}", "cost: $", "$", "$'x"});
}

TEST_CASE("what a shell would do more with is refused, naming it") {
  const std::vector<std::pair<const char*, const char*>> cases{
      {"ab 'open", "a ' is not closed"},
      {"ab \"open", "a \" is not closed"},
      {"ab $(cat token)", "$( runs a command"},
      {"ab `cat token`", "` runs a command"},
      {"ab \"`x`\"", "` runs a command"},
      {"ab http://h/ | tee out", "got '|' (a pipe, list or redirection)"},
      {"ab http://h/ > out", "got '>'"},
      {"ab http://h/; ab http://g/", "got ';'"},
      {"ab http://h/ &", "got '&'"},
      {"ab -n 1\nab -n 2", "expected one command, got several lines"},
      {"ab $1", "expected $NAME or ${NAME}, got \"$1\""},
      {"ab ${X:-default}", "expected $NAME or ${NAME}, got \"${X:\""},
      {"ab $'\\n'", "got \"$'\""},
      {"ab x\\", "ends with a lone backslash"},
  };
  for (const auto& [line, why] : cases) {
    INFO(line);
    try {
      split_shell_words(line);
      FAIL("accepted");
    } catch (const lh::InputError& e) {
      CHECK(std::string(e.what()).starts_with("the command line: "));
      CHECK(std::string(e.what()).find(why) != std::string::npos);
    }
  }
}
