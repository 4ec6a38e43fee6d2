// An ab command line read by ab's own option table, as `import-ab` and the
// desktop's import do.
#include <catch2/catch.hpp>

#include "common/input_error.h"
#include "scenario/ab_command_line.h"

using lh::scenario::read_ab_command_line;
using Words = std::vector<std::string>;

TEST_CASE("an ab command line reads as ab's getopt reads it") {
  const auto o = read_ab_command_line({"ab", "-n1000", "-c", "50", "-kq", "-H", "A: 1", "-HB: 2", "-p", "body.json",
                                       "-T", "application/json", "http://127.0.0.1:8001/segment"});
  CHECK(o.requests == "1000");
  CHECK(o.concurrency == "50");
  CHECK(o.keep_alive);
  CHECK(o.quiet);
  CHECK_FALSE(o.head);
  CHECK(o.headers == Words{"A: 1", "B: 2"});
  CHECK(o.post_file == "body.json");
  CHECK(o.content_type == "application/json");
  CHECK(o.url == "http://127.0.0.1:8001/segment");

  // A flag and a value in one word; a value that starts with '-'; options
  // after the URL (ab would refuse them, bench takes them); "--".
  const auto more = read_ab_command_line({"/usr/bin/ab", "-in5", "-m", "-weird", "http://h:1/", "-C", "a=1"});
  CHECK(more.head);
  CHECK(more.requests == "5");
  CHECK(more.method == "-weird");
  CHECK(more.cookies == Words{"a=1"});
  CHECK(read_ab_command_line({"ab", "--", "-odd-but-a-url"}).url == "-odd-but-a-url");
}

TEST_CASE("what ab's option table does not read is one line naming it") {
  const std::vector<std::pair<Words, std::string>> cases{
      {{}, "expected an ab command line such as 'ab -n 1000 -c 50 http://127.0.0.1:8000/'"},
      {{"curl", "http://h:1/"}, "expected an ab command line starting with ab, got \"curl\""},
      {{"ab", "-g", "out.tsv", "http://h:1/"},
       "the ab command: \"-g\" is not an ab option LeakHound reads (it reads -n -c -t -k -m -p -u -T -H -C -s -i -l "
       "-r -q)"},
      {{"ab", "-kh", "http://h:1/"}, "the ab command: \"-h\" is not an ab option LeakHound reads"},
      {{"ab", "-n", "10"}, "the ab command: URL is required"},
      {{"ab", "http://h:1/", "-n"}, "the ab command: -n needs a value"},
      {{"ab", "-n", "1", "-n2", "http://h:1/"}, "the ab command: -n given more than once"},
      {{"ab", "http://a:1/", "http://b:1/"}, "the ab command: one URL expected, got a second: \"http://b:1/\""},
      // Found by fuzz_import_ab: a word holding line breaks is quoted escaped.
      {{"ab", "http://h:1/", "a\nb\rc"}, "the ab command: one URL expected, got a second: \"a\\nb\\rc\""},
  };
  for (const auto& [words, message] : cases) {
    INFO(message);
    CHECK_THROWS_AS(read_ab_command_line(words), lh::InputError);
    CHECK_THROWS_WITH(read_ab_command_line(words), Catch::StartsWith(message));
  }
}
