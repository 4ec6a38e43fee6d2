#pragma once

#include <cstdint>
#include <optional>
#include <string>

// The rule of each number a person types for a load, one function each,
// so a scenario's reader, bench's options and check(LoadPlan) judge it by
// the same code. Each returns the rule a bad value breaks ("expected at
// least 1", "the limit is 20000 connections") or nothing; the caller adds
// what was given as the person wrote it (", got 1e8") and names the field
// its own way ("load.concurrency", "-c").
namespace lh::load {

std::optional<std::string> concurrency_rule(std::int64_t concurrency);
// Requests per second, of a constant rate.
std::optional<std::string> rate_rule(double rate);
std::optional<std::string> count_rule(std::uint64_t count);
// A stage's target: a concurrency, or with a rate (`open`) a rate.
std::optional<std::string> stage_target_rule(double target, bool open);

// A closed run cannot keep more requests in flight than it sends: the
// whole message, both values in it.
std::optional<std::string> concurrency_count_problem(std::int64_t concurrency, std::uint64_t count);

// A number as check() prints what was given: 200, 0.5, 1e+20.
std::string number_text(double value);

}  // namespace lh::load
