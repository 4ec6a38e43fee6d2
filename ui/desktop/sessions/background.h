#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

namespace lh::ui {

// Runs `work` on Qt's thread pool and hands its result to `done` on the GUI
// thread, through a watcher owned by `context`: when `context` is gone
// first, the result is dropped rather than delivered into a dead window.
// `work` touches no widget and throws nothing: errors travel in `Result`.
template <typename Result, typename Work, typename Done>
void run_in_background(QObject* context, Work work, Done done) {
  auto* watcher = new QFutureWatcher<Result>(context);
  QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
    done(watcher->result());
    watcher->deleteLater();
  });
  watcher->setFuture(QtConcurrent::run(std::move(work)));
}

}  // namespace lh::ui
