#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>
#include <vector>

#include "common/event.h"
#include "dashboard/session_view.h"

namespace lh::ui {

// The one place that looks at a session's store for the views: on a timer
// (about 4 Hz) while the session is live, once when a recorded one is
// bound. Each poll tells the views what changed, so the dashboard, the
// events list and the status bar follow the run without ever reading the
// store on their own or waiting for its writers.
class SessionFeed : public QObject {
  Q_OBJECT

 public:
  explicit SessionFeed(QObject* parent = nullptr);

  // Shows another session: views rebuild (bound()), then get its events.
  void bind(SessionView view);
  void unbind();
  const SessionView& view() const { return view_; }

  // A live session is polled every interval; a finished one no more.
  void setLive(bool live);
  void setInterval(std::chrono::milliseconds interval);

  std::uint64_t seriesSeen() const { return series_seen_; }

 public slots:
  // Looks at the store now (the timer calls this).
  void poll();

 signals:
  void bound();
  // New series, or another watched memory series: charts pick their lines again.
  void seriesChanged();
  void eventsAdded(const std::vector<lh::Event>& events);
  // After every poll: time to redraw.
  void polled();

 private:
  SessionView view_;
  QTimer timer_;
  std::size_t series_seen_ = 0;
  std::optional<probe::SeriesId> watched_;
  std::uint64_t next_event_ = 0;
};

}  // namespace lh::ui
