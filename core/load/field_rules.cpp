#include "load/field_rules.h"

#include <cmath>
#include <cstdio>

#include "load/limits.h"

namespace lh::load {
namespace {

std::string limit_of(std::string_view what) { return "the limit is " + std::string(what); }

}  // namespace

std::string number_text(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", value);
  return buf;
}

std::optional<std::string> concurrency_rule(std::int64_t concurrency) {
  if (concurrency < 1) return "expected at least 1";
  if (concurrency > kMaxConcurrency) return limit_of(std::to_string(kMaxConcurrency) + " connections");
  return std::nullopt;
}

std::optional<std::string> rate_rule(double rate) {
  if (!(rate > 0) || !std::isfinite(rate)) return "expected a positive number of requests per second";
  if (rate > kMaxRate) return limit_of(number_text(kMaxRate) + " requests per second");
  return std::nullopt;
}

std::optional<std::string> count_rule(std::uint64_t count) {
  if (count == 0) return "expected at least 1 request";
  if (count > kMaxCount) return limit_of(std::to_string(kMaxCount) + " requests");
  return std::nullopt;
}

std::optional<std::string> stage_target_rule(double target, bool open) {
  if (!(target >= 0) || !std::isfinite(target)) return "expected a number >= 0";
  if (!open && target > kMaxConcurrency) {
    return limit_of(std::to_string(kMaxConcurrency) + " connections (without a rate, a stage's target is the concurrency)");
  }
  if (open && target > kMaxRate) return limit_of(number_text(kMaxRate) + " requests per second");
  return std::nullopt;
}

std::optional<std::string> concurrency_count_problem(std::int64_t concurrency, std::uint64_t count) {
  if (concurrency < 0 || static_cast<std::uint64_t>(concurrency) <= count) return std::nullopt;
  return "cannot be more than the number of requests (" + std::to_string(concurrency) + " > " + std::to_string(count) + ")";
}

}  // namespace lh::load
