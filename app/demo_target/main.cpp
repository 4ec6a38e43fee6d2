// leakhound-demo-target: the bundled service that LeakHound's main job, tests
// and benchmarks load. It listens on loopback only.
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <thread>

#include "common/version.h"
#include "demo_service.h"
#include "parse_args.h"

namespace {

// Stops the server on SIGINT/SIGTERM from a thread of its own: httplib's
// stop() is not async-signal-safe, so it must not run in a signal handler.
void stop_on_signals(httplib::Server& server) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread([&server, signals] {
    int received = 0;
    sigwait(&signals, &received);
    // A signal that comes between the "listening" line and the start of
    // listen_after_bind() would find stop() doing nothing: wait for it.
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server.stop();
  }).detach();
}

}  // namespace

int main(int argc, char** argv) {
  lh::demo::DemoOptions options;
  int port = 0;
  int threads = 64;

  CLI::App app{"A small HTTP service that imitates a text segmentation service (POST /segment, GET /memory-stats)\n"
               "and a PDF conversion service (POST /convert, GET /health), with leaks you switch on.\n"
               "It also serves GET /metrics in the Prometheus text format. It listens on 127.0.0.1 only.",
               "leakhound-demo-target"};
  app.set_version_flag("--version", std::string("leakhound-demo-target ") + lh::kVersion);
  app.add_option("--port", port, "Port to listen on; 0 picks a free one (the port is printed)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--leak-kb-per-request", options.leak_kib_per_request,
                 "Keep N KiB per POST forever: the original bug (default 0)");
  app.add_option("--cache-limit", options.cache_limit,
                 "Cache the last N documents (LRU): fills, then holds (default 0: no cache)");
  app.add_option("--cache-entry-kb", options.cache_entry_kib, "KiB each cached document holds (default 64)")
      ->check(CLI::Range(1, 1 << 20));
  app.add_option("--model-mb", options.model_mib, "MiB a language model takes when first used (default 8)")
      ->check(CLI::Range(0, 4096));
  app.add_option("--restart-after", options.restart_after,
                 "Exit after N conversions, for a supervisor to restart (default 0: never)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--latency-ms", options.latency_ms, "Add N ms to every POST (default 0)")->check(CLI::Range(0, 600000));
  app.add_option("--threads", threads, "Worker threads; each serves one keep-alive connection at a time (default 64)")
      ->check(CLI::Range(1, 4096));
  if (auto status = lh::app::parse_args(app, argc, argv)) return *status;

  httplib::Server server;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server.set_keep_alive_max_count(100000);
  server.set_keep_alive_timeout(30);
  server.set_payload_max_length(256u << 20);
  // httplib writes headers and body with two send()s; with Nagle on, the
  // body waits for the client's delayed ACK, adding 40 ms to every request
  // on a kept-alive connection. The services it imitates answer at once.
  server.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which would let a second demo
  // target silently share a busy port; a busy port must be an error.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  std::atomic<bool> restart_requested = false;
  lh::demo::DemoService service(options, [&] {
    restart_requested = true;
    // Give the last response a moment to leave before the listener closes.
    std::thread([&server] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      server.stop();
    }).detach();
  });
  service.mount(server);

  stop_on_signals(server);
  const int bound = port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
  if (bound <= 0) {
    std::fprintf(stderr, "leakhound-demo-target: cannot listen on 127.0.0.1:%d (is it in use?)\n", port);
    return 1;
  }
  std::printf("leakhound-demo-target listening on http://127.0.0.1:%d\n", bound);
  std::fflush(stdout);

  server.listen_after_bind();
  if (restart_requested) {
    std::fprintf(stderr, "leakhound-demo-target: exiting after %lld conversions (--restart-after)\n",
                 static_cast<long long>(options.restart_after));
  }
  return 0;
}
