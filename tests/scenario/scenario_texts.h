#pragma once

// Scenario texts several tests read.
namespace lh::test {

// Every key of format 1, each once, in the order the writer uses (so
// writing it back gives this very text).
inline constexpr const char* kEveryKey = R"({
  "leakhound_scenario": 1,
  "name": "Every key",
  "description": "All of them, once.",
  "target": "http://127.0.0.1:8001/api",
  "probes": {
    "sources": [
      "segmentation=/memory-stats",
      "port:8001",
      {
        "source": "http://127.0.0.1:9100/metrics",
        "label": "exporter",
        "headers": {
          "Authorization": "Bearer ${ENV:METRICS_TOKEN}"
        }
      }
    ],
    "interval": "500ms",
    "timeout": "400ms",
    "watch": "memory.rss_mb",
    "memory_limit": "8GiB",
    "request_counter": "segmentation/requests_total",
    "duration": "1h"
  },
  "load": {
    "requests": [
      {
        "name": "segment",
        "method": "POST",
        "path": "/segment?lang=en",
        "headers": {
          "Accept": "application/json",
          "X-Api-Key": "${ENV:API_KEY}"
        },
        "body": {
          "text": "One. Two.",
          "language": "en"
        },
        "content_type": "application/json; charset=utf-8",
        "weight": 3
      },
      {
        "name": "convert",
        "url": "http://127.0.0.1:8002/convert",
        "upload": "pdfs",
        "upload_field": "document"
      },
      {
        "path": "/other",
        "body_file": "bodies/doc.json",
        "weight": 0.5
      }
    ],
    "concurrency": 16,
    "rate": 250,
    "stages": [
      {
        "duration": "30s",
        "target": 100
      },
      {
        "duration": "1h30m",
        "target": 250
      }
    ],
    "duration": "2h",
    "count": 1000000,
    "timeout": "5s",
    "keep_alive": false,
    "http2": true,
    "insecure": true,
    "check_length": true
  },
  "leak": {
    "warmup": "3m",
    "min_growth_per_hour": "4MiB",
    "min_growth_percent_per_hour": 5,
    "alpha": 0.05,
    "min_window": "2m",
    "min_window_fast": "45s",
    "max_gap": "45s"
  },
  "report": {
    "title": "Every key, charted",
    "series": [
      "language_processor.cache_size",
      "exporter/process_open_fds"
    ]
  }
}
)";

// The least a scenario needs.
inline constexpr const char* kSmallest = R"({
  "leakhound_scenario": 1,
  "target": "http://127.0.0.1:8000",
  "probes": {"sources": ["/memory-stats"]},
  "load": {"requests": [{"path": "/segment"}], "count": 10}
})";

}  // namespace lh::test
