#include "probe/source.h"

#include "probe/http_source.h"
#include "probe/process_source.h"
#include "probe/prom_source.h"

namespace lh::probe {

std::unique_ptr<Source> make_source(const SourceSpec& spec, const SourceLimits& limits, std::string watch) {
  if (spec.kind == SourceKind::http) return std::make_unique<HttpSource>(spec, limits, std::move(watch));
  if (spec.kind == SourceKind::prom) return std::make_unique<PromSource>(spec, limits);
  return std::make_unique<ProcessSource>(spec);
}

}  // namespace lh::probe
