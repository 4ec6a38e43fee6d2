#include "charts/chart_colours.h"

#include <array>
#include <cmath>

namespace lh::ui::charts {

namespace {

struct Shades {
  QRgb on_light;
  QRgb on_dark;
};

// Blue for memory and orange for CPU come first: the headline pair.
constexpr std::array<Shades, 8> kSeries{{
    {0x1d4ed8, 0x60a5fa},  // blue
    {0xc2410c, 0xfb923c},  // orange
    {0x15803d, 0x4ade80},  // green
    {0x7e22ce, 0xc084fc},  // purple
    {0x0e7490, 0x22d3ee},  // cyan
    {0xa16207, 0xfacc15},  // amber
    {0xbe185d, 0xf472b6},  // pink
    {0x4b5563, 0xd1d5db},  // grey
}};

constexpr Shades kRestart{0xdb2777, 0xf472b6};
constexpr Shades kFault{0xb45309, 0xfbbf24};
constexpr Shades kNote{0x0f766e, 0x5eead4};
constexpr Shades kLimit{0xdc2626, 0xf87171};

QColor pick(Shades shades, bool dark) { return QColor::fromRgb(dark ? shades.on_dark : shades.on_light); }

QColor mix(const QColor& a, const QColor& b, double share_of_b) {
  auto blend = [&](float x, float y) { return static_cast<float>(x + (y - x) * share_of_b); };
  return QColor::fromRgbF(blend(a.redF(), b.redF()), blend(a.greenF(), b.greenF()), blend(a.blueF(), b.blueF()));
}

double relative_luminance(const QColor& c) {
  auto channel = [](double v) { return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

}  // namespace

QColor ChartColours::series(int slot) const {
  const auto count = static_cast<int>(kSeries.size());
  return pick(kSeries[static_cast<std::size_t>(((slot % count) + count) % count)], dark);
}

QColor ChartColours::subdued(const QColor& colour) const { return mix(background, colour, 0.65); }

QColor ChartColours::marker(MarkerKind kind) const {
  switch (kind) {
    case MarkerKind::restart:
      return pick(kRestart, dark);
    case MarkerKind::fault:
      return pick(kFault, dark);
    case MarkerKind::stage:
      return mix(background, text, 0.6);
    case MarkerKind::note:
      break;
  }
  return pick(kNote, dark);
}

QColor ChartColours::reference_line() const { return pick(kLimit, dark); }

ChartColours chart_colours_for(const QPalette& palette) {
  ChartColours c;
  c.background = palette.color(QPalette::Base);
  c.text = palette.color(QPalette::Text);
  c.dark = relative_luminance(c.background) < relative_luminance(c.text);
  c.grid = mix(c.background, c.text, c.dark ? 0.16 : 0.12);
  c.axis_line = mix(c.background, c.text, 0.45);
  return c;
}

int series_colour_count() { return static_cast<int>(kSeries.size()); }

QPalette print_palette() {
  QPalette p;
  for (auto role : {QPalette::Base, QPalette::Window}) p.setColor(role, Qt::white);
  for (auto role : {QPalette::Text, QPalette::WindowText}) p.setColor(role, QColor::fromRgb(0x1f2937));
  return p;
}

double contrast_ratio(const QColor& a, const QColor& b) {
  const double la = relative_luminance(a) + 0.05;
  const double lb = relative_luminance(b) + 0.05;
  return la > lb ? la / lb : lb / la;
}

}  // namespace lh::ui::charts
