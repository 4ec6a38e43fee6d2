#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lh::analysis {

// MiB per unit for the byte units a series can be in ("B", "KiB", "MiB",
// "GiB", and the lower-case and SI-looking spellings services use, read as
// powers of 1024 like lh::meaning_of does); nullopt for anything else.
std::optional<double> mib_per_unit(std::string_view unit);

// "210 MiB" for byte units (whatever unit the series is in), "3.2 %",
// "1.5e+03 widgets" otherwise: amounts in reasons people read. An infinite
// interval bound reads "unbounded".
std::string format_amount(double value, std::string_view unit);

}  // namespace lh::analysis
