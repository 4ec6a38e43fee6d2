#pragma once

#include <QTest>
#include <chrono>

namespace lh::ui::test {

// Lets the event loop run until `done` or `timeout` (QTest::qWaitFor, with
// a duration).
template <typename F>
bool wait_until(F done, std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  return QTest::qWaitFor(done, static_cast<int>(timeout.count()));
}

}  // namespace lh::ui::test
