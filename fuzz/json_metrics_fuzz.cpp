// The probe's JSON flattener: any body, with the segmentation preset's
// counted array on or off. Invariants: an error is one line; the numbers
// kept respect the caps and their names are unique and within
// max_name_bytes.
#include <cstdint>
#include <set>
#include <string_view>

#include "probe/json_metrics.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  lh::probe::JsonMetricsOptions options;
  options.limits.max_metrics = 64;  // small caps, so inputs of a few KiB reach them
  options.limits.max_preferred = 4;
  options.limits.max_name_bytes = 48;
  options.limits.max_depth = 8;
  options.limits.max_json_string_bytes = 256;
  if (size > 0 && data[0] % 2) options.counted_arrays = {"a", "language_processor.loaded_models"};
  const auto read = lh::probe::read_json_metrics(body, options);
  if (read.error && read.error->find('\n') != std::string::npos) __builtin_trap();
  if (read.metrics.size() > options.limits.max_metrics + options.limits.max_preferred) __builtin_trap();
  std::set<std::string_view> names;
  for (const auto& m : read.metrics) {
    if (!names.insert(m.name).second) __builtin_trap();
    // "#N" may follow a name that fits.
    if (m.name.size() > options.limits.max_name_bytes + 12) __builtin_trap();
  }
  return 0;
}
