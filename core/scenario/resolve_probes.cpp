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
                           ? "not a source once its ${ENV:…} references are replaced; expected a URL, pid:N, port:N "
                             "or PRESET=URL"
                           : without_source_prefix(e.what(), *text));
      continue;
    }
    spec.label = source.label;
    spec.text = redacted_url(source.source);  // as written: what messages may print

    for (const auto& h : source.headers) {
      if (auto header = r.header(h, child_path(where + ".headers", h.name))) spec.headers.push_back(*header);
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
