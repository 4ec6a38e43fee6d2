#pragma once

#include <pthread.h>
#include <signal.h>

#include <ctime>

namespace lh::cli {

// SIGINT and SIGTERM end a run with its files complete. They are blocked
// before any thread starts (threads inherit the mask) and collected here.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
  }
  ~StopSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  // Waits up to `ms` for one; true if it came.
  bool wait(long ms) {
    const timespec timeout{ms / 1000, (ms % 1000) * 1000000};
    return sigtimedwait(&set_, nullptr, &timeout) > 0;
  }

 private:
  sigset_t set_{};
  sigset_t old_{};
};

}  // namespace lh::cli
