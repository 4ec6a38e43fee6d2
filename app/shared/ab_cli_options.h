#pragma once

#include <CLI/CLI.hpp>

#include "load/ab_options.h"
#include "load/limits.h"

namespace lh::app {

// ab's options, with ab's letters and meanings, bound to `o`. `bench` adds
// them to its own command line and `import-ab` to the one it reads from an
// ab command, so an option means the same in both; lh::load::plan_from_ab
// then checks them and makes the plan.
inline void add_ab_options(CLI::App& app, lh::load::AbOptions& o) {
  app.add_option("-n", o.requests, "Number of requests to perform (ab: 1 when neither -t nor --stage is given)")
      ->type_name("INT");
  app.add_option("-c", o.concurrency,
                 "Number of requests to make at a time: the connections (default 1; with --rate, at most this many "
                 "in flight, default 100; at most " + std::to_string(lh::load::kMaxConcurrency) + ")")
      ->type_name("INT");
  app.add_option("-t", o.timelimit,
                 "Seconds (or a duration: 30s, 10m) to run; unlike ab, it does not cap the run at 50000 requests");
  app.add_flag("-k", o.keep_alive, "Use HTTP keep-alive (unlike ab, always on: see --no-keep-alive)");
  app.add_option("-m", o.method, "HTTP method, e.g. DELETE");
  app.add_option("-p", o.post_file, "File containing data to POST (remember -T)");
  app.add_option("-u", o.put_file, "File containing data to PUT (remember -T)");
  app.add_option("-T", o.content_type, "Content-type header for POST/PUT data (default text/plain)");
  app.add_option("-H", o.headers, "Add a header line, e.g. 'Accept-Encoding: gzip' (repeatable)");
  app.add_option("-C", o.cookies, "Add a cookie, e.g. 'Apache=1234' (repeatable)");
  app.add_option("-s", o.timeout, "Seconds (or a duration) to wait for each response (default 30)");
  app.add_flag("-i", o.head, "Use HEAD instead of GET");
  app.add_flag("-l", o.variable_length, "Accept variable document length: no Length failures (for dynamic pages)");
  app.add_flag("-r", o.keep_going, "Don't exit on socket receive errors (always so here)");
  app.add_flag("-q", o.quiet, "Do not show progress");
}

// LeakHound's own additions to ab's options.
inline void add_load_extension_options(CLI::App& app, lh::load::AbOptions& o) {
  app.add_option("--rate", o.rate,
                 "Send this many requests per second whatever the server does (open model); latency counts from "
                 "each request's planned send time, so stalls show");
  app.add_option("--stage", o.stages,
                 "DURATION:TARGET, repeatable: ramp the concurrency (or with --rate the rate) to TARGET over "
                 "DURATION, e.g. --stage 30s:50 --stage 5m:50; without -n/-t the run ends with the stages");
  app.add_option("--upload", o.upload,
                 "Upload this file, or every file of this folder in turn, as multipart/form-data (POST)");
  app.add_option("--upload-field", o.upload_field, "Form field name of the upload (default file)");
  app.add_flag("--no-keep-alive", o.keep_alive_off, "A new connection for every request");
  app.add_flag("--http2", o.http2, "Speak HTTP/2 (over TLS by ALPN; over http:// by prior knowledge, with libcurl 8.0 or later)");
  app.add_flag("--insecure", o.insecure, "Do not verify the server's TLS certificate (warned about loudly)");
  app.add_option("--threads", o.threads, "Worker threads, each with its share of the connections (default 1: enough for ab's speed)")
      ->check(CLI::Range(0, lh::load::kMaxThreads));
}

}  // namespace lh::app
