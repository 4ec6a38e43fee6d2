#!/usr/bin/python3
"""An independent generator of labelled memory series for judging the leak
analysis on data it was not tuned on. Written from the shapes issue 14 lists
and from what real services do, without reading LeakHound's own generator
(tests/synthetic) or its analyzer (core/analysis), so it does not share their
assumptions.

  generate.py --set tune --out DIR      # seed 1401
  generate.py --set eval --out DIR      # seed 1402
  generate.py --set eval2 --out DIR     # seed 1404: held out until the bend test last changed
  generate.py --set eval3 --out DIR     # seed 1405: held out until the live-verdict rules (issue 14's last criterion)
  generate.py --set eval4 --out DIR     # seed 1406: held out until the window and visible-growth change
  generate.py --set eval5 --out DIR     # seed 1407: scored once on a candidate (80 s window) that was then changed
  generate.py --set eval6 --out DIR     # seed 1408: held out until the saturation and live-hold change (2026-12-06)
  generate.py --set eval7 --out DIR     # seed 1409: held out until the given-back, start-up and bend-hold change (2026-12-06)
  generate.py --set eval8 --out DIR     # seed 1410: held out until the rounded-readings rules (2026-12-06)
  generate.py --set eval9 --out DIR     # seed 1411: held out again, drawn after the rounded-readings rules
  generate.py --set eval --out DIR --per-shape 4   # a smaller set

Writes DIR/<set>/NNN_<shape>.csv in the layout `leakhound-cli monitor`
writes (t_s,time, then the memory column under one of the names real
sources give it), an NNN_<shape>.events.csv of restarts for some restart
loops, and DIR/<set>/labels.csv: file,label,shape,split,unit,notes.

The visibility rule (what makes a label fair to a person looking at a plot):
  * leak: the growth over the series is at least VISIBLE_SIGMAS (6) times the
    noise's standard deviation (the AR(1) process's stationary deviation, or
    the scale of heavy-tailed noise), and it is at least 3x the growth the
    documented defaults call negligible: 6 % of the level per hour and 3 MiB/h.
    A restart loop's growth per cycle, and a staircase's every step, must each
    clear 5 sigma; a staircase has at least 3 steps.
  * no_leak: whatever rises must visibly stop inside the series: a warm-up
    tail runs at least 4 time constants, a cache fills within the first 60 %,
    a single step leaves at least 40 % of the series after it; a flat series
    whose noise drifts by more than 3 sigma is drawn again.
Each row's notes give the growth in sigmas and in % of the level per hour.
"""
import argparse
import csv
import datetime
import math
import os
import sys

import numpy as np

# Each set is held out until an analyzer change is tuned with it in view;
# the held-out figures come from the newest set, drawn after the last
# change (the docstring above says which set is in which role).
SEEDS = {"tune": 1401, "eval": 1402, "tune2": 1403, "eval2": 1404, "eval3": 1405, "eval4": 1406, "eval5": 1407, "eval6": 1408, "eval7": 1409, "eval8": 1410, "eval9": 1411}
VISIBLE_SIGMAS = 6.0
MIN_PCT_PER_H = 6.0
MIN_MIB_PER_H = 3.0
MAX_ROWS = 8000

LEAK_SHAPES = ["linear_leak", "varying_rate_leak", "bursty_growth_leak", "big_fast_leak", "small_creep",
               "restart_loop_leak", "staircase_leak", "gc_sawtooth_rising_floor", "pauses_leak", "gaps_leak"]
NO_LEAK_SHAPES = ["flat", "flat_heavy_tail", "single_step", "warmup_tail", "cache_fills_hold", "gc_sawtooth_flat",
                  "restart_loop_flat", "pauses_flat", "gaps_flat"]


class Series:
    """What one generated series is: its clock, its clean signal, its noise, its markers."""

    def __init__(self, rng, shape):
        self.rng, self.shape = rng, shape
        self.notes = {}
        self.restarts = []          # times of restarts
        self.markers = "none"       # none | events | pid
        self.drop_rows = np.zeros(0, dtype=bool)

    # --- the clock -------------------------------------------------------------------------
    def clock(self, min_s, max_s, min_interval=0.5, max_interval=10.0):
        r = self.rng
        length = math.exp(r.uniform(math.log(min_s), math.log(max_s)))
        interval = float(r.choice([0.5, 1, 1, 2, 5, 10]))
        interval = min(max(interval, min_interval), max_interval)
        while length / interval > MAX_ROWS:
            interval *= 2
        n = max(60, int(length / interval))
        self.interval = interval
        self.t = np.arange(n) * interval
        # A sampler's timestamps wander by a few milliseconds.
        self.t = np.round(self.t + np.abs(r.normal(0, 0.003, n)), 3)
        self.t[0] = round(abs(r.normal(0, 0.003)), 3)
        self.t = np.maximum.accumulate(self.t)
        self.n = n
        self.length = self.t[-1]

    # --- the noise -------------------------------------------------------------------------
    def noise(self, level, heavy=False, quiet=None):
        """AR(1) noise with optional spikes and heavy tails; returns (noise, sigma_stationary)."""
        r = self.rng
        sigma = self.sigma_for(level)
        phi = r.uniform(0.0, 0.95)
        innovation = sigma * math.sqrt(1 - phi * phi)
        if heavy:
            df = r.uniform(2.1, 4.0)
            e = r.standard_t(df, self.n) * innovation / math.sqrt(df / (df - 2))
        else:
            e = r.normal(0, innovation, self.n)
        if quiet is not None:
            e = np.where(quiet, e * 0.3, e)
        x = np.empty(self.n)
        x[0] = r.normal(0, sigma)
        for i in range(1, self.n):
            x[i] = phi * x[i - 1] + e[i]
        spikes = r.random() < (0.8 if heavy else 0.35)
        if spikes:
            # Transient allocations: a request's buffer seen at one or two samples.
            p = r.uniform(0.002, 0.02)
            at = np.nonzero(r.random(self.n) < p)[0]
            for i in at:
                x[i:i + int(r.integers(1, 3))] += sigma * r.uniform(3, 15)
        self.notes["noise"] = f"AR1 phi={phi:.2f} sigma={sigma:.3g}MiB" + (" heavy-tailed" if heavy else "") + \
                              (" spikes" if spikes else "")
        return x, sigma

    def level(self, lo=30.0, hi=8192.0):
        return math.exp(self.rng.uniform(math.log(lo), math.log(hi)))

    # --- activity: how fast requests arrive, which drives request-driven growth -------------
    def activity(self, kind):
        """Cumulative activity in [0, 1] over the series: 'steady', 'walk', 'bursts' or 'pauses'."""
        r, n = self.rng, self.n
        if kind == "steady":
            a = np.ones(n)
        elif kind == "walk":
            step = np.maximum(1, int(r.uniform(5, 60) / self.interval))
            w = np.repeat(np.cumsum(r.normal(0.02, 0.35, n // step + 2)), step)[:n]
            a = np.maximum(0.0, 1.0 + w - w.mean())
            a = np.where(a < 0.05, 0.05, a)
        elif kind == "bursts":
            # Growth in bursts spread over the whole series: each half holds a fifth of it at the least.
            while True:
                a = np.zeros(n)
                i = 0
                while i < n:
                    gap = int(r.exponential(max(2, n / r.uniform(6, 20))))
                    burst = max(1, int(r.uniform(0.01, 0.06) * n))
                    a[i + gap:i + gap + burst] = 1.0
                    i += gap + burst
                half = a[: n // 2].sum() / max(1.0, a.sum())
                if a.sum() > 0 and 0.2 <= half <= 0.8 and np.count_nonzero(np.diff(a) > 0) >= 4:
                    break
        elif kind == "pauses":
            a = np.ones(n)
            # One to three pauses, none in the last 15 %: a pause at the end looks like growth that stopped.
            for _ in range(int(r.integers(1, 4))):
                width = int(n * r.uniform(0.05, 0.15))
                start = int(r.uniform(0.1, 0.85) * n)
                a[start:min(start + width, int(0.85 * n))] = 0.0
            self.quiet = a == 0
        else:
            raise ValueError(kind)
        a = a * (1 + 0.15 * r.normal(0, 1, n)).clip(0.2, None)
        c = np.cumsum(a)
        return c / c[-1]

    # --- the shapes ------------------------------------------------------------------------
    def leak_growth(self, L, sigma, lo_sig=VISIBLE_SIGMAS, hi_sig=400.0, pct_h=None):
        """Total growth over the series: visible against the noise and past the practical floor."""
        hours = self.length / 3600
        floor = max(MIN_PCT_PER_H / 100 * L * hours, MIN_MIB_PER_H * hours, lo_sig * sigma)
        if pct_h is not None:
            g = pct_h / 100 * L * hours
        else:
            g = floor * math.exp(self.rng.uniform(0, math.log(max(1.01, hi_sig / lo_sig))))
        return max(g, floor)

    def build(self):
        r, s = self.rng, self.shape
        self.quiet = None
        self.noise_rel = math.exp(r.uniform(math.log(0.0005), math.log(0.01)))
        heavy = s == "flat_heavy_tail" or r.random() < 0.15
        if s == "big_fast_leak":
            self.clock(60, 300, max_interval=2)
        elif s == "small_creep":
            self.clock(1800, 10800)
        elif s in ("warmup_tail", "restart_loop_leak", "restart_loop_flat"):
            self.clock(600, 10800)  # re-drawn below where the shape needs a given length
        else:
            self.clock(60, 10800)
        L = self.level()
        y = np.full(self.n, L)
        t = self.t
        tn = t / self.length

        if s == "flat_heavy_tail":
            pass
        elif s in ("flat", "gaps_flat"):
            pass
        elif s == "pauses_flat":
            self.activity("pauses")
        elif s in ("linear_leak", "varying_rate_leak", "bursty_growth_leak", "pauses_leak", "gaps_leak", "small_creep",
                   "big_fast_leak"):
            kind = {"varying_rate_leak": "walk", "bursty_growth_leak": "bursts", "pauses_leak": "pauses"}.get(s, "steady")
            a = self.activity(kind)
            sigma = self.sigma_for(L)
            if s == "big_fast_leak":
                pct_min = r.uniform(20, 100)
                g = pct_min / 100 * L * self.length / 60
                self.notes["rate"] = f"+{pct_min:.0f}% of the level per minute"
            elif s == "small_creep":
                g = self.leak_growth(L, sigma, hi_sig=15)
            else:
                g = self.leak_growth(L, sigma)
            y = y + g * a
            self.growth, self.sigma_hint = g, sigma
        elif s == "staircase_leak":
            sigma = self.sigma_for(L)
            # 3-10 steps, with at least 6 samples of flat between two steps.
            k = int(min(r.integers(3, 11), self.n // 7 - 1))
            if k < 3:
                return False
            heights = np.maximum(5 * sigma, self.leak_growth(L, sigma) / k * r.uniform(0.6, 1.4, k))
            # Evenly spaced batches, each a little early or late.
            times = np.linspace(0.1, 0.9, k) + r.uniform(-0.2, 0.2, k) * 0.8 / k
            for h, at in zip(heights, times):
                rise = max(self.interval, r.uniform(0, 3) * self.interval)
                y = y + h * np.clip((t - at * self.length) / rise, 0, 1)
            self.growth, self.sigma_hint = heights.sum(), sigma
            self.notes["steps"] = f"{k} steps of {heights.min():.3g}-{heights.max():.3g} MiB"
        elif s == "single_step":
            k = 1
            for at in np.sort(r.uniform(0.1, 0.6, k)):
                h = L * r.uniform(0.1, 1.0)
                y = y + h * np.clip((t - at * self.length) / max(self.interval, r.uniform(0, 20)), 0, 1)
            self.notes["steps"] = f"{k} step(s), the last before 60 % of the series"
        elif s == "warmup_tail":
            tau = math.exp(r.uniform(math.log(60), math.log(1800)))
            length = min(10800, tau * r.uniform(4, 12))   # at least 4 time constants (tau <= 1800 s)
            self.clock(length, length * 1.001)
            t, tn = self.t, self.t / self.length
            L = self.level()
            A = L * r.uniform(0.2, 1.5)
            y = L + A * (1 - np.exp(-t / tau))
            self.notes["tau"] = f"tau={tau:.0f}s, {self.length / tau:.1f} time constants, toward {L + A:.4g} MiB"
        elif s == "cache_fills_hold":
            fill = r.uniform(0.05, 0.6) * self.length
            C = L * r.uniform(0.1, 2.0)
            shape = r.choice(["linear", "concave"])
            f = np.clip(t / fill, 0, 1)
            y = L + C * (f if shape == "linear" else 1 - (1 - f) ** 2)
            self.notes["cache"] = f"{C:.4g} MiB filled in {fill:.0f}s ({shape}), then held"
        elif s in ("gc_sawtooth_flat", "gc_sawtooth_rising_floor"):
            period = r.uniform(10, 600)
            while self.length / period < 5:
                period /= 2
            period = max(period, 3 * self.interval)
            sigma = self.sigma_for(L)
            amp = max(8 * sigma, L * r.uniform(0.02, 0.3))
            phase = (t + r.uniform(0, period)) % period
            y = y + amp * phase / period
            if s == "gc_sawtooth_rising_floor":
                # The floor must rise visibly against the teeth too, not only against the noise.
                g = max(self.leak_growth(L, sigma), amp * r.uniform(0.3, 3.0))
                y = y + g * tn
                self.growth, self.sigma_hint = g, sigma
            self.notes["sawtooth"] = f"period {period:.0f}s amplitude {amp:.3g} MiB"
        elif s in ("restart_loop_leak", "restart_loop_flat"):
            period = math.exp(r.uniform(math.log(20), math.log(1200)))
            length = max(60, min(10800, period * r.uniform(3, 20)))   # at least 3 cycles (period <= 1200 s)
            self.clock(length, length * 1.001, max_interval=max(0.5, period / 15))
            t = self.t
            L = self.level(30, 4096)
            sigma = self.sigma_for(L)
            self.restarts = list(np.arange(period, self.length, period) + r.normal(0, period * 0.05, int(self.length // period)))
            self.restarts = sorted(x for x in self.restarts if 0 < x < self.length)
            start = np.zeros(self.n)
            for x in self.restarts:
                start = np.where(t >= x, x, start)
            age = t - start
            warm = L * r.uniform(0.02, 0.2) * (1 - np.exp(-age / max(self.interval, period * r.uniform(0.02, 0.1))))
            y = L * 0.9 + warm
            if s == "restart_loop_leak":
                # Growth per cycle visible at 5 sigma, and fast enough to matter within a cycle.
                per_cycle = max(5 * sigma, MIN_PCT_PER_H / 100 * L * period / 3600 * 3,
                                L * math.exp(r.uniform(math.log(0.05), math.log(5.0))))
                y = y + per_cycle * age / period
                self.growth, self.sigma_hint = per_cycle, sigma
                self.notes["cycle"] = f"+{per_cycle:.3g} MiB per {period:.0f}s cycle, {len(self.restarts)} restarts"
            else:
                self.notes["cycle"] = f"restarts every {period:.0f}s, {len(self.restarts)} restarts, nothing kept"
            self.markers = r.choice(["none", "none", "events", "pid"])
        else:
            raise ValueError(s)

        noise, sigma = self.noise(L, heavy=heavy, quiet=self.quiet)
        if s == "pauses_flat" and self.quiet is not None:
            # Buffers of requests in flight are freed while the load is paused.
            y = np.where(self.quiet, y - sigma * r.uniform(0, 2), y)
        v = y + noise
        if hasattr(self, "growth"):
            self.notes["visible"] = f"growth {self.growth:.4g} MiB = {self.growth / sigma:.0f} sigma, " \
                                    f"{self.growth / L / (self.length / 3600) * 100:.3g}% of the level per hour"
            if self.growth < (5 if s in ("restart_loop_leak", "staircase_leak") else VISIBLE_SIGMAS) * sigma:
                return False
        if s in ("linear_leak", "varying_rate_leak", "bursty_growth_leak", "big_fast_leak", "small_creep",
                 "pauses_leak", "gaps_leak"):
            # Still growing at the end, to the eye: the last third rises by 2 sigma at the least, and
            # at a quarter of the average pace or more (else it looks like growth that stopped).
            last = t >= self.length * 2 / 3
            rise = np.polyfit(t[last], v[last], 1)[0] * self.length / 3
            if rise < max(2 * sigma, 0.25 * self.growth / 3):
                return False
        if s in ("flat", "flat_heavy_tail", "pauses_flat", "gaps_flat"):
            # A flat series whose noise happens to wander upward would look like growth to a person: redraw it.
            slope = np.polyfit(t, v, 1)[0]
            if abs(slope) * self.length > 3 * sigma:
                return False
        quantum = r.choice(["page", "page", "arena", "none"])
        if quantum == "page":
            v = np.round(v * 256) / 256          # 4 KiB pages
        elif quantum == "arena" and sigma >= 1.0:
            v = np.round(v)                      # 1 MiB arena steps
        self.values = np.maximum(v, 1.0)
        self.notes["quantum"] = quantum
        if s.startswith("gaps_") or (s not in ("big_fast_leak",) and r.random() < 0.1):
            self.drop_rows = np.zeros(self.n, dtype=bool)
            for _ in range(int(r.integers(1, 4))):
                width = int(self.n * r.uniform(0.02, 0.12))
                start = int(r.uniform(0.1, 0.85) * self.n)
                self.drop_rows[start:start + width] = True
            self.notes["gaps"] = "rows missing in stretches"
        return True

    def sigma_for(self, level):
        """The noise's standard deviation, drawn once per series (0.05 % - 1 % of the level,
        at least 0.05 MiB), so growth can be sized against it before the noise is made."""
        return max(0.05, self.noise_rel * level)


COLUMNS = [("memory.rss_mb", "MiB", 1.0), ("port:8002/rss_mb", "MiB", 1.0), ("rss_mb", "MiB", 1.0),
           ("conversion/memory_usage_gb", "GiB", 1 / 1024), ("process_resident_memory_bytes", "B", 1024 * 1024)]


def seconds(t):
    """t_s as a sampler writes it: milliseconds, no trailing zeros."""
    return f"{t:.3f}".rstrip("0").rstrip(".") or "0"


def write(series, folder, index, rng):
    name = f"{index:03d}_{series.shape}"
    col, unit, scale = COLUMNS[int(rng.choice(len(COLUMNS), p=[0.35, 0.25, 0.2, 0.1, 0.1]))]
    epoch = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(seconds=float(rng.uniform(0, 3e7)))
    pid = int(rng.integers(1000, 60000))
    header = ["t_s", "time", col] + (["pid"] if series.markers == "pid" else [])
    with open(os.path.join(folder, name + ".csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        restarts = iter(series.restarts)
        next_restart = next(restarts, None)
        for i in range(series.n):
            t = float(series.t[i])
            while next_restart is not None and t >= next_restart:
                pid += int(rng.integers(1, 50))
                next_restart = next(restarts, None)
            if series.drop_rows.size and series.drop_rows[i]:
                continue
            when = (epoch + datetime.timedelta(seconds=t)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
            value = series.values[i] * scale
            row = [seconds(t), when, f"{value:.8g}" if unit != "B" else str(int(round(value)))]
            w.writerow(row + ([pid] if series.markers == "pid" else []))
    if series.markers == "events" and series.restarts:
        with open(os.path.join(folder, name + ".events.csv"), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["t_s", "time", "source", "kind", "detail"])
            for x in series.restarts:
                # Reported at the first sample after the restart, as a sampler sees it.
                t = float(series.t[min(series.n - 1, int(np.searchsorted(series.t, x)))])
                when = (epoch + datetime.timedelta(seconds=t)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
                w.writerow([seconds(t), when, "service", "restart", "the service was started again"])
    return name + ".csv", unit


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=sorted(SEEDS), required=True)
    ap.add_argument("--out", required=True, help="the set goes to OUT/<set>/")
    ap.add_argument("--per-shape", type=int, default=8, help="series per shape (default 8: 152 a set)")
    a = ap.parse_args()
    rng = np.random.default_rng(SEEDS[a.set])
    folder = os.path.join(a.out, a.set)
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        if old.endswith(".csv"):
            os.remove(os.path.join(folder, old))
    rows = []
    plan = [(s, "leak") for s in LEAK_SHAPES] + [(s, "no_leak") for s in NO_LEAK_SHAPES]
    index = 0
    for shape, label in plan:
        for _ in range(a.per_shape):
            for _attempt in range(50):
                series = Series(rng, shape)
                if series.build():
                    break
            else:
                raise SystemExit(f"generate.py: no visible {shape} in 50 draws")
            index += 1
            file, unit = write(series, folder, index, rng)
            notes = "; ".join(f"{k}: {v}" for k, v in series.notes.items())
            notes += f"; {series.n} samples every {series.interval:g}s, {series.length / 60:.1f} min; markers: {series.markers}"
            rows.append([file, label, shape, a.set.rstrip("0123456789"), unit, notes])
    with open(os.path.join(folder, "labels.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "label", "shape", "split", "unit", "notes"])
        w.writerows(rows)
    print(f"generate.py: {len(rows)} series in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
