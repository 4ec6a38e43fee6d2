#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "common/input_error.h"
#include "common/problem.h"

namespace lh::scenario {

// One thing wrong with a scenario: where (its JSON path, such as
// "load.stages[1].duration"; empty for the file as a whole) and what was
// expected. The desktop editor shows each next to its field; the CLI prints
// them one a line.
using Problem = lh::Problem;
using Problems = lh::Problems;

// Every problem of a scenario in one exception, so a person fixes them all
// in one pass. what() is one line per problem, each prefixed with the file
// when there is one ("demo.leakhound.json: load.count: …"). An InputError,
// so entry points print it and exit 2.
class ScenarioError : public InputError {
 public:
  explicit ScenarioError(Problems problems, const std::filesystem::path& file = {});
  const Problems& problems() const { return problems_; }

 private:
  Problems problems_;
};

// The lines of what(): "FILE: path: message", or "path: message" without a file.
std::vector<std::string> problem_lines(const Problems& problems, const std::filesystem::path& file = {});

// Collects problems while a scenario is read, with the path of the field
// being read; reading goes on after a problem so all of them are found.
class ProblemSink {
 public:
  void add(std::string path, std::string message) { problems_.push_back({std::move(path), std::move(message)}); }
  void add_all(const Problems& more) { problems_.insert(problems_.end(), more.begin(), more.end()); }
  bool empty() const { return problems_.empty(); }
  std::size_t size() const { return problems_.size(); }
  const Problems& problems() const { return problems_; }
  Problems take() { return std::move(problems_); }

 private:
  Problems problems_;
};

}  // namespace lh::scenario
