#include "scenario/parse.h"

#include <set>

#include "scenario/field_reader.h"
#include "scenario/parse_sections.h"
#include "scenario/references.h"
#include "scenario/target_url.h"

namespace lh::scenario {
namespace {

using json = Json;

// Finds keys given twice in one object, which JSON parsers (nlohmann's
// too) silently reduce to the last: a setting that is quietly dropped.
// nlohmann's parser callback sees every event in document order; this
// keeps the path to the current value and the keys seen per object.
class DuplicateKeys {
 public:
  explicit DuplicateKeys(ProblemSink& sink) : sink_(sink) {}

  bool operator()(int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        frames_.push_back({element_path(), event == json::parse_event_t::array_start, 0, {}, {}});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        frames_.pop_back();
        break;
      case json::parse_event_t::key: {
        auto& frame = frames_.back();
        frame.key = parsed.get<std::string>();
        if (!frame.keys.insert(frame.key).second) sink_.add(child_path(frame.path, frame.key), "given twice; keep one");
        break;
      }
      case json::parse_event_t::value:
        element_path();  // counts the element of an array
        break;
    }
    return true;
  }

 private:
  struct Frame {
    std::string path;
    bool array;
    std::size_t next_index;
    std::string key;
    std::set<std::string> keys;
  };

  // The path of the value that starts now (the next element of an array).
  std::string element_path() {
    if (frames_.empty()) return {};
    auto& frame = frames_.back();
    return frame.array ? index_path(frame.path, frame.next_index++) : child_path(frame.path, frame.key);
  }

  ProblemSink& sink_;
  std::vector<Frame> frames_;
};

// "[json.exception.parse_error.101] parse error at line 3, column 5: syntax
// error while parsing object - unexpected '}'" → "line 3, column 5: syntax
// error while parsing object - unexpected '}'".
std::string syntax_message(const json::parse_error& e) {
  std::string text = e.what();
  const auto at = text.find(" at line ");
  if (at != std::string::npos) return "invalid JSON at " + text.substr(at + 4);
  return "invalid JSON: " + text;
}

// Reads "leakhound_scenario"; false when the rest of the file cannot be read
// by this version.
bool read_version(const json& document, ProblemSink& sink) {
  const auto it = document.find(kFormatKey);
  const std::string key(kFormatKey);
  if (it == document.end()) {
    sink.add(key, "missing; a scenario file starts with {\"leakhound_scenario\": " + std::to_string(kFormatVersion) + ", …}");
    return true;
  }
  if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
    sink.add(key, "expected the format version " + std::to_string(kFormatVersion) + ", got " + describe(*it));
    return true;
  }
  if (it->get<std::int64_t>() > kFormatVersion) {
    sink.add(key, "written by a newer LeakHound: format " + std::to_string(it->get<std::int64_t>()) +
                      ", this version reads " + std::to_string(kFormatVersion));
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
  if (const auto* load = top.find("load")) {
    s.load = detail::read_load(*load, sink);
  } else {
    sink.add("load", "missing; expected {\"requests\": [ … ], \"duration\": …}: the load to send");
  }
  if (const auto* leak = top.find("leak")) s.leak = detail::read_leak(*leak, sink);
  if (const auto* report = top.find("report")) s.report = detail::read_report(*report, sink);
  out.problems = sink.take();
  return out;
}

ParsedScenario parse_scenario(std::string_view json_text) {
  ProblemSink duplicates;
  json document;
  try {
    document = json::parse(json_text, DuplicateKeys(duplicates));
  } catch (const json::parse_error& e) {
    ParsedScenario out;
    out.problems.push_back({"", syntax_message(e)});
    return out;
  }
  ParsedScenario out = parse_scenario_json(document);
  // A newer format's keys are its own business; its duplicates too.
  if (out.problems.size() == 1 && out.problems.front().message.starts_with("written by a newer")) return out;
  auto found = duplicates.take();
  out.problems.insert(out.problems.begin(), found.begin(), found.end());
  return out;
}

Scenario read_scenario(std::string_view json_text) {
  auto parsed = parse_scenario(json_text);
  if (!parsed.ok()) throw ScenarioError(std::move(parsed.problems));
  return std::move(parsed.scenario);
}

}  // namespace lh::scenario
