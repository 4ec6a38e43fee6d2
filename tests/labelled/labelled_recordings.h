#pragma once

#include <string>
#include <vector>

#include "analysis/csv_series.h"

namespace lh::labelled {

// One row of a folder's labels.csv (file,label[,split,…]) with its series,
// read as `analyze` reads a CSV and its NAME.events.csv beside it. The
// label is ground truth from how the recording was made, never a verdict.
struct Recording {
  std::string file;
  bool leak = false;
  std::string split;  // "" when labels.csv has no split column
  std::string shape;  // "" when labels.csv has no shape column
  analysis::CsvSeries series;
};

// The rows of DIR/labels.csv whose split is `split` ("all": every row;
// a labels.csv without a split column has rows only for "all").
// Throws lh::InputError naming the file when labels.csv or a series is
// missing or unreadable.
std::vector<Recording> read_labelled_folder(const std::string& dir, const std::string& split = "all");

}  // namespace lh::labelled
