#include "probe/fetch_once.h"

#include <exception>
#include <thread>

#include "common/clock.h"
#include "probe/http_fetcher.h"
#include "probe/metric.h"
#include "probe/source.h"

namespace lh::probe {

FetchOnceResult fetch_once(const SourceSpec& spec, std::chrono::milliseconds timeout,
                           std::chrono::milliseconds settle) {
  FetchOnceResult result;
  const auto began = MonoClock::now();
  try {
    std::unique_ptr<Source> source = make_source(spec);
    SourceSample sample;
    if (auto requests = source->requests(); !requests.empty()) {
      HttpFetcher fetcher(std::move(requests), FetchOptions{timeout});
      sample = source->sample(fetcher.fetch_all(), 0);
    } else {
      sample = source->sample({}, 0);
      // A process' CPU % is a rate: it needs a second reading.
      if (!sample.fault) {
        std::this_thread::sleep_for(settle);
        sample = source->sample({}, std::chrono::duration<double>(settle).count());
      }
    }
    if (sample.fault) {
      result.error = sample.detail.empty() ? std::string(to_string(*sample.fault)) : sample.detail;
    }
    leave_out_beyond_reach(sample.metrics);  // shown as no value, as the sampler will record them
    std::vector<std::string> names;
    for (const Metric& m : sample.metrics) {
      result.series.push_back({m.member.empty() ? m.name : m.member + "/" + m.name, m.value,
                               m.meaning.value_or(meaning_of(meaning_name(m.name)))});
      names.push_back(meaning_name(m.name));
    }
    result.watched = pick_watched_memory(names);
    if (result.ok() && result.series.empty()) result.error = "answered, but with no numbers to sample";
  } catch (const std::exception& e) {
    result.error = e.what();
  }
  result.took_ms = std::chrono::duration<double, std::milli>(MonoClock::now() - began).count();
  return result;
}

}  // namespace lh::probe
