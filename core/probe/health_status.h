#pragma once

#include <optional>
#include <string_view>

namespace lh::probe {

// A health word as services write it, as a number a chart can draw:
// 1 healthy ("Healthy", "ok", "UP", "pass", "SERVING"), 0.5 degraded
// ("Degraded", "warn"), 0 unhealthy ("Unhealthy", "down", "fail", "error").
// Case and surrounding blanks are ignored; nullopt for anything else.
std::optional<double> health_value(std::string_view word);

}  // namespace lh::probe
