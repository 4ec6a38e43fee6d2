#include "labelled_recordings.h"

#include <algorithm>
#include <fstream>

#include "common/csv.h"
#include "common/input_error.h"

namespace lh::labelled {

std::vector<Recording> read_labelled_folder(const std::string& dir, const std::string& split) {
  const std::string labels_path = dir + "/labels.csv";
  std::ifstream labels(labels_path);
  if (!labels) throw InputError(labels_path + ": cannot be read");
  CsvReader csv(labels);
  std::vector<std::string> header, row;
  if (!csv.next(header)) throw InputError(labels_path + ": empty, expected a header file,label[,split]");
  const auto column = [&](const char* name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t file_at = column("file"), label_at = column("label"), split_at = column("split"),
                    shape_at = column("shape");
  if (file_at == header.size() || label_at == header.size())
    throw InputError(labels_path + ": expected columns file and label");
  std::vector<Recording> out;
  while (csv.next(row)) {
    if (row.size() <= std::max(file_at, label_at)) continue;
    Recording r;
    r.file = row[file_at];
    r.leak = row[label_at] == "leak";
    r.split = split_at < row.size() ? row[split_at] : "";
    r.shape = shape_at < row.size() ? row[shape_at] : "";
    if (split != "all" && r.split != split) continue;
    std::ifstream series(dir + "/" + r.file);
    if (!series) throw InputError(dir + "/" + r.file + ": cannot be read");
    r.series = analysis::read_series_csv(series, r.file, std::nullopt);
    const std::string stem = r.file.substr(0, r.file.rfind(".csv"));
    const std::string events_name = stem + ".events.csv";
    if (std::ifstream events(dir + "/" + events_name); events) {
      const auto more = analysis::read_restart_events(events, events_name, r.series);
      r.series.restarts_s.insert(r.series.restarts_s.end(), more.begin(), more.end());
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace lh::labelled
