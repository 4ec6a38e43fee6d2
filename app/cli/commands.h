#pragma once

#include "command.h"

// Every subcommand of leakhound-cli, one file each (NAME_command.cpp).
namespace lh::cli {

Command add_analyze_command(CLI::App& parent);
Command add_bench_command(CLI::App& parent);
Command add_compare_command(CLI::App& parent);
Command add_demo_command(CLI::App& parent);
Command add_export_command(CLI::App& parent);
Command add_import_ab_command(CLI::App& parent);
Command add_monitor_command(CLI::App& app);
Command add_report_command(CLI::App& parent);
Command add_run_command(CLI::App& parent);
Command add_validate_command(CLI::App& parent);

}  // namespace lh::cli
