#include "probe/source.h"

#include "probe/http_source.h"
#include "probe/process_source.h"

namespace lh::probe {

std::unique_ptr<Source> make_source(const SourceSpec& spec, const SourceLimits& limits, std::string watch) {
  if (spec.kind == SourceKind::http) return std::make_unique<HttpSource>(spec, limits, std::move(watch));
  return std::make_unique<ProcessSource>(spec);
}

}  // namespace lh::probe
