#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace lh {

// A file could not be written; the message names it and gives the system's
// reason: "\"out/report.pdf\": cannot be written (No space left on device)".
// Not bad input: the command-line tools exit with status 4 on it.
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file promised whole. It is written to a temporary file in the same
// folder (".NAME.tmp-…", so the rename cannot cross file systems), every
// write checked, then flushed to disk (fsync) and renamed over NAME, and the
// folder flushed too. Whatever happens on the way (a full disk, a file size
// limit, SIGKILL, a power cut after commit()), NAME holds either what it held
// before or all of the new contents, never a 0-byte or cut file.
//
//   AtomicFile file(folder / "summary.json");   // throws WriteError
//   file.stream() << text;                        // a failed write is kept…
//   file.commit();                                // …and thrown here
//
// Until commit() the temporary file is removed when the object goes. After
// it, the file stays open for appending (the monitor CSV's rows): write,
// then flush() to hand them to the system, each checked; a flush that fails
// part-way is cut off again, so the file ends with the last whole flush.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // A stream over the file, buffered; errors are remembered, not thrown.
  std::ostream& stream();
  void write(std::string_view bytes);  // throws WriteError
  // Writes out what the stream holds; throws WriteError on the first failed
  // write (after commit(), leaving the file as it was after the last flush).
  void flush();
  // flush(), fsync, rename over path(), fsync the folder; throws WriteError.
  void commit();

 private:
  class Buffer;
  [[noreturn]] void fail(int error) const;

  std::filesystem::path path_;
  std::filesystem::path temp_;
  int fd_ = -1;
  bool committed_ = false;
  std::uint64_t whole_size_ = 0;  // the file's size after the last flush that succeeded
  std::unique_ptr<Buffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

// One call for a whole file: `bytes`, or what `write` puts in the stream.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);
void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write);

}  // namespace lh
