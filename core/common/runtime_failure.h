#pragma once

#include <cerrno>
#include <stdexcept>
#include <string>

namespace lh {

// Not bad input: the system refused something LeakHound needed at run
// time — a file could not be written (WriteError), or file descriptors,
// memory or processes ran out. The message is one line naming what could
// not be done and the system's reason: "cannot start the load: no epoll
// instance (Too many open files)". The command-line tools exit with status
// 4 on it (README, "Exit status"); what was recorded so far is kept.
class RuntimeFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws RuntimeFailure("WHAT (the system's words for `error`)").
[[noreturn]] void throw_system_failure(const std::string& what, int error = errno);

}  // namespace lh
