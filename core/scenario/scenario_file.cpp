#include "scenario/scenario_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "scenario/serialize.h"

namespace lh::scenario {
namespace {

// A scenario is a few KiB; anything this large is some other file.
constexpr std::uintmax_t kMaxFileBytes = 16u << 20;

std::string system_reason() { return std::strerror(errno); }

// A temporary file beside the one being saved: closed, and removed unless
// it was renamed into place, whatever happens.
class TempFile {
 public:
  explicit TempFile(const std::filesystem::path& beside) : path_(beside.string() + ".XXXXXX") {
    fd_ = mkstemp(path_.data());
    created_ = fd_ >= 0;
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (created_ && !renamed_) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  int fd() const { return fd_; }
  const std::string& path() const { return path_; }
  bool close() { return ::close(std::exchange(fd_, -1)) == 0; }
  void renamed() { renamed_ = true; }

 private:
  std::string path_;
  int fd_ = -1;
  bool created_ = false;
  bool renamed_ = false;
};

bool write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

ParsedScenario parse_scenario_file(const std::filesystem::path& file) {
  ParsedScenario out;
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    out.problems.push_back({"", "cannot read the file: " + ec.message()});
    return out;
  }
  if (size > kMaxFileBytes) {
    out.problems.push_back({"", "the file is " + std::to_string(size >> 20) + " MiB; a scenario is a few KiB of JSON"});
    return out;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    out.problems.push_back({"", "cannot read the file"});
    return out;
  }
  return parse_scenario(text.str());
}

Scenario load_scenario_file(const std::filesystem::path& file) {
  auto parsed = parse_scenario_file(file);
  if (!parsed.ok()) throw ScenarioError(std::move(parsed.problems), file);
  return std::move(parsed.scenario);
}

void save_scenario_file(const std::filesystem::path& file, const Scenario& scenario) {
  const std::string text = to_text(scenario);
  const std::string where = file.string() + ": cannot save: ";
  TempFile temp(file);
  if (temp.fd() < 0) throw InputError(where + system_reason());
  struct stat existing {};
  const mode_t mode = ::stat(file.c_str(), &existing) == 0 ? existing.st_mode & 07777 : 0644;
  if (::fchmod(temp.fd(), mode) != 0 || !write_all(temp.fd(), text) || ::fsync(temp.fd()) != 0) {
    throw InputError(where + system_reason());
  }
  if (!temp.close()) throw InputError(where + system_reason());
  if (::rename(temp.path().c_str(), file.c_str()) != 0) throw InputError(where + system_reason());
  temp.renamed();
  // The rename itself is only durable once the folder is flushed.
  const auto folder = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::string name_from_file(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  if (name.ends_with(kFileExtension)) return name.substr(0, name.size() - kFileExtension.size());
  return file.stem().string();
}

}  // namespace lh::scenario
