// leakhound-record-demo: records the demo target's memory while it serves a
// steady or bursty load, as the CSV `monitor` writes. The recordings under
// tests/analysis/recordings/ were made with it (bench/analysis/record_all.sh).
#include <httplib.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "common/clock.h"
#include "common/csv.h"
#include "common/duration.h"
#include "common/iso_time.h"
#include "parse_args.h"
#include "supervised_target.h"

namespace {

using nlohmann::json;

struct Options {
  std::string target;
  std::string target_args;
  double duration_s = 300;
  double interval_s = 0.5;
  double rate = 20;
  std::string endpoint = "segment";
  double burst_period_s = 0;  // 0: steady load
  double burst_duty = 0.3;    // share of each period with load on
  double new_language_at_s = 0;
  std::string out;
  std::string events;
};

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

bool load_on(const Options& o, double t) {
  if (o.burst_period_s <= 0) return true;
  return std::fmod(t, o.burst_period_s) < o.burst_duty * o.burst_period_s;
}

bool send_work(httplib::Client& client, const Options& o, const char* language) {
  if (o.endpoint == "convert") {
    httplib::MultipartFormDataItems items{{"file", "%PDF-1.4 recorded", "document.pdf", "application/pdf"}};
    auto res = client.Post("/convert", items);
    return res && res->status == 200;
  }
  const std::string body = std::string(R"({"text": "One sentence. Another one.", "language": ")") + language + "\"}";
  auto res = client.Post("/segment", body, "application/json");
  return res && res->status == 200;
}

// Sends work at the configured pace until `stop`; counts what succeeded.
void drive_load(const Options& o, int port, const lh::SessionClock& clock, std::atomic<bool>& stop,
                std::atomic<long long>& served) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(1, 0);
  client.set_read_timeout(5, 0);
  bool language_sent = false;
  double next = 0;
  while (!stop) {
    const double now = clock.now();
    if (now < next) {
      std::this_thread::sleep_for(std::chrono::duration<double>(std::min(next - now, 0.1)));
      continue;
    }
    next += 1.0 / o.rate;
    if (next < now - 1.0) next = now;  // after a restart, do not fire a backlog
    if (!load_on(o, now)) continue;
    const bool switch_language = o.new_language_at_s > 0 && !language_sent && now >= o.new_language_at_s;
    if (send_work(client, o, switch_language ? "de" : "en")) {
      ++served;
      language_sent = language_sent || switch_language;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

std::optional<json> get_json(httplib::Client& client, const char* path) {
  auto res = client.Get(path);
  if (!res || res->status != 200) return std::nullopt;
  json body = json::parse(res->body, nullptr, false);
  if (body.is_discarded()) return std::nullopt;
  return body;
}

int record(const Options& o) {
  std::vector<std::string> argv{o.target};
  for (auto& w : split_words(o.target_args)) argv.push_back(w);
  lh::bench::SupervisedTarget target(argv);
  const lh::SessionClock clock;

  std::ofstream out(o.out);
  lh::CsvWriter csv(out);
  csv.field("t_s").field("time").field("memory.rss_mb").field("language_processor.cache_size");
  csv.field("health.memory_usage_gb")
      .field("health.pid")
      .field("health.uptime_seconds")
      .field("load.requests")
      .end_row();
  std::ofstream events_out;
  std::optional<lh::CsvWriter> events;
  if (!o.events.empty()) {
    events_out.open(o.events);
    events.emplace(events_out);
    events->field("t_s").field("time").field("source").field("kind").field("detail").end_row();
  }

  std::atomic<bool> stop = false;
  std::atomic<long long> served = 0;
  std::thread load([&] { drive_load(o, target.port(), clock, stop, served); });
  std::mutex restarts_mutex;
  std::vector<double> restarts;
  std::thread supervisor([&] {
    while (!stop) {
      if (target.restart_if_exited()) {
        std::lock_guard lock(restarts_mutex);
        restarts.push_back(clock.now());
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });

  httplib::Client client("127.0.0.1", target.port());
  client.set_connection_timeout(0, 300000);
  client.set_read_timeout(1, 0);
  std::size_t written_restarts = 0;
  for (long tick = 0;; ++tick) {
    const double due = static_cast<double>(tick) * o.interval_s;
    if (due > o.duration_s) break;
    std::this_thread::sleep_until(clock.mono_at(due));
    const double t = clock.now();
    const auto stats = get_json(client, "/memory-stats");
    const auto health = get_json(client, "/health");
    csv.field(std::round(t * 1000) / 1000).field(lh::format_iso8601(clock.wall_at(t)));
    if (stats) {
      csv.field((*stats)["memory"]["rss_mb"].get<double>());
      csv.field(static_cast<std::int64_t>((*stats)["language_processor"]["cache_size"].get<long long>()));
    } else {
      csv.empty().empty();
    }
    if (health) {
      csv.field((*health)["memory_usage_gb"].get<double>());
      csv.field(static_cast<std::int64_t>((*health)["pid"].get<long long>()));
      csv.field((*health)["uptime_seconds"].get<double>());
    } else {
      csv.empty().empty().empty();
    }
    csv.field(static_cast<std::int64_t>(served.load())).end_row();
    std::lock_guard lock(restarts_mutex);
    for (; events && written_restarts < restarts.size(); ++written_restarts) {
      const double at = restarts[written_restarts];
      events->field(std::round(at * 1000) / 1000)
          .field(lh::format_iso8601(clock.wall_at(at)))
          .field("demo")
          .field("restart");
      events->field("the demo target exited (--restart-after) and was started again").end_row();
    }
  }
  stop = true;
  load.join();
  supervisor.join();
  std::fprintf(stderr, "recorded %.0f s, %lld requests, %d restarts to %s\n", o.duration_s, served.load(),
               target.restarts(), o.out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::string duration = "5m", interval = "500ms", burst_period = "0", new_language_at = "0";
  CLI::App app{"Records the demo target's memory under load as a monitor-style CSV (for the analysis fixtures).",
               "leakhound-record-demo"};
  app.add_option("--target", o.target, "Path of leakhound-demo-target")->required();
  app.add_option("--target-args", o.target_args, "The target's flags, e.g. \"--leak-kb-per-request 16\"");
  app.add_option("--duration", duration, "How long to record (default 5m)");
  app.add_option("--interval", interval, "Time between samples (default 500ms)");
  app.add_option("--rate", o.rate, "Work requests per second while the load is on (default 20)")
      ->check(CLI::Range(0.1, 1000.0));
  app.add_option("--endpoint", o.endpoint, "segment or convert (default segment)")
      ->check(CLI::IsMember({"segment", "convert"}));
  app.add_option("--burst-period", burst_period, "Bursty load: the load is on for --burst-duty of every period");
  app.add_option("--burst-duty", o.burst_duty, "Share of each burst period with load on (default 0.3)")
      ->check(CLI::Range(0.05, 1.0));
  app.add_option("--new-language-at", new_language_at, "Send one German text at this time (loads a second model)");
  app.add_option("--out", o.out, "CSV file to write")->required();
  app.add_option("--events", o.events, "Also write restarts as an events CSV");
  if (auto status = lh::app::parse_args(app, argc, argv)) return *status;
  try {
    o.duration_s = lh::parse_duration(duration).count();
    o.interval_s = lh::parse_duration(interval).count();
    o.burst_period_s = lh::parse_duration(burst_period).count();
    o.new_language_at_s = lh::parse_duration(new_language_at).count();
  } catch (const lh::InputError& e) {
    return lh::app::report_bad_input("leakhound-record-demo", e.what());
  }
  return record(o);
}
