#pragma once

#include <QColor>
#include <QPalette>

#include "charts/chart_types.h"

namespace lh::ui::charts {

// Colours of the chart layer, picked per palette: every hue exists in a
// deeper shade for light backgrounds and a lighter one for dark, so lines
// keep their contrast (≥ 3:1 against the background) in either theme while
// a series keeps its hue when the user switches.
struct ChartColours {
  bool dark = false;
  QColor background;
  QColor text;
  QColor grid;
  QColor axis_line;

  QColor series(int slot) const;
  // The same hue, part way to the background, and opaque: for context
  // series drawn under the main one. (Transparency would do the same on
  // screen, but a PDF then fills every segment as a separate path.)
  QColor subdued(const QColor& colour) const;
  QColor marker(MarkerKind kind) const;
  QColor reference_line() const;
};

ChartColours chart_colours_for(const QPalette& palette);

// Distinct series colours before they repeat.
int series_colour_count();

// A light palette for print: reports stay readable on paper whatever theme
// the desktop uses.
QPalette print_palette();

// Contrast ratio of two colours as WCAG defines it (1 … 21).
double contrast_ratio(const QColor& a, const QColor& b);

}  // namespace lh::ui::charts
