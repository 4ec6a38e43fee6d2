#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <catch2/catch.hpp>

#include "analysis/verdict_words.h"
#include "shell/theme.h"
#include "verdict/verdict_panel.h"
#include "verdict/verdict_words.h"

using namespace Qt::StringLiterals;
using lh::analysis::Verdict;
using lh::analysis::VerdictKind;
using lh::ui::SeriesVerdictView;
using lh::ui::VerdictPanel;

namespace {

Verdict leak() {
  Verdict v;
  v.kind = VerdictKind::leak;
  v.confidence = 0.99;
  v.unit = "MiB";
  v.has_estimate = true;
  v.slope_per_hour = 52.3;
  v.slope_ci_low = 48.0;
  v.slope_ci_high = 56.1;
  v.growth = 210;
  v.window_from_s = 250;
  v.window_to_s = 850;
  v.p_value = 1e-6;
  v.growth_per_1000_requests = 1.2;
  v.time_to_limit_h = 14;
  v.time_to_limit_low_h = 9.5;
  v.time_to_limit_high_h = 30;
  lh::analysis::Change warmup;
  warmup.t_s = warmup.excluded_to_s = 250;
  v.reasons = {lh::analysis::reason::RegimeChange{warmup, true}, lh::analysis::reason::Limit{1024, 14, 9.5, 30}};
  return v;
}

QString label(const VerdictPanel& panel, const QString& name) {
  auto* l = panel.findChild<QLabel*>(name);
  return l ? l->text() : QString();
}

}  // namespace

TEST_CASE("a verdict reads in words: slope, growth per 1,000 requests, time to the limit") {
  const Verdict v = leak();
  CHECK(lh::ui::verdict_title(v.kind) == u"Leak"_s);
  CHECK(lh::ui::verdict_line(v) == u"Leak: grows +52.3 MiB/h"_s);
  CHECK(lh::ui::slope_text(v) == u"+52.3 MiB/h (95 % CI +48.0 MiB to +56.1 MiB/h)"_s);
  CHECK(lh::ui::growth_text(v) == u"+210 MiB from 00:04:10 to 00:14:10"_s);
  CHECK(lh::ui::per_1000_requests_text(v) == u"+1.20 MiB"_s);
  CHECK(lh::analysis::time_to_limit_text(v) == "about 14 h (9.5 h to 30 h)");
  // The interval in the Limit reason's words: open at the top, or left out
  // when its ends read as the point does ("about 52s (52s to 52s)" before).
  Verdict open = v;
  open.time_to_limit_high_h.reset();
  CHECK(lh::analysis::time_to_limit_text(open) == "about 14 h (9.5 h to never)");
  Verdict tight = v;
  tight.time_to_limit_h = 52.2 / 3600;
  tight.time_to_limit_low_h = 51.8 / 3600;
  tight.time_to_limit_high_h = 52.4 / 3600;
  CHECK(lh::analysis::time_to_limit_text(tight) == "about 52s");
  Verdict restarted = v;
  restarted.restarts = 3;
  CHECK(lh::analysis::time_to_limit_text(restarted).ends_with(", without restarts"));
  Verdict past = v;
  past.time_to_limit_h = 0;
  CHECK(lh::analysis::time_to_limit_text(past) == "already past it");
  Verdict none;
  CHECK(lh::ui::slope_text(none).isEmpty());
  CHECK(lh::analysis::time_to_limit_text(none).empty());
}

TEST_CASE("the verdict colours read on light and dark backgrounds") {
  for (const QPalette& p : {lh::ui::light_palette(), lh::ui::dark_palette()}) {
    for (VerdictKind k : {VerdictKind::leak, VerdictKind::no_leak, VerdictKind::inconclusive}) {
      const QColor c = lh::ui::verdict_colour(k, p);
      const QColor bg = p.color(QPalette::Base);
      const auto lum = [](const QColor& x) {
        const auto ch = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * ch(x.redF()) + 0.7152 * ch(x.greenF()) + 0.0722 * ch(x.blueF());
      };
      const double l1 = lum(c), l2 = lum(bg);
      const double ratio = (std::max(l1, l2) + 0.05) / (std::min(l1, l2) + 0.05);
      INFO("kind " << static_cast<int>(k) << " on " << bg.name().toStdString());
      CHECK(ratio >= 4.5);
    }
  }
  CHECK(lh::ui::verdict_colour(VerdictKind::leak, lh::ui::light_palette()) !=
        lh::ui::verdict_colour(VerdictKind::no_leak, lh::ui::light_palette()));
}

TEST_CASE("the verdict panel shows the watched series' verdict and lets others be picked") {
  VerdictPanel panel;
  panel.show();
  CHECK(label(panel, u"verdictBadge"_s) == u"No verdict"_s);
  QSignalSpy changed(&panel, &VerdictPanel::verdictChanged);

  Verdict cache;
  cache.kind = VerdictKind::no_leak;
  cache.unit = "";
  cache.confidence = 0.95;
  cache.reasons = {lh::analysis::reason::Stopped{0, 120, 1}};
  panel.setVerdicts({{u"memory.rss_mb"_s, true, leak()}, {u"language_processor.cache_size"_s, false, cache}}, true);
  CHECK(label(panel, u"verdictBadge"_s) == u"Leak"_s);
  CHECK(label(panel, u"verdictHeadline"_s).contains(u"memory.rss_mb"_s));
  CHECK(label(panel, u"verdictSlope"_s).contains(u"+52.3 MiB/h"_s));
  CHECK(label(panel, u"verdictPer1000"_s) == u"+1.20 MiB"_s);
  CHECK(label(panel, u"verdictTimeToLimit"_s).contains(u"about 14 h"_s));
  CHECK(label(panel, u"verdictReasons"_s).contains(u"warm-up until 00:04:10 excluded"_s));
  CHECK(label(panel, u"verdictStatus"_s).contains(u"Live"_s));
  const QColor badge = panel.findChild<QLabel*>(u"verdictBadge"_s)->palette().color(QPalette::Window);
  CHECK(badge == lh::ui::verdict_colour(VerdictKind::leak, panel.palette()));
  REQUIRE(changed.count() >= 1);
  CHECK(changed.last().at(0).toString() == u"Leak: grows +52.3 MiB/h"_s);

  auto* series = panel.findChild<QComboBox*>(u"verdictSeries"_s);
  REQUIRE(series->count() == 2);
  CHECK(series->isVisible());
  series->setCurrentIndex(1);
  CHECK(label(panel, u"verdictBadge"_s) == u"No leak"_s);
  CHECK(label(panel, u"verdictSlope"_s) == u"—"_s);

  // A live update keeps the series the person picked.
  panel.setVerdicts({{u"memory.rss_mb"_s, true, leak()}, {u"language_processor.cache_size"_s, false, cache}}, true);
  CHECK(series->currentIndex() == 1);

  panel.clear(u"No run yet"_s);
  CHECK(label(panel, u"verdictBadge"_s) == u"No verdict"_s);
  CHECK(label(panel, u"verdictStatus"_s) == u"No run yet"_s);
  CHECK_FALSE(series->isVisible());
}
