#!/usr/bin/python3
"""The real recordings read as a service that rounds its figure would report them.

For every labelled file in tests/analysis/real, the memory column LeakHound
watches is rounded to --decimals decimals (0: whole MiB; for the conversion
service's memory_usage_gb column use --column conversion/memory_usage_gb and
1 or 2) and `leakhound-cli analyze` reads the rounded copy, with the file's
events. Prints one line per label, unrounded verdict and rounded verdict,
with counts, and the files whose verdict turned into a wrong call.

  bench/analysis/rounded_readings.py [--decimals 0] [--column NAME] [--cli build/app/cli/leakhound-cli]
"""
import argparse
import collections
import csv
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REAL = os.path.join(ROOT, "tests", "analysis", "real")


def verdict(cli, path, column, events):
    argv = [cli, "analyze", path] + (["--column", column] if column else []) + (["--events", events] if events else [])
    out = subprocess.run(argv, capture_output=True, text=True).stdout.splitlines()
    return (out[0].split(": ", 1)[1], out[1].split(":")[0].split(" ")[0]) if len(out) > 1 else (None, "error")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--decimals", type=int, default=0)
    ap.add_argument("--column", default="", help="the column to round (default: the one analyze watches)")
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "app", "cli", "leakhound-cli"))
    a = ap.parse_args()
    counts, wrong = collections.Counter(), []
    with open(os.path.join(REAL, "labels.csv")) as f:
        rows = list(csv.DictReader(f))
    with tempfile.TemporaryDirectory() as tmp:
        for row in rows:
            path = os.path.join(REAL, row["file"])
            with open(path) as f:
                table = list(csv.reader(f))
            if a.column and a.column not in table[0]:
                continue
            events = path[:-len(".csv")] + ".events.csv"
            events = events if os.path.exists(events) else ""
            column, before = verdict(a.cli, path, a.column, events)
            i = table[0].index(column)
            for r in table[1:]:
                if i < len(r) and r[i] != "":
                    r[i] = repr(round(float(r[i]), a.decimals))
            rounded = os.path.join(tmp, row["file"])
            with open(rounded, "w", newline="") as f:
                csv.writer(f).writerows(table)
            _, after = verdict(a.cli, rounded, column, events)
            counts[(row["label"], before, after)] += 1
            if (after == "leak") != (row["label"] == "leak") and (before == "leak") == (row["label"] == "leak"):
                wrong.append(f"{row['file']}: {row['label']}, {before} unrounded, {after} rounded")
    print(f"| label | unrounded | rounded to {a.decimals} decimals | files |\n| --- | --- | --- | --- |")
    for (label, before, after), n in sorted(counts.items()):
        print(f"| {label} | {before} | {after} | {n} |")
    for w in wrong:
        print("turned wrong:", w)
    return 0


if __name__ == "__main__":
    sys.exit(main())
