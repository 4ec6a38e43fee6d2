#include "editor/field_problems.h"

#include <QLabel>

#include "editor/scenario_document.h"
#include "verdict/verdict_words.h"

namespace lh::ui {

using namespace Qt::StringLiterals;
using scenario::Problem;
using scenario::Problems;

bool path_under(const std::string& path, const std::string& parent) {
  if (parent.empty() || path == parent) return true;
  return path.size() > parent.size() && path.starts_with(parent) &&
         (path[parent.size()] == '.' || path[parent.size()] == '[');
}

FieldProblems::FieldProblems(ScenarioDocument* document, QObject* parent) : QObject(parent), document_(document) {
  connect(document_, &ScenarioDocument::problemsChanged, this, &FieldProblems::route);
}

QString FieldProblems::shortText(const Problem& problem, const QString& claimed) {
  const QString path = QString::fromStdString(problem.path);
  const QString message = QString::fromStdString(problem.message);
  if (path == claimed || path.isEmpty()) return message;
  QString rest = path.startsWith(claimed) ? path.mid(claimed.size()) : path;
  if (rest.startsWith(u'.')) rest.remove(0, 1);
  return u"%1: %2"_s.arg(rest, message);
}

QLabel* FieldProblems::label(const QString& path, bool subtree) {
  auto* label = new QLabel;
  label->setObjectName(u"error:"_s + path);
  label->setWordWrap(true);
  label->setTextFormat(Qt::PlainText);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  label->hide();
  claim(path, [label, path](const Problems& problems) {
    QStringList lines;
    for (const Problem& p : problems) lines << shortText(p, path);
    label->setText(lines.join(u'\n'));
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, verdict_colour(analysis::VerdictKind::leak, label->palette()));
    label->setPalette(palette);
    label->setVisible(!lines.isEmpty());
  });
  claims_.back().subtree = subtree;
  route();
  return label;
}

void FieldProblems::claim(const QString& prefix, std::function<void(const Problems&)> show) {
  claims_.push_back({prefix, true, std::move(show)});
  route();
}

QStringList FieldProblems::lines() const {
  QStringList out;
  for (const Problem& p : document_->problems()) out << QString::fromStdString(p.text());
  return out;
}

void FieldProblems::route() {
  std::vector<Problems> per_claim(claims_.size());
  QStringList unclaimed;
  for (const Problem& p : document_->problems()) {
    // The most specific claims: the longest path that is this one or above
    // it. A table and the label under it claim the same part, and both
    // show the problem (the cell marked, the text named below).
    std::vector<std::size_t> best;
    for (std::size_t i = 0; i < claims_.size(); ++i) {
      const std::string claimed = claims_[i].path.toStdString();
      const bool fits = claims_[i].subtree ? path_under(p.path, claimed) : p.path == claimed;
      if (!fits) continue;
      if (!best.empty() && claims_[i].path.size() < claims_[best.front()].path.size()) continue;
      if (!best.empty() && claims_[i].path.size() > claims_[best.front()].path.size()) best.clear();
      best.push_back(i);
    }
    if (best.empty()) unclaimed << QString::fromStdString(p.text());
    for (std::size_t i : best) per_claim[i].push_back(p);
  }
  for (std::size_t i = 0; i < claims_.size(); ++i) claims_[i].show(per_claim[i]);
  if (unclaimed != unclaimed_) {
    unclaimed_ = unclaimed;
    emit unclaimedChanged(unclaimed_);
  }
}

}  // namespace lh::ui
