#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "probe/http_fetcher.h"

namespace lh::probe {

// A Prometheus series' labels, sorted by name (as the server sends them);
// "__name__" among them when the query kept it.
using PromLabels = std::vector<std::pair<std::string, std::string>>;

struct PromPoint {
  double t_s = 0;   // Unix time, seconds
  double value = 0;  // may be NaN or ±Inf, as Prometheus writes them ("NaN", "+Inf")
};

struct PromSeries {
  PromLabels labels;
  std::vector<PromPoint> points;  // one for an instant query, in time order for a range
};

// What one answer may cost, whatever the server (or a proxy before it)
// sends. The body itself is capped by the fetcher (ProbeConfig::max_body_bytes).
struct PromAnswerLimits {
  std::size_t max_series = 1000;          // series kept; the rest counted in series_left_out
  std::size_t max_points = 11000;         // per series; more are counted in points_left_out
  std::size_t max_label_bytes = 1024;     // a series' labels, names and values together; past it left out
  std::size_t max_depth = 16;             // the API nests 5 deep; deeper is not an answer of it
};

// An answer of the HTTP API's /api/v1/query or /api/v1/query_range
// (https://prometheus.io/docs/prometheus/latest/querying/api/): a vector,
// a matrix or a scalar; or why there is none.
struct PromAnswer {
  // One line, for an event: the server's own message ("HTTP 400 bad_data:
  // parse error at char 5: …", quoted, cut), or what was wrong with the
  // answer ("HTTP 502: \"<html>…\"", "not the Prometheus API's JSON: …").
  std::optional<std::string> error;
  std::vector<PromSeries> series;
  std::optional<std::string> warning;  // the first of the server's warnings, one line
  std::size_t series_left_out = 0;
  std::size_t points_left_out = 0;
  std::size_t labels_left_out = 0;  // series left out for labels past max_label_bytes
};

// Reads an answer with a SAX parser: memory stays within what is kept, and
// no string of the answer is printed unquoted.
PromAnswer read_prom_answer(const HttpResponse& response, const PromAnswerLimits& limits = {});

// The same on a body alone, as if answered 200 (for tests and fuzzing).
PromAnswer read_prom_answer_body(const std::string& body, const PromAnswerLimits& limits = {});

}  // namespace lh::probe
