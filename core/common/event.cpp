#include "common/event.h"

#include <array>
#include <utility>

namespace lh {
namespace {

constexpr std::array<std::pair<EventKind, std::string_view>, 6> kNames{{
    {EventKind::restart, "restart"},
    {EventKind::unreachable, "unreachable"},
    {EventKind::recovered, "recovered"},
    {EventKind::bad_response, "bad_response"},
    {EventKind::stage, "stage"},
    {EventKind::partial, "partial"},
}};

}  // namespace

std::string_view to_string(EventKind kind) {
  for (const auto& [k, name] : kNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

std::optional<EventKind> parse_event_kind(std::string_view name) {
  for (const auto& [k, n] : kNames) {
    if (n == name) return k;
  }
  return std::nullopt;
}

}  // namespace lh
