#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include "probe/fetch_once.h"
#include "probe/source_spec.h"
#include "scenario/scenario.h"

namespace lh::ui {

// The probe source at `index` of a scenario as the sampler would see it:
// ${ENV:…} references expanded, a path joined to the target, headers
// added. Throws InputError naming what is wrong.
probe::SourceSpec resolved_source(const scenario::Scenario& scenario, std::size_t index);

// "Test connection": looks at one probe source once, on a thread of the
// pool, and reports what it found. A newer test replaces an older one still
// running (its result is dropped, by job id), and a result never reaches
// an owner that is gone (the watcher dies with it).
class ConnectionTest : public QObject {
  Q_OBJECT

 public:
  explicit ConnectionTest(QObject* parent = nullptr);

  // Returns the job's id.
  int start(probe::SourceSpec spec);
  bool isRunning() const;
  int currentJob() const { return job_; }

 signals:
  void finished(int job, const lh::probe::FetchOnceResult& result);

 private:
  int job_ = 0;
  QPointer<QFutureWatcher<probe::FetchOnceResult>> watcher_;
};

}  // namespace lh::ui
