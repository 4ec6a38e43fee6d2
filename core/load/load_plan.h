#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/duration.h"
#include "common/problem.h"

namespace lh::load {

// One kind of request the engine sends. A plan mixes several by weight.
struct RequestTemplate {
  std::string method;  // empty: GET, or POST when there is a body or an upload
  std::string url;
  std::vector<std::string> headers;  // "Name: value", sent as given
  // The body: `body` as it is, or the contents of `body_file` (read once,
  // when the engine prepares the plan). Not both.
  std::string body;
  std::filesystem::path body_file;
  std::string content_type;  // sent as Content-Type (of the upload part when `upload` is set)
  // Multipart upload (form field `upload_field`) of this file, or of every
  // regular file of this folder in turn, in name order; curl streams each
  // file from disk, so a folder of 1,000 PDFs costs no memory.
  std::filesystem::path upload;
  std::string upload_field = "file";
  double weight = 1;
};

// A step of a staged run: from the previous stage's target (or the plan's
// starting concurrency or rate) move linearly to `target` over `duration`.
// A hold is a stage whose target equals the previous one.
struct Stage {
  Seconds duration{0};
  double target = 0;
};

struct LoadPlan {
  std::vector<RequestTemplate> requests;

  // When the run ends: after `count` requests, after `duration` of running
  // (pauses excluded), or, with neither, when the stages end. With both,
  // whichever comes first (ab's -n with -t).
  std::optional<std::uint64_t> count;
  std::optional<Seconds> duration;

  // Closed model: `concurrency` requests in flight at all times, each sent
  // as soon as the previous one on its connection finished (ab, wrk).
  // Open model (`rate` set): requests are sent at a constant arrival rate,
  // whatever the server does, over at most `concurrency` connections; their
  // latency counts from the planned send time, so a server that stalls
  // cannot hide the stall (no coordinated omission).
  std::int64_t concurrency = 1;  // as typed: check() holds its range
  std::optional<double> rate;  // requests per second
  // Stages move the concurrency (closed model) or the rate (open model).
  std::vector<Stage> stages;

  Seconds timeout{30};
  bool keep_alive = true;  // HTTP/1.1 persistent connections
  bool http2 = false;      // HTTP/2 (ALPN over TLS, prior knowledge over http://)
  bool insecure = false;   // skip TLS certificate and host name checks
  // ab's length check: a response whose body length differs from the
  // first response to the same request counts as a "length" failure.
  bool check_length = false;
  // Stop at once when the first connection attempt fails before any
  // response arrived: the target is down, hammering it helps nobody.
  bool stop_if_unreachable_at_start = true;
  int threads = 0;  // worker threads; 0 picks (see load_engine.h)
  // Plain-HTTP/1.1 keep-alive runs of in-memory requests to one origin take
  // the fast path: libcurl opens each connection, the worker sends the
  // request's bytes and http-parser reads the answer (see http1_exchange.h).
  // false: every request is a full libcurl transfer.
  bool fast_http1 = true;
};

// Every problem of a plan as a person wrote it, within the limits of
// load/limits.h, each with the path of its field in the plan
// ("concurrency": "expected at least 1, got 0"; "requests[0].url": …;
// "stages[1].target": …; "" for the plan as a whole). Callers name the
// place in their own words: the scenario's JSON path, bench's options.
Problems check(const LoadPlan& plan);
// Throws InputError with the first problem ("concurrency: the limit is
// 20000 connections, got 20001"): for code handed a plan that was checked.
void validate(const LoadPlan& plan);

// The open files a run of this plan may need: one per connection, and
// kReservedFiles for the rest of the process.
int files_needed(const LoadPlan& plan);

// Is this plan's run bounded by count, duration or stages?
bool has_end(const LoadPlan& plan);

}  // namespace lh::load
