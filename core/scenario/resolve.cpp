#include "scenario/resolve.h"

#include <algorithm>

#include "common/quote_value.h"
#include "common/size.h"
#include "scenario/field_reader.h"
#include "scenario/locustfile.h"
#include "scenario/redact.h"
#include "scenario/resolver.h"
#include "scenario/scenario_file.h"
#include "scenario/serialize.h"
#include "scenario/target_url.h"

namespace lh::scenario {
namespace detail {

Resolver::Resolver(const std::filesystem::path& base_dir, const ResolveOptions& options)
    : base_dir_(base_dir), options_(options), env_(options.env ? options.env : process_environment()) {}

std::optional<std::string> Resolver::expand(const std::string& text, const std::string& path) {
  auto expanded = expand_references(text, env_);
  if (expanded.missing.empty()) return std::move(expanded.text);
  complete_ = false;
  if (options_.require_env) {
    for (const auto& name : expanded.missing) {
      problem(path, "${ENV:" + name + "}: the environment variable " + name + " is not set");
    }
  }
  return std::nullopt;
}

std::optional<std::string> Resolver::expand_json(const Json& body, const std::string& path) {
  if (body.is_string()) return expand(body.get<std::string>(), path);
  Json copy = body;
  bool all = true;
  // Only string values hold references; keys are sent as written.
  auto walk = [&](auto& self, Json& value, const std::string& where) -> void {
    if (value.is_string()) {
      auto text = expand(value.get<std::string>(), where);
      if (text) value = *text;
      all = all && text.has_value();
    } else if (value.is_object()) {
      for (auto& [key, item] : value.items()) self(self, item, child_path(where, key));
    } else if (value.is_array()) {
      for (std::size_t i = 0; i < value.size(); ++i) self(self, value[i], index_path(where, i));
    }
  };
  walk(walk, copy, path);
  if (!all) return std::nullopt;
  return copy.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<std::filesystem::path> Resolver::file(const std::string& text, const std::string& path) {
  auto expanded = expand(text, path);
  if (!expanded) return std::nullopt;
  std::filesystem::path p(*expanded);
  return (p.is_absolute() ? p : base_dir_ / p).lexically_normal();
}

std::optional<std::string> Resolver::header(const Header& h, const std::string& path) {
  auto value = expand(h.value, path);
  if (!value) return std::nullopt;
  if (value->find_first_of("\r\n") != std::string::npos) {
    problem(path, "a variable it refers to holds a line break, which a header cannot");
    return std::nullopt;
  }
  return h.name + ": " + *value;
}

bool Resolver::has_target_for(const std::string& where) {
  if (!target.empty()) return true;
  complete_ = false;
  need_target_.push_back(where);
  return false;
}

void Resolver::finish() {
  // A target that was given but is unusable has its own problem already.
  if (need_target_.empty() || target_given) return;
  std::string fields;
  for (const auto& f : need_target_) fields += (fields.empty() ? "" : ", ") + f;
  problem("target", "missing; " + fields + (need_target_.size() == 1 ? " is a path" : " are paths") +
                        " on the target: give its base URL, such as \"http://127.0.0.1:8000\"");
}

}  // namespace detail

namespace {

// The scenario as it will run: the overrides written into it, so the
// report's settings say what actually ran.
Scenario with_overrides(const Scenario& scenario, const ResolveOptions& options, detail::Resolver& r) {
  Scenario s = scenario;
  // A target given instead is checked once, with the scenario's (below).
  if (!options.target.empty()) s.target = options.target;
  if (options.watch_only) s.load.reset();
  if (!options.duration.empty()) {
    try {
      if (parse_duration(options.duration).count() <= 0) {
        throw InputError("expected a positive duration, got " + quote_value(options.duration));
      }
      if (s.load) {
        s.load->duration = options.duration;
        s.load->count.reset();
      } else {
        s.probes.duration = options.duration;
      }
    } catch (const InputError& e) {
      r.problem(s.load ? "load.duration" : "probes.duration",
                std::string("the duration given instead (--duration): ") + e.what());
    }
  }
  return s;
}

// Locust's settings when it sends the load: a master to attach to, or the
// locustfile (written from the scenario as it will run) for local workers.
void resolve_engine(const Scenario& effective, const std::filesystem::path& base_dir, detail::Resolver& r,
                    session::SessionPlan& plan) {
  if (!effective.load || effective.load->engine != kEngineLocust) return;
  locust::LocustSettings settings;
  settings.workers = effective.load->workers.value_or(1);
  if (!effective.load->master.empty()) {
    const auto master = r.expand(effective.load->master, "load.master");
    if (!master) return;
    if (target_problem(*master)) {
      r.problem("load.master", "Locust's web UI, once its ${ENV:…} references are replaced: not a base URL such as "
                               "http://locust-master:8089");
      return;
    }
    settings.master_url = *master;
  } else {
    try {
      settings.locustfile = locustfile(effective, base_dir);
    } catch (const InputError&) {
      return;  // a scenario read with problems (no requests): those are reported where they are
    }
  }
  plan.locust = std::move(settings);
}

// A problem a plan's own check() found, at its path within `section`.
void add_within(detail::Resolver& r, const std::string& section, const Problems& problems) {
  for (const auto& p : problems) r.problem(p.path.empty() ? section : section + "." + p.path, p.message);
}

// Resolves as far as it can. `last_net`: run the plans' own validate()
// when nothing else was found (not on a scenario read with problems, whose
// plan is partial).
Resolution resolve_impl(const Scenario& scenario, const std::filesystem::path& base_dir, const ResolveOptions& options,
                        bool last_net) {
  // A file named without a folder ("x.leakhound.json") lives in the current one.
  const std::filesystem::path folder =
      (base_dir.empty() ? std::filesystem::current_path() : std::filesystem::absolute(base_dir)).lexically_normal();
  detail::Resolver r(folder, options);
  const Scenario effective = with_overrides(scenario, options, r);
  Resolution out;
  auto& plan = out.plan;
  plan.name = !effective.name.empty() ? effective.name : !options.default_name.empty() ? options.default_name : "scenario";

  r.target_given = !effective.target.empty();
  if (r.target_given) {
    if (auto target = r.expand(effective.target, "target")) {
      if (auto bad = target_problem(*target)) {
        // A variable may hold a secret: its value is never printed.
        const std::string given_instead = options.target.empty() ? "" : "the target given instead (--target): ";
        r.problem("target", given_instead + (has_references(effective.target)
                                                 ? "not a base URL once its ${ENV:…} references are replaced; expected "
                                                   "an http:// or https:// URL such as http://127.0.0.1:8000"
                                                 : *bad));
      } else {
        r.target = *target;
      }
    }
  }
  detail::resolve_probes(effective.probes, r, plan.probes);
  if (effective.load) {
    detail::resolve_load(*effective.load, r, plan.load.emplace());
    resolve_engine(effective, folder, r, plan);
  } else if (!effective.probes.duration.empty()) {
    plan.watch_duration = parse_duration(effective.probes.duration);  // the reader has checked it
  }
  plan.request_counter = effective.probes.request_counter;
  plan.analysis = analysis_parameters(effective.leak);
  plan.report.title = effective.report.title;
  plan.report.series = effective.report.series;
  plan.scenario = redacted_json(effective);
  r.finish();

  // The plans' own checks, as a last net: what they find, the scenario's
  // reader and the steps above should have found first.
  if (last_net && !r.has_problems() && r.complete()) {
    if (plan.load) add_within(r, "load", load::check(*plan.load));
    add_within(r, "probes", probe::check(plan.probes));
    if (plan.locust) add_within(r, "load", locust::check(*plan.locust));
  }
  out.problems = r.take_problems();
  return out;
}

bool under(const std::string& path, const std::string& parent) {
  if (parent.empty() || path == parent) return true;
  return path.starts_with(parent) && (path[parent.size()] == '.' || path[parent.size()] == '[');
}

}  // namespace

analysis::AnalysisParameters analysis_parameters(const Leak& leak) {
  analysis::AnalysisParameters out;
  // The scenario's reader has checked each value; parsing cannot fail here.
  if (!leak.warmup.empty()) out.warmup_s = parse_duration(leak.warmup).count();
  if (!leak.min_growth_per_hour.empty()) out.min_growth_mib_per_hour = parse_size(leak.min_growth_per_hour) / (1024.0 * 1024.0);
  if (leak.min_growth_percent_per_hour) out.min_relative_growth_per_hour = *leak.min_growth_percent_per_hour / 100.0;
  if (leak.alpha) out.alpha = *leak.alpha;
  if (!leak.min_window.empty()) out.min_window_s = parse_duration(leak.min_window).count();
  if (!leak.min_window_fast.empty()) out.min_window_floor_s = parse_duration(leak.min_window_fast).count();
  if (!leak.max_gap.empty()) out.max_gap_s = parse_duration(leak.max_gap).count();
  return out;
}

Resolution resolve_collecting(const Scenario& scenario, const std::filesystem::path& base_dir,
                              const ResolveOptions& options) {
  return resolve_impl(scenario, base_dir, options, true);
}

session::SessionPlan resolve(const Scenario& scenario, const std::filesystem::path& base_dir,
                             const ResolveOptions& options) {
  auto resolution = resolve_collecting(scenario, base_dir, options);
  if (!resolution.ok()) throw ScenarioError(std::move(resolution.problems));
  return std::move(resolution.plan);
}

namespace {

// What resolving finds under a field whose reading failed is that failure
// again: only the rest is added to the reading's problems.
Resolution checked(ParsedScenario parsed, const std::filesystem::path& base_dir, const ResolveOptions& options) {
  // Watching only, the load is left out: its problems stop nothing.
  if (options.watch_only) std::erase_if(parsed.problems, [](const Problem& p) { return under(p.path, "load"); });
  auto resolution = resolve_impl(parsed.scenario, base_dir, options, parsed.ok());
  std::erase_if(resolution.problems, [&](const Problem& p) {
    return std::any_of(parsed.problems.begin(), parsed.problems.end(), [&](const Problem& q) { return under(p.path, q.path); });
  });
  resolution.problems.insert(resolution.problems.begin(), parsed.problems.begin(), parsed.problems.end());
  return resolution;
}

}  // namespace

Resolution check_scenario(const Scenario& scenario, const std::filesystem::path& base_dir, const ResolveOptions& options) {
  return checked(parse_scenario_json(to_json(scenario)), base_dir, options);
}

Resolution check_scenario_file(const std::filesystem::path& file, ResolveOptions options) {
  if (options.default_name.empty()) options.default_name = name_from_file(file);
  return checked(parse_scenario_file(file), file.parent_path(), options);
}

session::SessionPlan load_session_plan(const std::filesystem::path& file, ResolveOptions options) {
  auto resolution = check_scenario_file(file, std::move(options));
  if (!resolution.ok()) throw ScenarioError(std::move(resolution.problems), file);
  return std::move(resolution.plan);
}

}  // namespace lh::scenario
