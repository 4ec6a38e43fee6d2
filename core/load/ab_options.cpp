#include "load/ab_options.h"

#include <charconv>
#include <filesystem>
#include <optional>
#include <utility>

#include "common/input_error.h"
#include "common/quote_value.h"
#include "load/limits.h"

namespace lh::load {
namespace {

double parse_number(const std::string& option, const std::string& text, const char* expected) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    throw InputError(option + ": expected " + expected + ", got " + quote_value(text));
  }
  return value;
}

// A whole number from 1 to `limit`, named `unit` ("connections"): a value
// past the limit (even past any integer type) is the limit's message.
std::uint64_t whole_option(const std::string& option, const std::string& text, std::uint64_t limit,
                           const std::string& unit) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  const bool digits = !text.empty() && end == text.data() + text.size();
  if (digits && (ec == std::errc::result_out_of_range || (ec == std::errc{} && value > limit))) {
    throw InputError(option + ": " + over_limit(std::to_string(limit) + " " + unit, text));
  }
  if (!digits || ec != std::errc{} || value < 1) {
    throw InputError(option + ": expected at least 1 " + unit.substr(0, unit.size() - 1) + " (a whole number), got " +
                     quote_value(text));
  }
  return value;
}

// The plan's field, as check() names it, and the option that set it.
constexpr std::pair<std::string_view, std::string_view> kOptionOf[] = {
    {"requests[0].url", "URL"},     {"http2", "--http2"},   {"count", "-n"},
    {"concurrency", "-c"},          {"duration", "-t"},     {"timeout", "-s"},
    {"rate", "--rate"},             {"stages", "--stage"},  {"threads", "--threads"},
    {"requests[0].method", "-m"},   {"requests[0].headers", "-H"}, {"requests[0].content_type", "-T"},
};

// A problem of the plan, named by the option the person typed:
// "stages[1].target" → "--stage \"5s:30000\"", "concurrency" → "-c".
std::string option_problem(const Problem& problem, const AbOptions& o) {
  const std::string& path = problem.path;
  if (path.starts_with("stages[")) {
    const std::size_t index = std::stoul(path.substr(7));
    return "--stage " + quote_value(o.stages.at(index)) + ": " + problem.message;
  }
  for (const auto& [field, option] : kOptionOf) {
    if (path == field) return std::string(option) + ": " + problem.message;
  }
  return problem.text();
}

Seconds duration_option(const std::string& option, const std::string& text) {
  try {
    return parse_duration(text);
  } catch (const InputError& e) {
    throw InputError(option + ": " + e.what());
  }
}

void require_file(const std::string& option, const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(option + ": no such file: " + quote_value(path));
}

RequestTemplate request_from(const AbOptions& o) {
  RequestTemplate r;
  r.url = o.url;
  r.headers = o.headers;
  for (const auto& c : o.cookies) r.headers.push_back("Cookie: " + c);
  if (!o.post_file.empty() && !o.put_file.empty()) throw InputError("-p and -u: give one body file, not both");
  if (!o.post_file.empty()) {
    require_file("-p", o.post_file);
    r.body_file = o.post_file;
    r.method = "POST";
  } else if (!o.put_file.empty()) {
    require_file("-u", o.put_file);
    r.body_file = o.put_file;
    r.method = "PUT";
  }
  if (!o.upload.empty()) {
    if (!r.body_file.empty()) throw InputError("--upload: the upload is the body; drop -p/-u");
    std::error_code ec;
    if (!std::filesystem::exists(o.upload, ec)) throw InputError("--upload: no such file or folder: " + quote_value(o.upload));
    r.upload = o.upload;
    r.upload_field = o.upload_field;
    r.method = "POST";
  }
  if (!r.body_file.empty()) r.content_type = o.content_type.empty() ? "text/plain" : o.content_type;
  if (!r.upload.empty()) r.content_type = o.content_type;
  if (o.head) r.method = "HEAD";
  if (!o.method.empty()) r.method = o.method;
  return r;
}

}  // namespace

Stage parse_stage(const std::string& text) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos) {
    throw InputError("--stage: expected DURATION:TARGET such as 30s:100, got " + quote_value(text));
  }
  Stage stage;
  stage.duration = duration_option("--stage", text.substr(0, colon));
  stage.target = parse_number("--stage", text.substr(colon + 1), "DURATION:TARGET such as 30s:100");
  if (!(stage.duration.count() > 0)) throw InputError("--stage: expected a positive duration, got " + quote_value(text));
  if (!(stage.target >= 0)) throw InputError("--stage: expected a target >= 0, got " + quote_value(text));
  return stage;
}

LoadPlan plan_from_ab(const AbOptions& o) {
  LoadPlan plan;
  plan.requests.push_back(request_from(o));
  if (!o.requests.empty()) plan.count = whole_option("-n", o.requests, kMaxCount, "requests");
  std::optional<std::int64_t> concurrency;
  if (!o.concurrency.empty()) {
    concurrency = static_cast<std::int64_t>(whole_option("-c", o.concurrency, kMaxConcurrency, "connections"));
  }
  if (!o.timelimit.empty()) plan.duration = duration_option("-t", o.timelimit);
  if (!o.timeout.empty()) plan.timeout = duration_option("-s", o.timeout);
  for (const auto& s : o.stages) plan.stages.push_back(parse_stage(s));
  if (!o.rate.empty()) {
    const double rate = parse_number("--rate", o.rate, "requests per second such as 500");
    if (!(rate > 0)) throw InputError("--rate: expected a positive number of requests per second, got " + quote_value(o.rate));
    plan.rate = rate;
  }
  // ab sends one request when told nothing else. Unlike ab, -t does not cap
  // the run at 50,000 requests: a duration means a duration.
  if (!plan.count && !plan.duration && plan.stages.empty()) plan.count = 1;
  // In the open model -c only bounds the connections; allow plenty.
  plan.concurrency = concurrency.value_or(plan.rate ? 100 : 1);
  plan.keep_alive = !o.keep_alive_off;
  plan.http2 = o.http2;
  plan.insecure = o.insecure;
  // Each file of an upload folder has an answer of its own length.
  plan.check_length = !o.variable_length && o.upload.empty();
  plan.threads = o.threads;
  if (const auto problems = check(plan); !problems.empty()) throw InputError(option_problem(problems.front(), o));
  return plan;
}

}  // namespace lh::load
