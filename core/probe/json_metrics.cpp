#include "probe/json_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/json_text.h"
#include "probe/health_status.h"
#include "probe/metric_collector.h"

namespace lh::probe {
namespace {

using nlohmann::json;

enum class IdentityField { none, pid, start, version, uptime_s, uptime_ms };

IdentityField identity_field(std::string_view key) {
  if (key.size() > 32) return IdentityField::none;  // longer than any of the names below
  std::string k(key);
  std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (k == "pid" || k == "process_id" || k == "processid") return IdentityField::pid;
  if (k == "start_time" || k == "started_at" || k == "start_time_seconds" || k == "started" || k == "starttime" ||
      k == "process_start_time_seconds" || k == "boot_time") {
    return IdentityField::start;
  }
  if (k == "version" || k == "app_version" || k == "build_version") return IdentityField::version;
  if (k == "uptime" || k == "uptime_seconds" || k == "uptime_s" || k == "uptime_sec") return IdentityField::uptime_s;
  if (k == "uptime_ms") return IdentityField::uptime_ms;
  return IdentityField::none;
}

// A numeric pid as text: "4242". Any double may come (1e300, -0.5), and
// only one that is a whole number a long long holds is converted as such.
std::string pid_text(double value) {
  if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 9.2e18) {
    return std::to_string(static_cast<long long>(value));
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

bool is_status_key(std::string_view key) {
  if (key.size() > 8) return false;
  std::string k(key);
  std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return k == "status" || k == "health" || k == "healthy";
}

// Walks the SAX events keeping the path of the container at hand.
class Flattener : public nlohmann::json_sax<json> {
 public:
  Flattener(JsonMetrics& out, const JsonMetricsOptions& options, MetricCollector& collector)
      : out_(out), options_(options), collector_(collector) {}

  bool null() override {
    if (!deep()) next_name();
    return true;
  }
  bool boolean(bool value) override {
    leaf(value ? 1.0 : 0.0);
    return true;
  }
  bool number_integer(number_integer_t value) override {
    leaf(static_cast<double>(value));
    return true;
  }
  bool number_unsigned(number_unsigned_t value) override {
    leaf(static_cast<double>(value));
    return true;
  }
  bool number_float(number_float_t value, const string_t&) override {
    leaf(value);
    return true;
  }
  bool string(string_t& value) override {
    if (deep()) return true;
    const bool fits = next_name();
    text_leaf(fits, value);
    return true;
  }
  bool binary(binary_t&) override {
    if (!deep()) next_name();
    return true;
  }
  bool start_object(std::size_t) override {
    open(false);
    return true;
  }
  bool key(string_t& key) override {
    if (deep()) return true;
    // A key longer than any name we keep is not copied: what is under it
    // is left out by its length anyway.
    key_too_long_ = key.size() > options_.limits.max_name_bytes;
    if (key_too_long_) key_.clear();
    else key_ = key;
    return true;
  }
  bool end_object() override {
    close();
    return true;
  }
  bool start_array(std::size_t) override {
    open(true);
    return true;
  }
  bool end_array() override {
    if (!deep()) count_array();
    close();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    out_.error = json_error_text(e);
    return false;
  }

 private:
  struct Frame {
    bool array = false;
    bool too_long = false;      // its path is longer than max_name_bytes
    std::size_t next_index = 0;
    std::size_t parent_size = 0;  // path_.size() before this container's own component
  };

  // Containers past max_depth are only counted: 8 MiB of '[' must not
  // become millions of frames.
  bool deep() const { return too_deep_ > 0; }

  // Builds the name of the value that comes now into name_ (its last
  // component into component_); false when it is longer than
  // max_name_bytes, and then name_ is not built.
  bool next_name() {
    if (frames_.empty()) {
      name_ = "value";
      component_ = name_;
      return true;
    }
    Frame& f = frames_.back();
    if (f.array) {
      index_text_ = std::to_string(f.next_index++);
      component_ = index_text_;
    } else {
      component_ = key_;
      if (key_too_long_) return false;
    }
    if (f.too_long || path_.size() + 1 + component_.size() > options_.limits.max_name_bytes) return false;
    name_.assign(path_);
    if (!name_.empty()) name_ += '.';
    name_ += component_;
    return true;
  }

  void open(bool array) {
    if (deep() || frames_.size() >= options_.limits.max_depth) {
      ++too_deep_;
      return;
    }
    Frame f{array, false, 0, path_.size()};
    if (!frames_.empty()) {
      if (next_name()) path_ = name_;
      else f.too_long = true;
    }
    frames_.push_back(f);
  }

  void close() {
    if (deep()) {
      --too_deep_;
      return;
    }
    path_.resize(frames_.back().parent_size);
    frames_.pop_back();
  }

  void keep(const std::string& name, double value, std::optional<SeriesMeaning> meaning = std::nullopt) {
    if (collector_.admit(name)) collector_.add(name, value, meaning);
  }

  void count_array() {
    const Frame& f = frames_.back();
    if (f.too_long) return;
    if (std::find(options_.counted_arrays.begin(), options_.counted_arrays.end(), path_) != options_.counted_arrays.end()) {
      keep(path_, static_cast<double>(f.next_index));
    }
  }

  void leaf(double value) {
    if (deep()) {
      collector_.left_out(Limit::depth);
      return;
    }
    const bool fits = next_name();
    switch (identity_field(component_)) {
      case IdentityField::pid:
        if (!out_.identity.pid) out_.identity.pid = pid_text(value);
        break;
      case IdentityField::start:
        if (!out_.identity.start_s) out_.identity.start_s = value;
        break;
      case IdentityField::uptime_s:
        if (!out_.identity.uptime_s) out_.identity.uptime_s = value;
        break;
      case IdentityField::uptime_ms:
        if (!out_.identity.uptime_s) out_.identity.uptime_s = value / 1000.0;
        break;
      default: break;
    }
    if (fits) keep(name_, value);
    else collector_.left_out(Limit::name_bytes);
  }

  void text_leaf(bool fits, const std::string& value) {
    switch (identity_field(component_)) {
      case IdentityField::pid:
        if (!out_.identity.pid) out_.identity.pid = value.substr(0, 64);
        return;
      case IdentityField::start:
        if (!out_.identity.start_text) out_.identity.start_text = value.substr(0, 64);
        return;
      case IdentityField::version:
        if (!out_.identity.version) out_.identity.version = value.substr(0, 128);
        return;
      default: break;
    }
    if (!is_status_key(component_)) return;
    const auto health = health_value(value);
    if (!health) return;
    if (fits) keep(name_, *health, SeriesMeaning{Unit::none, SeriesKind::status, {}});
    else collector_.left_out(Limit::name_bytes);
  }

  JsonMetrics& out_;
  const JsonMetricsOptions& options_;
  MetricCollector& collector_;
  std::vector<Frame> frames_;
  std::size_t too_deep_ = 0;
  std::string path_;        // the path of the innermost followed container
  std::string key_;         // objects: the key of the value that comes next
  bool key_too_long_ = false;  // ... longer than max_name_bytes, so not kept in key_
  std::string index_text_;  // arrays: the index of the value that comes next
  std::string name_;        // the name of the value at hand
  std::string_view component_;
};

// What makes a body unfit for the parser before it is parsed: a NUL byte
// (nlohmann would stop there), or a string longer than max_string.
std::optional<std::string> body_problem(std::string_view body, std::size_t max_string) {
  if (auto nul = nul_byte_problem(body)) return nul;
  bool in_string = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (!in_string) {
      if (c == '"') {
        in_string = true;
        start = i;
      }
      continue;
    }
    if (c == '\\') ++i;
    else if (c == '"') in_string = false;
    if (i - start > max_string) {
      return "a string longer than " + std::to_string(max_string) + " bytes at offset " + std::to_string(start) +
             " (limit " + std::string(limit_name(Limit::json_string)) + ")";
    }
  }
  return std::nullopt;
}

}  // namespace

JsonMetrics read_json_metrics(std::string_view body, const JsonMetricsOptions& options) {
  JsonMetrics out;
  if (auto problem = body_problem(body, options.limits.max_json_string_bytes)) {
    out.error = *problem;
    return out;
  }
  MetricCollector collector(options.limits, options.watch);
  Flattener flattener(out, options, collector);
  if (!json::sax_parse(body.begin(), body.end(), &flattener)) {
    if (!out.error) out.error = "not valid JSON";
    out.identity = {};
    return out;
  }
  auto collected = std::move(collector).finish();
  out.metrics = std::move(collected.metrics);
  out.notes = std::move(collected.notes);
  return out;
}

}  // namespace lh::probe
