#include "run/verdict_views.h"

namespace lh::ui {

std::vector<SeriesVerdictView> verdict_views(const std::vector<session::SeriesVerdict>& verdicts) {
  std::vector<SeriesVerdictView> out;
  out.reserve(verdicts.size());
  for (const session::SeriesVerdict& v : verdicts) out.push_back({QString::fromStdString(v.name), v.watched, v.verdict});
  return out;
}

}  // namespace lh::ui
