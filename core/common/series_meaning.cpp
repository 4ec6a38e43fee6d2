#include "common/series_meaning.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace lh {
namespace {

std::string lowered(std::string_view name) {
  std::string s(name);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view n) { return haystack.find(n) != std::string_view::npos; });
}

struct Suffix {
  std::string_view text;
  Unit unit;
};

// Order matters: the first suffix that matches wins ("_per_s" before "_s").
constexpr std::array<Suffix, 17> kSuffixes{{
    {"_per_second", Unit::per_second}, {"_per_sec", Unit::per_second}, {"_per_s", Unit::per_second},
    {"_bytes", Unit::bytes},     {"_kib", Unit::kib},       {"_kb", Unit::kib},
    {"_mib", Unit::mib},         {"_mb", Unit::mib},        {"_gib", Unit::gib},
    {"_gb", Unit::gib},          {"_percent", Unit::percent}, {"_pct", Unit::percent},
    {"_seconds", Unit::seconds}, {"_seconds_total", Unit::seconds}, {"_ms", Unit::milliseconds},
    {"_s", Unit::seconds},       {"64", Unit::bytes},  // .NET: WorkingSet64, PrivateMemorySize64
}};

// The last path component: "language_processor.cache_size" -> "cache_size".
std::string_view leaf(std::string_view n) {
  const auto dot = n.find_last_of(".:/");
  return dot == std::string_view::npos ? n : n.substr(dot + 1);
}

// A unit in brackets at the end, as spreadsheets and people's scripts
// write it: "rss (mb)", "memory [mib]" give "mb" and "mib".
std::optional<std::string_view> bracketed_unit(std::string_view n) {
  if (n.size() < 3 || (n.back() != ')' && n.back() != ']')) return std::nullopt;
  const auto open = n.rfind(n.back() == ')' ? '(' : '[');
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view inner = n.substr(open + 1, n.size() - open - 2);
  while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
  while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
  return inner;
}

// "rss_mb", "memory.mb" and "RSS (MB)" all say MiB.
Unit unit_from(std::string_view n) {
  if (const auto inner = bracketed_unit(n)) {
    if (*inner == "%") return Unit::percent;
    if (*inner == "b") return Unit::bytes;
    for (const auto& s : kSuffixes) {
      if (s.text.front() == '_' && s.text.substr(1) == *inner) return s.unit;
    }
  }
  for (const auto& s : kSuffixes) {
    if (n.ends_with(s.text) || (s.text.front() == '_' && leaf(n) == s.text.substr(1))) return s.unit;
  }
  return Unit::none;
}

std::optional<double> mib_factor(Unit unit) {
  switch (unit) {
    case Unit::bytes: return 1.0 / (1024.0 * 1024.0);
    case Unit::kib: return 1.0 / 1024.0;
    case Unit::mib: return 1.0;
    case Unit::gib: return 1024.0;
    default: return std::nullopt;
  }
}

bool is_memory_word(std::string_view n) {
  return contains_any(n, {"rss", "mem", "heap", "resident", "virtual", "working_set", "workingset", "pss", "uss",
                          "vms", "alloc"});
}

// is_memory_word() on a name in any case, without lowering a copy first.
bool mentions_memory(std::string_view name) {
  constexpr std::string_view kWords[] = {"rss", "mem", "heap", "resident", "virtual", "working",
                                         "pss", "uss", "vms", "alloc"};
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  for (std::size_t i = 0; i < name.size(); ++i) {
    for (std::string_view w : kWords) {
      if (name.size() - i < w.size() || lower(name[i]) != w[0]) continue;
      std::size_t k = 1;
      while (k < w.size() && lower(name[i + k]) == w[k]) ++k;
      if (k == w.size()) return true;
    }
  }
  return false;
}

bool is_not_a_level(std::string_view n) {
  return contains_any(n, {"peak", "max", "hwm", "limit", "threshold", "free", "available", "total_system", "_total"});
}

}  // namespace

SeriesMeaning meaning_of(std::string_view name) {
  const std::string n = lowered(name);
  const std::string_view last = leaf(n);
  SeriesMeaning m;
  m.unit = unit_from(n);
  if (contains_any(n, {"cpu"}) && (m.unit == Unit::percent || contains_any(last, {"usage", "util", "percent"}))) {
    m.kind = SeriesKind::cpu;
    m.unit = Unit::percent;
  } else if (contains_any(last, {"cache"}) && contains_any(last, {"size", "count", "entries", "items", "len"})) {
    m.kind = SeriesKind::cache_count;
  } else if (is_memory_word(n) && m.unit != Unit::percent && m.unit != Unit::seconds && m.unit != Unit::milliseconds &&
             m.unit != Unit::per_second) {
    m.kind = SeriesKind::memory;
    m.to_mib = mib_factor(m.unit);
  } else if (last == "status" || last == "healthy" || last == "health") {
    m.kind = SeriesKind::status;
  }
  return m;
}

std::optional<std::string> reading_rule(const SeriesMeaning& meaning, double value) {
  constexpr double kReach = 18446744073709551616.0;  // 2^64
  const std::optional<double> to_mib = mib_factor(meaning.unit);
  const double base_units = to_mib ? value * *to_mib * 1024.0 * 1024.0 : value;
  if (!(std::fabs(base_units) > kReach)) return std::nullopt;  // NaN: a gap, not a reading
  return to_mib ? "expected at most 16 EiB (2^64 bytes)" : "expected a number within ±2^64";
}

std::string_view unit_symbol(Unit unit) {
  switch (unit) {
    case Unit::bytes: return "B";
    case Unit::kib: return "KiB";
    case Unit::mib: return "MiB";
    case Unit::gib: return "GiB";
    case Unit::percent: return "%";
    case Unit::seconds: return "s";
    case Unit::milliseconds: return "ms";
    case Unit::per_second: return "/s";
    case Unit::none: break;
  }
  return "";
}

bool could_be_watched_memory(std::string_view name) {
  if (!mentions_memory(name)) return false;
  const std::string n = lowered(name);
  return meaning_of(n).kind == SeriesKind::memory && !is_not_a_level(n);
}

std::optional<std::size_t> pick_watched_memory(std::span<const std::string> names) {
  std::optional<std::size_t> best;
  int best_score = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!could_be_watched_memory(names[i])) continue;
    const std::string n = lowered(names[i]);
    int score = 1;  // some memory figure
    if (contains_any(n, {"rss", "resident", "working_set", "workingset"})) score = 4;
    else if (contains_any(n, {"pss", "uss"})) score = 3;
    else if (contains_any(n, {"virtual", "vms", "vm_size"})) score = 0;
    else if (contains_any(n, {"mem"})) score = 2;
    // Prefer a figure in a known unit: it can be normalized and limited.
    score = score * 2 + (meaning_of(n).to_mib ? 1 : 0);
    if (!best || score > best_score) {
      best = i;
      best_score = score;
    }
  }
  return best;
}

}  // namespace lh
