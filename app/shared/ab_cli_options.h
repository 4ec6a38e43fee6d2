#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <type_traits>
#include <variant>

#include "load/ab_option_table.h"
#include "load/limits.h"

namespace lh::app {

// ab's options, with ab's letters and meanings (lh::load::ab_option_table(),
// which `import-ab` reads ab command lines by too), bound to `o`;
// lh::load::plan_from_ab then checks them and makes the plan.
inline void add_ab_options(CLI::App& app, lh::load::AbOptions& o) {
  for (const lh::load::AbOption& option : lh::load::ab_option_table()) {
    const std::string name = "-" + std::string(1, option.letter);
    std::visit(
        [&](auto field) {
          if constexpr (std::is_same_v<decltype(field), bool lh::load::AbOptions::*>) {
            app.add_flag(name, o.*field, option.help);
          } else {
            CLI::Option* added = app.add_option(name, o.*field, option.help);
            if (option.type_name) added->type_name(option.type_name);
          }
        },
        option.field);
  }
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
