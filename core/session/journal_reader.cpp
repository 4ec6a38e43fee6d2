#include "session/journal_reader.h"

#include "common/input_error.h"

namespace lh::session {

JournalReader::JournalReader(std::filesystem::path path) : path_(std::move(path)), in_(path_, std::ios::binary) {
  if (!in_) throw InputError("\"" + path_.string() + "\": cannot be opened (no session journal there)");
}

bool JournalReader::next(nlohmann::json& record) {
  while (std::getline(in_, text_)) {
    ++line_;
    // getline stops at the end of the file without a newline: the line may
    // have been cut short by a kill.
    const bool last_unterminated = in_.eof();
    if (text_.empty()) continue;
    record = nlohmann::json::parse(text_, nullptr, false);
    if (!record.is_discarded() && record.is_object()) return true;
    if (last_unterminated) {
      torn_ = true;
      torn_bytes_ = text_.size();
      return false;
    }
    throw InputError("\"" + path_.string() + "\" line " + std::to_string(line_) + ": not a journal record");
  }
  return false;
}

}  // namespace lh::session
