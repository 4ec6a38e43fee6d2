#include "probe/source_options.h"

#include <utility>

namespace lh::probe {

std::string_view option_name(SourceOption option) {
  switch (option) {
    case SourceOption::headers: return "headers";
    case SourceOption::basic_auth: return "basic_auth";
    case SourceOption::bearer_token: return "bearer_token";
    case SourceOption::ca_file: return "ca_file";
    case SourceOption::query: return "query";
    case SourceOption::restart_query: return "restart_query";
  }
  return "";
}

std::optional<std::string> option_rule(SourceKind kind, SourceOption option) {
  const bool local = kind == SourceKind::pid || kind == SourceKind::port;
  switch (option) {
    case SourceOption::headers:
      if (local) return "headers only go with a URL or prom: source, not with a local process";
      break;
    case SourceOption::basic_auth:
    case SourceOption::bearer_token:
    case SourceOption::ca_file:
      if (local) return "authentication only goes with a URL or prom: source, not with a local process";
      break;
    case SourceOption::query:
      if (kind != SourceKind::prom) return "a query only goes with a prom: source (\"prom:http://host:9090\")";
      break;
    case SourceOption::restart_query:
      if (kind != SourceKind::prom) return "a restart query only goes with a prom: source (\"prom:http://host:9090\")";
      break;
  }
  return std::nullopt;
}

std::string missing_query_rule() {
  return "missing: a prom: source needs the PromQL query to ask, such as "
         "\"container_memory_working_set_bytes{namespace=\\\"seg\\\"}\"";
}

std::vector<OptionProblem> option_problems(SourceKind kind, std::span<const SourceOption> given) {
  std::vector<OptionProblem> out;
  bool has_query = false;
  for (const SourceOption option : given) {
    has_query = has_query || option == SourceOption::query;
    if (auto rule = option_rule(kind, option)) out.push_back({option, std::move(*rule)});
  }
  if (kind == SourceKind::prom && !has_query) out.push_back({SourceOption::query, missing_query_rule()});
  return out;
}

}  // namespace lh::probe
