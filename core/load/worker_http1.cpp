// The fast path of Worker: libcurl opens each connection (CONNECT_ONLY, in
// the multi handle, so connecting is as asynchronous as a transfer), then
// the worker sends the template's bytes itself and Http1Exchange parses the
// answer. One send() and one or two recv() per request, no allocation.
#include "load/worker.h"

namespace lh::load {

void Worker::http1_start(Slot& slot) {
  if (slot.http1->attached()) {
    const auto& request = context_.mix[slot.request];
    http1_progress(slot, slot.http1->send(request.http1_bytes(), request.head()));
    return;
  }
  if (slot.connection_lost) {
    // libcurl closed the slot's last connection under it (on_close) before
    // http1_recover_lost() came round: the handle is still in the multi.
    slot.connection_lost = false;
    curl_multi_remove_handle(multi_, slot.easy);
  }
  slot.connecting = true;
  slot.new_connection = true;
  curl_multi_add_handle(multi_, slot.easy);
}

void Worker::http1_connected(Slot& slot, CURLcode result) {
  slot.connecting = false;
  if (result != CURLE_OK) {
    Outcome o;
    curl_easy_getinfo(slot.easy, CURLINFO_OS_ERRNO, &o.os_errno);
    o.cause = cause_of(result, o.os_errno);
    o.error = slot.error[0] ? slot.error : curl_easy_strerror(result);
    curl_multi_remove_handle(multi_, slot.easy);
    complete(slot, o, MonoClock::now());
    return;
  }
  curl_socket_t fd = CURL_SOCKET_BAD;
  curl_easy_getinfo(slot.easy, CURLINFO_ACTIVESOCKET, &fd);
  if (static_cast<std::size_t>(fd) >= fds_.size()) fds_.resize(static_cast<std::size_t>(fd) + 64);
  fds_[static_cast<std::size_t>(fd)].http1 = &slot;
  slot.http1->attach(fd);
  const auto& request = context_.mix[slot.request];
  http1_progress(slot, slot.http1->send(request.http1_bytes(), request.head()));
}

void Worker::http1_event(Slot& slot, std::uint32_t events) {
  if (!slot.busy || slot.connecting) {
    // An idle keep-alive connection spoke: the server closed it (or sent
    // what nobody asked for). Open a new one for the next request.
    http1_drop_connection(slot);
    return;
  }
  auto progress = Http1Exchange::Progress::waiting;
  if ((events & EPOLLOUT) && slot.http1->wants_to_write()) progress = slot.http1->on_writable();
  if (progress == Http1Exchange::Progress::waiting && (events & (EPOLLIN | EPOLLERR | EPOLLHUP))) {
    progress = slot.http1->on_readable(read_buffer_.data(), read_buffer_.size());
  }
  http1_progress(slot, progress);
}

void Worker::http1_progress(Slot& slot, Http1Exchange::Progress progress) {
  using Progress = Http1Exchange::Progress;
  auto& x = *slot.http1;
  switch (progress) {
    case Progress::waiting:
      set_epoll_events(x.fd(), EPOLLIN | (x.wants_to_write() ? EPOLLOUT : 0u));
      return;
    case Progress::answered: {
      Outcome o;
      o.answered = true;
      o.status = x.status();
      o.body_bytes = x.body_bytes();
      o.bytes_received = x.bytes_read();
      o.bytes_sent = x.bytes_sent();
      // A server that answered before the whole request was sent (a 413,
      // say) would read the rest as the next request: not reusable.
      if (!x.keep_alive() || x.wants_to_write()) http1_drop_connection(slot);
      complete(slot, o, woke_);
      return;
    }
    case Progress::closed:
      // The server closed a keep-alive connection just as we used it, as
      // servers do after so many requests or seconds: not the request's
      // fault. Send it again on a new connection, as libcurl and ab do.
      http1_drop_connection(slot);
      slot.connecting = true;
      slot.new_connection = true;
      curl_multi_add_handle(multi_, slot.easy);
      return;
    case Progress::broken: {
      Outcome o;
      o.cause = x.cause();
      o.error = x.reason().c_str();
      http1_drop_connection(slot);
      complete(slot, o, MonoClock::now());
      return;
    }
  }
}

// Closes the slot's connection: removing a CONNECT_ONLY handle from the
// multi handle makes libcurl close it (through on_close, which forgets the fd).
void Worker::http1_drop_connection(Slot& slot) {
  const int fd = slot.http1->fd();
  if (fd >= 0 && static_cast<std::size_t>(fd) < fds_.size()) fds_[static_cast<std::size_t>(fd)].http1 = nullptr;
  slot.http1->reset();
  curl_multi_remove_handle(multi_, slot.easy);
}

// The slots whose connection libcurl closed under them (on_close): a request
// in flight is retried on a new connection, as after any keep-alive
// connection the server closed, or fails if part of its answer had come;
// an idle slot lets the connection go, to open a new one when next used.
void Worker::http1_recover_lost() {
  for (Slot* slot : lost_) {
    if (!slot->connection_lost) continue;  // http1_start() has opened a new one
    slot->connection_lost = false;
    if (slot->busy && !slot->connecting) {
      http1_progress(*slot, slot->http1->lost());
    } else if (!slot->connecting) {
      http1_drop_connection(*slot);
    }
  }
  lost_.clear();
}

void Worker::http1_expire(MonoClock::time_point now) {
  for (auto& slot : slots_) {
    if (!slot.busy || slot.connecting || slot.deadline > now) continue;
    Outcome o;
    o.cause = FailureCause::timeout;
    o.error = "no complete answer within the timeout";
    http1_drop_connection(slot);
    complete(slot, o, now);
  }
}

}  // namespace lh::load
