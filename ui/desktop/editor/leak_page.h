#pragma once

#include "editor/editor_page.h"

namespace lh::ui {

// The leak analysis' settings, the memory limit, and the report's.
class LeakPage : public EditorPage {
  Q_OBJECT

 public:
  LeakPage(ScenarioDocument* document, FieldBinding* binding, FieldProblems* problems, QWidget* parent = nullptr);

  bool owns(const std::string& path) const override {
    return path.starts_with("leak") || path.starts_with("report") || path.starts_with("probes.memory_limit");
  }
};

}  // namespace lh::ui
