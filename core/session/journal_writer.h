#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace lh::session {

// The append-only journal of a session: one JSON record per line
// (docs/SESSIONS.md). Records are buffered in memory and reach the file
// with one write(2) per flush(), so a process killed at any moment leaves
// every flushed record whole and at most the last line torn (the reader
// drops it). The kernel keeps what write(2) returned, whatever happens to
// the process; only a power cut can lose the last seconds.
//
// One thread writes; the class is not thread-safe.
class JournalWriter {
 public:
  // Creates the file; a folder holds one session, so an existing journal
  // is an error. Throws InputError naming the file.
  explicit JournalWriter(std::filesystem::path path);
  ~JournalWriter();
  JournalWriter(const JournalWriter&) = delete;
  JournalWriter& operator=(const JournalWriter&) = delete;

  void append(const nlohmann::json& record);
  // Writes what was appended since the last flush. Throws lh::WriteError
  // when the file can no longer be written (disk full, folder removed);
  // what could not be written stays buffered for the next attempt.
  void flush();

  const std::filesystem::path& path() const { return path_; }
  std::uint64_t bytes_written() const { return written_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::string pending_;
  std::uint64_t written_ = 0;
};

}  // namespace lh::session
