#include <catch2/catch.hpp>

#include <cmath>

#include "common/series_meaning.h"

using lh::meaning_of;
using lh::SeriesKind;
using lh::Unit;

TEST_CASE("units and kinds are read from the names services use") {
  CHECK(meaning_of("memory.rss_mb").unit == Unit::mib);
  CHECK(meaning_of("memory.rss_mb").kind == SeriesKind::memory);
  CHECK(meaning_of("memory.rss_mb").to_mib == 1.0);
  CHECK(meaning_of("memory_usage_gb").kind == SeriesKind::memory);
  CHECK(meaning_of("memory_usage_gb").to_mib == 1024.0);
  CHECK(meaning_of("process_resident_memory_bytes").unit == Unit::bytes);
  CHECK(meaning_of("process_resident_memory_bytes").to_mib == Approx(1.0 / 1048576));
  CHECK(meaning_of("WorkingSet64").kind == SeriesKind::memory);
  CHECK(meaning_of("language_processor.cache_size").kind == SeriesKind::cache_count);
  CHECK(meaning_of("cpu_percent").kind == SeriesKind::cpu);
  CHECK(meaning_of("process.cpu_percent").unit == Unit::percent);
  CHECK(meaning_of("status").kind == SeriesKind::status);
  CHECK(meaning_of("conversions").kind == SeriesKind::other);
  CHECK(meaning_of("uptime_seconds").unit == Unit::seconds);
  CHECK(meaning_of("memory.percent").kind != SeriesKind::memory);
  CHECK(meaning_of("demo_requests_per_s").unit == Unit::per_second);
  CHECK(meaning_of("alloc_bytes_per_second").unit == Unit::per_second);
  CHECK(meaning_of("alloc_bytes_per_second").kind != SeriesKind::memory);
  CHECK(lh::unit_symbol(Unit::per_second) == "/s");
}

TEST_CASE("a unit in brackets at the end of a name, as spreadsheets write it") {
  CHECK(meaning_of("RSS (MB)").unit == Unit::mib);
  CHECK(meaning_of("RSS (MB)").kind == SeriesKind::memory);
  CHECK(meaning_of("Memory [GiB]").to_mib == 1024.0);
  CHECK(meaning_of("heap(bytes)").unit == Unit::bytes);
  CHECK(meaning_of("rss (B)").unit == Unit::bytes);
  CHECK(meaning_of("rss ( kB )").unit == Unit::kib);
  CHECK(meaning_of("CPU (%)").kind == SeriesKind::cpu);
  CHECK(meaning_of("latency (ms)").unit == Unit::milliseconds);
  // Not a unit: what is in the brackets is a name, and the suffix rules go on.
  CHECK(meaning_of("memory (worker 1)").unit == Unit::none);
  CHECK(meaning_of("()").unit == Unit::none);
}

TEST_CASE("the watched memory is resident memory, never a peak") {
  const std::vector<std::string> seg{"memory.peak_rss_mb", "memory.rss_mb", "language_processor.cache_size"};
  CHECK(lh::pick_watched_memory(seg) == 1u);

  const std::vector<std::string> prom{"process_virtual_memory_bytes", "process_resident_memory_bytes",
                                      "process_cpu_seconds_total"};
  CHECK(lh::pick_watched_memory(prom) == 1u);

  const std::vector<std::string> pdf{"conversions", "memory_usage_gb", "uptime_seconds", "pid"};
  CHECK(lh::pick_watched_memory(pdf) == 1u);

  const std::vector<std::string> none{"conversions", "uptime_seconds", "memory_limit_mb"};
  CHECK_FALSE(lh::pick_watched_memory(none).has_value());
}

TEST_CASE("a reading beyond 2^64 of its unit's base is out of reach, in whatever unit it comes") {
  using lh::reading_rule;
  CHECK_FALSE(reading_rule(meaning_of("rss_mb"), 1650.0));
  CHECK_FALSE(reading_rule(meaning_of("rss_mb"), -20.0));  // a difference may be below zero
  CHECK_FALSE(reading_rule(meaning_of("process_resident_memory_bytes"), 18446744073709551615.0));
  CHECK_FALSE(reading_rule(meaning_of("memory_usage_gb"), 17179869184.0));  // 16 EiB in GiB
  CHECK(reading_rule(meaning_of("memory_usage_gb"), 17179869185.0 * 1.001) == "expected at most 16 EiB (2^64 bytes)");
  CHECK(reading_rule(meaning_of("rss_mb"), 1e308) == "expected at most 16 EiB (2^64 bytes)");
  CHECK(reading_rule(meaning_of("rss_mb"), -1e308) == "expected at most 16 EiB (2^64 bytes)");
  CHECK_FALSE(reading_rule(meaning_of("requests_total"), 1e19));
  CHECK(reading_rule(meaning_of("requests_total"), 1e20) == "expected a number within ±2^64");
  CHECK_FALSE(reading_rule(meaning_of("rss_mb"), std::nan("")));
}
