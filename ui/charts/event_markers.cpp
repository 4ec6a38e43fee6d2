#include "charts/event_markers.h"

#include <QCoreApplication>

namespace lh::ui::charts {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("lh::ui::charts", text); }

}  // namespace

std::vector<TimeMarker> event_markers(std::span<const Event> events, std::size_t stages_before) {
  std::vector<TimeMarker> out;
  std::size_t stage = stages_before;
  for (const Event& e : events) {
    switch (e.kind) {
      case EventKind::restart:
        out.push_back({e.t_s, tr("restart"), MarkerKind::restart});
        break;
      case EventKind::stage:
        out.push_back({e.t_s, tr("stage %1").arg(++stage), MarkerKind::stage});
        break;
      case EventKind::unreachable:
        out.push_back({e.t_s, tr("unreachable"), MarkerKind::fault});
        break;
      case EventKind::bad_response:
        out.push_back({e.t_s, tr("bad answer"), MarkerKind::fault});
        break;
      case EventKind::partial:
        out.push_back({e.t_s, tr("partial answer"), MarkerKind::note});
        break;
      case EventKind::recovered:
        break;
    }
  }
  return out;
}

}  // namespace lh::ui::charts
