#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace lh {

// A field as a number: the whole field, spaces around it ignored, read as
// a finite number (std::from_chars); nullopt for an empty field or
// anything else. Readers of recorded CSVs say which was wrong.
std::optional<double> csv_number(std::string_view field);
// The field without the spaces around it.
std::string_view csv_trimmed(std::string_view field);

// Writes CSV one row at a time (RFC 4180: fields quoted only when they must
// be). Numbers use the shortest form that reads back exactly; NaN is written
// as an empty field, which is how every LeakHound CSV marks a gap.
class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}

  CsvWriter& field(std::string_view text);
  CsvWriter& field(const char* text) { return field(std::string_view(text)); }
  CsvWriter& field(double value);
  CsvWriter& field(std::int64_t value);
  CsvWriter& empty();
  void end_row();

 private:
  void separator();

  std::ostream& out_;
  bool row_started_ = false;
};

// Reads CSV records one at a time, quoted fields (with commas, quotes and
// line breaks inside) included. Accepts LF, CRLF and lone CR line ends and a
// UTF-8 BOM.
class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}

  // Fills `fields` with the next record; false at the end of input.
  // Throws InputError naming the line of an unterminated quoted field.
  bool next(std::vector<std::string>& fields);

  // Line number (1-based) where the last record read began.
  std::size_t line() const { return record_line_; }

 private:
  bool read_line(std::string& line);

  std::istream& in_;
  std::size_t line_ = 0;
  std::size_t record_line_ = 0;
  bool first_ = true;
};

}  // namespace lh
