#pragma once

#include <cstddef>

#include "probe/probe_config.h"
#include "probe/prom_range.h"
#include "probe/series_store.h"

namespace lh::probe {

// What reading a range took.
struct PromHistory {
  GroupId group = 0;
  RangePlan plan;
  std::size_t requests = 0;  // query_range requests sent, halves of too-large answers included
};

// Reads a prom: source's query (and restart query) over [start_s, end_s]
// (Unix seconds) through /api/v1/query_range into `store`, as a live
// session would have recorded it at every step: a "probe" group with a row
// per step (t = seconds since start_s), a series per member, the members'
// restart events (PromMembers, step by step, as live). The step and the
// requests are plan_range()'s with `min_step_s`; an answer over
// config.max_body_bytes is asked again in halves.
//
// Throws InputError when the server refuses the query (HTTP 400, bad_data)
// and RuntimeFailure when it cannot be read (unreachable, other errors),
// with the server's message on one line.
PromHistory read_prom_history(const SourceSpec& spec, double start_s, double end_s, double min_step_s,
                              const ProbeConfig& config, SeriesStore& store);

}  // namespace lh::probe
