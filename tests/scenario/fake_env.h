#pragma once

#include <map>
#include <optional>
#include <string>

#include "scenario/references.h"

namespace lh::test {

// An environment for ${ENV:NAME} references that holds only `values`.
inline scenario::EnvLookup fake_env(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const std::string& name) -> std::optional<std::string> {
    const auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace lh::test
