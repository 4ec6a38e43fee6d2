#include "scenario/plan_summary.h"

#include <cstdio>

#include "common/size.h"

namespace lh::scenario {
namespace {

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string watch_text(const session::SessionPlan& plan) {
  return plan.watch_duration ? "no load, watching for " + format_duration(*plan.watch_duration)
                             : "no load, watching until stopped";
}

std::string load_text(const load::LoadPlan& l) {
  std::string text = count_of(l.requests.size(), "request", "requests") + ", ";
  text += l.rate ? number(*l.rate) + " requests/s over up to " + count_of(static_cast<std::size_t>(l.concurrency), "connection", "connections")
                 : count_of(static_cast<std::size_t>(l.concurrency), "connection", "connections");
  if (!l.stages.empty()) text += " in " + count_of(l.stages.size(), "stage", "stages");
  if (l.duration) text += " for " + format_duration(*l.duration);
  if (l.count) text += (l.duration ? " or " : " for ") + count_of(*l.count, "request", "requests");
  if (!l.duration && !l.count) text += " until the stages end";
  return text;
}

}  // namespace

std::string summarize(const session::SessionPlan& plan) {
  const auto& p = plan.probes;
  std::string text = (plan.load ? load_text(*plan.load) : watch_text(plan)) + "; " + count_of(p.sources.size(), "probe", "probes") + " every " +
                     format_duration(p.interval);
  text += p.watch.empty() ? ", watching the memory picked from the names" : ", watching " + p.watch;
  if (!plan.request_counter.empty()) text += ", requests counted by " + plan.request_counter;
  if (p.memory_limit_mib) text += ", limit " + format_bytes(*p.memory_limit_mib * 1024 * 1024);
  if (plan.analysis.warmup_s > 0) text += ", warm-up " + format_duration(Seconds(plan.analysis.warmup_s));
  return text;
}

}  // namespace lh::scenario
