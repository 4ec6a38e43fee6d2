#include "common/problem.h"

#include "common/input_error.h"

namespace lh {

std::string Problem::text() const { return path.empty() ? message : path + ": " + message; }

void throw_first(const Problems& problems) {
  if (!problems.empty()) throw InputError(problems.front().text());
}

}  // namespace lh
