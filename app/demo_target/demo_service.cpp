#include "demo_service.h"

#include <httplib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "common/iso_time.h"
#include "segmenter.h"
#include "sys/proc_status.h"

namespace lh::demo {
namespace {

using nlohmann::json;

constexpr std::array<const char*, 6> kLanguages{"en", "de", "fr", "es", "tr", "zh"};
constexpr const char* kJson = "application/json";

void reply_error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(json{{"error", message}, {"success", false}}.dump(), kJson);
}

double cpu_seconds_used() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

}  // namespace

DemoService::DemoService(DemoOptions options, std::function<void()> request_exit)
    : options_(options), request_exit_(std::move(request_exit)), cache_(options.cache_limit, options.cache_entry_kib * 1024) {
  ensure_model("en");
}

bool DemoService::ensure_model(const std::string& language) {
  bool known = false;
  for (const char* l : kLanguages) known = known || language == l;
  if (!known) return false;
  std::lock_guard lock(mutex_);
  if (!models_.contains(language)) models_.emplace(language, ResidentBlock(options_.model_mib << 20));
  return true;
}

void DemoService::on_work_request() {
  if (options_.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options_.latency_ms));
  std::lock_guard lock(mutex_);
  if (options_.leak_kib_per_request > 0) leaked_.emplace_back(options_.leak_kib_per_request * 1024);
  // Every request brings a document the service has not seen, as a batch of
  // distinct PDFs or texts does, so a bounded cache fills and then holds.
  cache_.put(next_document_++);
}

void DemoService::mount(httplib::Server& server) {
  server.Post("/segment", [this](const httplib::Request& req, httplib::Response& res) {
    const json body = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (!body.is_object() || !body.contains("text") || !body["text"].is_string()) {
      return reply_error(res, 400, "expected a JSON object with a string \"text\"");
    }
    const std::string language = body.value("language", std::string("en"));
    if (!ensure_model(language)) return reply_error(res, 400, "unsupported language \"" + language + "\"");
    on_work_request();
    {
      std::lock_guard lock(mutex_);
      ++segmentations_;
    }
    res.set_content(json{{"sentences", split_sentences(body["text"].get<std::string>())}, {"language", language}}.dump(),
                    kJson);
  });

  server.Post("/convert", [this](const httplib::Request& req, httplib::Response& res) {
    if (!req.has_file("file")) return reply_error(res, 400, "expected a multipart upload with a field named \"file\"");
    const auto file = req.get_file_value("file");
    on_work_request();
    bool exit_now = false;
    {
      std::lock_guard lock(mutex_);
      ++conversions_;
      exit_now = options_.restart_after > 0 && conversions_ == options_.restart_after;
    }
    const std::string name = file.filename.empty() ? std::string("document.pdf") : file.filename;
    res.set_content(json{{"markdown", "# " + name + "\n\n" + std::to_string(file.content.size()) + " bytes converted.\n"},
                         {"success", true}}
                        .dump(),
                    kJson);
    if (exit_now) request_exit_();
  });

  server.Get("/memory-stats", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(memory_stats_json(), kJson);
  });
  server.Get("/health", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(health_json(), kJson);
  });
  server.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(metrics_text(), "text/plain; version=0.0.4");
  });
}

std::string DemoService::memory_stats_json() {
  const auto status = sys::read_own_status();
  std::lock_guard lock(mutex_);
  json models = json::array();
  for (const auto& [language, model] : models_) models.push_back(language);
  return json{{"memory", {{"rss_mb", static_cast<double>(status.rss_kib) / 1024.0},
                          {"peak_rss_mb", static_cast<double>(status.peak_rss_kib) / 1024.0}}},
              {"language_processor", {{"cache_size", cache_.size()}, {"loaded_models", models}}},
              {"timestamp", format_iso8601(WallClock::now())}}
      .dump();
}

std::string DemoService::health_json() {
  const auto status = sys::read_own_status();
  const double uptime = std::chrono::duration<double>(MonoClock::now() - started_).count();
  std::lock_guard lock(mutex_);
  return json{{"status", "healthy"},
              {"memory_usage_gb", static_cast<double>(status.rss_kib) / (1024.0 * 1024.0)},
              {"conversions", conversions_},
              {"uptime_seconds", uptime},
              {"pid", static_cast<long>(getpid())}}
      .dump();
}

std::string DemoService::metrics_text() {
  const auto status = sys::read_own_status();
  const double start = std::chrono::duration<double>(started_wall_.time_since_epoch()).count();
  std::int64_t segmentations = 0, conversions = 0;
  std::size_t cached = 0;
  {
    std::lock_guard lock(mutex_);
    segmentations = segmentations_;
    conversions = conversions_;
    cached = cache_.size();
  }
  char buf[1536];
  std::snprintf(buf, sizeof buf,
                "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
                "# TYPE process_resident_memory_bytes gauge\n"
                "process_resident_memory_bytes %lld\n"
                "# HELP process_virtual_memory_bytes Virtual memory size in bytes.\n"
                "# TYPE process_virtual_memory_bytes gauge\n"
                "process_virtual_memory_bytes %lld\n"
                "# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds.\n"
                "# TYPE process_cpu_seconds_total counter\n"
                "process_cpu_seconds_total %.3f\n"
                "# HELP process_start_time_seconds Start time of the process since unix epoch in seconds.\n"
                "# TYPE process_start_time_seconds gauge\n"
                "process_start_time_seconds %.3f\n"
                "# HELP demo_requests_total Work requests served.\n"
                "# TYPE demo_requests_total counter\n"
                "demo_requests_total{endpoint=\"segment\"} %lld\n"
                "demo_requests_total{endpoint=\"convert\"} %lld\n"
                "# HELP demo_document_cache_entries Documents held in the cache.\n"
                "# TYPE demo_document_cache_entries gauge\n"
                "demo_document_cache_entries %zu\n",
                static_cast<long long>(status.rss_kib) * 1024, static_cast<long long>(status.vm_kib) * 1024,
                cpu_seconds_used(), start, static_cast<long long>(segmentations), static_cast<long long>(conversions),
                cached);
  return buf;
}

}  // namespace lh::demo
