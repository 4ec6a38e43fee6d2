#include "probe/probe_config.h"

#include "common/quote_value.h"

namespace lh::probe {

std::optional<std::string> interval_rule(Seconds interval) {
  if (interval < kMinInterval) return "expected at least " + format_duration(kMinInterval);
  if (interval > kMaxInterval) return "expected at most " + format_duration(kMaxInterval);
  return std::nullopt;
}

std::optional<std::string> timeout_rule(Seconds timeout) {
  if (!(timeout.count() > 0)) return "expected a positive duration such as \"2s\"";
  if (timeout > kMaxInterval) return "expected at most " + format_duration(kMaxInterval);
  return std::nullopt;
}

Problems check(const ProbeConfig& config) {
  Problems out;
  if (config.sources.empty()) {
    out.push_back({"sources", "expected at least one source (a URL, pid:N, port:N, prom:URL or PRESET=URL)"});
  }
  if (auto rule = interval_rule(config.interval)) out.push_back({"interval", *rule + ", got " + format_duration(config.interval)});
  if (config.timeout) {
    if (auto rule = timeout_rule(*config.timeout)) out.push_back({"timeout", *rule + ", got " + format_duration(*config.timeout)});
  }
  for (std::size_t i = 0; i < config.sources.size(); ++i) {
    const auto& s = config.sources[i];
    const std::string at = "sources[" + std::to_string(i) + "]";
    const bool local = s.kind == SourceKind::pid || s.kind == SourceKind::port;
    if (local && !s.headers.empty()) {
      out.push_back({at + ".headers", "headers only go with a URL source, not with a local process (" + quote_value(s.text) + ")"});
    }
    if (local && (s.basic_auth || !s.ca_file.empty())) {
      out.push_back({at + (s.basic_auth ? ".basic_auth" : ".ca_file"),
                     "authentication only goes with a URL or prom: source, not with a local process (" +
                         quote_value(s.text) + ")"});
    }
    if (s.kind == SourceKind::prom && s.query.empty()) {
      out.push_back({at + ".query", "expected a PromQL query for the Prometheus source " + quote_value(s.text) +
                                        ", such as \"container_memory_working_set_bytes\""});
    }
    if (s.kind != SourceKind::prom && !s.query.empty()) {
      out.push_back({at + ".query", "a query only goes with a prom: source, not with " + quote_value(s.text)});
    }
    if (s.kind != SourceKind::prom && !s.restart_query.empty()) {
      out.push_back({at + ".restart_query", "a restart query only goes with a prom: source, not with " + quote_value(s.text)});
    }
  }
  if (config.memory_limit_mib && *config.memory_limit_mib <= 0) {
    out.push_back({"memory_limit", "expected a positive size such as \"8GiB\""});
  }
  return out;
}

void validate(const ProbeConfig& config) { throw_first(check(config)); }

}  // namespace lh::probe
