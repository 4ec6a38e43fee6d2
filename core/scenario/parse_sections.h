#pragma once

#include <nlohmann/json.hpp>

#include "scenario/problems.h"
#include "scenario/scenario.h"

// The sections of a scenario, each read by its own function (parse.cpp
// reads the top level and calls these).
namespace lh::scenario::detail {

Probes read_probes(const Json& value, ProblemSink& sink);
Load read_load(const Json& value, ProblemSink& sink);
Leak read_leak(const Json& value, ProblemSink& sink);
Report read_report(const Json& value, ProblemSink& sink);

}  // namespace lh::scenario::detail
