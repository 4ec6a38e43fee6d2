#include "probe/prom_answer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <nlohmann/json.hpp>

#include "common/quote_value.h"
#include "probe/prometheus_tokens.h"

namespace lh::probe {
namespace {

using nlohmann::json;

// Messages of the server are quoted and cut: an event is one short line.
constexpr std::size_t kMessageBytes = 300;

// Where in the API's document a value is. Everything else is walked over.
enum class Place {
  other,     // not a part read here
  root,      // {"status", "errorType", "error", "data", "warnings"}
  data,      // {"resultType", "result"}
  result,    // [series…] for a vector or matrix; [t, "v"] for a scalar
  series,    // {"metric", "value" | "values"}
  metric,    // {"label": "value", …}
  values,    // [[t, "v"], …]
  point,     // [t, "v"]
  warnings,  // ["…", …]
};

struct Frame {
  Place place = Place::other;
  bool array = false;
  std::string key;        // the key being read, in an object
  std::size_t index = 0;  // the item being read, in an array
};

class AnswerReader : public nlohmann::json_sax<json> {
 public:
  AnswerReader(PromAnswer& out, const PromAnswerLimits& limits) : out_(out), limits_(limits) {}

  bool null() override { return scalar_done(); }
  bool boolean(bool) override { return scalar_done(); }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t&) override { return number(v); }
  bool string(string_t& value) override;
  bool binary(binary_t&) override { return scalar_done(); }
  bool start_object(std::size_t) override { return open(false); }
  bool key(string_t& k) override {
    // Label names are kept whole (max_label_bytes bounds them); no other key
    // read here is longer than a dozen bytes.
    Frame& f = stack_.back();
    f.key = f.place == Place::metric || k.size() <= 64 ? k : std::string();
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) override {
    error_at_ = position;
    return false;
  }

  std::optional<std::size_t> error_at_;
  std::optional<std::string> too_deep_;
  std::string status, error_type, error, result_type;
  bool scalar = false;  // data.result was [t, "v"]

 private:
  Place child_place(bool array) const;
  bool open(bool array);
  bool close();
  bool number(double v);
  // After a value: the enclosing array moves to its next item.
  bool scalar_done() {
    if (!stack_.empty() && stack_.back().array) ++stack_.back().index;
    return true;
  }
  PromSeries* current() { return keeping_ ? &out_.series.back() : nullptr; }
  void point_part(double t, const std::string* text);

  PromAnswer& out_;
  const PromAnswerLimits& limits_;
  std::vector<Frame> stack_;
  bool keeping_ = false;        // the series being read is kept
  std::size_t label_bytes_ = 0;  // of the series being read
  PromPoint point_;
};

Place AnswerReader::child_place(bool array) const {
  if (stack_.empty()) return array ? Place::other : Place::root;
  const Frame& f = stack_.back();
  switch (f.place) {
    case Place::root:
      if (f.key == "data" && !array) return Place::data;
      if (f.key == "warnings" && array) return Place::warnings;
      return Place::other;
    case Place::data: return f.key == "result" && array ? Place::result : Place::other;
    case Place::result: return array ? Place::other : Place::series;
    case Place::series:
      if (f.key == "metric" && !array) return Place::metric;
      if (f.key == "value" && array) return Place::point;
      if (f.key == "values" && array) return Place::values;
      return Place::other;
    case Place::values: return array ? Place::point : Place::other;
    default: return Place::other;
  }
}

bool AnswerReader::open(bool array) {
  if (stack_.size() >= limits_.max_depth) {
    too_deep_ = "nested deeper than " + std::to_string(limits_.max_depth) + " levels";
    return false;
  }
  const Place place = child_place(array);
  if (place == Place::series) {
    if (out_.series.size() < limits_.max_series) {
      out_.series.emplace_back();
      keeping_ = true;
    } else {
      ++out_.series_left_out;
      keeping_ = false;
    }
    label_bytes_ = 0;
  }
  if (place == Place::point) point_ = PromPoint{std::nan(""), std::nan("")};
  stack_.push_back(Frame{place, array, {}, 0});
  return true;
}

bool AnswerReader::close() {
  const Frame done = stack_.back();
  stack_.pop_back();
  if (done.place == Place::point && !std::isnan(point_.t_s)) {
    if (PromSeries* s = current()) {
      if (s->points.size() < limits_.max_points) s->points.push_back(point_);
      else ++out_.points_left_out;
    }
  }
  if (done.place == Place::series && keeping_) {
    PromSeries& s = out_.series.back();
    if (label_bytes_ > limits_.max_label_bytes) {
      out_.series.pop_back();
      ++out_.labels_left_out;
    } else {
      std::sort(s.labels.begin(), s.labels.end());
    }
    keeping_ = false;
  }
  return scalar_done();
}

void AnswerReader::point_part(double t, const std::string* text) {
  const Frame& f = stack_.back();
  if (f.index == 0 && !text) point_.t_s = t;
  if (f.index == 1 && text) {
    // Prometheus writes values as strings, Go-formatted: "1.5e+09", "NaN",
    // "+Inf". One it could not have written reads as a gap.
    point_.value = prom::parse_go_float(*text).value_or(std::nan(""));
  }
}

bool AnswerReader::number(double v) {
  if (!stack_.empty()) {
    const Place p = stack_.back().place;
    if (p == Place::point) point_part(v, nullptr);
    if (p == Place::result && stack_.back().index == 0) {
      // A scalar: data.result is itself [t, "v"].
      scalar = true;
      point_ = PromPoint{v, std::nan("")};
    }
  }
  return scalar_done();
}

bool AnswerReader::string(string_t& value) {
  if (stack_.empty()) return scalar_done();
  Frame& f = stack_.back();
  switch (f.place) {
    case Place::root:
      if (f.key == "status") status = value;
      else if (f.key == "errorType") error_type = quote_value(value, 64);
      else if (f.key == "error") error = quote_value(value, kMessageBytes);
      break;
    case Place::data:
      if (f.key == "resultType") result_type = quote_value(value, 64);
      break;
    case Place::warnings:
      if (!out_.warning) out_.warning = quote_value(value, kMessageBytes);
      break;
    case Place::metric:
      label_bytes_ += f.key.size() + value.size();
      if (PromSeries* s = current(); s && label_bytes_ <= limits_.max_label_bytes) s->labels.emplace_back(f.key, value);
      break;
    case Place::point: point_part(0, &value); break;
    case Place::result:
      if (scalar && f.index == 1) {
        point_.value = prom::parse_go_float(value).value_or(std::nan(""));
        out_.series.push_back(PromSeries{{}, {point_}});
      }
      break;
    default: break;
  }
  return scalar_done();
}

std::string trimmed_excerpt(const std::string& body) {
  std::size_t a = 0;
  while (a < body.size() && std::isspace(static_cast<unsigned char>(body[a]))) ++a;
  return quote_value(std::string_view(body).substr(a, 120), 100);
}

PromAnswer read(const std::string& body, long status, const PromAnswerLimits& limits) {
  PromAnswer out;
  const std::string http = status >= 200 && status < 300 ? "" : "HTTP " + std::to_string(status);
  AnswerReader reader(out, limits);
  bool parsed = false;
  try {
    parsed = json::sax_parse(body, &reader, json::input_format_t::json, true, true);
  } catch (const std::exception&) {
    parsed = false;  // nlohmann throws for what its SAX interface cannot report (out of memory)
  }
  auto fail = [&](std::string why) {
    out.series.clear();
    out.error = std::move(why);
    return out;
  };
  if (reader.too_deep_) return fail((http.empty() ? "" : http + ": ") + "JSON " + *reader.too_deep_);
  if (!parsed || reader.status.empty()) {
    // A proxy's HTML page, an empty body, another service's JSON.
    const std::string what = body.empty() ? "an empty body" : trimmed_excerpt(body);
    if (!http.empty()) return fail(http + ": " + what);
    if (!parsed) return fail("not the Prometheus API's JSON: " + what);
    return fail("JSON without the Prometheus API's \"status\": " + what);
  }
  if (reader.status != "success") {
    std::string why = http.empty() ? std::string() : http + " ";
    why += reader.error_type.empty() ? "error" : reader.error_type.substr(1, reader.error_type.size() - 2);
    if (!reader.error.empty()) why += ": " + reader.error;
    return fail(why);
  }
  if (!http.empty()) return fail(http + " with a \"success\" status");
  if (reader.result_type != "\"vector\"" && reader.result_type != "\"matrix\"" && reader.result_type != "\"scalar\"") {
    return fail("a result of type " + (reader.result_type.empty() ? std::string("(none)") : reader.result_type) +
                "; expected a vector, matrix or scalar (a query giving numbers)");
  }
  return out;
}

}  // namespace

PromAnswer read_prom_answer(const HttpResponse& response, const PromAnswerLimits& limits) {
  return read(response.body, response.status, limits);
}

PromAnswer read_prom_answer_body(const std::string& body, const PromAnswerLimits& limits) {
  return read(body, 200, limits);
}

}  // namespace lh::probe
