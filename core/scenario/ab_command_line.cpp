#include "scenario/ab_command_line.h"

#include <string_view>
#include <variant>

#include "common/input_error.h"
#include "common/quote_value.h"
#include "load/ab_option_table.h"

namespace lh::scenario {
namespace {

using load::AbOption;
using load::AbOptions;

[[noreturn]] void fail(const std::string& what) { throw InputError("the ab command: " + what); }

const AbOption* find_option(char letter) {
  for (const AbOption& o : load::ab_option_table()) {
    if (o.letter == letter) return &o;
  }
  return nullptr;
}

std::string known_letters() {
  std::string letters;
  for (const AbOption& o : load::ab_option_table()) letters += (letters.empty() ? "-" : " -") + std::string(1, o.letter);
  return letters;
}

bool takes_value(const AbOption& o) { return !std::holds_alternative<bool AbOptions::*>(o.field); }

// As `bench` reads its own command line: a value given twice is a mistake
// (which would count?), a repeatable one adds up, a flag is a flag.
void set(AbOptions& options, const AbOption& o, std::string value, std::string& given) {
  if (const auto* text = std::get_if<std::string AbOptions::*>(&o.field)) {
    if (given.find(o.letter) != std::string::npos) fail("-" + std::string(1, o.letter) + " given more than once");
    given += o.letter;
    options.**text = std::move(value);
  } else if (const auto* list = std::get_if<std::vector<std::string> AbOptions::*>(&o.field)) {
    (options.**list).push_back(std::move(value));
  } else {
    options.*std::get<bool AbOptions::*>(o.field) = true;
  }
}

}  // namespace

load::AbOptions read_ab_command_line(const std::vector<std::string>& words) {
  if (words.empty()) throw InputError("expected an ab command line such as 'ab -n 1000 -c 50 http://127.0.0.1:8000/'");
  const std::string& program = words.front();
  if (program != "ab" && !program.ends_with("/ab")) {
    throw InputError("expected an ab command line starting with ab, got " + quote_value(program));
  }
  AbOptions options;
  bool have_url = false;
  bool options_ended = false;
  std::string given;  // the letters of the single values seen
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (options_ended || word.size() < 2 || word.front() != '-') {
      if (have_url) fail("one URL expected, got a second: " + quote_value(word));
      options.url = word;
      have_url = true;
      continue;
    }
    if (word == "--") {
      options_ended = true;
      continue;
    }
    // Letters one after another; one that takes a value takes the rest of
    // the word, or else the next word.
    for (std::size_t k = 1; k < word.size(); ++k) {
      const AbOption* o = find_option(word[k]);
      if (!o) {
        fail(quote_value("-" + std::string(1, word[k])) + " is not an ab option LeakHound reads (it reads " +
             known_letters() + ")");
      }
      if (!takes_value(*o)) {
        set(options, *o, {}, given);
        continue;
      }
      if (k + 1 < word.size()) {
        set(options, *o, word.substr(k + 1), given);
      } else if (i + 1 < words.size()) {
        set(options, *o, words[++i], given);
      } else {
        fail("-" + std::string(1, o->letter) + " needs a value");
      }
      break;
    }
  }
  if (!have_url) fail("URL is required");
  return options;
}

}  // namespace lh::scenario
