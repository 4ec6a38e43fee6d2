// A session's journal as `report` and the desktop app reopen it: any text
// as journal.jsonl, replayed into a store and analysed. Bad input is an
// InputError of one line.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/input_error.h"
#include "session/session_data.h"

using namespace lh;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::filesystem::path folder = [] {
    auto dir = std::filesystem::temp_directory_path() / ("lh-fuzz-journal-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    return dir;
  }();
  {
    std::ofstream out(folder / "journal.jsonl", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const session::SessionData session = session::load_session(folder);
    (void)session;
  } catch (const InputError& e) {
    if (std::string(e.what()).find('\n') != std::string::npos) __builtin_trap();
  }
  return 0;
}
