#pragma once

#include <optional>
#include <string>
#include <string_view>

// The pieces of Prometheus' text formats that its lexers (model/textparse:
// promlex.l, openmetricslex.l) and its parseFloat decide, for the reader
// (prometheus_text.cpp) and the names it writes.
namespace lh::probe::prom {

bool is_digit(char c);
bool is_letter(char c);
// promlex.l: M [a-zA-Z_:] for metric names, L [a-zA-Z_] for label names.
bool is_metric_start(char c);
bool is_label_start(char c);
bool is_blank(char c);
bool is_classic_metric_name(std::string_view s);
bool is_classic_label_name(std::string_view s);

// Go's utf8.Valid: no overlong forms, no surrogates, nothing past U+10FFFF.
bool valid_utf8(std::string_view s);

// Prometheus' parseFloat: Go's strconv.ParseFloat without hex floats or
// underscores. Decimals with an optional sign, '.', exponent; inf,
// infinity (signed or not) and nan (unsigned) in any case. A number too
// large for a double is refused (Go: ErrRange); one too small reads as 0.
std::optional<double> parse_go_float(std::string_view text);

// \" \\ and \n are unescaped; any other escape stays as written, as
// Prometheus' lvalReplacer leaves it.
void unescape_into(std::string& out, std::string_view quoted);
// `text` in double quotes with \\, \" and \n escaped: what unescape_into reads back.
void quoted_into(std::string& out, std::string_view text);

}  // namespace lh::probe::prom
