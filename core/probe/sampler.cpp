#include "probe/sampler.h"

#include <cmath>
#include <exception>

namespace lh::probe {
namespace {

std::string series_name(const ProbeConfig& config, const SourceSpec& source, const std::string& metric) {
  return config.sources.size() > 1 ? source.label + "/" + metric : metric;
}

// A member's name as a source of its own: "pod=seg-7f9" or "label/pod=seg-7f9".
std::string member_source(const ProbeConfig& config, const SourceSpec& source, const std::string& member) {
  return series_name(config, source, member);
}

// The watched series as this source names it: "label/metric" or "metric".
std::string watch_in(const ProbeConfig& config, const SourceSpec& source) {
  const std::string prefix = source.label + "/";
  return config.watch.starts_with(prefix) ? config.watch.substr(prefix.size()) : config.watch;
}

}  // namespace

Sampler::Sampler(ProbeConfig config, const SessionClock& clock, SeriesStore& store)
    : config_(std::move(config)), clock_(clock), store_(store) {
  validate(config_);
  assign_labels(config_.sources);
  group_ = store_.add_group("probe");

  std::vector<HttpRequest> requests;
  for (const auto& spec : config_.sources) {
    SourceState state{make_source(spec, config_.source_limits, watch_in(config_, spec)), SourceTracker(spec.label), 0, 0,
                      {}, {}, false};
    auto own = state.source->requests();
    state.first_request = requests.size();
    state.requests = own.size();
    for (auto& request : own) requests.push_back(std::move(request));
    sources_.push_back(std::move(state));
  }
  if (!requests.empty()) {
    const auto timeout = std::chrono::duration_cast<std::chrono::milliseconds>(config_.effective_timeout());
    fetcher_ = std::make_unique<HttpFetcher>(std::move(requests),
                                             FetchOptions{std::max(timeout, std::chrono::milliseconds(1)), config_.max_body_bytes});
  }
}

Sampler::~Sampler() { stop(); }

void Sampler::start(std::uint64_t max_ticks) {
  std::lock_guard lock(mutex_);
  if (thread_.joinable() || stopping_) return;
  max_ticks_ = max_ticks;
  thread_ = std::thread([this] { run(); });
}

void Sampler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (fetcher_) fetcher_->cancel();
  if (thread_.joinable()) thread_.join();
  // Close the kept-alive connections now: a stopped sampler holds nothing
  // open on the services it watched.
  fetcher_.reset();
}

void Sampler::run() {
  const auto interval = std::chrono::duration_cast<MonoClock::duration>(config_.interval);
  for (;;) {
    tick();
    if (max_ticks_ > 0 && ticks() >= max_ticks_) {
      finished_.store(true, std::memory_order_release);
      return;
    }
    // The next whole multiple of the interval on the session clock that is
    // still ahead: late ticks skip what they missed.
    const auto since_start = MonoClock::now() - clock_.start_mono();
    const auto next = clock_.start_mono() + (since_start / interval + 1) * interval;
    std::unique_lock lock(mutex_);
    if (wake_.wait_until(lock, next, [this] { return stopping_; })) return;
  }
}

void Sampler::tick() {
  const double t_s = clock_.now();
  // fetcher_ is only reset by stop(), after this thread has been joined.
  const std::vector<HttpResponse>* responses = fetcher_ ? &fetcher_->fetch_all() : nullptr;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;  // the answers were cut short: no row for them
  }
  std::fill(row_.begin(), row_.end(), std::nan(""));
  for (auto& state : sources_) {
    std::span<const HttpResponse> answers;
    if (state.requests > 0) answers = std::span(*responses).subspan(state.first_request, state.requests);
    SourceSample sample;
    try {
      sample = state.source->sample(answers, clock_.now());
    } catch (const std::exception& e) {
      // A reader bug or an allocation failure must cost one sample, not the run.
      sample = SourceSample::failed(EventKind::bad_response, std::string("could not read the answer: ") + e.what());
    }
    if (auto note = leave_out_beyond_reach(sample.metrics)) sample.notes.push_back(std::move(*note));
    for (auto& event : state.tracker.update(t_s, sample)) store_.add_event(std::move(event));
    const SourceSpec& spec = state.source->spec();
    for (auto& e : sample.member_events) {
      store_.add_event(Event{t_s, member_source(config_, spec, e.member), e.kind, std::move(e.detail)});
    }
    record(state, sample, t_s);
  }
  if (new_series_) update_watched();
  new_series_ = false;
  store_.append_row(group_, t_s, row_);
  ticks_.fetch_add(1, std::memory_order_relaxed);
}

std::optional<std::size_t> Sampler::column_for(SourceState& state, const Metric& metric, double t_s) {
  std::string member_key;
  if (metric.member.empty()) {
    if (auto it = state.columns.find(std::string_view(metric.name)); it != state.columns.end()) return it->second;
  } else {
    member_key = metric.member + '\n' + metric.name;
    if (auto it = state.member_columns.find(member_key); it != state.member_columns.end()) return it->second;
  }
  const SourceSpec& spec = state.source->spec();
  const SeriesMeaning meaning = metric.meaning.value_or(meaning_of(meaning_name(metric.name)));
  const auto id =
      metric.member.empty()
          ? store_.add_series(group_, {series_name(config_, spec, metric.name), spec.label, metric.name, meaning})
          : store_.add_series(group_, {member_source(config_, spec, metric.member),
                                       member_source(config_, spec, metric.member), metric.name, meaning});
  if (!id) {
    if (!state.told_store_full) {
      store_.add_event(Event{t_s, spec.label, EventKind::partial,
                             "limit max_series (" + std::to_string(store_.limits().max_series) +
                                 ") reached: the store holds no more series; new ones are left out"});
      state.told_store_full = true;
    }
    return std::nullopt;
  }
  const SeriesInfo& info = store_.series(*id);
  const std::size_t column = info.column;
  if (metric.member.empty()) state.columns.emplace(info.metric, column);
  else state.member_columns.emplace(std::move(member_key), column);
  if (row_.size() <= column) row_.resize(column + 1, std::nan(""));
  new_series_ = true;
  return column;
}

void Sampler::record(SourceState& state, const SourceSample& sample, double t_s) {
  if (sample.fault) return;  // every column of this source stays a gap
  for (const auto& metric : sample.metrics) {
    const auto column = column_for(state, metric, t_s);
    // ±Inf is a real Prometheus value but no chart or fit can use it: a gap.
    if (column) row_[*column] = std::isfinite(metric.value) ? metric.value : std::nan("");
  }
}

void Sampler::update_watched() {
  const auto ids = store_.series_in(group_);
  if (!config_.watch.empty()) {
    for (SeriesId id : ids) {
      const SeriesInfo& s = store_.series(id);
      if (s.name == config_.watch || s.metric == config_.watch) {
        store_.set_watched_memory(id);
        return;
      }
    }
    return;
  }
  std::vector<std::string> names;
  for (SeriesId id : ids) names.push_back(meaning_name(store_.series(id).metric));
  if (const auto picked = pick_watched_memory(names)) store_.set_watched_memory(ids[*picked]);
}

}  // namespace lh::probe
