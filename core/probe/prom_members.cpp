#include "probe/prom_members.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "probe/prom_series_names.h"

namespace lh::probe {
namespace {

// Past these, a source whose pods churn for days stays bounded: members
// past the first kMaxMembers are left out (the store keeps 4,096 series
// anyway), restart values are forgotten and learnt again.
constexpr std::size_t kMaxMembers = 10000;
constexpr std::size_t kMaxRestartValues = 10000;

const std::string* value_of(const PromLabels& labels, std::string_view name) {
  for (const auto& [k, v] : labels) {
    if (k == name) return &v;
  }
  return nullptr;
}

PromLabels without_name(const PromLabels& labels) {
  PromLabels out;
  for (const auto& l : labels) {
    if (l.first != "__name__") out.push_back(l);
  }
  return out;
}

// Every label both have agrees, and they share at least one.
bool agree(const PromLabels& a, const PromLabels& b) {
  bool shared = false;
  for (const auto& [k, v] : a) {
    if (k == "__name__") continue;
    if (const std::string* w = value_of(b, k)) {
      if (*w != v) return false;
      shared = true;
    }
  }
  return shared;
}

// "pod seg-7f9-a -> seg-7f9-b": the identity labels that changed.
std::string identity_change(const PromLabels& was, const PromLabels& now) {
  std::string out;
  for (const auto& [k, v] : now) {
    if (!is_identity_label(k)) continue;
    const std::string* old = value_of(was, k);
    if (old && *old == v) continue;
    out += (out.empty() ? "" : ", ") + k + " " + (old ? *old : std::string("(none)")) + " -> " + v;
  }
  return out.empty() ? "labels " + all_labels_name(was) + " -> " + all_labels_name(now) : out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

bool ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':'; }
bool ident_char(char c) { return ident_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

}  // namespace

std::string query_metric(std::string_view q) {
  // Words followed by a list of label names, and words that are never a
  // metric: operators, modifiers, aggregations (which may come before
  // their `by (…)` rather than their parenthesis).
  constexpr std::array<std::string_view, 6> kLabelLists{"by", "without", "on", "ignoring", "group_left", "group_right"};
  constexpr std::array<std::string_view, 20> kNotMetrics{
      "and",    "or",    "unless", "bool",     "offset", "inf",    "nan",         "sum",    "min",   "max",
      "avg",    "group", "stddev", "stdvar",   "count",  "count_values", "bottomk", "topk", "quantile", "limitk"};
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (c == '"' || c == '\'' || c == '`') {  // a string: skip it, escapes and all
      const char quote = c;
      for (++i; i < q.size() && q[i] != quote; ++i) {
        if (q[i] == '\\' && quote != '`') ++i;
      }
      ++i;
    } else if (c == '{' || c == '[') {  // matchers or a range: no metric inside
      const char close = c == '{' ? '}' : ']';
      while (i < q.size() && q[i] != close) {
        if (q[i] == '"') {
          for (++i; i < q.size() && q[i] != '"'; ++i) {
            if (q[i] == '\\') ++i;
          }
        }
        ++i;
      }
      ++i;
    } else if (ident_start(c) && (i == 0 || !ident_char(q[i - 1]))) {
      const std::size_t start = i;
      while (i < q.size() && ident_char(q[i])) ++i;
      const std::string_view word = q.substr(start, i - start);
      std::size_t next = i;
      while (next < q.size() && std::isspace(static_cast<unsigned char>(q[next]))) ++next;
      const bool call = next < q.size() && q[next] == '(';
      const bool label_list = std::find(kLabelLists.begin(), kLabelLists.end(), word) != kLabelLists.end();
      const bool not_metric = std::find(kNotMetrics.begin(), kNotMetrics.end(), word) != kNotMetrics.end();
      if (label_list && call) {  // by (pod, container): label names
        while (i < q.size() && q[i] != ')') ++i;
      } else if (!label_list && !not_metric && !call) {
        return std::string(word);
      }
    } else {
      ++i;
    }
  }
  return "value";
}

std::string PromMembers::unique_name(std::string name, const PromLabels& labels) const {
  auto taken = [&](const std::string& n) {
    for (const auto& m : members_) {
      if (m.name == n) return true;
    }
    return false;
  };
  if (!taken(name)) return name;
  // Named while its neighbours were others: all its labels tell it apart.
  if (std::string all = all_labels_name(labels); !all.empty() && !taken(all)) return all;
  for (int n = 2;; ++n) {
    std::string numbered = name + " #" + std::to_string(n);
    if (!taken(numbered)) return numbered;
  }
}

std::size_t PromMembers::add_member(const PromLabels& labels, std::string name) {
  members_.push_back(Member{unique_name(std::move(name), labels), labels, workload_key(labels), true});
  by_labels_[labels] = members_.size() - 1;
  return members_.size() - 1;
}

std::vector<PromValue> last_values(const std::vector<PromSeries>& series) {
  std::vector<PromValue> out;
  out.reserve(series.size());
  for (const auto& s : series) {
    if (!s.points.empty()) out.push_back({&s.labels, s.points.back().value});
  }
  return out;
}

PromMembers::Update PromMembers::update(std::span<const PromValue> series,
                                        const std::vector<PromValue>* restart_series) {
  Update out;
  std::vector<bool> restarted(members_.size() + series.size(), false);
  for (auto& m : members_) m.present = false;

  // Series seen before first, so none of them is taken for a successor.
  std::vector<std::optional<std::size_t>> member_of(series.size());
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (auto it = by_labels_.find(*series[i].labels); it != by_labels_.end() && !members_[it->second].present) {
      member_of[i] = it->second;
      members_[it->second].present = true;
    }
  }
  std::vector<std::string> names;  // this answer's short names, made when a series is new
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (member_of[i]) continue;
    const PromLabels& labels = *series[i].labels;
    const PromLabels key = workload_key(labels);
    for (std::size_t m = 0; m < members_.size(); ++m) {
      Member& member = members_[m];
      if (member.present || member.key != key) continue;
      out.events.push_back({member.name, EventKind::restart, identity_change(member.labels, labels)});
      restarted[m] = true;
      by_labels_.erase(member.labels);
      member.labels = labels;
      by_labels_[labels] = m;
      member.present = true;
      member_of[i] = m;
      break;
    }
    if (member_of[i]) continue;
    if (members_.size() >= kMaxMembers) continue;
    if (names.empty()) {
      std::vector<const PromLabels*> all;
      for (const auto& s : series) all.push_back(s.labels);
      names = series_names(all);
    }
    member_of[i] = add_member(labels, names[i]);
  }
  if (restart_series) check_restart_series(*restart_series, restarted, out);

  for (std::size_t i = 0; i < series.size(); ++i) {
    if (!member_of[i]) continue;
    const std::string* name = value_of(*series[i].labels, "__name__");
    out.readings.push_back({members_[*member_of[i]].name, name ? *name : fallback_metric_, series[i].value});
  }
  return out;
}

void PromMembers::check_restart_series(std::span<const PromValue> restart_series, std::vector<bool>& restarted,
                                       Update& out) {
  if (restart_values_.size() > kMaxRestartValues) restart_values_.clear();
  for (const auto& r : restart_series) {
    if (!std::isfinite(r.value)) continue;
    const double now = r.value;
    PromLabels key = without_name(*r.labels);
    auto [it, first] = restart_values_.try_emplace(std::move(key), now);
    const double was = it->second;
    it->second = now;
    if (first || now <= was) continue;  // a counter reset (a new pod) is the identity's to tell
    for (std::size_t m = 0; m < members_.size(); ++m) {
      if (restarted[m] || !agree(*r.labels, members_[m].labels)) continue;
      restarted[m] = true;
      const std::string* name = value_of(*r.labels, "__name__");
      out.events.push_back({members_[m].name, EventKind::restart,
                            (name ? *name : std::string("the restart query")) + " rose from " + number(was) + " to " +
                                number(now)});
    }
  }
}

}  // namespace lh::probe
