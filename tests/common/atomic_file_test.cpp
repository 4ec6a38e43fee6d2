// lh::AtomicFile: a file promised whole is the old one or all of the new,
// whatever happens while it is written (a write that fails for want of
// room, a SIGKILL), and a failure names the file and the system's reason.
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>

#include "common/atomic_file.h"

using lh::AtomicFile;
using lh::write_file_atomically;
using lh::WriteError;

namespace {

struct Folder {
  Folder() : path(std::filesystem::temp_directory_path() / ("lh-atomic-" + std::to_string(getpid()))) {
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~Folder() { std::filesystem::remove_all(path); }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(path), {})); }
  std::filesystem::path path;
};

std::string text_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Runs `work` in a child process whose files may not grow past `limit`
// bytes (RLIMIT_FSIZE, SIGXFSZ ignored: writes fail with EFBIG, as on a
// full disk), and returns what the child reported through a pipe.
std::string in_child_with_file_limit(rlim_t limit, const std::function<std::string()>& work) {
  int pipe_fds[2];
  REQUIRE(pipe(pipe_fds) == 0);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    const rlimit small{limit, limit};
    setrlimit(RLIMIT_FSIZE, &small);
    const std::string said = work();
    [[maybe_unused]] auto n = write(pipe_fds[1], said.data(), said.size());
    _exit(0);
  }
  close(pipe_fds[1]);
  std::string said;
  char buffer[512];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;) said.append(buffer, static_cast<std::size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return said;
}

std::string error_of(const std::function<void()>& work) {
  try {
    work();
  } catch (const WriteError& e) {
    return e.what();
  }
  return "(written)";
}

}  // namespace

TEST_CASE("a file is written whole, with nothing else left in its folder") {
  Folder folder;
  const auto file = folder.path / "summary.json";
  write_file_atomically(file, std::string_view("{\"a\": 1}\n"));
  CHECK(text_of(file) == "{\"a\": 1}\n");
  write_file_atomically(file, [](std::ostream& out) {
    for (int i = 0; i < 100000; ++i) out << i << '\n';  // past the 64 KiB buffer
  });
  std::string expected;
  for (int i = 0; i < 100000; ++i) expected += std::to_string(i) + '\n';
  CHECK(text_of(file) == expected);
  CHECK(folder.entries() == 1);
}

TEST_CASE("a file written again keeps its permissions") {
  Folder folder;
  const auto file = folder.path / "report.pdf";
  write_file_atomically(file, std::string_view("one"));
  REQUIRE(chmod(file.c_str(), 0640) == 0);
  write_file_atomically(file, std::string_view("two"));
  struct stat st {};
  REQUIRE(stat(file.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
}

TEST_CASE("a file that cannot be written names itself and the system's reason") {
  Folder folder;
  CHECK(error_of([&] { write_file_atomically(folder.path / "no" / "x.csv", std::string_view("x")); }) ==
        "\"" + (folder.path / "no" / "x.csv").string() + "\": cannot be written (No such file or directory)");
  // A folder where the file should be: the rename fails; the temporary file goes.
  std::filesystem::create_directories(folder.path / "taken" / "inside");
  CHECK(error_of([&] { write_file_atomically(folder.path / "taken", std::string_view("x")); })
            .ends_with("cannot be written (Is a directory)"));
  CHECK(folder.entries() == 1);
}

TEST_CASE("a full disk leaves the old file whole, no cut or 0-byte file, and says why") {
  Folder folder;
  const auto file = folder.path / "report.pdf";
  write_file_atomically(file, std::string_view("the old report"));
  const std::string said = in_child_with_file_limit(4096, [&] {
    return error_of([&] { write_file_atomically(file, std::string(100000, 'x')); });
  });
  CHECK(said == "\"" + file.string() + "\": cannot be written (File too large)");
  CHECK(text_of(file) == "the old report");
  CHECK(folder.entries() == 1);  // the temporary file went
  // With no old file there is no file at all, never a 0-byte one.
  const auto fresh = folder.path / "summary.json";
  in_child_with_file_limit(0, [&] { return error_of([&] { write_file_atomically(fresh, std::string_view("x")); }); });
  CHECK(!std::filesystem::exists(fresh));
}

TEST_CASE("a process killed while writing leaves the old file whole") {
  Folder folder;
  const auto file = folder.path / "report.pdf";
  write_file_atomically(file, std::string_view("the old report"));
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    AtomicFile half(file);
    half.write(std::string(200000, 'x'));
    half.flush();
    raise(SIGKILL);  // before commit(): as a kill in the middle of writing
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFSIGNALED(status));
  CHECK(text_of(file) == "the old report");
}

TEST_CASE("after commit, appends that fail part-way are cut off: the file ends with the last whole flush") {
  Folder folder;
  const auto file = folder.path / "monitor.csv";
  const std::string said = in_child_with_file_limit(1000, [&] {
    return error_of([&] {
      AtomicFile csv(file);
      csv.stream() << "t_s,value\n";
      csv.commit();
      for (int row = 0; row < 1000; ++row) {
        csv.stream() << row << ",12345678\n";  // 11 to 13 bytes a row
        csv.flush();
      }
    });
  });
  CHECK(said.ends_with("cannot be written (File too large)"));
  const std::string text = text_of(file);
  CHECK(text.starts_with("t_s,value\n0,12345678\n"));
  CHECK(text.size() <= 1000);
  CHECK(text.back() == '\n');
}
