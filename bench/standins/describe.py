#!/usr/bin/python3
"""Describes each recording a labels.csv lists, as a Markdown table for the
corpus README: samples, length, memory at the first and the last sample, the
peak, restarts (from the events CSV) and samples left empty.
Plain descriptive figures for people, not a verdict.

  describe.py tests/analysis/real/labels.csv [SPLIT]   (SPLIT: only that split's rows)
"""
import csv
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "analysis", "holdout"))
from contact_sheet import read, restarts  # noqa: E402


def main():
    labels = sys.argv[1]
    folder = os.path.dirname(os.path.abspath(labels))
    with open(labels, newline="") as f:
        rows = [r for r in csv.DictReader(f) if len(sys.argv) < 3 or r["split"] == sys.argv[2]]
    print("| file | label | shape | split | samples | minutes | first MiB | last MiB | peak MiB | restarts | empty |")
    print("| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        path = os.path.join(folder, r["file"])
        t, v, _ = read(path)
        with open(path) as f:
            total = sum(1 for _ in f) - 1
        print(f"| {r['file']} | {r['label']} | {r['shape']} | {r['split']} | {len(v)} | {t[-1] / 60:.1f} | "
              f"{v[0]:.0f} | {v[-1]:.0f} | {max(v):.0f} | "
              f"{len(restarts(path)) if not r['file'].endswith('.plain.csv') else '-'} | {total - len(v)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
