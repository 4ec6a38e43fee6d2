#include "charts/series_providers.h"

#include <stdexcept>
#include <utility>

namespace lh::ui::charts {

SeriesProvider shared_series(std::shared_ptr<const SeriesColumns> columns) {
  if (!columns || columns->t_s.size() != columns->values.size()) {
    throw std::invalid_argument("shared_series: timestamps and values must be present and of equal length");
  }
  return [columns = std::move(columns)] { return SeriesSnapshot{columns->t_s, columns->values, columns}; };
}

SeriesProvider fixed_series(std::vector<double> t_s, std::vector<double> values) {
  return shared_series(std::make_shared<const SeriesColumns>(SeriesColumns{std::move(t_s), std::move(values)}));
}

}  // namespace lh::ui::charts
