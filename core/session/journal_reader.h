#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace lh::session {

// Reads a journal (journal_writer.h) record by record. A process killed
// mid-write leaves its last line torn: that line is dropped and torn()
// says so. A broken line anywhere else is an error.
class JournalReader {
 public:
  // Throws InputError when the file cannot be opened.
  explicit JournalReader(std::filesystem::path path);

  // The next whole record; false at the end. Throws InputError naming the
  // file and line of a record that is not JSON (other than a torn last one).
  bool next(nlohmann::json& record);

  std::size_t line() const { return line_; }
  bool torn() const { return torn_; }
  std::size_t torn_bytes() const { return torn_bytes_; }

 private:
  std::filesystem::path path_;
  std::ifstream in_;
  std::string text_;
  std::size_t line_ = 0;
  bool torn_ = false;
  std::size_t torn_bytes_ = 0;
};

}  // namespace lh::session
