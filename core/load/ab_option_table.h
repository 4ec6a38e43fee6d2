#pragma once

#include <span>
#include <string>
#include <variant>
#include <vector>

#include "load/ab_options.h"

namespace lh::load {

// One of ab's options: its letter, the AbOptions field it fills and what it
// means. The table is the one definition of ab's options: `bench` adds each
// row to its command line (app/shared/ab_cli_options.h), and an ab command
// line being imported is read by it (scenario/ab_command_line.h), so an
// option means the same in `bench`, `import-ab` and the desktop's import.
struct AbOption {
  char letter;
  // A value (the last one given counts), a repeatable value, or a flag.
  std::variant<std::string AbOptions::*, std::vector<std::string> AbOptions::*, bool AbOptions::*> field;
  std::string help;
  const char* type_name = nullptr;  // for --help, when not TEXT
};

// ab's own options, in the order `bench --help` lists them.
std::span<const AbOption> ab_option_table();

}  // namespace lh::load
