#include "probe/prometheus_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

#include "common/quote_value.h"
#include "common/shown_name.h"
#include "probe/prometheus_tokens.h"

namespace lh::probe {
namespace {

using namespace prom;

std::optional<PromType> classic_type(std::string_view word) {
  if (word == "counter") return PromType::counter;
  if (word == "gauge") return PromType::gauge;
  if (word == "histogram") return PromType::histogram;
  if (word == "summary") return PromType::summary;
  if (word == "untyped") return PromType::untyped;
  return std::nullopt;
}

std::optional<PromType> openmetrics_type(std::string_view word) {
  if (word == "counter") return PromType::counter;
  if (word == "gauge") return PromType::gauge;
  if (word == "histogram") return PromType::histogram;
  if (word == "gaugehistogram") return PromType::gaugehistogram;
  if (word == "summary") return PromType::summary;
  if (word == "info") return PromType::info;
  if (word == "stateset") return PromType::stateset;
  if (word == "unknown") return PromType::untyped;
  return std::nullopt;
}

// The suffixes a family's samples carry beyond its name, by its type.
bool suffix_fits(PromType type, std::string_view suffix) {
  switch (type) {
    case PromType::counter: return suffix == "_total" || suffix == "_created";
    case PromType::histogram: return suffix == "_bucket" || suffix == "_sum" || suffix == "_count" || suffix == "_created";
    case PromType::gaugehistogram: return suffix == "_bucket" || suffix == "_gsum" || suffix == "_gcount";
    case PromType::summary: return suffix == "_sum" || suffix == "_count" || suffix == "_created";
    case PromType::info: return suffix == "_info";
    default: return false;
  }
}

// A name or label value as written: quoted (and maybe escaped) or not.
struct RawName {
  std::string_view text;  // data() == nullptr: none given
  bool quoted = false;
  std::size_t least_size() const { return quoted ? text.size() / 2 : text.size(); }
  void into(std::string& out) const {
    if (quoted) unescape_into(out, text);
    else out.assign(text);
  }
};

struct RawLabel {
  RawName name;
  RawName value;
};

// Reads the lines of one answer.
class Reader {
 public:
  Reader(PromFormat format, const PromReadLimits& limits, const std::function<void(const PromSample&)>& on_sample)
      : om_(format == PromFormat::openmetrics),
        max_types_(limits.max_types),
        on_sample_(on_sample),
        max_name_bytes_(limits.max_name_bytes) {}

  PromLines run(std::string_view text) {
    std::size_t number = 0;
    bool eof = false;
    while (!text.empty()) {
      const auto nl = std::min(text.find('\n'), text.size());
      std::string_view raw = text.substr(0, nl);
      text.remove_prefix(std::min(nl + 1, text.size()));
      ++number;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      if (om_ && raw == "# EOF") {
        eof = true;
        break;
      }
      problem_.clear();
      if (!line(raw)) skip(number, problem_);
    }
    if (om_ && !eof) skip(number + 1, "no # EOF at the end: the answer may be cut short");
    if (om_ && eof && !text.empty()) skip(number + 1, "text after # EOF");
    return std::move(out_);
  }

 private:
  void skip(std::size_t number, std::string_view why) {
    ++out_.skipped;
    if (!out_.first_problem) out_.first_problem = "line " + std::to_string(number) + ": " + std::string(why);
  }

  // Records why the line is bad (only the first line's reason is kept, so
  // later ones cost no string) and returns false.
  bool fail(std::string_view why) {
    if (!out_.first_problem && problem_.empty()) problem_ = why;
    return false;
  }

  // ---- The cursor over the line at hand ----
  bool done() const { return rest_.empty(); }
  char peek() const { return rest_.empty() ? '\0' : rest_.front(); }
  bool take(char c) {
    if (peek() != c || rest_.empty()) return false;
    rest_.remove_prefix(1);
    return true;
  }
  bool take(std::string_view s) {
    if (!rest_.starts_with(s)) return false;
    rest_.remove_prefix(s.size());
    return true;
  }
  // The text format allows blanks between tokens; OpenMetrics does not.
  void blanks() {
    if (om_) return;
    while (!rest_.empty() && is_blank(rest_.front())) rest_.remove_prefix(1);
  }
  std::string_view run_of(bool (*ok)(char), bool (*first)(char)) {
    if (rest_.empty() || !first(rest_.front())) return {};
    std::size_t n = 1;
    while (n < rest_.size() && ok(rest_[n])) ++n;
    const auto out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
  }
  std::string_view metric_name() {
    return run_of([](char c) { return is_metric_start(c) || is_digit(c); }, is_metric_start);
  }
  std::string_view label_name() {
    return run_of([](char c) { return is_label_start(c) || is_digit(c); }, is_label_start);
  }
  // "(\\.|[^\\"])*": the text between the quotes, still escaped; nullopt
  // when the line ends first.
  std::optional<std::string_view> quoted() {
    if (!take('"')) return std::nullopt;
    for (std::size_t i = 0; i < rest_.size(); ++i) {
      if (rest_[i] == '\\') {
        ++i;
        continue;
      }
      if (rest_[i] == '"') {
        const auto out = rest_.substr(0, i);
        rest_.remove_prefix(i + 1);
        return out;
      }
    }
    return std::nullopt;
  }
  // A token up to the next blank: a value or a timestamp.
  std::string_view word() {
    std::size_t n = 0;
    while (n < rest_.size() && !is_blank(rest_[n]) && (om_ || rest_[n] != '{')) ++n;
    const auto out = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return out;
  }

  // ---- Lines ----
  bool line(std::string_view raw) {
    rest_ = raw;
    blanks();
    if (done()) return om_ ? fail("a blank line (OpenMetrics has none)") : true;
    if (peek() == '#') return comment();
    return sample();
  }

  bool comment() {
    take('#');
    if (om_) {
      if (!take(' ')) return fail("expected '# ' and HELP, TYPE, UNIT or EOF");
      if (take("HELP ")) return metadata(Meta::help);
      if (take("TYPE ")) return metadata(Meta::type);
      if (take("UNIT ")) return metadata(Meta::unit);
      return fail("expected HELP, TYPE, UNIT or EOF after '# ' (OpenMetrics has no free comments)");
    }
    // promlex.l: "#" and blanks, then HELP or TYPE and blanks; anything
    // else is a comment.
    if (!is_blank(peek())) return true;
    blanks();
    Meta meta;
    if (take("HELP")) meta = Meta::help;
    else if (take("TYPE")) meta = Meta::type;
    else return true;
    if (!is_blank(peek())) return true;
    blanks();
    return metadata(meta);
  }

  enum class Meta { help, type, unit };

  bool metadata(Meta meta) {
    std::string_view name;
    if (peek() == '"') {
      const auto q = quoted();
      if (!q) return fail("a quoted metric name is never closed");
      unescape_into(scratch_, *q);
      name_ = scratch_;
    } else {
      name = metric_name();
      if (name.empty()) return fail("expected a metric name after HELP or TYPE");
      name_.assign(name);
    }
    // The text after the name. Prometheus drops the one character between
    // (a blank); OpenMetrics requires it to be a space.
    std::string_view text = rest_;
    if (om_) {
      if (!text.starts_with(' ')) return fail("expected a space and text after the metric name");
    }
    if (!text.empty()) text.remove_prefix(1);
    switch (meta) {
      case Meta::help:
        if (!valid_utf8(text)) return fail("HELP text that is not UTF-8");
        return true;
      case Meta::unit:
        if (!text.empty() && !(name_.size() > text.size() && std::string_view(name_).ends_with(text) &&
                               name_[name_.size() - text.size() - 1] == '_')) {
          return fail("a UNIT that does not end the metric's name");
        }
        return true;
      case Meta::type: break;
    }
    const auto type = om_ ? openmetrics_type(text) : classic_type(text);
    if (!type) return fail("unknown metric type " + quote_value(text, 40) + " for " + shown_name(name_));
    remember_type(*type);
    return true;
  }

  void remember_type(PromType type) {
    last_family_ = name_;
    last_type_ = type;
    if (auto it = types_.find(name_); it != types_.end()) {
      it->second = type;
    } else if (types_.size() < max_types_) {
      types_.emplace(name_, type);
    } else {
      ++out_.types_forgotten;
    }
  }

  std::optional<PromType> family_type(std::string_view family) const {
    if (!last_family_.empty() && family == last_family_) return last_type_;
    if (auto it = types_.find(family); it != types_.end()) return it->second;
    return std::nullopt;
  }

  PromType type_of(std::string_view name) const {
    if (auto t = family_type(name)) return *t;
    for (std::string_view suffix : {"_bucket", "_sum", "_count", "_total", "_created", "_gsum", "_gcount", "_info"}) {
      if (!name.ends_with(suffix)) continue;
      const auto t = family_type(name.substr(0, name.size() - suffix.size()));
      if (t && suffix_fits(*t, suffix)) return *t;
    }
    return PromType::untyped;
  }

  bool sample() {
    raw_labels_.clear();
    least_ = 0;
    RawName name;
    if (is_metric_start(peek())) {
      name = RawName{metric_name(), false};
      least_ = name.least_size();
    } else if (peek() != '{') {
      return fail("expected a metric name");
    }
    blanks();
    if (take('{')) {
      if (!labels(name, /*exemplar=*/false)) return false;
      blanks();
    }
    if (name.text.data() == nullptr) return fail("no metric name");
    if (om_ && !take(' ')) return fail("expected a space and a value after the metric name");
    blanks();
    const auto value_text = word();
    if (value_text.empty()) return fail("expected a value after " + shown_name(name.text));
    const auto value = parse_go_float(value_text);
    if (!value) return fail("expected a number, NaN or +Inf as the value, got " + quote_value(value_text, 40));
    if (!(om_ ? openmetrics_end() : classic_end())) return false;
    // A series whose name cannot fit max_name_bytes is not built (nor are
    // its labels kept past that point: a line of a million labels costs
    // nothing).
    if (least_ > max_name_bytes_) {
      ++out_.too_long;
      return true;
    }
    name.into(sample_.name);
    sample_.labels.resize(raw_labels_.size());
    for (std::size_t i = 0; i < raw_labels_.size(); ++i) {
      raw_labels_[i].name.into(sample_.labels[i].first);
      raw_labels_[i].value.into(sample_.labels[i].second);
    }
    if (!checked_names()) return false;
    sample_.value = *value;
    sample_.type = type_of(sample_.name);
    ++out_.samples;
    on_sample_(sample_);
    return true;
  }

  // After the value: blanks, or an integer timestamp in milliseconds.
  bool classic_end() {
    blanks();
    if (done()) return true;
    const auto stamp = run_of(is_digit, is_digit);
    if (stamp.empty()) return fail("expected a timestamp in milliseconds after the value, or the end of the line");
    std::int64_t ms = 0;
    const auto [end, ec] = std::from_chars(stamp.data(), stamp.data() + stamp.size(), ms);
    if (ec != std::errc{} || end != stamp.data() + stamp.size()) return fail("a timestamp out of range");
    blanks();
    if (!done()) return fail("unexpected text after the timestamp");
    return true;
  }

  // After the value: a timestamp in seconds (decimals allowed), an
  // exemplar, or both.
  bool openmetrics_end() {
    if (done()) return true;
    if (take(" # {")) return exemplar();
    if (!take(' ')) return fail("expected a space before the timestamp");
    const auto stamp = word();
    const auto seconds = parse_go_float(stamp);
    if (stamp.empty() || !seconds || !std::isfinite(*seconds)) {
      return fail("expected a timestamp in seconds, got " + quote_value(stamp, 40));
    }
    if (done()) return true;
    if (take(" # {")) return exemplar();
    return fail("unexpected text after the timestamp");
  }

  // `# {labels} value [timestamp]`, read and ignored.
  bool exemplar() {
    RawName named{"-", false};
    if (!labels(named, /*exemplar=*/true)) return false;
    if (!take(' ')) return fail("expected a value after the exemplar's labels");
    const auto value = parse_go_float(word());
    if (!value) return fail("an exemplar's value that is not a number");
    if (done()) return true;
    if (!take(' ')) return fail("unexpected text after the exemplar");
    const auto stamp = parse_go_float(word());
    if (!stamp || !std::isfinite(*stamp)) return fail("an exemplar's timestamp that is not a number");
    if (!done()) return fail("unexpected text after the exemplar");
    return true;
  }

  // After '{': label pairs up to '}', as written (unescaped once the line
  // is known good and small enough). A quoted string alone (followed by
  // ',' or '}') is the metric name, Prometheus 3's form for UTF-8 names.
  // Keeps the labels in raw_labels_ while the name they make can still fit
  // max_name_bytes (least_ counts: each escape is two characters, so half
  // the raw text is the least a value can be); an exemplar's are checked
  // and dropped.
  bool labels(RawName& name, bool exemplar) {
    for (;;) {
      blanks();
      if (take('}')) return true;
      RawName label;
      if (peek() == '"') {
        const auto q = quoted();
        if (!q) return fail("a quoted name is never closed");
        label = RawName{*q, true};
      } else {
        label = RawName{label_name(), false};
        if (label.text.empty()) return fail("expected a label name");
      }
      blanks();
      if (label.quoted && (peek() == ',' || peek() == '}')) {
        if (exemplar) return fail("expected a label name in the exemplar");
        if (name.text.data() != nullptr) return fail("the metric name given twice");
        name = label;
        least_ += name.least_size();
        take(',');
        continue;
      }
      if (!take('=')) return fail("expected '=' after a label name");
      blanks();
      if (peek() != '"') return fail("expected '\"' to open a label value");
      const auto value = quoted();
      if (!value) return fail("a label value is never closed");
      if (!valid_utf8(*value)) return fail("a label value that is not UTF-8");
      if (!exemplar) {
        const RawLabel raw{label, RawName{*value, true}};
        least_ += raw.name.least_size() + raw.value.least_size() + 1;
        if (least_ <= max_name_bytes_) raw_labels_.push_back(raw);
      }
      blanks();
      if (take(',')) continue;
      // OpenMetrics wants ',' or '}'; the text format goes on to the next
      // label even without a comma, as Prometheus' parser does.
      if (om_ && peek() != '}') return fail("expected ',' or '}' after a label value");
    }
  }

  // What Prometheus checks once a line is read: names that are UTF-8 and
  // not empty, and no label given twice (nor __name__, which is the name).
  bool checked_names() {
    if (sample_.name.empty() || !valid_utf8(sample_.name)) return fail("an empty or non-UTF-8 metric name");
    for (std::size_t i = 0; i < sample_.labels.size(); ++i) {
      const std::string& label = sample_.labels[i].first;
      if (label.empty() || !valid_utf8(label)) return fail("an empty or non-UTF-8 label name");
      if (label == "__name__") return fail("a __name__ label beside the metric name");
      for (std::size_t k = 0; k < i; ++k) {
        if (sample_.labels[k].first == label) return fail("the label " + shown_name(label) + " given twice");
      }
    }
    return true;
  }

  const bool om_;
  const std::size_t max_types_;
  const std::function<void(const PromSample&)>& on_sample_;
  PromLines out_;
  std::string problem_;
  std::string_view rest_;
  PromSample sample_;
  std::vector<RawLabel> raw_labels_;
  std::size_t least_ = 0;  // the least the line's series name can be
  const std::size_t max_name_bytes_;
  std::string name_, scratch_;
  std::map<std::string, PromType, std::less<>> types_;
  std::string last_family_;
  PromType last_type_ = PromType::untyped;
};

}  // namespace

PromFormat prom_format_of(std::string_view content_type) {
  std::string lowered(content_type.substr(0, content_type.find(';')));
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  while (!lowered.empty() && is_blank(lowered.back())) lowered.pop_back();
  while (!lowered.empty() && is_blank(lowered.front())) lowered.erase(0, 1);
  return lowered == "application/openmetrics-text" ? PromFormat::openmetrics : PromFormat::text;
}

PromLines read_prometheus_text(std::string_view text, PromFormat format,
                               const std::function<void(const PromSample&)>& on_sample, const PromReadLimits& limits) {
  Reader reader(format, limits, on_sample);
  return reader.run(text);
}

PromText parse_prometheus_text(std::string_view text, PromFormat format) {
  PromText out;
  out.lines = read_prometheus_text(text, format, [&](const PromSample& s) { out.samples.push_back(s); });
  return out;
}

void series_name_into(std::string& out, std::string_view name,
                      const std::vector<std::pair<std::string, std::string>>& labels) {
  out.clear();
  const bool classic = is_classic_metric_name(name);
  if (classic) out += name;
  if (labels.empty() && classic) return;
  out += '{';
  if (!classic) quoted_into(out, name);
  std::vector<const std::pair<std::string, std::string>*> sorted;
  sorted.reserve(labels.size());
  for (const auto& l : labels) sorted.push_back(&l);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return *a < *b; });
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0 || !classic) out += ',';
    if (is_classic_label_name(sorted[i]->first)) out += sorted[i]->first;
    else quoted_into(out, sorted[i]->first);
    out += '=';
    quoted_into(out, sorted[i]->second);
  }
  out += '}';
}

std::string series_name(const PromSample& sample) {
  std::string out;
  series_name_into(out, sample.name, sample.labels);
  return out;
}

}  // namespace lh::probe
