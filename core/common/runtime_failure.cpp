#include "common/runtime_failure.h"

#include <cstring>

namespace lh {

void throw_system_failure(const std::string& what, int error) {
  throw RuntimeFailure(what + " (" + std::strerror(error) + ")");
}

}  // namespace lh
