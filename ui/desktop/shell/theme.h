#pragma once

#include <QPalette>
#include <QString>

namespace lh::ui {

// The desktop's look: the system's, or LeakHound's own light or dark
// palette (Fusion style, so every widget follows the palette). Charts and
// the verdict colours read the palette, so they switch with it.
enum class Theme { system, light, dark };

QString to_string(Theme theme);
Theme theme_from_string(const QString& text);  // unknown: system

QPalette light_palette();
QPalette dark_palette();

// Applies a theme to the running application. The first call remembers
// the system's style and palette, to go back to them.
void apply_theme(Theme theme);

}  // namespace lh::ui
