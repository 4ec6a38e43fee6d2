#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

#include "scenario/problems.h"
#include "scenario/scenario.h"

namespace lh::ui {

class FieldProblems;
class ScenarioDocument;

// A list of the scenario shown as a table (probe sources, requests,
// stages): rows are items of the list at `prefix` ("load.stages"), columns
// are their fields. Edits go into the document; problems with an item or
// one of its fields mark that row or cell, with the message as its tool
// tip. Subclasses say what the list and its columns are.
class ScenarioTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  ScenarioTableModel(ScenarioDocument* document, QString prefix, QObject* parent = nullptr);

  // Routes the problems under the prefix to this model's rows and cells.
  void showProblemsFrom(FieldProblems* problems);
  const QString& prefix() const { return prefix_; }

  // Adds an item (a copy of the one before, or a default) after `row`, or
  // at the end when row < 0; returns its row.
  int addRow(int row = -1);
  bool removeRows(int row, int count, const QModelIndex& parent = {}) override;
  // Problems with `row` and its fields, as people read them.
  QStringList rowProblems(int row) const;

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

  // Tells views a row changed through another way in (a details form).
  void rowChanged(int row);

 protected:
  using Scenario = scenario::Scenario;

  virtual int count(const Scenario& s) const = 0;
  virtual QStringList columns() const = 0;
  // The field a column shows, as its path under the item: "duration".
  virtual QString columnField(int column) const = 0;
  virtual QVariant value(const Scenario& s, int row, int column) const = 0;
  virtual QString columnTip(int /*column*/) const { return {}; }
  virtual bool editable(int /*column*/) const { return true; }
  // Writes an edited value; false when it cannot be taken.
  virtual bool setValue(Scenario& s, int row, int column, const QVariant& value) const = 0;
  virtual void insertItem(Scenario& s, int at) const = 0;
  virtual void removeItem(Scenario& s, int at) const = 0;

  ScenarioDocument* document() const { return document_; }

 private:
  void setProblems(const scenario::Problems& problems);
  QStringList cellProblems(int row, int column) const;

  ScenarioDocument* document_;
  QString prefix_;
  scenario::Problems problems_;
};

}  // namespace lh::ui
