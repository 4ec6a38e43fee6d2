#pragma once

#include <QObject>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QMenu;
QT_END_NAMESPACE

namespace lh::ui {

// Recently opened scenario files and session folders, newest first, kept
// in QSettings. The File menu's "Open Recent" shows them; one that no
// longer exists is dropped when it fails to open.
class RecentFiles : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMax = 10;

  explicit RecentFiles(QObject* parent = nullptr);

  QStringList paths() const { return paths_; }
  void add(const QString& path);
  void remove(const QString& path);
  void clear();

  // Fills `menu` with the paths (Alt+1 … for the first nine) and a Clear entry.
  void fillMenu(QMenu* menu);

 signals:
  void changed();
  void openRequested(const QString& path);

 private:
  void save();

  QStringList paths_;
};

}  // namespace lh::ui
