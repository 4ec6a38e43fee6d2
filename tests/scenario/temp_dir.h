#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace lh::test {

// A fresh folder under the system's temporary one, removed with the object.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("lh_scenario_" + std::to_string(getpid()) + "_" + std::to_string(++count_));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `text` to the relative path `name` (making its folders).
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  static inline int count_ = 0;
  std::filesystem::path path_;
};

}  // namespace lh::test
