// The per-request half of Worker: sending, finishing and counting requests.
// This is the hot path: no lock, no allocation of ours, one clock read.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>

#include "load/worker.h"

namespace lh::load {

FailureCause Worker::cause_of(CURLcode result, long os_errno) {
  switch (result) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
      return FailureCause::connect;
    case CURLE_OPERATION_TIMEDOUT:
      return FailureCause::timeout;
    case CURLE_GOT_NOTHING:
      return FailureCause::reset;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
      return os_errno == ECONNRESET || os_errno == EPIPE ? FailureCause::reset : FailureCause::read;
    case CURLE_PARTIAL_FILE:
      return FailureCause::length;
    default:
      return FailureCause::read;
  }
}

void Worker::launch(MonoClock::time_point now, double active_s) {
  wake_rested(now);
  if (open_model_) {
    target_ = context_.schedule.value_at(active_s);
    // Every arrival due by now leaves now if a connection is free; the rest
    // wait for one, their latency counting from when they were due.
    while (!free_slots_.empty() && next_arrival_ < arrival_limit_ && next_arrival_s_ <= active_s &&
           next_arrival_s_ < end_active_s_) {
      Slot* slot = free_slots_.back();
      free_slots_.pop_back();
      start(*slot, context_.control.mono_at_active(next_arrival_s_));
      next_arrival_ += static_cast<std::uint64_t>(context_.workers);
      next_arrival_s_ = context_.schedule.time_of_arrival(static_cast<double>(next_arrival_));
    }
    return;
  }
  target_ = std::round(context_.schedule.value_at(active_s));
  const auto wanted = static_cast<int>(share_of(static_cast<std::uint64_t>(target_)));
  while (in_flight_ < wanted && !free_slots_.empty() && to_send_ > 0) {
    Slot* slot = free_slots_.back();
    free_slots_.pop_back();
    start(*slot, now);
    --to_send_;
  }
}

void Worker::start(Slot& slot, MonoClock::time_point sent_at) {
  const std::size_t which = context_.mix.pick(random_state_);
  const auto& request = context_.mix[which];
  slot.sent_at = sent_at;
  slot.error[0] = '\0';
  slot.headers_ended = false;
  slot.busy = true;
  ++report_.totals.started;
  ++in_flight_;
  if (fast_http1_) {
    slot.request = which;
    slot.deadline = MonoClock::now() + std::chrono::duration_cast<MonoClock::duration>(context_.plan.timeout);
    http1_start(slot);
    return;
  }
  if (slot.request != which) {
    request.apply_to(slot.easy);
    slot.request = which;
  }
  if (request.uploads()) slot.mime = request.next_upload(slot.easy);
  curl_multi_add_handle(multi_, slot.easy);
}

// Reads every message before handling any: libcurl 7.88's
// curl_multi_remove_handle scans the queue of unread messages for the
// handle's own, so removing each handle while thousands of connects that
// failed at once still wait in the queue costs the square of their number
// (-c 30000 against a closed port spent half of its 8 s in that scan).
void Worker::harvest(MonoClock::time_point at) {
  done_.clear();
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    Slot* slot = nullptr;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &slot);
    done_.push_back({slot, msg->data.result});
  }
  for (const auto& [slot, result] : done_) {
    if (fast_http1_) {
      http1_connected(*slot, result);
    } else {
      finish(*slot, result, at);
    }
  }
}

// A libcurl transfer ended: read what it tells about it.
void Worker::finish(Slot& slot, CURLcode result, MonoClock::time_point at) {
  Outcome o;
  long connects = 0;
  curl_easy_getinfo(slot.easy, CURLINFO_NUM_CONNECTS, &connects);
  slot.new_connection = connects > 0;
  if (result == CURLE_OK && !slot.headers_ended) {
    // As the fast path counts it: an answer whose headers were cut short.
    o.cause = FailureCause::reset;
    o.error = "the connection closed in the middle of the answer's headers";
  } else if (result == CURLE_OK) {
    long header_bytes = 0, request_bytes = 0;
    curl_off_t body_bytes = 0, uploaded = 0;
    curl_easy_getinfo(slot.easy, CURLINFO_RESPONSE_CODE, &o.status);
    curl_easy_getinfo(slot.easy, CURLINFO_HEADER_SIZE, &header_bytes);
    curl_easy_getinfo(slot.easy, CURLINFO_REQUEST_SIZE, &request_bytes);
    curl_easy_getinfo(slot.easy, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
    curl_easy_getinfo(slot.easy, CURLINFO_SIZE_UPLOAD_T, &uploaded);
    o.answered = true;
    o.body_bytes = static_cast<std::uint64_t>(body_bytes);
    o.bytes_received = static_cast<std::uint64_t>(body_bytes + header_bytes);
    o.bytes_sent = static_cast<std::uint64_t>(request_bytes + uploaded);
  } else {
    curl_easy_getinfo(slot.easy, CURLINFO_OS_ERRNO, &o.os_errno);
    o.cause = cause_of(result, o.os_errno);
    o.error = slot.error[0] ? slot.error : curl_easy_strerror(result);
  }
  curl_multi_remove_handle(multi_, slot.easy);
  if (slot.mime) {
    curl_mime_free(slot.mime);
    slot.mime = nullptr;
  }
  complete(slot, o, at);
}

// Counts a finished request, whichever path it took, and frees its slot.
void Worker::complete(Slot& slot, const Outcome& o, MonoClock::time_point at) {
  // A new second: hand the last one's counts over first, so every report
  // holds one second's worth.
  if (const auto second = second_of(at); second != report_.second) {
    flush(at);
    report_.second = second;
  }
  ++report_.totals.completed;
  if (slot.new_connection) ++report_.totals.connections_opened;
  slot.new_connection = false;
  if (o.answered) {
    record_answer(slot, o, std::chrono::duration_cast<std::chrono::nanoseconds>(at - slot.sent_at).count());
  } else {
    record_failure(o);
  }
  slot.busy = false;
  --in_flight_;
  release(slot, o, at);
}

namespace {

// Keeps the heap of resting slots with the soonest at its front.
constexpr auto kSoonestFirst = [](const auto& a, const auto& b) { return a.first > b.first; };

}  // namespace

// A slot whose connect failed rests (ConnectBackoff) before it may send
// again; any other outcome means a connection was made, and the slot is free.
void Worker::release(Slot& slot, const Outcome& o, MonoClock::time_point at) {
  if (o.answered || o.cause != FailureCause::connect) {
    slot.backoff.succeeded();
    free_slots_.push_back(&slot);
    return;
  }
  resting_.emplace_back(at + slot.backoff.failed(random_state_), &slot);
  std::push_heap(resting_.begin(), resting_.end(), kSoonestFirst);
}

void Worker::wake_rested(MonoClock::time_point now) {
  while (!resting_.empty() && resting_.front().first <= now) {
    std::pop_heap(resting_.begin(), resting_.end(), kSoonestFirst);
    free_slots_.push_back(resting_.back().second);
    resting_.pop_back();
  }
}

void Worker::record_answer(Slot& slot, const Outcome& o, std::int64_t latency_ns) {
  auto& t = report_.totals;
  t.body_bytes_received += o.body_bytes;
  t.bytes_received += o.bytes_received;
  t.bytes_sent += o.bytes_sent;
  ++t.status[static_cast<std::size_t>(std::clamp<long>(o.status, 0, Totals::kMaxStatus))];
  report_.latency.record_ns(latency_ns);

  bool error = false;
  if (o.status < 200 || o.status > 299) {
    ++t.non_2xx;
    error = true;
  }
  if (context_.plan.check_length) {
    auto& first = first_length_[slot.request];
    const auto length = static_cast<std::int64_t>(o.body_bytes);
    if (first < 0) {
      first = length;
    } else if (first != length) {
      ++t.failures[static_cast<std::size_t>(FailureCause::length)];
      error = true;
    }
  }
  if (error) ++report_.errors;
  if (!answer_seen_) {
    answer_seen_ = true;
    context_.control.answer_seen.store(true, std::memory_order_relaxed);
  }
}

void Worker::record_failure(const Outcome& o) {
  ++report_.totals.failures[static_cast<std::size_t>(o.cause)];
  ++report_.errors;
  if (!error_noted_) {
    error_noted_ = true;
    std::string message = o.error ? o.error : std::string(to_string(o.cause));
    // libcurl 7.88 says "Couldn't connect to server" where people want to
    // read "Connection refused".
    if (o.os_errno != 0 && message.find(std::strerror(static_cast<int>(o.os_errno))) == std::string::npos) {
      message += std::string(" (") + std::strerror(static_cast<int>(o.os_errno)) + ")";
    }
    context_.board.note_first_error(message);
  }
  if (o.cause == FailureCause::connect && context_.plan.stop_if_unreachable_at_start &&
      !context_.control.answer_seen.load(std::memory_order_relaxed)) {
    context_.control.unreachable.store(true);
    context_.control.request_stop();
  }
}

void Worker::abort_in_flight() {
  for (auto& slot : slots_) {
    if (!slot.busy) continue;
    slot.busy = false;
    if (fast_http1_) {
      // Its answer may still come; the connection cannot be used again.
      if (!slot.connecting) http1_drop_connection(slot);
      slot.connecting = false;
    }
    curl_multi_remove_handle(multi_, slot.easy);
    if (slot.mime) {
      curl_mime_free(slot.mime);
      slot.mime = nullptr;
    }
    ++report_.totals.aborted;
    --in_flight_;
    free_slots_.push_back(&slot);
  }
}

bool Worker::nothing_left_to_send(double active_s) const {
  // A run with a duration lasts it, even when its last arrival came earlier
  // (the loop ends it at the deadline); otherwise it ends with its count or
  // when the rate has fallen to nothing for good.
  if (open_model_) return next_arrival_ >= arrival_limit_ || !std::isfinite(next_arrival_s_);
  if (to_send_ == 0) return true;
  // A closed run ramped down to no connections for good sends nothing more.
  return active_s >= context_.schedule.end_s() && !context_.schedule.stages().empty() &&
         context_.schedule.stages().back().target < 0.5;
}

void Worker::track_stage(double active_s) {
  const auto& schedule = context_.schedule;
  if (schedule.stages().empty()) return;
  const std::size_t stage = schedule.stage_at(active_s);
  if (stage == stage_) return;
  stage_ = stage;
  if (stage >= schedule.stages().size()) return;
  const double t_s = context_.clock.seconds(context_.control.mono_at_active(schedule.stage_start_s(stage)));
  context_.board.enter_stage(stage, Event{t_s, "load", EventKind::stage,
                                          schedule.describe(stage, open_model_ ? "requests/s" : "connections")});
}

void Worker::flush(MonoClock::time_point now) {
  report_.watermark = second_of(now);
  report_.in_flight = in_flight_;
  report_.target = target_;
  context_.board.publish(report_);
  report_.totals = Totals{};
  report_.latency.reset();
  report_.errors = 0;
  next_flush_ = now + kFlushInterval;
}

}  // namespace lh::load
