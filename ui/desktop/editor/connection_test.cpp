#include "editor/connection_test.h"

#include <QtConcurrent/QtConcurrentRun>

#include "common/input_error.h"
#include "scenario/references.h"
#include "scenario/source_forms.h"

namespace lh::ui {

namespace {

std::string expanded(const std::string& text, const char* what) {
  if (const auto problem = scenario::reference_problem(text)) throw InputError(std::string(what) + ": " + *problem);
  auto e = scenario::expand_references(text, scenario::process_environment());
  if (!e.missing.empty()) throw InputError(std::string(what) + ": the environment variable " + e.missing.front() + " is not set");
  return e.text;
}

}  // namespace

probe::SourceSpec resolved_source(const scenario::Scenario& s, std::size_t index) {
  if (index >= s.probes.sources.size()) throw InputError("no probe source to test");
  const scenario::ProbeSource& source = s.probes.sources[index];
  const std::string text = expanded(source.source, "the source");
  if (scenario::is_relative_source(text) && s.target.empty()) {
    throw InputError("the source \"" + text + "\" is a path on the target: give the target first");
  }
  probe::SourceSpec spec = probe::parse_source_spec(scenario::absolute_source(text, expanded(s.target, "the target")));
  for (const scenario::Header& h : source.headers) {
    spec.headers.push_back(probe::parse_header(h.name + ": " + expanded(h.value, "a header")));
  }
  if (!source.label.empty()) spec.label = source.label;
  return spec;
}

ConnectionTest::ConnectionTest(QObject* parent) : QObject(parent) {}

bool ConnectionTest::isRunning() const { return watcher_ && watcher_->isRunning(); }

int ConnectionTest::start(probe::SourceSpec spec) {
  const int job = ++job_;
  auto* watcher = new QFutureWatcher<probe::FetchOnceResult>(this);
  connect(watcher, &QFutureWatcher<probe::FetchOnceResult>::finished, this, [this, watcher, job] {
    watcher->deleteLater();
    if (job == job_) emit finished(job, watcher->result());
  });
  watcher->setFuture(QtConcurrent::run([spec = std::move(spec)] { return probe::fetch_once(spec); }));
  watcher_ = watcher;
  return job;
}

}  // namespace lh::ui
