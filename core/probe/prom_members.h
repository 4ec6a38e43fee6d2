#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "probe/prom_answer.h"
#include "probe/source.h"

namespace lh::probe {

// One series' value at one time, pointing at its labels (an answer's, or
// a range answer's for the step at hand).
struct PromValue {
  const PromLabels* labels = nullptr;
  double value = 0;
};

// The last point of each series of an instant answer.
std::vector<PromValue> last_values(const std::vector<PromSeries>& series);

// The members of a Prometheus source: one per series its query returns (a
// pod, a container, a target), each kept under one name for the whole
// session however its labels change, and the restarts seen in them:
//  - a series whose run-identity labels changed (is_identity_label: a new
//    pod of the same workload, a new container id) takes over a member of
//    the same workload_key that is no longer in the answer: a restart;
//  - a series of the restart query (a restart counter such as
//    kube_pod_container_status_restarts_total, or process_start_time_seconds)
//    whose value rose is a restart of the members that agree with it on
//    every label they share.
class PromMembers {
 public:
  struct Reading {
    std::string member;
    std::string metric;  // the series' __name__, or `fallback_metric`
    double value = 0;
  };
  struct Update {
    std::vector<Reading> readings;  // the members in the answer, in its order
    std::vector<SourceSample::MemberEvent> events;
  };

  // `fallback_metric` names the values of series without a __name__ (a
  // query's functions drop it): the query's own metric, so its meaning
  // (memory in bytes) is still read from the name.
  explicit PromMembers(std::string fallback_metric) : fallback_metric_(std::move(fallback_metric)) {}

  // One tick: the query's series and, when there is a restart query and it
  // answered, its series.
  Update update(std::span<const PromValue> series, const std::vector<PromValue>* restart_series);

  std::size_t size() const { return members_.size(); }

 private:
  struct Member {
    std::string name;
    PromLabels labels;  // as last seen
    PromLabels key;     // workload_key(labels)
    bool present = false;
  };

  std::size_t add_member(const PromLabels& labels, std::string name);
  std::string unique_name(std::string name, const PromLabels& labels) const;
  void check_restart_series(std::span<const PromValue> restart_series, std::vector<bool>& restarted, Update& out);

  std::string fallback_metric_;
  std::vector<Member> members_;
  std::map<PromLabels, std::size_t> by_labels_;
  std::map<PromLabels, double> restart_values_;  // the restart query's last value per series, __name__ left out
};

// The metric a query is of, for series whose __name__ it dropped: the
// first name in it that is neither a function, a keyword nor a label
// ("sum by (pod) (container_memory_working_set_bytes{…})" → that name);
// "value" when there is none.
std::string query_metric(std::string_view query);

}  // namespace lh::probe
