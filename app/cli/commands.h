#pragma once

#include "command.h"

// Every subcommand of leakhound-cli, one file each (NAME_command.cpp).
namespace lh::cli {}  // namespace lh::cli
