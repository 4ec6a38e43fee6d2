#pragma once

#include <string>
#include <vector>

#include "load/ab_options.h"

namespace lh::scenario {

// ab's options read from an ab command line split into words ("ab", "-n",
// "1000", …, URL; split_shell_words() gives them), by ab's own option
// table (load/ab_option_table.h), the one `bench` reads its options by.
// As ab's getopt: "-n 1000" or "-n1000", flags together ("-kq"), "--"
// ends the options; unlike ab, options may also follow the URL. Throws
// InputError with one line: "the ab command: -g is not an ab option
// LeakHound reads (…)".
load::AbOptions read_ab_command_line(const std::vector<std::string>& words);

}  // namespace lh::scenario
