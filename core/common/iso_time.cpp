#include "common/iso_time.h"

#include <charconv>
#include <cstdio>

#include "common/input_error.h"
#include "common/quote_value.h"

namespace lh {
namespace {

using namespace std::chrono;

[[noreturn]] void reject(std::string_view text) {
  throw InputError("expected an ISO-8601 time such as \"2026-05-31T14:02:03Z\", got " + quote_value(text));
}

// Reads exactly `width` digits at `pos`.
int digits(std::string_view text, std::size_t pos, std::size_t width, std::string_view whole) {
  if (pos + width > text.size()) reject(whole);
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') reject(whole);
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

void expect(std::string_view text, std::size_t pos, char c, std::string_view whole) {
  if (pos >= text.size() || text[pos] != c) reject(whole);
}

}  // namespace

std::string format_iso8601(WallClock::time_point t) {
  const auto ms = floor<milliseconds>(t);
  const auto day = floor<days>(ms);
  const year_month_day ymd{day};
  const hh_mm_ss hms{ms - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
  return buf;
}

WallClock::time_point parse_iso8601(std::string_view text) {
  const std::string_view s = text;
  const int y = digits(s, 0, 4, text);
  expect(s, 4, '-', text);
  const int mo = digits(s, 5, 2, text);
  expect(s, 7, '-', text);
  const int d = digits(s, 8, 2, text);
  if (s.size() <= 10 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) reject(text);
  const int h = digits(s, 11, 2, text);
  expect(s, 13, ':', text);
  const int mi = digits(s, 14, 2, text);
  expect(s, 16, ':', text);
  const int sec = digits(s, 17, 2, text);

  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) reject(text);
  // The wall clock counts nanoseconds in 64 bits: years 1678 to 2262.
  if (y < 1678 || y > 2261) reject(text);

  std::size_t pos = 19;
  nanoseconds fraction{0};
  if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
    ++pos;
    long long scale = 100'000'000;
    const std::size_t begin = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      fraction += nanoseconds((s[pos] - '0') * scale);
      scale /= 10;
      ++pos;
    }
    if (pos == begin) reject(text);
  }

  minutes offset{0};
  if (pos < s.size()) {
    if (s[pos] == 'Z' || s[pos] == 'z') {
      ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
      const int sign = s[pos] == '-' ? -1 : 1;
      const int oh = digits(s, pos + 1, 2, text);
      pos += 3;
      if (pos < s.size() && s[pos] == ':') ++pos;
      const int om = digits(s, pos, 2, text);
      pos += 2;
      offset = minutes(sign * (oh * 60 + om));
    } else {
      reject(text);
    }
  }
  if (pos != s.size()) reject(text);

  const auto utc = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} + fraction - offset;
  return time_point_cast<WallClock::duration>(utc);
}

}  // namespace lh
