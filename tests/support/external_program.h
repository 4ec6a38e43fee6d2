#pragma once

#include <string>
#include <string_view>

namespace lh::test {

// The full path of a program a test runs that LeakHound does not build
// (pdftotext, desktop-file-validate, …), looked up on PATH. When it is
// missing the test fails at once with one line naming the program and the
// scripts/setup.sh group that installs it, instead of failing later in a
// way that reads like a bug ("the PDF lacks the sentence").
std::string external_program(std::string_view name, std::string_view setup_group);

// Debian's /usr/bin/python3, which sees Debian's python3-* packages (the
// python3 first on PATH may be another build that does not). Fails at once
// when it cannot import `module`, naming the setup.sh group to run.
std::string debian_python3(std::string_view module, std::string_view setup_group);

}  // namespace lh::test
