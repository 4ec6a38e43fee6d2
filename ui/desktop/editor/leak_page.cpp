#include "editor/leak_page.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QVBoxLayout>

#include "editor/field_binding.h"

namespace lh::ui {

using namespace Qt::StringLiterals;
using scenario::Scenario;

LeakPage::LeakPage(ScenarioDocument* document, FieldBinding* binding, FieldProblems* problems, QWidget* parent)
    : EditorPage(document, binding, problems, parent) {
  auto* limit_form = new QFormLayout;
  auto* limit = lineEdit(tr("none"));
  addField(limit_form, tr("&Memory limit:"), limit, u"probes.memory_limit"_s,
           tr("The service's limit (a container's, or where a supervisor restarts it): 8GiB, 512MiB. Charts draw "
              "it as a line and the verdict says when memory would reach it"));
  binding_->text(limit, [](const Scenario& s) { return s.probes.memory_limit; },
                 [](Scenario& s, std::string v) { s.probes.memory_limit = v; });

  auto* leak_box = new QGroupBox(tr("Leak analysis"));
  auto* form = new QFormLayout(leak_box);
  const auto text_field = [&](const QString& label, const QString& path, const QString& placeholder,
                              const QString& tip, std::string scenario::Leak::*member) {
    auto* edit = lineEdit(placeholder);
    addField(form, label, edit, path, tip);
    binding_->text(edit, [member](const Scenario& s) { return s.leak.*member; },
                   [member](Scenario& s, std::string v) { s.leak.*member = v; });
  };
  text_field(tr("&Warm-up:"), u"leak.warmup"_s, tr("detected"),
             tr("Time from the start left out of the analysis, for a known warm-up (LeakHound also detects it)"),
             &scenario::Leak::warmup);
  text_field(tr("Least &growth per hour:"), u"leak.min_growth_per_hour"_s, u"1MiB"_s,
             tr("Slower growth (and slower than the percentage below) is not called a leak"),
             &scenario::Leak::min_growth_per_hour);
  auto* percent = lineEdit(u"2"_s);
  addField(form, tr("Least growth, % of &level per hour:"), percent, u"leak.min_growth_percent_per_hour"_s,
           tr("2 % an hour doubles memory in about two days"));
  binding_->number(percent, u"leak.min_growth_percent_per_hour"_s,
                   [](const Scenario& s) { return s.leak.min_growth_percent_per_hour; },
                   [](Scenario& s, std::optional<double> v) { s.leak.min_growth_percent_per_hour = v; });
  auto* alpha = lineEdit(u"0.01"_s);
  addField(form, tr("Trend test &significance:"), alpha, u"leak.alpha"_s,
           tr("The Mann–Kendall test's alpha, between 0 and 0.5"));
  binding_->number(alpha, u"leak.alpha"_s, [](const Scenario& s) { return s.leak.alpha; },
                   [](Scenario& s, std::optional<double> v) { s.leak.alpha = v; });
  text_field(tr("Least window analysed:"), u"leak.min_window"_s, u"90s"_s,
             tr("Steady growth is called on at least this much after warm-up"), &scenario::Leak::min_window);
  text_field(tr("Least window, &fast growth:"), u"leak.min_window_fast"_s, u"20s"_s,
             tr("Growth large against the level is called on no less than this; as long as the least window "
                "above: nothing is called early (a cache that takes minutes to fill)"),
             &scenario::Leak::min_window_fast);
  text_field(tr("Longest ga&p:"), u"leak.max_gap"_s, u"30s"_s,
             tr("A longer gap between samples splits the series (the service may have restarted unseen)"),
             &scenario::Leak::max_gap);

  auto* report_box = new QGroupBox(tr("Report"));
  auto* report_form = new QFormLayout(report_box);
  auto* title = lineEdit(tr("the scenario's name"));
  addField(report_form, tr("T&itle:"), title, u"report.title"_s, tr("The PDF report's title"));
  binding_->text(title, [](const Scenario& s) { return s.report.title; },
                 [](Scenario& s, std::string v) { s.report.title = v; });
  auto* series = lineEdit(u"language_processor.cache_size"_s);
  addField(report_form, tr("More se&ries:"), series, u"report.series"_s,
           tr("Series charted beside the watched memory, by name or metric, separated by commas"), true);
  binding_->list(series, [](const Scenario& s) { return s.report.series; },
                 [](Scenario& s, std::vector<std::string> v) { s.report.series = v; });

  auto* layout = new QVBoxLayout(this);
  layout->addLayout(limit_form);
  layout->addWidget(leak_box);
  layout->addWidget(report_box);
  layout->addStretch(1);
}

}  // namespace lh::ui
