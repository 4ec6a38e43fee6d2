#include "probe/probe_config.h"

#include <vector>

#include "common/quote_value.h"
#include "probe/source_options.h"

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
    const std::string at = "sources[" + std::to_string(i) + "].";
    std::vector<SourceOption> given;
    if (!s.headers.empty()) given.push_back(SourceOption::headers);
    if (s.basic_auth) given.push_back(SourceOption::basic_auth);
    if (!s.ca_file.empty()) given.push_back(SourceOption::ca_file);
    if (!s.query.empty()) given.push_back(SourceOption::query);
    if (!s.restart_query.empty()) given.push_back(SourceOption::restart_query);
    for (auto& p : option_problems(s.kind, given)) {
      // A missing query names no option given, so no source either.
      const bool missing = p.option == SourceOption::query && s.query.empty();
      out.push_back({at + std::string(option_name(p.option)), missing ? p.rule : p.rule + " (" + quote_value(s.text) + ")"});
    }
  }
  if (config.memory_limit_mib && *config.memory_limit_mib <= 0) {
    out.push_back({"memory_limit", "expected a positive size such as \"8GiB\""});
  }
  return out;
}

void validate(const ProbeConfig& config) { throw_first(check(config)); }

}  // namespace lh::probe
