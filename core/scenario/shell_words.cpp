#include "scenario/shell_words.h"

#include "common/input_error.h"
#include "common/quote_value.h"

namespace lh::scenario {
namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }
bool name_start(char c) { return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

[[noreturn]] void reject(const std::string& why) { throw InputError("the command line: " + why); }

class Splitter {
 public:
  explicit Splitter(std::string_view line) : s_(line) {}

  std::vector<std::string> words() {
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (blank(c)) {
        end_word();
        ++i_;
      } else if (c == '\n') {
        end_word();
        if (s_.find_first_not_of(" \t\r\n", i_) != std::string_view::npos) reject("expected one command, got several lines");
        break;
      } else if (c == '#' && !in_word_) {
        break;  // a comment to the end of the line
      } else {
        word_part();
      }
    }
    end_word();
    return std::move(words_);
  }

 private:
  void append(std::string_view text) {
    in_word_ = true;
    // A literal "${" would read as a reference in the scenario.
    for (char c : text) {
      if (c == '{' && word_.ends_with('$')) word_ += '$';
      word_ += c;
    }
  }
  void append_reference(std::string_view name) {
    in_word_ = true;
    word_ += "${ENV:" + std::string(name) + "}";
  }
  void end_word() {
    if (in_word_) words_.push_back(std::move(word_));
    word_.clear();
    in_word_ = false;
  }

  void word_part() {
    const char c = s_[i_];
    if (c == '\'') {
      const auto close = s_.find('\'', i_ + 1);
      if (close == std::string_view::npos) reject("a ' is not closed");
      append(s_.substr(i_ + 1, close - i_ - 1));
      i_ = close + 1;
    } else if (c == '"') {
      double_quoted();
    } else if (c == '\\') {
      if (i_ + 1 >= s_.size()) reject("it ends with a lone backslash");
      if (s_[i_ + 1] != '\n') append(s_.substr(i_ + 1, 1));  // backslash-newline joins lines
      i_ += 2;
    } else if (c == '$') {
      dollar(false);
    } else if (c == '~' && !in_word_ && (i_ + 1 == s_.size() || s_[i_ + 1] == '/' || blank(s_[i_ + 1]))) {
      append_reference("HOME");
      ++i_;
    } else if (c == '`') {
      reject("` runs a command, which LeakHound does not do");
    } else if (std::string_view("|&;<>()").find(c) != std::string_view::npos) {
      reject(std::string("expected one ab command, got '") + c + "' (a pipe, list or redirection)");
    } else {
      append(s_.substr(i_, 1));
      ++i_;
    }
  }

  void double_quoted() {
    ++i_;
    in_word_ = true;
    while (true) {
      if (i_ >= s_.size()) reject("a \" is not closed");
      const char c = s_[i_];
      if (c == '"') {
        ++i_;
        return;
      }
      if (c == '\\' && i_ + 1 < s_.size() && std::string_view("$`\"\\\n").find(s_[i_ + 1]) != std::string_view::npos) {
        if (s_[i_ + 1] != '\n') append(s_.substr(i_ + 1, 1));
        i_ += 2;
      } else if (c == '$') {
        dollar(true);
      } else if (c == '`') {
        reject("` runs a command, which LeakHound does not do");
      } else {
        append(s_.substr(i_, 1));
        ++i_;
      }
    }
  }

  // $NAME, ${NAME}; a $ before anything that is no expansion is literal
  // ($'…' is ANSI-C quoting outside double quotes only).
  void dollar(bool quoted) {
    const std::size_t at = i_;
    const char next = at + 1 < s_.size() ? s_[at + 1] : '\0';
    if (name_start(next)) {
      std::size_t end = at + 1;
      while (end < s_.size() && name_char(s_[end])) ++end;
      append_reference(s_.substr(at + 1, end - at - 1));
      i_ = end;
    } else if (next == '{') {
      std::size_t end = at + 2;
      while (end < s_.size() && name_char(s_[end])) ++end;
      if (end == at + 2 || end >= s_.size() || s_[end] != '}' || !name_start(s_[at + 2])) {
        reject("expected $NAME or ${NAME}, got " + quote_value(s_.substr(at, end - at + 1), 40));
      }
      append_reference(s_.substr(at + 2, end - at - 2));
      i_ = end + 1;
    } else if (next == '(') {
      reject("$( runs a command, which LeakHound does not do");
    } else if ((next == '\'' && !quoted) || (next >= '0' && next <= '9') || std::string_view("?$!#@*-").find(next) != std::string_view::npos) {
      reject("expected $NAME or ${NAME}, got " + quote_value(s_.substr(at, 2)));
    } else {
      append("$");
      ++i_;
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::string word_;
  bool in_word_ = false;  // a word has begun (even "" from '')
  std::vector<std::string> words_;
};

}  // namespace

std::vector<std::string> split_shell_words(std::string_view line) { return Splitter(line).words(); }

}  // namespace lh::scenario
