#include "scenario/parse.h"

#include "scenario/field_reader.h"
#include "scenario/json_document.h"
#include "scenario/parse_sections.h"
#include "scenario/references.h"
#include "scenario/target_url.h"

namespace lh::scenario {
namespace {

using json = Json;

// Reads "leakhound_scenario"; false when the rest of the file cannot be read
// by this version.
bool read_version(const json& document, ProblemSink& sink) {
  const auto it = document.find(kFormatKey);
  const std::string key(kFormatKey);
  if (it == document.end()) {
    sink.add(key, "missing; a scenario file starts with {\"leakhound_scenario\": " + std::to_string(kFormatVersion) + ", …}");
    return true;
  }
  const auto version = number_of(*it);
  if (!version || !version->whole || version->value < 1) {
    sink.add(key, "expected the format version " + std::to_string(kFormatVersion) + ", got " + describe(*it));
    return true;
  }
  if (version->value > kFormatVersion) {
    sink.add(key, "written by a newer LeakHound: format " + describe(*it) + ", this version reads " +
                      std::to_string(kFormatVersion));
    return false;
  }
  return true;
}

}  // namespace

ParsedScenario parse_scenario_json(const json& document) {
  ProblemSink sink;
  ParsedScenario out;
  if (!document.is_object()) {
    sink.add("", "expected a scenario object {\"leakhound_scenario\": 1, …}, got " + describe(document));
    out.problems = sink.take();
    return out;
  }
  if (!read_version(document, sink)) {
    out.problems = sink.take();
    return out;
  }
  FieldReader top(document, "",
                  {"leakhound_scenario", "name", "description", "target", "probes", "load", "leak", "report"}, sink);
  Scenario& s = out.scenario;
  s.name = top.text("name");
  s.description = top.text("description");
  s.target = top.text("target", FieldReader::Text::value);
  if (!s.target.empty() && !has_references(s.target)) {
    if (auto bad = target_problem(s.target)) {
      top.problem("target", *bad);
      s.target.clear();
    }
  }
  if (const auto* probes = top.find("probes")) {
    s.probes = detail::read_probes(*probes, sink);
  } else {
    sink.add("probes", "missing; expected {\"sources\": [ … ]}: what to sample, such as \"port:8002\" or \"/memory-stats\"");
  }
  // Without "load" the session only watches: the traffic comes from elsewhere.
  if (const auto* load = top.find("load")) s.load = detail::read_load(*load, sink);
  if (const auto* leak = top.find("leak")) s.leak = detail::read_leak(*leak, sink);
  if (const auto* report = top.find("report")) s.report = detail::read_report(*report, sink);
  out.problems = sink.take();
  return out;
}

ParsedScenario parse_scenario(std::string_view json_text) {
  JsonDocument document = read_json_document(json_text);
  if (!document.complete) {
    ParsedScenario out;
    // Only the problem that stopped reading: duplicates found before it
    // may well be its consequence.
    out.problems.push_back(std::move(document.problems.back()));
    return out;
  }
  ParsedScenario out = parse_scenario_json(document.value);
  // A newer format's keys are its own business; its duplicates too.
  if (out.problems.size() == 1 && out.problems.front().message.starts_with("written by a newer")) return out;
  out.problems.insert(out.problems.begin(), document.problems.begin(), document.problems.end());
  return out;
}

Scenario read_scenario(std::string_view json_text) {
  auto parsed = parse_scenario(json_text);
  if (!parsed.ok()) throw ScenarioError(std::move(parsed.problems));
  return std::move(parsed.scenario);
}

}  // namespace lh::scenario
