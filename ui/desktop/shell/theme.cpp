#include "shell/theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace lh::ui {

using namespace Qt::StringLiterals;

namespace {

struct SystemLook {
  QString style;
  QPalette palette;
};

const SystemLook& system_look() {
  static const SystemLook look{QApplication::style()->name(), QApplication::palette()};
  return look;
}

}  // namespace

QString to_string(Theme theme) {
  switch (theme) {
    case Theme::light: return u"light"_s;
    case Theme::dark: return u"dark"_s;
    case Theme::system: break;
  }
  return u"system"_s;
}

Theme theme_from_string(const QString& text) {
  if (text == u"light"_s) return Theme::light;
  if (text == u"dark"_s) return Theme::dark;
  return Theme::system;
}

QPalette light_palette() {
  QPalette p(QColor(0xf3, 0xf3, 0xf3));
  p.setColor(QPalette::Base, Qt::white);
  p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
  p.setColor(QPalette::Text, QColor(0x1f, 0x23, 0x28));
  p.setColor(QPalette::WindowText, QColor(0x1f, 0x23, 0x28));
  p.setColor(QPalette::ButtonText, QColor(0x1f, 0x23, 0x28));
  p.setColor(QPalette::Highlight, QColor(0x09, 0x69, 0xda));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x09, 0x69, 0xda));
  p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe1));
  p.setColor(QPalette::ToolTipText, Qt::black);
  p.setColor(QPalette::PlaceholderText, QColor(0x6e, 0x77, 0x81));
  for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText}) {
    p.setColor(QPalette::Disabled, role, QColor(0x8c, 0x95, 0x9f));
  }
  return p;
}

QPalette dark_palette() {
  const QColor window(0x22, 0x27, 0x2e);
  const QColor base(0x16, 0x1b, 0x22);
  const QColor text(0xe6, 0xed, 0xf3);
  QPalette p(window);
  p.setColor(QPalette::Window, window);
  p.setColor(QPalette::Base, base);
  p.setColor(QPalette::AlternateBase, QColor(0x1c, 0x21, 0x28));
  p.setColor(QPalette::Button, QColor(0x2d, 0x33, 0x3b));
  p.setColor(QPalette::Text, text);
  p.setColor(QPalette::WindowText, text);
  p.setColor(QPalette::ButtonText, text);
  p.setColor(QPalette::BrightText, Qt::white);
  p.setColor(QPalette::Light, QColor(0x3d, 0x44, 0x4d));
  p.setColor(QPalette::Midlight, QColor(0x30, 0x36, 0x3d));
  p.setColor(QPalette::Mid, QColor(0x21, 0x26, 0x2d));
  p.setColor(QPalette::Dark, QColor(0x0d, 0x11, 0x17));
  p.setColor(QPalette::Shadow, Qt::black);
  p.setColor(QPalette::Highlight, QColor(0x1f, 0x6f, 0xeb));
  p.setColor(QPalette::HighlightedText, Qt::white);
  p.setColor(QPalette::Link, QColor(0x58, 0xa6, 0xff));
  p.setColor(QPalette::LinkVisited, QColor(0xbc, 0x8c, 0xff));
  p.setColor(QPalette::ToolTipBase, QColor(0x2d, 0x33, 0x3b));
  p.setColor(QPalette::ToolTipText, text);
  p.setColor(QPalette::PlaceholderText, QColor(0x8b, 0x94, 0x9e));
  for (auto role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText}) {
    p.setColor(QPalette::Disabled, role, QColor(0x6e, 0x76, 0x81));
  }
  p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x26, 0x2b, 0x32));
  return p;
}

void apply_theme(Theme theme) {
  const SystemLook& system = system_look();
  if (theme == Theme::system) {
    QApplication::setStyle(QStyleFactory::create(system.style));
    QApplication::setPalette(system.palette);
    return;
  }
  QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
  QApplication::setPalette(theme == Theme::dark ? dark_palette() : light_palette());
}

}  // namespace lh::ui
