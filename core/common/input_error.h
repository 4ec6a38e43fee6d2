#pragma once

#include <stdexcept>

namespace lh {

// Bad input from a person: a flag, a file, a value in a scenario. The message
// is one line naming what is wrong and what was expected; entry points print
// it as it is and exit with status 2.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace lh
