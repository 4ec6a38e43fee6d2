#include "common/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>

#include "common/quote_value.h"

namespace lh {
namespace {

// write(2) until all of `bytes` is written; the errno of the failure, or 0.
// `done` counts what was written. A write that returns 0 for a regular file
// means no room: ENOSPC.
int write_all(int fd, std::string_view bytes, std::size_t& done) {
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return ENOSPC;
    done += static_cast<std::size_t>(n);
  }
  return 0;
}

// ".report.pdf.tmp-<pid>-<n>": hidden, unique within the process, and
// created with O_EXCL so two writers never share one.
std::filesystem::path temp_beside(const std::filesystem::path& path) {
  static std::atomic<unsigned> counter{0};
  const std::string name = "." + path.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter.fetch_add(1));
  return path.parent_path() / name;
}

}  // namespace

// The stream's buffer: 64 KiB, written out with checked write(2) calls. The
// first failure is kept (errno) and later writes are dropped.
class AtomicFile::Buffer : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd) { setp(bytes_.data(), bytes_.data() + bytes_.size()); }
  int error() const { return error_; }
  // Bytes handed to the file, including a failed write's partial part.
  std::uint64_t written() const { return written_; }
  // Writes out what is buffered; false after a failure.
  bool drain() {
    const std::string_view pending(pbase(), static_cast<std::size_t>(pptr() - pbase()));
    if (error_ == 0 && !pending.empty()) error_ = write_out(pending);
    setp(bytes_.data(), bytes_.data() + bytes_.size());
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* data, std::streamsize n) override {
    if (n > static_cast<std::streamsize>(epptr() - pptr())) {
      if (!drain()) return 0;
      if (n >= static_cast<std::streamsize>(bytes_.size())) {  // large: straight to the file
        error_ = write_out(std::string_view(data, static_cast<std::size_t>(n)));
        return error_ == 0 ? n : 0;
      }
    }
    std::memcpy(pptr(), data, static_cast<std::size_t>(n));
    pbump(static_cast<int>(n));
    return n;
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  int write_out(std::string_view bytes) {
    std::size_t done = 0;
    const int error = write_all(fd_, bytes, done);
    written_ += done;
    return error;
  }

  int fd_;
  int error_ = 0;
  std::uint64_t written_ = 0;
  std::array<char, 64 * 1024> bytes_{};
};

AtomicFile::AtomicFile(std::filesystem::path path) : path_(std::move(path)) {
  // An existing file keeps its permissions; a new one gets 0666 less the umask.
  struct stat existing {};
  const bool exists = ::stat(path_.c_str(), &existing) == 0;
  for (int attempt = 0; fd_ < 0; ++attempt) {
    temp_ = temp_beside(path_);
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0 && (errno != EEXIST || attempt > 100)) fail(errno);
  }
  if (exists && ::fchmod(fd_, existing.st_mode & 07777) != 0) {
    const int error = errno;
    ::close(fd_);
    ::unlink(temp_.c_str());
    fd_ = -1;
    fail(error);
  }
  buffer_ = std::make_unique<Buffer>(fd_);
  stream_ = std::make_unique<std::ostream>(buffer_.get());
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::fail(int error) const {
  throw WriteError(quote_value(path_.string()) + ": cannot be written (" + std::strerror(error) + ")");
}

std::ostream& AtomicFile::stream() { return *stream_; }

void AtomicFile::write(std::string_view bytes) {
  stream_->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (buffer_->error() != 0) fail(buffer_->error());
}

void AtomicFile::flush() {
  if (buffer_->drain()) {
    whole_size_ = buffer_->written();
    return;
  }
  // Whatever part of this flush reached the file goes again: the file ends
  // with the last whole flush (whole rows, for the monitor CSV).
  if (committed_) [[maybe_unused]] auto cut = ::ftruncate(fd_, static_cast<off_t>(whole_size_));
  fail(buffer_->error());
}

void AtomicFile::commit() {
  if (committed_) return flush();
  flush();
  if (::fsync(fd_) != 0) fail(errno);
  if (::rename(temp_.c_str(), path_.c_str()) != 0) fail(errno);
  committed_ = true;
  // The rename is only on disk once the folder is.
  const auto folder = path_.parent_path().empty() ? std::filesystem::path(".") : path_.parent_path();
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  AtomicFile file(path);
  file.write(bytes);
  file.commit();
}

void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& write) {
  AtomicFile file(path);
  write(file.stream());
  file.commit();
}

}  // namespace lh
