#include "probe/source_spec.h"

#include <array>
#include <charconv>
#include <map>
#include <utility>

#include "common/http_url.h"
#include "common/input_error.h"
#include "common/quote_value.h"
#include "probe/prom_api_url.h"

namespace lh::probe {
namespace {

struct PresetInfo {
  Preset preset;
  std::string_view name;
  std::string_view default_path;
};

constexpr std::array<PresetInfo, 3> kPresets{{
    {Preset::segmentation, "segmentation", "/memory-stats"},
    {Preset::conversion, "conversion", "/health"},
    {Preset::aspnet_health, "aspnet-health", "/health"},
}};

constexpr std::string_view kForms =
    "expected a URL (http://host:port/path), pid:N, port:N, prom:URL (a Prometheus server) or PRESET=URL with "
    "PRESET one of segmentation, conversion, aspnet-health";

[[noreturn]] void reject(std::string_view source, std::string_view why) {
  throw InputError("source " + quote_value(source) + ": " + std::string(why));
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

int positive_number(std::string_view whole, std::string_view digits, std::string_view what, long max) {
  long value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || value < 1 || value > max) {
    reject(whole, std::string("expected ") + std::string(what) + ", got " + quote_value(digits));
  }
  return static_cast<int>(value);
}

// Checks the URL with read_http_url (libcurl's own parser, the one that
// will fetch it), and fills in the preset's path when the URL has none.
std::string checked_url(std::string_view whole, std::string_view text, Preset preset) {
  const auto read = read_http_url(text, "http://127.0.0.1:8002/health");
  if (!read.url) reject(whole, read.problem);
  const HttpUrl& url = *read.url;
  if (preset != Preset::none && url.path == "/") {
    for (const auto& p : kPresets) {
      if (p.preset == preset) return url.origin() + std::string(p.default_path) + (url.query.empty() ? "" : "?" + url.query);
    }
  }
  return url.text;
}

// "127.0.0.1:8001" for http://127.0.0.1:8001/x (the scheme's port when none
// is given), and the path.
std::pair<std::string, std::string> host_port_and_path(const std::string& text) {
  const auto read = read_http_url(text);
  if (!read.url) return {text, ""};
  return {read.url->host + ":" + std::to_string(read.url->port_number), read.url->path};
}

}  // namespace

std::string_view to_string(Preset preset) {
  for (const auto& p : kPresets) {
    if (p.preset == preset) return p.name;
  }
  return "none";
}

std::optional<Preset> parse_preset(std::string_view name) {
  for (const auto& p : kPresets) {
    if (p.name == name) return p.preset;
  }
  return std::nullopt;
}

SourceKind kind_of(std::string_view written) {
  const std::string_view text = trimmed(written);
  if (text.starts_with("pid:")) return SourceKind::pid;
  if (text.starts_with("port:")) return SourceKind::port;
  if (text.starts_with("prom:")) return SourceKind::prom;
  return SourceKind::http;
}

SourceSpec parse_source_spec(std::string_view written) {
  const std::string_view text = trimmed(written);
  SourceSpec spec;
  spec.text = std::string(text);
  if (text.empty()) reject(written, std::string(kForms));

  spec.kind = kind_of(text);
  if (spec.kind == SourceKind::pid) {
    spec.pid = positive_number(text, text.substr(4), "pid:N with N a process id", 4194304);  // PID_MAX_LIMIT
    return spec;
  }
  if (spec.kind == SourceKind::prom) {
    spec.url = checked_url(text, text.substr(5), Preset::none);
    const auto read = read_http_url(spec.url);
    if (read.url && !read.url->query.empty()) {
      reject(text, "expected the Prometheus server's URL without a query (\"prom:http://host:9090\"); the PromQL "
                   "query is given beside it");
    }
    return spec;
  }
  if (spec.kind == SourceKind::port) {
    spec.port = positive_number(text, text.substr(5), "port:N with N from 1 to 65535", 65535);
    return spec;
  }
  const auto equals = text.find('=');
  const auto scheme = text.find("://");
  if (equals != std::string_view::npos && (scheme == std::string_view::npos || equals < scheme)) {
    const std::string_view name = text.substr(0, equals);
    const auto preset = parse_preset(name);
    if (!preset) {
      reject(text, "unknown preset " + quote_value(name) + "; expected segmentation, conversion or aspnet-health before the '='");
    }
    spec.preset = *preset;
    spec.url = checked_url(text, text.substr(equals + 1), spec.preset);
    return spec;
  }
  if (scheme == std::string_view::npos) reject(text, std::string(kForms));
  spec.url = checked_url(text, text, Preset::none);
  return spec;
}

std::string parse_header(std::string_view written) {
  const std::string_view text = trimmed(written);
  const auto colon = text.find(':');
  const std::string_view name = colon == std::string_view::npos ? std::string_view{} : trimmed(text.substr(0, colon));
  bool token = !name.empty();
  for (char c : name) token = token && c > ' ' && c < 127 && c != ':';
  if (!token || text.find_first_of("\r\n") != std::string_view::npos) {
    throw InputError("header " + quote_value(written) + ": expected \"Name: value\" without a line break");
  }
  return std::string(name) + ": " + std::string(trimmed(text.substr(colon + 1)));
}

std::vector<HttpRequest> source_requests(const SourceSpec& spec) {
  if (spec.kind == SourceKind::http) return {HttpRequest{spec.url, spec.headers, spec.basic_auth, spec.ca_file}};
  if (spec.kind != SourceKind::prom) return {};
  std::vector<HttpRequest> out{HttpRequest{prom_api_url(spec.url, "query", {{"query", spec.query}}), spec.headers,
                                           spec.basic_auth, spec.ca_file}};
  if (!spec.restart_query.empty()) {
    out.push_back(out.front());
    out.back().url = prom_api_url(spec.url, "query", {{"query", spec.restart_query}});
  }
  return out;
}

void assign_labels(std::vector<SourceSpec>& sources) {
  std::vector<bool> derived(sources.size());
  std::map<std::string, int> host_uses;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    auto& s = sources[i];
    if (!s.label.empty()) continue;
    derived[i] = true;
    if (s.kind == SourceKind::pid) s.label = "pid:" + std::to_string(s.pid);
    else if (s.kind == SourceKind::port) s.label = "port:" + std::to_string(s.port);
    else if (s.preset != Preset::none) s.label = std::string(to_string(s.preset));
    else if (s.kind == SourceKind::prom) s.label = "prom:" + host_port_and_path(s.url).first;
    else s.label = host_port_and_path(s.url).first;
    if (s.kind == SourceKind::http && s.preset == Preset::none) ++host_uses[s.label];
  }
  for (std::size_t i = 0; i < sources.size(); ++i) {
    auto& s = sources[i];
    if (derived[i] && s.kind == SourceKind::http && s.preset == Preset::none && host_uses[s.label] > 1) {
      const auto [host_port, path] = host_port_and_path(s.url);
      s.label = host_port + path;
    }
  }
  std::map<std::string, int> seen;
  for (auto& s : sources) {
    const int n = ++seen[s.label];
    if (n > 1) s.label += " #" + std::to_string(n);
  }
}

}  // namespace lh::probe
