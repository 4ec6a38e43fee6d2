#include "probe/json_metrics.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "probe/health_status.h"

namespace lh::probe {
namespace {

using nlohmann::json;

enum class IdentityField { none, pid, start, version, uptime_s, uptime_ms };

IdentityField identity_field(std::string_view key) {
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

bool is_status_key(std::string_view key) {
  std::string k(key);
  std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return k == "status" || k == "health" || k == "healthy";
}

// Walks the SAX events keeping the path of the value at hand.
class Flattener : public nlohmann::json_sax<json> {
 public:
  Flattener(JsonMetrics& out, const JsonMetricsOptions& options) : out_(out), options_(options) {}

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
    const auto [name, key] = next_name();
    text_leaf(name, key, value);
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
    if (!deep()) frames_.back().key = key;
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
    if (deep()) {
      close();
      return true;
    }
    const Frame& f = frames_.back();
    if (std::find(options_.counted_arrays.begin(), options_.counted_arrays.end(), f.path) !=
                       options_.counted_arrays.end()) {
      add(f.path, static_cast<double>(f.next_index));
    }
    close();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    // "[json.exception.parse_error.101] parse error at line 1, …": keep what a person reads.
    std::string what = e.what();
    if (const auto bracket = what.find("] "); what.starts_with("[") && bracket != std::string::npos) what.erase(0, bracket + 2);
    out_.error = what;
    return false;
  }

 private:
  struct Frame {
    bool array = false;
    std::size_t next_index = 0;
    std::string key;   // objects: the key of the value that comes next
    std::string path;  // this container's own path
  };

  // Containers past max_depth are only counted: 8 MiB of '[' must not
  // become millions of frames.
  bool deep() const { return too_deep_ > 0; }

  // The path and the last component of the value that comes now.
  std::pair<std::string, std::string> next_name() {
    if (frames_.empty()) return {"value", "value"};
    Frame& f = frames_.back();
    std::string component = f.array ? std::to_string(f.next_index++) : f.key;
    std::string path = f.path.empty() ? component : f.path + "." + component;
    return {std::move(path), std::move(component)};
  }

  void open(bool array) {
    if (deep() || frames_.size() >= options_.max_depth) {
      ++too_deep_;
      return;
    }
    std::string path = frames_.empty() ? std::string() : next_name().first;
    frames_.push_back(Frame{array, 0, {}, std::move(path)});
  }
  void close() {
    if (deep()) --too_deep_;
    else frames_.pop_back();
  }

  void add(std::string name, double value, std::optional<SeriesMeaning> meaning = std::nullopt) {
    if (out_.metrics.size() >= options_.max_metrics) {
      ++out_.dropped;
      return;
    }
    out_.metrics.push_back(Metric{std::move(name), value, meaning});
  }

  void leaf(double value) {
    if (deep()) return;
    auto [name, key] = next_name();
    switch (identity_field(key)) {
      case IdentityField::pid:
        if (!out_.identity.pid) out_.identity.pid = std::to_string(static_cast<long long>(value));
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
    add(std::move(name), value);
  }

  void text_leaf(const std::string& name, const std::string& key, const std::string& value) {
    switch (identity_field(key)) {
      case IdentityField::pid:
        if (!out_.identity.pid) out_.identity.pid = value;
        return;
      case IdentityField::start:
        if (!out_.identity.start_text) out_.identity.start_text = value;
        return;
      case IdentityField::version:
        if (!out_.identity.version) out_.identity.version = value;
        return;
      default: break;
    }
    if (is_status_key(key)) {
      if (auto health = health_value(value)) add(name, *health, SeriesMeaning{Unit::none, SeriesKind::status, {}});
    }
  }

  JsonMetrics& out_;
  const JsonMetricsOptions& options_;
  std::vector<Frame> frames_;
  std::size_t too_deep_ = 0;
};

}  // namespace

JsonMetrics read_json_metrics(std::string_view body, const JsonMetricsOptions& options) {
  JsonMetrics out;
  Flattener flattener(out, options);
  const bool ok = json::sax_parse(body.begin(), body.end(), &flattener);
  if (!ok) {
    if (!out.error) out.error = "not valid JSON";
    out.metrics.clear();
    out.identity = {};
  }
  return out;
}

}  // namespace lh::probe
