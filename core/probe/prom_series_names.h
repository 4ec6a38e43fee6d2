#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "probe/prom_answer.h"

namespace lh::probe {

// Labels that name one run of a service rather than the service: a new
// value is a restart or a replacement (a pod of a Deployment replaced, a
// container restarted in place, a target moved), not another service.
bool is_identity_label(std::string_view name);

// The short names the series of one answer go by: the fewest labels that
// tell them apart, "pod", "container", "job" and "instance" first, then the
// others by name, run identities (cAdvisor's "id" and "name") last:
//   {pod="seg-7f9-a", id="/kubepods/…"}, {pod="seg-7f9-b", id="/kubepods/…"} → "pod=seg-7f9-a", "pod=seg-7f9-b"
//   {job="leaky", instance="127.0.0.1:1"}, {job="steady", instance="127.0.0.1:2"} → "job=leaky", "job=steady"
// A series alone is named by its first of pod, container, job, instance, or
// all its labels. Values are made printable and cut: a name is one short line.
std::vector<std::string> series_names(std::span<const PromLabels* const> series);

// All of a series' labels but __name__, as a name: "container=seg,pod=seg-7f9-a".
std::string all_labels_name(const PromLabels& labels);

// What a series is across restarts: its labels without the identity labels,
// and for a Kubernetes pod the name of its workload ("seg-7f9c8d6b5-x2k4q"
// → "seg"; "seg-0" of a StatefulSet stays as it is).
PromLabels workload_key(const PromLabels& labels);

// "seg-7f9c8d6b5-x2k4q" → "seg": a ReplicaSet's pod-template hash and the
// pod's own suffix taken off; a DaemonSet's suffix alone; other names as
// they are.
std::string pod_workload(std::string_view pod);

}  // namespace lh::probe
