#include <catch2/catch.hpp>

#include "charts/chart_colours.h"

using namespace lh::ui::charts;

namespace {

QPalette dark_palette() {
  QPalette p;
  p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
  p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
  return p;
}

}  // namespace

TEST_CASE("chart colours keep their contrast in light and dark palettes") {
  for (const QPalette& palette : {print_palette(), dark_palette()}) {
    const ChartColours c = chart_colours_for(palette);
    INFO((c.dark ? "dark" : "light") << " palette");
    for (int slot = 0; slot < series_colour_count(); ++slot) {
      INFO("series slot " << slot);
      CHECK(contrast_ratio(c.series(slot), c.background) >= 3.0);
    }
    for (MarkerKind kind : {MarkerKind::restart, MarkerKind::stage, MarkerKind::fault, MarkerKind::note}) {
      CHECK(contrast_ratio(c.marker(kind), c.background) >= 3.0);
    }
    CHECK(contrast_ratio(c.reference_line(), c.background) >= 3.0);
    CHECK(contrast_ratio(c.text, c.background) >= 7.0);
    // The grid stays in the background.
    CHECK(contrast_ratio(c.grid, c.background) < 2.0);
  }
  CHECK_FALSE(chart_colours_for(print_palette()).dark);
  CHECK(chart_colours_for(dark_palette()).dark);
}

TEST_CASE("a series keeps its hue across palettes and slots wrap around") {
  const ChartColours light = chart_colours_for(print_palette());
  const ChartColours dark = chart_colours_for(dark_palette());
  for (int slot = 0; slot < series_colour_count() - 1; ++slot) {  // the last slot is grey: no hue
    const int a = light.series(slot).hsvHue(), b = dark.series(slot).hsvHue();
    INFO("slot " << slot << ": hue " << a << " vs " << b);
    CHECK(std::min(std::abs(a - b), 360 - std::abs(a - b)) <= 25);
  }
  CHECK(light.series(series_colour_count()) == light.series(0));
  CHECK(light.series(-1) == light.series(series_colour_count() - 1));
  CHECK(light.series(0) != light.series(1));
}
