#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "load/load_plan.h"

namespace lh::load {

// ab's options as a person types them, before any checking: what
// `leakhound-cli bench` parses from its own arguments and `import-ab` from
// an ab command line, so both mean exactly the same by each option.
// Durations stay text so they are read by lh::parse_duration, like
// everywhere else.
struct AbOptions {
  // ab's own options
  // Numbers stay text too, read by plan_from_ab, so a number too large for
  // any type is named as typed ("-n: the limit is … requests, got 1e30").
  std::string requests;                  // -n (ab: 1)
  std::string concurrency;               // -c (ab: 1)
  std::string timelimit;                 // -t seconds, or a duration
  bool keep_alive = false;               // -k (keep-alive is on anyway, see keep_alive_off)
  std::string method;                    // -m
  std::string post_file;                 // -p
  std::string put_file;                  // -u
  std::string content_type;              // -T (ab: text/plain)
  std::vector<std::string> headers;      // -H, repeatable
  std::string timeout;                   // -s seconds (ab: 30)
  bool quiet = false;                    // -q
  bool head = false;                     // -i
  bool variable_length = false;          // -l: no length check
  bool keep_going = false;               // -r: ab stops on socket errors without it; we never stop
  std::vector<std::string> cookies;      // -C name=value, repeatable
  std::string url;

  // LeakHound's additions
  std::string rate;                  // --rate requests/s
  std::vector<std::string> stages;   // --stage DURATION:TARGET, repeatable
  std::string upload;                // --upload FILE|DIR
  std::string upload_field = "file"; // --upload-field
  bool keep_alive_off = false;       // --no-keep-alive
  bool http2 = false;                // --http2
  bool insecure = false;             // --insecure
  int threads = 0;                   // --threads
};

// ab's defaults where LeakHound's plan has none of its own: with neither
// -n, -t nor --stage, one request (ab's -n 1).
// Throws InputError naming the option, as the person typed it
// ("-c: expected at least 1 connection, got 0"; "-c: the limit is 20000
// connections, got 20001": the limits of load/limits.h).
LoadPlan plan_from_ab(const AbOptions& options);

// "30s:100" → a stage of 30 s towards 100; throws InputError.
Stage parse_stage(const std::string& text);

}  // namespace lh::load
