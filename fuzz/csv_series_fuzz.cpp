// `analyze`'s CSV reader: any text as a monitor CSV, the column picked by
// name or from the names, and as an events CSV beside it. Bad input is an
// InputError of one line.
#include <cstdint>
#include <sstream>
#include <string>

#include "analysis/csv_series.h"
#include "common/input_error.h"

using namespace lh;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const std::optional<std::string> column = size > 0 && data[0] % 2 ? std::optional<std::string>("rss_mb") : std::nullopt;
  try {
    std::istringstream in(text);
    const auto series = analysis::read_series_csv(in, "fuzz.csv", column);
    std::istringstream events(text);
    analysis::read_restart_events(events, "events.csv", series);
  } catch (const InputError& e) {
    if (std::string(e.what()).find('\n') != std::string::npos) __builtin_trap();
  }
  return 0;
}
