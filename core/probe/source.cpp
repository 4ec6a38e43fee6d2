#include "probe/source.h"

#include "probe/http_source.h"
#include "probe/process_source.h"

namespace lh::probe {

std::unique_ptr<Source> make_source(const SourceSpec& spec, const SourceLimits& limits) {
  if (spec.kind == SourceKind::http) return std::make_unique<HttpSource>(spec, limits);
  return std::make_unique<ProcessSource>(spec);
}

}  // namespace lh::probe
