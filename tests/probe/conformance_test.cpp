// Our readers of probe answers over other projects' parser test suites
// (tests/fixtures/README.md says where each comes from): JSONTestSuite for
// the JSON flattener; the OpenMetrics test cases, Prometheus' textparse
// test data and prometheus/common's expfmt data for the Prometheus reader.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "probe/json_metrics.h"
#include "probe/prometheus_text.h"

using namespace lh::probe;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(LH_SOURCE_DIR) / "tests" / "fixtures";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(folder)) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

// Lines that are samples: not a comment, not blank.
std::size_t sample_lines(std::string_view text) {
  std::size_t n = 0;
  while (!text.empty()) {
    const auto nl = std::min(text.find('\n'), text.size());
    const auto line = text.substr(0, nl);
    text.remove_prefix(std::min(nl + 1, text.size()));
    if (!line.empty() && line.front() != '#') ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("JSONTestSuite: y_ answers are read, n_ refused, i_ either, none crashes") {
  std::size_t y = 0, n = 0, i = 0;
  for (const fs::path& file : files_in(kFixtures / "json_test_suite" / "test_parsing")) {
    const std::string name = file.filename().string();
    const std::string body = read_file(file);
    INFO(name);
    JsonMetrics read;
    REQUIRE_NOTHROW(read = read_json_metrics(body));
    if (name.starts_with("y_")) {
      CHECK_FALSE(read.error);
      ++y;
    } else if (name.starts_with("n_")) {
      CHECK(read.error);
      CHECK(read.metrics.empty());
      ++n;
    } else {
      if (read.error) CHECK(read.error->find('\n') == std::string::npos);
      ++i;
    }
  }
  CHECK(y == 95);
  CHECK(n == 188);
  CHECK(i == 35);
}

TEST_CASE("Prometheus' own test data reads whole, every sample") {
  for (const char* name : {"alltypes.237mfs.prom.txt", "alltypes.5mfs.om.txt", "1histogram.om.txt"}) {
    INFO(name);
    const std::string text = read_file(kFixtures / "prometheus_textparse" / name);
    const bool om = std::string_view(name).ends_with(".om.txt");
    const PromText t = parse_prometheus_text(text, om ? PromFormat::openmetrics : PromFormat::text);
    CHECK(t.lines.skipped == 0);
    CHECK(t.lines.first_problem.value_or("") == "");
    CHECK(t.samples.size() == sample_lines(text));
  }
  const std::string expfmt = read_file(kFixtures / "prometheus_expfmt" / "text");
  const PromText t = parse_prometheus_text(expfmt);
  CHECK(t.lines.skipped == 0);
  CHECK(t.samples.size() == sample_lines(expfmt));
}

TEST_CASE("prometheus/common's parse and parse-error cases, as Prometheus' scrape parser takes them") {
  // The client-side parser of prometheus/common refuses all the
  // from_test_parse_error_N cases; Prometheus' own scrape parser
  // (promparse) takes some of them, and so do we. Sample lines skipped:
  const std::map<std::string, std::size_t> skipped = {
      {"from_test_parse_0", 0},         {"from_test_parse_1", 0},          {"from_test_parse_2", 0},
      {"from_test_parse_4", 0},         {"minimal", 0},
      // The client parser takes these two lines; promlex.l does not: a
      // timestamp with a sign ("decoy -1 -2") and "# HELP " without a name.
      {"from_test_parse_3", 2},
      {"from_test_parse_error_0", 0},   // no line break at the end
      {"from_test_parse_error_1", 0},   // an unknown escape, kept as written
      {"from_test_parse_error_2", 2},   // a line break inside a label value
      {"from_test_parse_error_3", 1},   // a label name that is not one
      {"from_test_parse_error_4", 1},   // __name__ beside the name
      {"from_test_parse_error_5", 1},   // label+=
      {"from_test_parse_error_6", 1},   // an unquoted label value
      {"from_test_parse_error_7", 0},   // quantile="bla": a label like any other
      {"from_test_parse_error_8", 1},   // text after a label value
      {"from_test_parse_error_9", 1},   // a timestamp with decimals
      {"from_test_parse_error_10", 1},  // two timestamps
      {"from_test_parse_error_11", 1},  // a value that is not a number
      {"from_test_parse_error_12", 0},  // two HELP lines: metadata, not checked
      {"from_test_parse_error_13", 0},  // two TYPE lines: the last one counts
      {"from_test_parse_error_14", 0},  // a TYPE after its sample
      {"from_test_parse_error_15", 1},  // an unknown type
      {"from_test_parse_error_16", 1},  // met-ric: a TYPE line without a type
      {"from_test_parse_error_17", 1},  // @invalidmetric
      {"from_test_parse_error_18", 1},  // no metric name
      {"from_test_parse_error_19", 0},  // le="bla": a label like any other
  };
  std::size_t cases = 0;
  for (const fs::path& file : files_in(kFixtures / "prometheus_expfmt" / "corpus")) {
    const std::string name = file.filename().string();
    INFO(name);
    REQUIRE(skipped.contains(name));
    const PromText t = parse_prometheus_text(read_file(file));
    CHECK(t.lines.skipped == skipped.at(name));
    ++cases;
  }
  CHECK(cases == skipped.size());
}

TEST_CASE("the OpenMetrics test cases: what should parse is read whole, the rest never crashes") {
  // Cases the OpenMetrics suite wants refused that Prometheus' OpenMetrics
  // parser takes all the same (it checks the syntax of a line, not the
  // rules between lines and values: grouping, histogram buckets, counter
  // values, exemplars on the wrong type). We read them as Prometheus does;
  // every other bad case has a line skipped.
  const std::set<std::string> prometheus_takes = {
      "bad_clashing_names_0", "bad_clashing_names_1", "bad_clashing_names_2", "bad_counter_values_0",
      "bad_counter_values_1", "bad_counter_values_2", "bad_counter_values_3", "bad_counter_values_4",
      "bad_counter_values_5", "bad_counter_values_6", "bad_counter_values_7", "bad_counter_values_8",
      "bad_counter_values_9", "bad_counter_values_10", "bad_counter_values_11", "bad_counter_values_12",
      "bad_counter_values_13", "bad_counter_values_14", "bad_counter_values_15", "bad_counter_values_16",
      "bad_counter_values_17", "bad_counter_values_18", "bad_counter_values_19",
      "bad_exemplars_on_unallowed_metric_types_0", "bad_exemplars_on_unallowed_metric_types_1",
      "bad_exemplars_on_unallowed_metric_types_2", "bad_exemplars_on_unallowed_samples_0",
      "bad_exemplars_on_unallowed_samples_1", "bad_exemplars_on_unallowed_samples_2",
      "bad_exemplars_on_unallowed_samples_3", "bad_grouping_or_ordering_0", "bad_grouping_or_ordering_2",
      "bad_grouping_or_ordering_3", "bad_grouping_or_ordering_4", "bad_grouping_or_ordering_5",
      "bad_grouping_or_ordering_6", "bad_grouping_or_ordering_7", "bad_grouping_or_ordering_8",
      "bad_grouping_or_ordering_9", "bad_grouping_or_ordering_10", "bad_histograms_0", "bad_histograms_1",
      "bad_histograms_2", "bad_histograms_3", "bad_histograms_6", "bad_histograms_7", "bad_histograms_8",
      "bad_histograms_9", "bad_histograms_10", "bad_histograms_11", "bad_histograms_12", "bad_histograms_13",
      "bad_histograms_14", "bad_info_and_stateset_values_0", "bad_info_and_stateset_values_1",
      "bad_metadata_in_wrong_place_0", "bad_metadata_in_wrong_place_1", "bad_metadata_in_wrong_place_2",
      "bad_missing_or_invalid_labels_for_a_type_0", "bad_missing_or_invalid_labels_for_a_type_1",
      "bad_missing_or_invalid_labels_for_a_type_2", "bad_missing_or_invalid_labels_for_a_type_3",
      "bad_missing_or_invalid_labels_for_a_type_4", "bad_missing_or_invalid_labels_for_a_type_5",
      "bad_missing_or_invalid_labels_for_a_type_6", "bad_missing_or_invalid_labels_for_a_type_7",
      "bad_repeated_metadata_0", "bad_repeated_metadata_1", "bad_repeated_metadata_3",
      "bad_stateset_info_values_0", "bad_stateset_info_values_1", "bad_stateset_info_values_2",
      "bad_stateset_info_values_3",
      "bad_missing_or_extra_commas_2",  // a trailing comma: "free trailing commas are allowed"
      "bad_unit_6", "bad_unit_7",       // a UNIT on info and stateset: only the suffix is checked
      "bad_exemplars_6", "bad_exemplar_complex_chars"};  // exemplars over 128 characters: ignored here
  std::size_t good = 0, bad = 0;
  for (const fs::path& folder : files_in(kFixtures / "openmetrics_parsers")) {
    if (!fs::is_directory(folder)) continue;
    const std::string name = folder.filename().string();
    INFO(name);
    const auto spec = nlohmann::json::parse(read_file(folder / "test.json"));
    const std::string text = read_file(folder / spec.at("file").get<std::string>());
    PromText t;
    REQUIRE_NOTHROW(t = parse_prometheus_text(text, PromFormat::openmetrics));
    if (spec.at("shouldParse").get<bool>()) {
      ++good;
      CHECK(t.lines.skipped == 0);
      CHECK(t.lines.first_problem.value_or("") == "");
      CHECK(t.samples.size() == sample_lines(text));
    } else if (prometheus_takes.contains(name)) {
      ++bad;
      CHECK(t.lines.skipped == 0);
    } else {
      ++bad;
      CHECK(t.lines.skipped > 0);
      if (t.lines.first_problem) CHECK(t.lines.first_problem->find('\n') == std::string::npos);
    }
  }
  CHECK(good + bad == 211);
  CHECK(good > 40);
}
