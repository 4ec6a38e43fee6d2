#include <filesystem>

#include "common/quote_value.h"
#include "common/size.h"
#include "probe/source_spec.h"
#include "scenario/field_reader.h"
#include "scenario/redact.h"
#include "scenario/references.h"
#include "scenario/resolver.h"
#include "scenario/source_forms.h"

namespace lh::scenario::detail {

void resolve_probes(const Probes& probes, Resolver& r, probe::ProbeConfig& out) {
  for (std::size_t i = 0; i < probes.sources.size(); ++i) {
    const auto& source = probes.sources[i];
    const std::string where = index_path("probes.sources", i);
    auto text = r.expand(source.source, where);
    if (!text) continue;
    if (is_relative_source(*text)) {
      if (!r.has_target_for(where)) continue;
      text = absolute_source(*text, r.target);
    }
    probe::SourceSpec spec;
    try {
      spec = probe::parse_source_spec(*text);
    } catch (const InputError& e) {
      // A variable may hold a secret: its value is never printed.
      r.problem(where, has_references(source.source)
                           ? "not a source once its ${ENV:…} references are replaced; expected a URL, pid:N, port:N, prom:URL "
                             "or PRESET=URL"
                           : without_source_prefix(e.what(), *text));
      continue;
    }
    spec.label = source.label;
    spec.text = redacted_url(source.source);  // as written: what messages may print

    for (const auto& h : source.headers) {
      if (auto header = r.header(h, child_path(where + ".headers", h.name))) spec.headers.push_back(*header);
    }
    spec.query = source.query;
    spec.restart_query = source.restart_query;
    if (!source.bearer_token.empty()) {
      if (auto header = r.header(Header{"Authorization", "Bearer " + source.bearer_token}, where + ".bearer_token")) {
        spec.headers.push_back(*header);
      }
    }
    if (!source.basic_user.empty() || !source.basic_password.empty()) {
      auto user = r.expand(source.basic_user, where + ".basic_auth.user");
      auto password = r.expand(source.basic_password, where + ".basic_auth.password");
      if (user && password) spec.basic_auth = probe::BasicAuth{*user, *password};
    }
    if (!source.ca_file.empty()) {
      if (auto file = r.file(source.ca_file, where + ".ca_file")) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(*file, ec)) {
          r.problem(where + ".ca_file", "expected a file of CA certificates (PEM), found none at " + quote_value(file->string()));
        }
        spec.ca_file = file->string();
      }
    }
    out.sources.push_back(std::move(spec));
  }
  // The reader has checked these.
  if (!probes.interval.empty()) out.interval = parse_duration(probes.interval);
  if (!probes.timeout.empty()) out.timeout = parse_duration(probes.timeout);
  out.watch = probes.watch;
  if (!probes.memory_limit.empty()) out.memory_limit_mib = parse_size(probes.memory_limit) / (1024.0 * 1024.0);
}

}  // namespace lh::scenario::detail
