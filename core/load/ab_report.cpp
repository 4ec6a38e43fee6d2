// The text summaries of load_summary.h: ab's layout, and the progress line.
#include <cstdio>

#include "common/http_url.h"
#include "load/load_summary.h"

namespace lh::load {
namespace {

void line(std::string& out, const char* format, auto... args) {
  char buf[256];
  std::snprintf(buf, sizeof buf, format, args...);
  out += buf;
}

using ull = unsigned long long;

}  // namespace

std::string ab_report(const LoadPlan& plan, const LoadSnapshot& s) {
  const auto& t = s.totals;
  const auto& l = s.latency;
  const auto& request = plan.requests.front();
  const HttpUrl url = read_http_url(request.url).url.value_or(HttpUrl{});
  auto f = [&](FailureCause c) { return static_cast<ull>(t.failures[static_cast<std::size_t>(c)]); };
  std::string out;
  line(out, "Server Hostname:        %s\n", url.host.c_str());
  line(out, "Server Port:            %d\n", url.port_number);
  line(out, "\nDocument Path:          %s\n", url.target().c_str());
  if (l.count > 0) {
    line(out, "Document Length:        %.0f bytes (mean)\n", static_cast<double>(t.body_bytes_received) / static_cast<double>(l.count));
  }
  if (plan.rate) {
    line(out, "\nRate:                   %g requests/s (at most %lld connections)\n", *plan.rate, static_cast<long long>(plan.concurrency));
  } else {
    line(out, "\nConcurrency Level:      %lld\n", static_cast<long long>(plan.concurrency));
  }
  line(out, "Time taken for tests:   %.3f seconds\n", s.elapsed_s);
  line(out, "Complete requests:      %llu\n", static_cast<ull>(t.completed));
  line(out, "Failed requests:        %llu\n", static_cast<ull>(t.failed()));
  if (t.failed() > 0) {
    line(out, "   (Connect: %llu, Timeout: %llu, Reset: %llu, Read: %llu, Length: %llu)\n", f(FailureCause::connect),
         f(FailureCause::timeout), f(FailureCause::reset), f(FailureCause::read), f(FailureCause::length));
  }
  if (t.non_2xx > 0) {
    line(out, "Non-2xx responses:      %llu\n", static_cast<ull>(t.non_2xx));
    for (std::size_t code = 0; code < t.status.size(); ++code) {
      if (t.status[code] > 0 && (code < 200 || code > 299)) {
        line(out, "   %zu: %llu\n", code, static_cast<ull>(t.status[code]));
      }
    }
  }
  if (t.aborted > 0) line(out, "Aborted requests:       %llu (in flight at the end)\n", static_cast<ull>(t.aborted));
  if (plan.keep_alive) {
    const auto answers = static_cast<ull>(l.count);
    const auto opened = static_cast<ull>(t.connections_opened);
    line(out, "Keep-Alive requests:    %llu\n", answers > opened ? answers - opened : 0ULL);
  }
  line(out, "Total transferred:      %llu bytes\n", static_cast<ull>(t.bytes_received));
  line(out, "HTML transferred:       %llu bytes\n", static_cast<ull>(t.body_bytes_received));
  const double elapsed = s.elapsed_s > 0 ? s.elapsed_s : 1e-9;
  const double done = t.completed > 0 ? static_cast<double>(t.completed) : 1;
  line(out, "Requests per second:    %.2f [#/sec] (mean)\n", s.requests_per_second);
  line(out, "Time per request:       %.3f [ms] (mean)\n", l.mean_ms);
  line(out, "Time per request:       %.3f [ms] (mean, across all concurrent requests)\n", elapsed * 1000 / done);
  line(out, "Transfer rate:          %.2f [Kbytes/sec] received\n", static_cast<double>(t.bytes_received) / 1024 / elapsed);
  if (t.bytes_sent > 0) {
    line(out, "                        %.2f kb/s sent\n", static_cast<double>(t.bytes_sent) / 1024 / elapsed);
  }
  if (l.count > 0) {
    out += "\nPercentage of the requests served within a certain time (ms)\n";
    const std::pair<const char*, double> rows[] = {{"50%", l.p50_ms}, {"75%", l.p75_ms}, {"90%", l.p90_ms},
                                                   {"95%", l.p95_ms}, {"99%", l.p99_ms}, {"99.9%", l.p99_9_ms}};
    for (const auto& [label, value] : rows) line(out, "  %-6s %9.3f\n", label, value);
    line(out, "  %-6s %9.3f (longest request)\n", "100%", l.max_ms);
  }
  return out;
}

std::string progress_line(const LoadSnapshot& s) {
  std::string out;
  // The last whole second's rate, once there is one.
  const double rate = s.elapsed_s < 1 ? s.requests_per_second : s.current_requests_per_second;
  line(out, "%7.1fs  %llu requests  %.0f req/s  p50 %.2f ms  p99 %.2f ms  %llu errors", s.elapsed_s,
       static_cast<ull>(s.totals.completed), rate, s.latency.p50_ms, s.latency.p99_ms,
       static_cast<ull>(s.totals.failed() + s.totals.non_2xx));
  if (s.state == RunState::paused) out += "  (paused)";
  return out;
}

}  // namespace lh::load
