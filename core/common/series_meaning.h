#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lh {

// What a series' name says about it. Services name their figures in many
// ways (`memory.rss_mb`, `memory_usage_gb`, `process_resident_memory_bytes`,
// `WorkingSet64`); LeakHound reads units and meaning from the name alone, so
// the same rules serve the sampler, `analyze` on a CSV, and the reports.
enum class Unit { none, bytes, kib, mib, gib, percent, seconds, milliseconds, per_second };

enum class SeriesKind {
  memory,       // a memory figure (resident, virtual, heap, working set, …)
  cpu,          // CPU use in percent
  cache_count,  // a count of cached things: an unbounded cache is a leak signal
  status,       // health as 1 (healthy) / 0 (unhealthy)
  other,
};

struct SeriesMeaning {
  Unit unit = Unit::none;
  SeriesKind kind = SeriesKind::other;
  // Multiply by this to get MiB; set only for memory series in a byte unit.
  std::optional<double> to_mib;
};

// Suffixes give the unit: _bytes, _kb/_kib, _mb/_mib, _gb/_gib (the k/m/g
// forms are read as powers of 1024, as `rss / 1024 / 1024` computes them),
// _percent/_pct, _seconds/_s, _ms, _per_s/_per_second (a rate, such as a
// Prometheus counter turned into one). The words give the kind.
SeriesMeaning meaning_of(std::string_view name);

// The rule of a reading's size: no number a service reports lies beyond
// 2^64 of its unit's base — bytes for a size (16 EiB, more than any machine
// addresses), the unit itself otherwise (the reach of the 64-bit counters
// services keep). A number beyond it is not a measurement but a broken or
// hostile answer's 1e308, and would overflow every fit and axis it reached.
// nullopt within reach, else the rule it breaks ("expected at most 16 EiB"),
// to which the caller adds what was given.
std::optional<std::string> reading_rule(const SeriesMeaning& meaning, double value);

// The symbol people expect after a value: "MiB", "%", "s", "" …
std::string_view unit_symbol(Unit unit);

// Picks "the watched memory" among series names: resident memory (rss,
// resident, working set) before generic memory, before virtual; never a
// peak, limit or free figure (a peak only ever rises). nullopt when no name
// looks like memory.
std::optional<std::size_t> pick_watched_memory(std::span<const std::string> names);

// Whether pick_watched_memory() could pick this name: a memory level, not a
// peak, limit or free figure. Cheap for names that say nothing of memory,
// so a reader can ask it of every number in a huge answer.
bool could_be_watched_memory(std::string_view name);

}  // namespace lh
