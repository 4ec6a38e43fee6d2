#include "session/journal_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/atomic_file.h"
#include "common/input_error.h"

namespace lh::session {

JournalWriter::JournalWriter(std::filesystem::path path) : path_(std::move(path)) {
  fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    const int error = errno;
    throw InputError("\"" + path_.string() + "\": " +
                     (error == EEXIST ? std::string("already holds a session; choose another folder")
                                      : "cannot be created (" + std::string(std::strerror(error)) + ")"));
  }
}

JournalWriter::~JournalWriter() {
  try {
    flush();
  } catch (const WriteError&) {
    // Nothing more can be done from a destructor; the owner saw the error
    // on its own last flush.
  }
  ::close(fd_);
}

void JournalWriter::append(const nlohmann::json& record) {
  // Invalid UTF-8 from a service (an event's detail) is replaced rather
  // than thrown: one odd byte must not cost the journal.
  pending_ += record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  pending_ += '\n';
}

void JournalWriter::flush() {
  std::size_t done = 0;
  while (done < pending_.size()) {
    const ssize_t n = ::write(fd_, pending_.data() + done, pending_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = errno;
      pending_.erase(0, done);
      written_ += done;
      std::string message = '"' + path_.string();
      message += "\": cannot be written (";
      message += std::strerror(error);
      throw WriteError(message + ")");
    }
    done += static_cast<std::size_t>(n);
  }
  written_ += done;
  pending_.clear();
}

}  // namespace lh::session
