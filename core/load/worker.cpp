#include "load/worker.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <ctime>
#include <string_view>

#include "common/runtime_failure.h"

namespace lh::load {
namespace {

constexpr int kMaxEvents = 256;

std::size_t discard_body(char*, std::size_t size, std::size_t count, void*) { return size * count; }

}  // namespace

Worker::Worker(const WorkerContext& context, int index)
    : context_(context),
      index_(index),
      open_model_(context.plan.rate.has_value()),
      fast_http1_(context.mix.fast_http1()),
      end_active_s_(context.plan.duration                                     ? context.plan.duration->count()
                    : !context.plan.count && !context.plan.stages.empty() ? context.schedule.end_s()
                                                                              : INFINITY),
      random_state_(0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(index + 1)),
      first_length_(context.mix.size(), -1) {
  const auto& plan = context.plan;
  std::uint64_t slots = 0;
  if (open_model_) {
    slots = share_of(static_cast<std::uint64_t>(plan.concurrency));
    if (plan.count) arrival_limit_ = *plan.count;
    next_arrival_ = static_cast<std::uint64_t>(index);
    next_arrival_s_ = context.schedule.time_of_arrival(static_cast<double>(next_arrival_));
  } else {
    double most = plan.concurrency;
    for (const auto& s : plan.stages) most = std::max(most, s.target);
    slots = share_of(static_cast<std::uint64_t>(std::ceil(most)));
    if (plan.count) {
      to_send_ = share_of(*plan.count);
      slots = std::min(slots, to_send_);
    }
  }
  report_.worker = index;

  try {
    open_handles(slots);
  } catch (...) {
    close_handles();  // the destructor does not run for a constructor that throws
    throw;
  }
}

// The worker's epoll set, its wake-up eventfd, its libcurl multi handle and
// one easy handle per slot. Each is checked: a system out of file
// descriptors or memory is a runtime failure of the run, said in one line,
// not a worker that silently waits on nothing.
void Worker::open_handles(std::uint64_t slots) {
  const auto& plan = context_.plan;
  epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  if (epoll_fd_ < 0) throw_system_failure("cannot start the load: no epoll instance");
  wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (wake_fd_ < 0) throw_system_failure("cannot start the load: no eventfd");
  epoll_event wake_event{};
  wake_event.events = EPOLLIN;
  wake_event.data.fd = wake_fd_;
  if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake_event) != 0) {
    throw_system_failure("cannot start the load: the wake-up eventfd cannot be watched");
  }

  multi_ = curl_multi_init();
  if (!multi_) throw RuntimeFailure("cannot start the load: libcurl gave no multi handle (out of memory)");
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &Worker::on_socket);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &Worker::on_timer);
  curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
  // Keep every connection of this worker's handles alive between requests.
  curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, static_cast<long>(slots + 8));
  if (plan.http2) curl_multi_setopt(multi_, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);

  slots_.resize(slots);
  for (auto& slot : slots_) {
    CURL* e = curl_easy_init();
    if (!e) throw RuntimeFailure("cannot start the load: libcurl gave no easy handle (out of memory)");
    slot.easy = e;
    curl_easy_setopt(e, CURLOPT_PRIVATE, &slot);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, slot.error);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);  // no signal handling per transfer; we never resolve names with alarm()
    curl_easy_setopt(e, CURLOPT_NOPROGRESS, 1L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &discard_body);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &Worker::on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, &slot);
    // An empty proxy: libcurl would otherwise read the proxy variables of
    // the environment for every request.
    curl_easy_setopt(e, CURLOPT_PROXY, "");
    curl_easy_setopt(e, CURLOPT_USERAGENT, user_agent().c_str());
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(std::ceil(plan.timeout.count() * 1000)));
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, plan.insecure ? 0L : 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, plan.insecure ? 0L : 2L);
    curl_easy_setopt(e, CURLOPT_FORBID_REUSE, plan.keep_alive ? 0L : 1L);
    curl_easy_setopt(e, CURLOPT_CLOSESOCKETFUNCTION, &Worker::on_close);
    curl_easy_setopt(e, CURLOPT_CLOSESOCKETDATA, this);
    if (plan.http2) curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);  // share a connection rather than open more
    if (fast_http1_) {
      // libcurl only opens the connection; the requests are ours to send.
      curl_easy_setopt(e, CURLOPT_CONNECT_ONLY, 1L);
      // libcurl reads nothing here: the smallest receive buffer it allows
      // (about 3 KiB less per connection than its default, measured).
      curl_easy_setopt(e, CURLOPT_BUFFERSIZE, 1024L);
      curl_easy_setopt(e, CURLOPT_URL, plan.requests.front().url.c_str());
      slot.http1 = std::make_unique<Http1Exchange>();
    }
    free_slots_.push_back(&slot);
  }
  done_.reserve(slots_.size());
  resting_.reserve(slots_.size());
  if (fast_http1_) read_buffer_.resize(64 * 1024);
}

Worker::~Worker() { close_handles(); }

// What open_handles() made, however far it got.
void Worker::close_handles() {
  for (auto& slot : slots_) {
    if (multi_ && slot.easy) curl_multi_remove_handle(multi_, slot.easy);
    if (slot.mime) curl_mime_free(slot.mime);
    slot.mime = nullptr;
  }
  // The multi handle closes the cached connections (through on_close) and
  // must go before the easy handles whose close callback it still uses.
  if (multi_) curl_multi_cleanup(multi_);
  multi_ = nullptr;
  for (auto& slot : slots_) {
    if (slot.easy) curl_easy_cleanup(slot.easy);
    slot.easy = nullptr;
  }
  if (wake_fd_ >= 0) close(wake_fd_);
  if (epoll_fd_ >= 0) close(epoll_fd_);
  wake_fd_ = epoll_fd_ = -1;
}

void Worker::wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] auto n = write(wake_fd_, &one, sizeof one);
}

// libcurl tells us which sockets to watch. Removal is lazy: a connection
// whose request just finished is usually reused for the next request at
// once, so the socket stays in the epoll set and two epoll_ctl calls per
// request are saved. A socket libcurl no longer wants is removed when it
// reports an event, or forgotten when libcurl closes it (on_close).
int Worker::on_socket(CURL*, curl_socket_t fd, int what, void* worker, void*) {
  static_cast<Worker*>(worker)->watch(fd, what);
  return 0;
}

void Worker::watch(int fd, int what) {
  if (fd < 0) return;
  if (static_cast<std::size_t>(fd) >= fds_.size()) fds_.resize(static_cast<std::size_t>(fd) + 64);
  auto& w = fds_[static_cast<std::size_t>(fd)];
  if (what == CURL_POLL_REMOVE) {
    w.wanted = false;
    return;
  }
  w.wanted = true;
  set_epoll_events(fd, ((what & CURL_POLL_IN) ? EPOLLIN : 0u) | ((what & CURL_POLL_OUT) ? EPOLLOUT : 0u));
}

void Worker::set_epoll_events(int fd, std::uint32_t events) {
  auto& w = fds_[static_cast<std::size_t>(fd)];
  if (events == w.registered) return;
  epoll_event e{};
  e.events = events;
  e.data.fd = fd;
  if (w.registered == 0) {
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &e) != 0 && errno == EEXIST) epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, fd, &e);
  } else if (epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, fd, &e) != 0 && errno == ENOENT) {
    epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &e);
  }
  w.registered = events;
}

int Worker::on_close(void* worker, curl_socket_t fd) {
  auto* self = static_cast<Worker*>(worker);
  if (fd >= 0 && static_cast<std::size_t>(fd) < self->fds_.size()) {
    auto& w = self->fds_[static_cast<std::size_t>(fd)];
    if (Slot* held = w.http1) {
      // A fast-path connection libcurl closes itself: to libcurl a
      // CONNECT_ONLY connection sits idle in its cache, and one the server
      // has closed is pruned as dead while the slot still holds its fd,
      // whose number the next socket may take. The slot forgets the fd now
      // and learns what it means after libcurl returns (http1_recover_lost).
      held->http1->detach();
      held->connection_lost = true;
      self->lost_.push_back(held);
    }
    w = WatchedFd{};  // closing drops it from the epoll set
  }
  return close(fd);
}

// Each header line of an answer, the status line first and a blank line
// last (for an interim 100 Continue too, so a new status line starts over).
std::size_t Worker::on_header(char* line, std::size_t size, std::size_t count, void* slot) {
  const std::size_t n = size * count;
  auto& s = *static_cast<Slot*>(slot);
  if (n >= 5 && std::string_view(line, 5) == "HTTP/") s.headers_ended = false;
  if ((n == 2 && line[0] == '\r' && line[1] == '\n') || (n == 1 && line[0] == '\n')) s.headers_ended = true;
  return n;
}

int Worker::on_timer(CURLM*, long timeout_ms, void* worker) {
  auto* self = static_cast<Worker*>(worker);
  if (timeout_ms < 0) {
    self->curl_deadline_.reset();
  } else {
    self->curl_deadline_ = MonoClock::now() + std::chrono::milliseconds(timeout_ms);
  }
  return 0;
}

void Worker::dispatch(const epoll_event& event) {
  const int fd = event.data.fd;
  if (fd == wake_fd_) {
    std::uint64_t count = 0;
    [[maybe_unused]] auto n = read(wake_fd_, &count, sizeof count);
    return;
  }
  auto& w = fds_[static_cast<std::size_t>(fd)];
  if (w.http1) {
    http1_event(*w.http1, event.events);
    return;
  }
  if (!w.wanted) {
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
    w.registered = 0;
    return;
  }
  int mask = 0;
  if (event.events & EPOLLIN) mask |= CURL_CSELECT_IN;
  if (event.events & EPOLLOUT) mask |= CURL_CSELECT_OUT;
  if (event.events & (EPOLLERR | EPOLLHUP)) mask |= CURL_CSELECT_ERR;
  int running = 0;
  curl_multi_socket_action(multi_, fd, mask, &running);
}

std::int64_t Worker::second_of(MonoClock::time_point t) const {
  return std::chrono::duration_cast<std::chrono::seconds>(t - context_.control.load_start()).count();
}

void Worker::run() {
  const auto begin = MonoClock::now();
  report_.second = second_of(begin);
  next_flush_ = begin + Worker::kFlushInterval;
  for (;;) {
    const auto now = MonoClock::now();
    if (context_.control.stop_requested()) {
      abort_in_flight();
      break;
    }
    const double active_s = context_.control.active_seconds(now);
    if (active_s >= end_active_s_) {
      abort_in_flight();
      break;
    }
    track_stage(active_s);
    // Read once: the flush below reports this pause only after this turn
    // has (not) sent, so the board knows when nothing more will be sent.
    const std::int64_t pause = context_.control.pause_mark();
    if (pause < 0) launch(now, active_s);
    if (in_flight_ == 0 && nothing_left_to_send(active_s)) break;
    const auto woke = wait_and_dispatch(now);
    if (curl_deadline_ && *curl_deadline_ <= MonoClock::now()) {
      int running = 0;
      curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
    }
    if (!lost_.empty()) http1_recover_lost();
    harvest(woke);
    // A new pause is reported at once, so the run shows as paused as soon
    // as every worker has stopped sending.
    const bool pause_unreported = pause != report_.pause;
    report_.pause = pause;
    if (const auto after = MonoClock::now(); after >= next_flush_ || pause_unreported) {
      if (fast_http1_) http1_expire(after);
      flush(after);
    }
  }
  flush(MonoClock::now());
  context_.board.worker_done(index_);
}

// Blocks until a socket is ready, libcurl's timer or the next planned
// arrival is due, the next flush is due or the engine wakes us. The wait is
// timed to the nanosecond (epoll_pwait2) so arrivals leave on time.
// Returns when it woke: the answers it found had all arrived by then, so
// that is the time their latencies end.
MonoClock::time_point Worker::wait_and_dispatch(MonoClock::time_point now) {
  auto until = next_flush_;
  if (curl_deadline_) until = std::min(until, *curl_deadline_);
  if (open_model_ && !free_slots_.empty() && !context_.control.paused() && std::isfinite(next_arrival_s_)) {
    until = std::min(until, context_.control.mono_at_active(next_arrival_s_));
  }
  if (!resting_.empty() && !context_.control.paused()) until = std::min(until, resting_.front().first);
  if (std::isfinite(end_active_s_) && !context_.control.paused()) {
    until = std::min(until, context_.control.mono_at_active(end_active_s_));
  }
  const auto wait_ns = std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::nanoseconds>(until - now).count());
  const timespec timeout{static_cast<time_t>(wait_ns / 1000000000), static_cast<long>(wait_ns % 1000000000)};
  epoll_event events[kMaxEvents];
  int n = epoll_pwait2(epoll_fd_, events, kMaxEvents, &timeout, nullptr);
  if (n < 0 && errno == ENOSYS) {  // kernels before 5.11: millisecond waits, rounded up
    n = epoll_wait(epoll_fd_, events, kMaxEvents, static_cast<int>((wait_ns + 999999) / 1000000));
  }
  woke_ = MonoClock::now();
  for (int i = 0; i < n; ++i) dispatch(events[i]);
  return woke_;
}

}  // namespace lh::load
