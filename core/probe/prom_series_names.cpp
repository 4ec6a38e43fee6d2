#include "probe/prom_series_names.h"

#include <algorithm>
#include <array>
#include <set>

namespace lh::probe {
namespace {

constexpr std::array<std::string_view, 4> kFirst{"pod", "container", "job", "instance"};
// cAdvisor's and kube-state-metrics' run identities, and ones people add.
constexpr std::array<std::string_view, 8> kIdentity{"pod", "instance", "id", "name", "container_id", "uid", "pod_uid", "pid"};
// Named by these only when nothing else tells two series apart.
constexpr std::array<std::string_view, 5> kLast{"id", "name", "container_id", "uid", "pod_uid"};
constexpr std::size_t kValueBytes = 80;

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

const std::string* value_of(const PromLabels& labels, std::string_view name) {
  for (const auto& [k, v] : labels) {
    if (k == name) return &v;
  }
  return nullptr;
}

// Printable on one line, cut at kValueBytes (a UTF-8 sequence is not split).
std::string printable(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (out.size() >= kValueBytes && (static_cast<unsigned char>(c) & 0xC0) != 0x80) return out + "…";
    const auto u = static_cast<unsigned char>(c);
    out += u < 0x20 || u == 0x7f ? '?' : c;
  }
  return out;
}

std::string name_from(const PromLabels& labels, std::span<const std::string> names) {
  std::string out;
  for (const auto& n : names) {
    const std::string* v = value_of(labels, n);
    out += (out.empty() ? "" : ",") + n + "=" + (v ? printable(*v) : std::string());
  }
  return out;
}

// 0 for kFirst (in its order), 1 for the rest, 2 for kLast.
int rank(std::string_view name) { return among(kFirst, name) ? 0 : among(kLast, name) ? 2 : 1; }

bool safe_alphabet(std::string_view s) {
  // Kubernetes' rand.SafeEncodeString: no vowels, no 0/1/3, no look-alikes.
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::string_view("bcdfghjklmnpqrstvwxz2456789").find(c) != std::string_view::npos;
  });
}

}  // namespace

bool is_identity_label(std::string_view name) { return among(kIdentity, name); }

std::string all_labels_name(const PromLabels& labels) {
  std::vector<std::string> names;
  for (const auto& [k, v] : labels) {
    if (k != "__name__") names.push_back(k);
  }
  return name_from(labels, names);
}

std::vector<std::string> series_names(std::span<const PromLabels* const> series) {
  std::set<std::string> all;
  for (const PromLabels* s : series) {
    for (const auto& [k, v] : *s) all.insert(k);
  }
  // The labels whose value (or presence) differs between the series.
  std::vector<std::string> differing;
  for (const auto& name : all) {
    const std::string* first = series.empty() ? nullptr : value_of(*series.front(), name);
    for (const PromLabels* s : series) {
      const std::string* v = value_of(*s, name);
      if ((v == nullptr) != (first == nullptr) || (v && *v != *first)) {
        differing.push_back(name);
        break;
      }
    }
  }
  std::stable_sort(differing.begin(), differing.end(), [](const std::string& a, const std::string& b) {
    const int ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    if (ra == 0) return std::find(kFirst.begin(), kFirst.end(), a) < std::find(kFirst.begin(), kFirst.end(), b);
    return a < b;
  });

  std::vector<std::string> out(series.size());
  if (differing.empty()) {
    for (std::size_t i = 0; i < series.size(); ++i) {
      const PromLabels& labels = *series[i];
      for (std::string_view n : kFirst) {
        if (value_of(labels, n)) {
          out[i] = name_from(labels, std::array{std::string(n)});
          break;
        }
      }
      if (out[i].empty()) out[i] = all_labels_name(labels);
    }
    return out;
  }
  // The fewest labels, in that order, that make every name different.
  std::vector<std::string> used;
  for (const auto& name : differing) {
    used.push_back(name);
    std::set<std::string> seen;
    for (std::size_t i = 0; i < series.size(); ++i) {
      out[i] = name_from(*series[i], used);
      seen.insert(out[i]);
    }
    if (seen.size() == series.size()) break;
  }
  return out;
}

std::string pod_workload(std::string_view pod) {
  auto last_part = [](std::string_view s) {
    const auto dash = s.rfind('-');
    return dash == std::string_view::npos ? std::string_view{} : s.substr(dash + 1);
  };
  std::string_view rest = pod;
  const std::string_view suffix = last_part(rest);
  if (suffix.size() != 5 || !safe_alphabet(suffix)) return std::string(pod);
  rest.remove_suffix(suffix.size() + 1);
  const std::string_view hash = last_part(rest);
  if (hash.size() >= 6 && hash.size() <= 10 && safe_alphabet(hash) && hash.size() + 1 < rest.size()) {
    rest.remove_suffix(hash.size() + 1);
  }
  return std::string(rest);
}

PromLabels workload_key(const PromLabels& labels) {
  PromLabels key;
  for (const auto& [k, v] : labels) {
    if (!is_identity_label(k)) key.emplace_back(k, v);
  }
  if (const std::string* pod = value_of(labels, "pod")) key.emplace_back(" workload", pod_workload(*pod));
  return key;
}

}  // namespace lh::probe
