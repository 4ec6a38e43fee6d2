#!/usr/bin/python3
"""Plots every series a labels.csv lists, for a person to check the labels:
one small panel each, titled with its file, label and shape, restarts from an
events CSV drawn as dashed lines, many panels to a PNG page.

  contact_sheet.py LABELS.csv OUT_PREFIX [--per-page 20] [--single DIR] [--split NAME]

Writes OUT_PREFIX-1.png, OUT_PREFIX-2.png, ...; with --single, also one PNG per
series in DIR. Reads the same CSV columns analyze does: the memory column is
the one named rss / memory_usage / resident (a bytes or GiB column is shown in
MiB).
"""
import argparse
import csv
import math
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def memory_column(header):
    """The service's own RSS column first, then a process's, then GiB or bytes columns."""
    ranked = [lambda c: c.endswith("rss_mb") and not c.startswith("port:"), lambda c: c.endswith("rss_mb"),
              lambda c: c.endswith("memory_usage_gb"), lambda c: c.endswith("resident_memory_bytes")]
    for test in ranked:
        for i, c in enumerate(header):
            if test(c):
                return i, c
    raise SystemExit(f"contact_sheet.py: no memory column in {header}")


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    col, name = memory_column(header)
    scale = 1024.0 if name.endswith("_gb") else (1 / 1048576 if name.endswith("_bytes") else 1.0)
    t, v = [], []
    for r in rows[1:]:
        if len(r) > col and r[col] != "":
            t.append(float(r[0]))
            v.append(float(r[col]) * scale)
    return t, v, name


def restarts(path):
    events = path[:-4] + ".events.csv"
    if path.endswith(".plain.csv") or not os.path.exists(events):
        return []
    with open(events, newline="") as f:
        return sorted({float(r["t_s"]) for r in csv.DictReader(f) if r["kind"] == "restart"})


def panel(ax, folder, row, small=True):
    path = os.path.join(folder, row["file"])
    t, v, name = read(path)
    color = "#c0392b" if row["label"] == "leak" else "#2471a3"
    ax.plot(t, v, color=color, lw=0.7)
    for x in restarts(path):
        ax.axvline(x, color="grey", ls="--", lw=0.5)
    ax.set_title(f"{row['file'][:-4]}\n{row['label']} · {row['shape']} · {row.get('split', '')}",
                 fontsize=6 if small else 9)
    ax.tick_params(labelsize=5 if small else 8)
    ax.set_ylabel(f"{name} (MiB)", fontsize=5 if small else 8)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("labels")
    ap.add_argument("out_prefix")
    ap.add_argument("--per-page", type=int, default=20)
    ap.add_argument("--single", help="also one PNG per series in this folder")
    ap.add_argument("--split", help="only the rows of this split (e.g. eval2)")
    a = ap.parse_args()
    folder = os.path.dirname(os.path.abspath(a.labels))
    with open(a.labels, newline="") as f:
        rows = [r for r in csv.DictReader(f) if not a.split or r.get("split") == a.split]
    if not rows:
        raise SystemExit(f"contact_sheet.py: no rows{' of split ' + a.split if a.split else ''} in {a.labels}")
    cols = 4
    for page in range(math.ceil(len(rows) / a.per_page)):
        chunk = rows[page * a.per_page:(page + 1) * a.per_page]
        lines = math.ceil(len(chunk) / cols)
        fig, axes = plt.subplots(lines, cols, figsize=(12, 2.2 * lines), squeeze=False)
        for ax in axes.flat[len(chunk):]:
            ax.axis("off")
        for ax, row in zip(axes.flat, chunk):
            panel(ax, folder, row)
        fig.tight_layout()
        fig.savefig(f"{a.out_prefix}-{page + 1}.png", dpi=80)
        plt.close(fig)
    if a.single:
        os.makedirs(a.single, exist_ok=True)
        for row in rows:
            fig, ax = plt.subplots(figsize=(8, 3.5))
            panel(ax, folder, row, small=False)
            ax.set_xlabel("t (s)")
            fig.tight_layout()
            fig.savefig(os.path.join(a.single, row["file"][:-4] + ".png"), dpi=80)
            plt.close(fig)
    return 0


if __name__ == "__main__":
    sys.exit(main())
