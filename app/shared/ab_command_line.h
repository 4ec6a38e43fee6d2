#pragma once

#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>
#include <vector>

#include "ab_cli_options.h"
#include "common/input_error.h"
#include "common/quote_value.h"
#include "parse_args.h"

namespace lh::app {

// ab's options read from an ab command line split into words ("ab", "-n",
// "1000", …, URL), by the very definitions `bench` uses, so each option
// means the same in `bench`, `import-ab` and the desktop's import. Throws
// InputError with one line.
inline load::AbOptions read_ab_command_line(std::vector<std::string> words) {
  if (words.empty()) throw InputError("expected an ab command line such as 'ab -n 1000 -c 50 http://127.0.0.1:8000/'");
  const std::string& program = words.front();
  if (program != "ab" && !program.ends_with("/ab")) {
    throw InputError("expected an ab command line starting with ab, got " + quote_value(program));
  }
  load::AbOptions options;
  CLI::App ab{"ab", "ab"};
  ab.set_help_flag();  // ab's -h is not an option to read
  add_ab_options(ab, options);
  ab.add_option("URL", options.url, "http://host[:port]/path")->required();
  words.erase(words.begin());
  std::reverse(words.begin(), words.end());  // CLI11 takes the arguments last first
  try {
    ab.parse(words);
  } catch (const CLI::ParseError& e) {
    // CLI11 echoes the words it could not place as they are ("The following
    // arguments were not expected: …"): a line break in one is escaped here,
    // as parse_args does for LeakHound's own command lines.
    throw InputError("the ab command: " + one_line(e.what()));
  }
  return options;
}

}  // namespace lh::app
