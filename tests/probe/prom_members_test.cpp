// The members of a prom: source: their names, their restarts (a pod
// replaced, a restart counter that rose) and the metric a query is of.
#include <catch2/catch.hpp>

#include "probe/prom_members.h"
#include "probe/prom_series_names.h"

using namespace lh::probe;

namespace {

PromSeries series(PromLabels labels, double value) { return PromSeries{std::move(labels), {{0, value}}}; }

std::vector<std::string> names_of(const std::vector<PromLabels>& all) {
  std::vector<const PromLabels*> p;
  for (const auto& l : all) p.push_back(&l);
  return series_names(p);
}

// PromMembers::update on whole series, as the source calls it.
PromMembers::Update update(PromMembers& m, const std::vector<PromSeries>& series,
                           const std::vector<PromSeries>* restarts) {
  const auto values = last_values(series);
  std::vector<PromValue> restart_values;
  if (restarts) restart_values = last_values(*restarts);
  return m.update(values, restarts ? &restart_values : nullptr);
}

std::vector<std::string> members(const PromMembers::Update& u) {
  std::vector<std::string> out;
  for (const auto& r : u.readings) out.push_back(r.member);
  return out;
}

}  // namespace

TEST_CASE("series are named by the fewest labels that tell them apart") {
  // cAdvisor: pods differ in pod, id and name; the pod alone is enough.
  CHECK(names_of({{{"__name__", "m"}, {"id", "/kubepods/a"}, {"name", "k8s_a"}, {"namespace", "seg"}, {"pod", "seg-7f9-a"}},
                  {{"__name__", "m"}, {"id", "/kubepods/b"}, {"name", "k8s_b"}, {"namespace", "seg"}, {"pod", "seg-7f9-b"}}}) ==
        std::vector<std::string>{"pod=seg-7f9-a", "pod=seg-7f9-b"});
  // Two containers of one pod: pod, then container.
  CHECK(names_of({{{"container", "app"}, {"pod", "p"}}, {{"container", "sidecar"}, {"pod", "p"}}}) ==
        std::vector<std::string>{"container=app", "container=sidecar"});
  CHECK(names_of({{{"container", "app"}, {"pod", "p1"}}, {{"container", "app"}, {"pod", "p2"}},
                  {{"container", "log"}, {"pod", "p1"}}}) ==
        std::vector<std::string>{"pod=p1,container=app", "pod=p2,container=app", "pod=p1,container=log"});
  // Targets scraped by Prometheus: job before instance.
  CHECK(names_of({{{"instance", "127.0.0.1:1"}, {"job", "leaky"}}, {{"instance", "127.0.0.1:2"}, {"job", "steady"}}}) ==
        std::vector<std::string>{"job=leaky", "job=steady"});
  // Other labels by name, when the usual ones do not differ.
  CHECK(names_of({{{"zone", "b"}, {"area", "x"}}, {{"zone", "a"}, {"area", "y"}}}) ==
        std::vector<std::string>{"area=x", "area=y"});
  // Alone: its pod, container, job or instance; else all its labels.
  CHECK(names_of({{{"__name__", "m"}, {"instance", "h:1"}, {"job", "node"}}}) == std::vector<std::string>{"job=node"});
  CHECK(names_of({{{"__name__", "m"}, {"b", "2"}, {"a", "1"}}}) == std::vector<std::string>{"b=2,a=1"});
  CHECK(names_of({{}}) == std::vector<std::string>{""});
  // Values are printable and short.
  const auto odd = names_of({{{"pod", "a\nb"}}, {{"pod", std::string(500, 'x')}}});
  CHECK(odd[0] == "pod=a?b");
  CHECK(odd[1].size() < 100);
}

TEST_CASE("a pod's workload is its name without its ReplicaSet hash and suffix") {
  CHECK(pod_workload("seg-7f9c8d6b5-x2k4q") == "seg");
  CHECK(pod_workload("seg-api-x2k4q") == "seg-api");  // a DaemonSet's pod
  CHECK(pod_workload("seg-0") == "seg-0");            // a StatefulSet's keeps its name
  CHECK(pod_workload("seg-aeiou") == "seg-aeiou");    // not Kubernetes' alphabet
  CHECK(pod_workload("x2k4q") == "x2k4q");
}

TEST_CASE("a replaced pod continues its member, with a restart naming the change") {
  PromMembers m("container_memory_working_set_bytes");
  auto u = update(m, {series({{"container", "seg"}, {"pod", "seg-7f9c8d6b5-fffff"}}, 100),
                     series({{"container", "seg"}, {"pod", "seg-7f9c8d6b5-bbbbb"}}, 200)},
                    nullptr);
  CHECK(members(u) == std::vector<std::string>{"pod=seg-7f9c8d6b5-fffff", "pod=seg-7f9c8d6b5-bbbbb"});
  CHECK(u.readings[0].metric == "container_memory_working_set_bytes");
  CHECK(u.events.empty());

  // Pod b is replaced by pod c (a rollout changes the hash too).
  u = update(m, {series({{"container", "seg"}, {"pod", "seg-7f9c8d6b5-fffff"}}, 101),
                series({{"container", "seg"}, {"pod", "seg-5d8f7b9c6-ccccc"}}, 50)},
               nullptr);
  CHECK(members(u) == std::vector<std::string>{"pod=seg-7f9c8d6b5-fffff", "pod=seg-7f9c8d6b5-bbbbb"});
  REQUIRE(u.events.size() == 1);
  CHECK(u.events[0].member == "pod=seg-7f9c8d6b5-bbbbb");
  CHECK(u.events[0].kind == lh::EventKind::restart);
  CHECK(u.events[0].detail == "pod seg-7f9c8d6b5-bbbbb -> seg-5d8f7b9c6-ccccc");
  CHECK(m.size() == 2);

  // A scale-up while both are there is a new member, not a restart.
  u = update(m, {series({{"container", "seg"}, {"pod", "seg-7f9c8d6b5-fffff"}}, 102),
                series({{"container", "seg"}, {"pod", "seg-5d8f7b9c6-ccccc"}}, 51),
                series({{"container", "seg"}, {"pod", "seg-5d8f7b9c6-ddddd"}}, 10)},
               nullptr);
  CHECK(u.events.empty());
  CHECK(members(u).back() == "pod=seg-5d8f7b9c6-ddddd");
  CHECK(m.size() == 3);
}

TEST_CASE("another workload, or a series that vanished for a while, is not a successor") {
  PromMembers m("m");
  update(m, {series({{"job", "a"}, {"instance", "h:1"}}, 1), series({{"job", "b"}, {"instance", "h:2"}}, 1)}, nullptr);
  // b is gone; a new job c appears: a member of its own.
  auto u = update(m, {series({{"job", "a"}, {"instance", "h:1"}}, 1), series({{"job", "c"}, {"instance", "h:3"}}, 1)},
                    nullptr);
  CHECK(u.events.empty());
  CHECK(members(u) == std::vector<std::string>{"job=a", "job=c"});
  // b comes back under its own labels: the same member, no restart.
  u = update(m, {series({{"job", "b"}, {"instance", "h:2"}}, 1)}, nullptr);
  CHECK(u.events.empty());
  CHECK(members(u) == std::vector<std::string>{"job=b"});
}

TEST_CASE("a rise of the restart query is a restart of the members it matches") {
  PromMembers m("m");
  const PromLabels a{{"instance", "h:1"}, {"job", "a"}}, b{{"instance", "h:2"}, {"job", "b"}};
  auto restarts = [](double ta, double tb) {
    return std::vector<PromSeries>{series({{"__name__", "process_start_time_seconds"}, {"instance", "h:1"}, {"job", "a"}}, ta),
                                   series({{"__name__", "process_start_time_seconds"}, {"instance", "h:2"}, {"job", "b"}}, tb)};
  };
  auto r = restarts(1000, 1000);
  CHECK(update(m, {series(a, 1), series(b, 1)}, &r).events.empty());
  r = restarts(1000, 1000);
  CHECK(update(m, {series(a, 1), series(b, 1)}, &r).events.empty());
  // b restarted; it was gone from the memory query that tick.
  r = restarts(1000, 1042.5);
  auto u = update(m, {series(a, 1)}, &r);
  REQUIRE(u.events.size() == 1);
  CHECK(u.events[0].member == "job=b");
  CHECK(u.events[0].detail == "process_start_time_seconds rose from 1000 to 1042.5");
  // A counter that goes down (a new pod's) is not a restart by itself.
  r = restarts(1000, 3);
  CHECK(update(m, {series(a, 1), series(b, 1)}, &r).events.empty());
}

TEST_CASE("the metric of a query without __name__ is its first metric name") {
  CHECK(query_metric("container_memory_working_set_bytes{namespace=\"seg\",container!=\"\"}") ==
        "container_memory_working_set_bytes");
  CHECK(query_metric("sum by (pod) (container_memory_working_set_bytes{namespace=\"a b\"})") ==
        "container_memory_working_set_bytes");
  CHECK(query_metric("max without(instance)(rate(x_total[5m] offset 1h))") == "x_total");
  CHECK(query_metric("{__name__=~\"a|b\"}") == "value");
  CHECK(query_metric("1 + 2") == "value");
  CHECK(query_metric("") == "value");
}
