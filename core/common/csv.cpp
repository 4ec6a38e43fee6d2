#include "common/csv.h"

#include <charconv>
#include <cmath>

#include "common/input_error.h"

namespace lh {

std::string_view csv_trimmed(std::string_view field) {
  while (!field.empty() && field.front() == ' ') field.remove_prefix(1);
  while (!field.empty() && field.back() == ' ') field.remove_suffix(1);
  return field;
}

std::optional<double> csv_number(std::string_view field) {
  const std::string_view s = csv_trimmed(field);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

void CsvWriter::separator() {
  if (row_started_) out_.put(',');
  row_started_ = true;
}

CsvWriter& CsvWriter::field(std::string_view text) {
  separator();
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out_ << text;
    return *this;
  }
  out_.put('"');
  for (char c : text) {
    if (c == '"') out_.put('"');
    out_.put(c);
  }
  out_.put('"');
  return *this;
}

CsvWriter& CsvWriter::field(double value) {
  separator();
  if (std::isnan(value)) return *this;
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out_.write(buf, end - buf);
  return *this;
}

CsvWriter& CsvWriter::field(std::int64_t value) {
  separator();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out_.write(buf, end - buf);
  return *this;
}

CsvWriter& CsvWriter::empty() {
  separator();
  return *this;
}

void CsvWriter::end_row() {
  out_.put('\n');
  row_started_ = false;
}

// A line without its end: LF, CRLF or a lone CR (what spreadsheets on macOS
// save as "CSV (Macintosh)"). False at the end of input.
bool CsvReader::read_line(std::string& line) {
  line.clear();
  std::streambuf& in = *in_.rdbuf();
  using traits = std::streambuf::traits_type;
  traits::int_type c = in.sbumpc();
  if (traits::eq_int_type(c, traits::eof())) return false;
  for (; !traits::eq_int_type(c, traits::eof()); c = in.sbumpc()) {
    if (c == '\n') break;
    if (c == '\r') {
      if (traits::eq_int_type(in.sgetc(), '\n')) in.sbumpc();
      break;
    }
    line.push_back(traits::to_char_type(c));
  }
  ++line_;
  return true;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  std::string line;
  if (!read_line(line)) return false;
  record_line_ = line_;
  if (first_) {
    first_ = false;
    if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  }

  std::string current;
  bool quoted = false;
  std::size_t i = 0;
  for (;;) {
    if (i == line.size()) {
      if (!quoted) break;
      // A quoted field goes on past the line end: the break belongs to it.
      std::string more;
      if (!read_line(more)) {
        throw InputError("line " + std::to_string(record_line_) + ": a quoted field is never closed");
      }
      current += '\n';
      line = std::move(more);
      i = 0;
      continue;
    }
    const char c = line[i++];
    if (quoted) {
      if (c != '"') {
        current += c;
      } else if (i < line.size() && line[i] == '"') {
        current += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  fields.push_back(std::move(current));
  return true;
}

}  // namespace lh
