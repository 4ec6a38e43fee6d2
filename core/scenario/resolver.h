#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenario/problems.h"
#include "scenario/resolve.h"
#include "session/session_plan.h"

// What resolving one scenario shares between its sections (resolve.cpp,
// resolve_load.cpp, resolve_probes.cpp).
namespace lh::scenario::detail {

class Resolver {
 public:
  Resolver(const std::filesystem::path& base_dir, const ResolveOptions& options);

  // The text with its references replaced. nullopt when a variable is not
  // set (a problem at `path` when variables are required): the field
  // cannot be checked further, and the plan is incomplete.
  std::optional<std::string> expand(const std::string& text, const std::string& path);
  // A JSON body with its strings expanded, as compact JSON text.
  std::optional<std::string> expand_json(const Json& body, const std::string& path);
  // A file path as written, expanded and made absolute against the base folder.
  std::optional<std::filesystem::path> file(const std::string& text, const std::string& path);
  // "Name: value" with the value expanded; a line break in a variable's
  // value is a problem (named without printing the value: it may be a secret).
  std::optional<std::string> header(const Header& h, const std::string& path);

  // Is there a usable target for the relative path at `where`? When there
  // is none, finish() reports it once at "target", naming every such field.
  bool has_target_for(const std::string& where);
  // Reports what is left to say once every field was seen.
  void finish();

  void problem(std::string path, std::string message) { sink_.add(std::move(path), std::move(message)); }
  bool has_problems() const { return !sink_.empty(); }
  bool complete() const { return complete_; }
  Problems take_problems() { return sink_.take(); }

  // The expanded target; empty when there is none (or it was not usable).
  std::string target;
  bool target_given = false;  // written (or given instead), usable or not

 private:
  std::filesystem::path base_dir_;
  const ResolveOptions& options_;
  EnvLookup env_;
  ProblemSink sink_;
  bool complete_ = true;
  std::vector<std::string> need_target_;
};

void resolve_probes(const Probes& probes, Resolver& r, probe::ProbeConfig& out);
void resolve_load(const Load& load, Resolver& r, load::LoadPlan& out);

}  // namespace lh::scenario::detail
