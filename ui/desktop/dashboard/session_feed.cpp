#include "dashboard/session_feed.h"

namespace lh::ui {

SessionFeed::SessionFeed(QObject* parent) : QObject(parent) {
  timer_.setInterval(std::chrono::milliseconds(250));
  connect(&timer_, &QTimer::timeout, this, &SessionFeed::poll);
}

void SessionFeed::bind(SessionView view) {
  view_ = std::move(view);
  series_seen_ = 0;
  watched_.reset();
  next_event_ = 0;
  emit bound();
  poll();
  setLive(view_.live);
}

void SessionFeed::unbind() { bind(SessionView{}); }

void SessionFeed::setLive(bool live) {
  view_.live = live && !view_.empty();
  if (view_.live) {
    timer_.start();
  } else {
    timer_.stop();
  }
}

void SessionFeed::setInterval(std::chrono::milliseconds interval) { timer_.setInterval(interval); }

void SessionFeed::poll() {
  if (view_.empty()) return;
  const probe::SeriesStore& store = *view_.store;
  const std::size_t count = store.series_count();
  const std::optional<probe::SeriesId> watched = store.watched_memory();
  if (count != series_seen_ || watched != watched_) {
    series_seen_ = count;
    watched_ = watched;
    emit seriesChanged();
  }
  if (store.event_count() > next_event_) {
    probe::EventSlice slice = store.read_events(next_event_);
    next_event_ = slice.end();
    if (!slice.events.empty()) emit eventsAdded(slice.events);
  }
  emit polled();
}

}  // namespace lh::ui
