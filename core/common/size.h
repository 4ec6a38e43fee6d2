#pragma once

#include <string>
#include <string_view>

namespace lh {

// Parses a byte size: "8GiB", "512MiB", "1.5GB", "8g", "4096" (bytes).
// SI units (kB, MB, GB, TB) are powers of 1000; IEC units (KiB, MiB, GiB,
// TiB) and the bare letters k/K, m/M, g/G, t/T (as docker and ulimit read
// them) are powers of 1024. Throws InputError naming what was expected.
double parse_size(std::string_view text);

// "1.50 GiB", "812 MiB", "3.2 KiB", "17 B".
std::string format_bytes(double bytes);

}  // namespace lh
