#pragma once

#include <cstdio>
#include <string>

namespace lh::bench {

// A confusion matrix for "says leak" against the label.
struct Scores {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  void add(bool said_leak, bool is_leak) {
    if (said_leak)
      (is_leak ? tp : fp)++;
    else
      (is_leak ? fn : tn)++;
  }
  double precision() const { return tp + fp > 0 ? double(tp) / (tp + fp) : 1.0; }
  double recall() const { return tp + fn > 0 ? double(tp) / (tp + fn) : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
  std::string row(const char* name) const {
    char buf[160];
    std::snprintf(buf, sizeof buf, "| %-28s | %5.3f | %5.3f | %5.3f | %4d | %4d | %4d | %4d |", name, precision(),
                  recall(), f1(), tp, fp, fn, tn);
    return buf;
  }
  static const char* header() {
    return "| method                       | prec. | recall|  F1   |  TP  |  FP  |  FN  |  TN  |\n"
           "| ---------------------------- | ----- | ----- | ----- | ---- | ---- | ---- | ---- |";
  }
};

}  // namespace lh::bench
