#pragma once

#include <QString>
#include <string>

namespace lh::ui {

class ScenarioDocument;

// Puts the compiled-in demo scenario (scenario/demo_scenario.h) into the
// editor, aimed at the demo target at `target_url`: what `leakhound --demo`
// runs. Not a file, and not changed by the user yet: closing after the demo
// asks nothing about it.
void open_demo_scenario(ScenarioDocument& document, const std::string& target_url, const QString& base_folder);

}  // namespace lh::ui
