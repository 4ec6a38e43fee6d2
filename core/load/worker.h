#pragma once

#include <curl/curl.h>
#include <sys/epoll.h>

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "load/connect_backoff.h"
#include "load/http1_exchange.h"
#include "load/load_plan.h"
#include "load/request_mix.h"
#include "load/run_control.h"
#include "load/stage_schedule.h"
#include "load/stats_board.h"

namespace lh::load {

// Everything a worker needs from the engine; all of it outlives the worker.
struct WorkerContext {
  const LoadPlan& plan;
  const RequestMix& mix;
  const StageSchedule& schedule;
  RunControl& control;
  StatsBoard& board;
  const SessionClock& clock;
  int workers = 1;
};

// One thread's share of a run: its own libcurl multi handle driven by
// curl_multi_socket_action over its own epoll set, a fixed set of easy
// handles reused from request to request (so their connections are too),
// and its own counters, handed to the StatsBoard in batches. Nothing on the
// per-request path takes a lock, and nothing allocates but libcurl.
class Worker {
 public:
  // How often a worker hands its counts to the board (and at least once a second).
  static constexpr std::chrono::milliseconds kFlushInterval{100};

  // Throws lh::RuntimeFailure when the system gives no epoll set, eventfd
  // or libcurl handle (out of file descriptors or memory).
  Worker(const WorkerContext& context, int index);
  ~Worker();
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  void run();
  // Interrupts the wait so a pause, resume or stop is seen at once; any thread.
  void wake();

 private:
  struct Slot {
    CURL* easy = nullptr;
    // The fast path's exchange over the connection `easy` opened (only
    // when the plan allows the fast path).
    std::unique_ptr<Http1Exchange> http1;
    bool connecting = false;      // fast path: libcurl is opening the connection
    // fast path: libcurl closed the connection under us (on_close), not yet
    // dealt with: see http1_recover_lost().
    bool connection_lost = false;
    bool new_connection = false;  // this request opened a connection
    MonoClock::time_point deadline;  // fast path: when the request times out
    std::size_t request = SIZE_MAX;  // the template last applied to `easy`
    MonoClock::time_point sent_at;   // or planned send time, in the open model
    curl_mime* mime = nullptr;
    bool busy = false;
    // libcurl path: the answer's header section ended (its blank line came);
    // libcurl takes a connection closed mid-headers for a whole answer.
    bool headers_ended = false;
    ConnectBackoff backoff;  // its connects that failed in a row
    char error[CURL_ERROR_SIZE] = {};
  };
  struct WatchedFd {
    std::uint32_t registered = 0;  // the events epoll watches for; 0: not in the set
    bool wanted = false;           // whether libcurl still wants to hear about it
    Slot* http1 = nullptr;         // the fast-path slot that owns this connection
  };
  // How a request ended, whichever path it took.
  struct Outcome {
    bool answered = false;
    long status = 0;
    std::uint64_t body_bytes = 0, bytes_received = 0, bytes_sent = 0;
    FailureCause cause = FailureCause::read;
    const char* error = nullptr;
    long os_errno = 0;  // what the system said, when libcurl's words leave it out
  };

  void open_handles(std::uint64_t slots);
  void close_handles();
  static int on_socket(CURL*, curl_socket_t fd, int what, void* worker, void*);
  static int on_timer(CURLM*, long timeout_ms, void* worker);
  static int on_close(void* worker, curl_socket_t fd);
  static std::size_t on_header(char* line, std::size_t size, std::size_t count, void* slot);
  void watch(int fd, int what);
  void set_epoll_events(int fd, std::uint32_t events);
  static FailureCause cause_of(CURLcode result, long os_errno);
  void dispatch(const epoll_event& event);

  void launch(MonoClock::time_point now, double active_s);
  void start(Slot& slot, MonoClock::time_point sent_at);
  void harvest(MonoClock::time_point at);
  void finish(Slot& slot, CURLcode result, MonoClock::time_point at);
  void complete(Slot& slot, const Outcome& outcome, MonoClock::time_point at);
  void release(Slot& slot, const Outcome& outcome, MonoClock::time_point at);
  void wake_rested(MonoClock::time_point now);
  void record_answer(Slot& slot, const Outcome& outcome, std::int64_t latency_ns);
  void record_failure(const Outcome& outcome);

  // The fast path (worker_http1.cpp).
  void http1_start(Slot& slot);
  void http1_connected(Slot& slot, CURLcode result);
  void http1_event(Slot& slot, std::uint32_t events);
  void http1_progress(Slot& slot, Http1Exchange::Progress progress);
  void http1_drop_connection(Slot& slot);
  void http1_expire(MonoClock::time_point now);
  void http1_recover_lost();
  void abort_in_flight();
  bool nothing_left_to_send(double active_s) const;
  void track_stage(double active_s);
  void flush(MonoClock::time_point now);
  std::int64_t second_of(MonoClock::time_point t) const;
  MonoClock::time_point wait_and_dispatch(MonoClock::time_point now);

  // This worker's part of a whole-run figure (connections, requests).
  std::uint64_t share_of(std::uint64_t total) const {
    const auto w = static_cast<std::uint64_t>(context_.workers);
    return total / w + (static_cast<std::uint64_t>(index_) < total % w ? 1 : 0);
  }

  WorkerContext context_;
  const int index_;
  const bool open_model_;
  const bool fast_http1_;
  const double end_active_s_;  // the run's duration, or infinity
  CURLM* multi_ = nullptr;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::vector<Slot> slots_;
  std::vector<Slot*> free_slots_;
  // Slots waiting out a connect backoff: a min-heap on when each may try
  // again (room for every slot, so resting allocates nothing).
  std::vector<std::pair<MonoClock::time_point, Slot*>> resting_;
  std::vector<std::pair<Slot*, CURLcode>> done_;  // harvest()'s transfers, room for every slot
  std::vector<Slot*> lost_;  // fast path: slots whose connection libcurl closed under them
  std::vector<WatchedFd> fds_;
  std::optional<MonoClock::time_point> curl_deadline_;
  MonoClock::time_point woke_;     // when the current batch of events was reported
  std::vector<char> read_buffer_;  // fast path: scratch space for answers
  int in_flight_ = 0;
  std::uint64_t random_state_;

  // Closed model: requests this worker may still send (count runs).
  std::uint64_t to_send_ = std::numeric_limits<std::uint64_t>::max();
  // Open model: the next arrival this worker sends (every workers-th of the
  // run's), and when it is due in active time.
  std::uint64_t next_arrival_ = 0;
  double next_arrival_s_ = 0;
  std::uint64_t arrival_limit_ = std::numeric_limits<std::uint64_t>::max();

  double target_ = 0;  // the whole run's concurrency or rate, now
  std::size_t stage_ = SIZE_MAX;
  std::vector<std::int64_t> first_length_;  // per template, for the length check
  bool answer_seen_ = false;
  bool error_noted_ = false;
  WorkerReport report_;
  MonoClock::time_point next_flush_;
};

}  // namespace lh::load
