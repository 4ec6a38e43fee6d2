#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace lh::sys {

// The full path of an executable named `name` on PATH (as a shell finds
// it), or nullopt. ChildProcess takes paths only: this is how LeakHound
// finds the programs it runs that it does not build (Locust).
std::optional<std::filesystem::path> find_program(std::string_view name);

}  // namespace lh::sys
