// The per-request half of Worker: sending, finishing and counting requests.
// This is the hot path: no lock, no allocation of ours, one clock read.
#include <algorithm>
#include <cerrno>
#include <cmath>

#include "load/worker.h"

namespace lh::load {
namespace {

FailureCause cause_of(CURLcode result, long os_errno) {
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

}  // namespace

void Worker::launch(MonoClock::time_point now, double active_s) {
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
  if (slot.request != which) {
    request.apply_to(slot.easy);
    slot.request = which;
  }
  if (request.uploads()) slot.mime = request.next_upload(slot.easy);
  slot.sent_at = sent_at;
  slot.error[0] = '\0';
  slot.busy = true;
  ++report_.totals.started;
  ++in_flight_;
  curl_multi_add_handle(multi_, slot.easy);
}

void Worker::harvest(MonoClock::time_point at) {
  int left = 0;
  while (CURLMsg* msg = curl_multi_info_read(multi_, &left)) {
    if (msg->msg != CURLMSG_DONE) continue;
    Slot* slot = nullptr;
    curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &slot);
    finish(*slot, msg->data.result, at);
  }
}

void Worker::finish(Slot& slot, CURLcode result, MonoClock::time_point at) {
  // A new second: hand the last one's counts over first, so every report
  // holds one second's worth.
  if (const auto second = second_of(at); second != report_.second) {
    flush(at);
    report_.second = second;
  }
  auto& t = report_.totals;
  ++t.completed;
  long connects = 0;
  curl_easy_getinfo(slot.easy, CURLINFO_NUM_CONNECTS, &connects);
  t.connections_opened += static_cast<std::uint64_t>(connects);
  if (result == CURLE_OK) {
    record_answer(slot, std::chrono::duration_cast<std::chrono::nanoseconds>(at - slot.sent_at).count());
  } else {
    record_failure(slot, result);
  }
  curl_multi_remove_handle(multi_, slot.easy);
  if (slot.mime) {
    curl_mime_free(slot.mime);
    slot.mime = nullptr;
  }
  slot.busy = false;
  --in_flight_;
  free_slots_.push_back(&slot);
}

void Worker::record_answer(Slot& slot, std::int64_t latency_ns) {
  auto& t = report_.totals;
  long status = 0, header_bytes = 0, request_bytes = 0;
  curl_off_t body_bytes = 0, uploaded = 0;
  curl_easy_getinfo(slot.easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(slot.easy, CURLINFO_HEADER_SIZE, &header_bytes);
  curl_easy_getinfo(slot.easy, CURLINFO_REQUEST_SIZE, &request_bytes);
  curl_easy_getinfo(slot.easy, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
  curl_easy_getinfo(slot.easy, CURLINFO_SIZE_UPLOAD_T, &uploaded);
  t.body_bytes_received += static_cast<std::uint64_t>(body_bytes);
  t.bytes_received += static_cast<std::uint64_t>(body_bytes + header_bytes);
  t.bytes_sent += static_cast<std::uint64_t>(request_bytes + uploaded);
  ++t.status[static_cast<std::size_t>(std::clamp<long>(status, 0, Totals::kMaxStatus))];
  report_.latency.record_ns(latency_ns);

  bool error = false;
  if (status < 200 || status > 299) {
    ++t.non_2xx;
    error = true;
  }
  if (context_.plan.check_length) {
    auto& first = first_length_[slot.request];
    if (first < 0) {
      first = body_bytes;
    } else if (first != body_bytes) {
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

void Worker::record_failure(Slot& slot, CURLcode result) {
  long os_errno = 0;
  curl_easy_getinfo(slot.easy, CURLINFO_OS_ERRNO, &os_errno);
  const FailureCause cause = cause_of(result, os_errno);
  ++report_.totals.failures[static_cast<std::size_t>(cause)];
  ++report_.errors;
  if (!error_noted_) {
    error_noted_ = true;
    context_.board.note_first_error(slot.error[0] ? slot.error : curl_easy_strerror(result));
  }
  if (cause == FailureCause::connect && context_.plan.stop_if_unreachable_at_start &&
      !context_.control.answer_seen.load(std::memory_order_relaxed)) {
    context_.control.unreachable.store(true);
    context_.control.request_stop();
  }
}

void Worker::abort_in_flight() {
  for (auto& slot : slots_) {
    if (!slot.busy) continue;
    slot.busy = false;
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
  if (open_model_) return next_arrival_ >= arrival_limit_ || next_arrival_s_ >= end_active_s_ || !std::isfinite(next_arrival_s_);
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
