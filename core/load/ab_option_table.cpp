#include "load/ab_option_table.h"

#include "load/limits.h"

namespace lh::load {

std::span<const AbOption> ab_option_table() {
  static const std::vector<AbOption> table{
      {'n', &AbOptions::requests, "Number of requests to perform (ab: 1 when neither -t nor --stage is given)", "INT"},
      {'c', &AbOptions::concurrency,
       "Number of requests to make at a time: the connections (default 1; with --rate, at most this many in flight, "
       "default 100; at most " + std::to_string(kMaxConcurrency) + ")",
       "INT"},
      {'t', &AbOptions::timelimit,
       "Seconds (or a duration: 30s, 10m) to run; unlike ab, it does not cap the run at 50000 requests"},
      {'k', &AbOptions::keep_alive, "Use HTTP keep-alive (unlike ab, always on: see --no-keep-alive)"},
      {'m', &AbOptions::method, "HTTP method, e.g. DELETE"},
      {'p', &AbOptions::post_file, "File containing data to POST (remember -T)"},
      {'u', &AbOptions::put_file, "File containing data to PUT (remember -T)"},
      {'T', &AbOptions::content_type, "Content-type header for POST/PUT data (default text/plain)"},
      {'H', &AbOptions::headers, "Add a header line, e.g. 'Accept-Encoding: gzip' (repeatable)"},
      {'C', &AbOptions::cookies, "Add a cookie, e.g. 'Apache=1234' (repeatable)"},
      {'s', &AbOptions::timeout, "Seconds (or a duration) to wait for each response (default 30)"},
      {'i', &AbOptions::head, "Use HEAD instead of GET"},
      {'l', &AbOptions::variable_length, "Accept variable document length: no Length failures (for dynamic pages)"},
      {'r', &AbOptions::keep_going, "Don't exit on socket receive errors (always so here)"},
      {'q', &AbOptions::quiet, "Do not show progress"},
  };
  return table;
}

}  // namespace lh::load
