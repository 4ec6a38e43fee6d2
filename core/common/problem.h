#pragma once

#include <string>
#include <vector>

namespace lh {

// One thing wrong with a value people typed: where (a path, such as
// "stages[1].duration" within a load plan or "load.stages[1].duration"
// within a scenario; empty for the whole) and what was expected. Checkers
// return these rather than message text, so each caller names the place
// in its own words (a scenario's JSON path, bench's option) without
// reading it back out of a sentence.
struct Problem {
  std::string path;
  std::string message;

  // "stages[1].duration: expected a positive duration"
  std::string text() const;
  bool operator==(const Problem&) const = default;
};

using Problems = std::vector<Problem>;

// Throws InputError with the first problem's text(), when there is one.
void throw_first(const Problems& problems);

}  // namespace lh
