#!/usr/bin/python3
"""The real-recording corpus of tests/analysis/real/: what each recording is,
its ground-truth label (from the stand-in's switches, never from LeakHound's
verdict), and its split: tune or eval for PLAN (drawn at random per shape with
a fixed seed when that plan was written, before any verdict was seen); eval2
for EVAL2, a held-out batch recorded after the analyzer was tuned; eval3 for
EVAL3, a second held-out batch recorded after eval2 had been scored; eval4 for
EVAL4, a third held-out batch recorded after eval3; eval5 for EVAL5, a fourth
held-out batch recorded after eval4 had been scored; eval6 for EVAL6, a fifth
held-out batch recorded after eval5 had been scored; eval7 for EVAL7, a sixth
held-out batch recorded after the rounded-readings rules.

  corpus.py record [--set main|eval2|...|eval7] [--only NAME,NAME] [--jobs 2] [--cli PATH]
                          record one plan (full-speed ab runs alone, others two at a time)
  corpus.py labels        write tests/analysis/real/labels.csv from all plans
  corpus.py check         labels.csv against the files and all plans
"""
import argparse
import os
import random
import subprocess
import sys
import threading
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "tests", "analysis", "real")
SPLIT_SEED = 14  # issue 14

SEG, CONV = "segmentation", "conversion"

# name, label, shape, service, switches, load, seconds, interval, extra record.py flags
PLAN = [
    # The case 1: the unbounded doc_cache under full-speed ab (recorded alone: ab and uvicorn take both cores).
    ("case1_unbounded_ab_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded", "ab:4", 60, 0.5, ""),
    ("case1_unbounded_ab_150s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded", "ab:4", 150, 1, ""),
    ("unbounded_ab_c8_90s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 4", "ab:8", 90, 1, ""),
    ("lru_full_speed", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 40000", "ab:4", 240, 1, ""),
    ("lru_full_speed_long", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 20000", "ab:4", 540, 1, ""),
    ("steady_full_speed", "no_leak", "steady", SEG, "--cache none", "ab:4", 120, 0.5, ""),
    # The case 2: a slower leak whose rate follows the load (a random walk with drift).
    ("case2_varying_rate_s1", "leak", "slow_leak_varying_rate", SEG, "--cache unbounded", "walk:45:10:90:0.5:10", 180, 0.5, ""),
    ("case2_varying_rate_s2", "leak", "slow_leak_varying_rate", SEG, "--cache unbounded", "walk:30:5:80:1:5", 150, 0.5, ""),
    ("case2_varying_rate_s3", "leak", "slow_leak_varying_rate", SEG, "--cache unbounded --gc-interval 10", "walk:30:5:70:0:10", 180, 1, ""),
    ("unbounded_constant_rate", "leak", "unbounded_cache_constant_rate", SEG, "--cache unbounded", "rate:20", 120, 0.5, ""),
    ("unbounded_bursts", "leak", "leak_bursts", SEG, "--cache unbounded", "cycle:80:10:20", 180, 0.5, ""),
    ("unbounded_pauses", "leak", "leak_pauses", SEG, "--cache unbounded", "cycle:40:60:60", 300, 1, ""),
    # Staircases: a batch kept every N requests, flat between.
    ("staircase_50s", "leak", "staircase_batches", SEG, "--batch-every 1000 --batch-mb 24", "rate:20", 300, 1, ""),
    ("staircase_75s", "leak", "staircase_batches", SEG, "--batch-every 2250 --batch-mb 16", "rate:30", 360, 1, ""),
    ("staircase_walk", "leak", "staircase_batches", SEG, "--batch-every 1500 --batch-mb 30", "walk:25:10:40:0:10", 300, 1, ""),
    # Small creeps: real leaks, slow but plain to a person within the recording.
    ("creep_1kb_constant", "leak", "small_creep", SEG, "--leak-kb 1", "rate:40", 300, 1, ""),
    ("creep_2kb_bursts", "leak", "small_creep_bursts", SEG, "--leak-kb 2", "cycle:60:15:15", 240, 0.5, ""),
    ("creep_2kb_pauses", "leak", "small_creep_pauses", SEG, "--leak-kb 2", "cycle:40:60:60", 300, 1, ""),
    ("creep_quarter_kb_10min", "leak", "small_creep", SEG, "--leak-kb 0.25", "rate:20", 600, 1, ""),
    ("creep_every10th_walk", "leak", "small_creep", SEG, "--leak-kb 2 --leak-every 10", "walk:30:10:50:0:10", 600, 1, ""),
    # The case 3 and its kin: the conversion service restarted every MAX_CONVERSIONS, keeping rendered objects.
    ("case3_restart_loop_leak", "leak", "restart_loop_leak", CONV, "--keep-mb 6 --max-conversions 50 --model-mb 40", "rate:1.25", 240, 0.5, "--plain"),
    ("restart_loop_leak_20s", "leak", "restart_loop_leak", CONV, "--keep-mb 3 --max-conversions 40", "rate:2", 180, 0.5, "--plain"),
    ("restart_loop_leak_60s", "leak", "restart_loop_leak", CONV, "--keep-mb 10 --max-conversions 30", "rate:0.5", 240, 1, "--plain"),
    ("conversion_linear_leak", "leak", "linear_leak", CONV, "--keep-mb 1.5", "rate:1", 180, 0.5, ""),
    ("gc_disabled_leak", "leak", "gc_disabled_leak", SEG, "--gc-disable --gc-interval 15 --leak-kb 3", "rate:40", 240, 0.5, ""),
    ("lru_then_leak", "leak", "lru_cache_then_leak", SEG, "--cache lru --max-cache-size 2000 --leak-kb 2", "rate:40", 240, 1, ""),
    # Bounded: caches that fill and hold, warm-ups that level off, a model loaded once.
    ("lru_fills_constant", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 4000", "rate:60", 300, 1, ""),
    ("lru_fills_bursts", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 3000 --doc-kb 8", "cycle:80:10:10", 300, 1, ""),
    ("lru_fills_walk", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 6000", "walk:50:20:80:0:10", 300, 1, ""),
    ("warmup_tau60s", "no_leak", "warmup_slow_tail", SEG, "--vocab-mb 80 --vocab-tau 2400", "rate:40", 540, 1, ""),
    ("warmup_tau100s", "no_leak", "warmup_slow_tail", SEG, "--vocab-mb 120 --vocab-tau 3000", "rate:30", 720, 1, ""),
    ("warmup_tau90s_walk", "no_leak", "warmup_slow_tail", SEG, "--vocab-mb 60 --vocab-tau 2700", "walk:30:15:45:0:10", 600, 1, ""),
    ("model_once_120mb", "no_leak", "model_loaded_once", SEG, "--model-mb 120 --preload en", "rate:30", 180, 0.5, "--at 60:de"),
    ("model_once_200mb_lru", "no_leak", "model_loaded_once", SEG, "--model-mb 200 --preload en --cache lru --max-cache-size 500", "rate:20", 420, 0.5, "--at 90:tr"),
    # Steady services under bursts, pauses and varying load.
    ("steady_bursts_5of15", "no_leak", "bursts", SEG, "--cache none", "cycle:100:5:10", 360, 0.5, ""),
    ("steady_bursts_20of60", "no_leak", "bursts", SEG, "--cache none", "cycle:60:20:40", 480, 1, ""),
    ("steady_pauses", "no_leak", "pauses", SEG, "--cache none", "cycle:50:60:60", 300, 1, ""),
    ("steady_pauses_gc", "no_leak", "pauses", SEG, "--cache none --gc-interval 5", "cycle:80:45:75", 300, 1, ""),
    ("steady_constant", "no_leak", "steady", SEG, "--cache none", "rate:50", 180, 0.5, ""),
    ("steady_walk", "no_leak", "steady", SEG, "--cache none", "walk:40:10:120:0:10", 420, 1, ""),
    ("conversion_steady", "no_leak", "steady", CONV, "", "rate:2", 180, 0.5, ""),
    ("restart_loop_flat_40s", "no_leak", "restart_loop_flat", CONV, "--max-conversions 50 --model-mb 40", "rate:1.25", 240, 0.5, "--plain"),
    ("restart_loop_flat_20s", "no_leak", "restart_loop_flat", CONV, "--max-conversions 40", "rate:2", 180, 0.5, "--plain"),
    ("gc_disabled_flat", "no_leak", "gc_disabled_flat", SEG, "--gc-disable --gc-interval 15", "rate:40", 240, 0.5, ""),
]

# The held-out batch (split eval2), recorded on 2026-12-05 after the analyzer was tuned on tune/eval: the
# same shapes with new cache sizes, leak sizes, rates, load patterns, restart periods and GC settings, so
# that no run copies one of PLAN's. Labels from the switches alone, as above. Never analysed before the
# final evaluation.
EVAL2 = [
    # Case 1 again: the unbounded doc_cache at full speed (alone), other concurrency and document sizes.
    ("e2_unbounded_ab_c6_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 2", "ab:6", 60, 0.5, ""),
    ("e2_unbounded_ab_c3_120s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded", "ab:3", 120, 1, ""),
    ("e2_lru_full_speed_8000", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 8000 --doc-kb 2", "ab:2", 240, 1, ""),
    # Case 2 again: the slow leak whose slope follows a random-walk rate.
    ("e2_varying_rate_doc1k", "leak", "slow_leak_varying_rate", SEG, "--cache unbounded --doc-kb 1", "walk:20:5:60:0.5:8", 200, 0.5, ""),
    ("e2_varying_rate_gc20", "leak", "slow_leak_varying_rate", SEG, "--cache unbounded --gc-interval 20", "walk:50:15:100:0.3:6", 150, 1, ""),
    # Staircases.
    ("e2_staircase_40s", "leak", "staircase_batches", SEG, "--batch-every 1200 --batch-mb 20", "rate:30", 240, 1, ""),
    ("e2_staircase_walk_12mb", "leak", "staircase_batches", SEG, "--batch-every 2000 --batch-mb 12", "walk:35:20:50:0:10", 300, 1, ""),
    # Small creeps.
    ("e2_creep_halfkb_constant", "leak", "small_creep", SEG, "--leak-kb 0.5", "rate:50", 300, 1, ""),
    ("e2_creep_1_5kb_bursts_gc7", "leak", "small_creep_bursts", SEG, "--leak-kb 1.5 --gc-interval 7", "cycle:70:20:20", 240, 0.5, ""),
    # Case 3 again: restart loops keeping rendered objects (30 s and 50 s cycles), and one keeping nothing.
    ("e2_restart_loop_leak_30s", "leak", "restart_loop_leak", CONV, "--keep-mb 5 --max-conversions 45", "rate:1.5", 180, 0.5, "--plain"),
    ("e2_restart_loop_leak_50s", "leak", "restart_loop_leak", CONV, "--keep-mb 8 --max-conversions 40 --model-mb 20", "rate:0.8", 240, 1, "--plain"),
    ("e2_restart_loop_flat_30s", "no_leak", "restart_loop_flat", CONV, "--max-conversions 75 --model-mb 30", "rate:2.5", 210, 0.5, "--plain"),
    # Bounded and steady.
    ("e2_lru_fills_bursts_3500", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 3500 --doc-kb 3", "cycle:90:15:15", 300, 1, ""),
    ("e2_warmup_tau43s", "no_leak", "warmup_slow_tail", SEG, "--vocab-mb 90 --vocab-tau 1500", "rate:35", 300, 1, ""),
    ("e2_model_once_160mb", "no_leak", "model_loaded_once", SEG, "--model-mb 160 --preload en", "rate:25", 240, 0.5, "--at 50:fr"),
    ("e2_steady_walk_fast", "no_leak", "steady", SEG, "--cache none", "walk:60:30:90:0:8", 420, 1, ""),
    ("e2_steady_pauses_gc2000", "no_leak", "pauses", SEG, "--cache none --gc-threshold 2000", "cycle:70:40:50", 300, 1, ""),
]

# The second held-out batch (split eval3), recorded on 2026-12-05 after eval2 had been scored: the same
# shapes again with parameters that neither PLAN nor EVAL2 used (cache and document sizes, leak sizes,
# batch sizes and periods, rates, walks and cycles, restart periods, GC settings, a warm-up tau of 1,800
# requests), so that no run copies an earlier one. Labels from the switches alone, as above. Never
# analysed before the final evaluation.
EVAL3 = [
    # Case 1 again: the unbounded doc_cache at full speed (alone), ab -c 5, 3 KiB more per document.
    ("e3_unbounded_ab_c5_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 3", "ab:5", 60, 0.5, ""),
    ("e3_lru_full_speed_12000", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 12000 --doc-kb 1", "ab:3", 180, 1, ""),
    # Case 2 again: the slow leak whose slope follows a random-walk rate.
    ("e3_varying_rate_doc2k", "leak", "slow_leak_varying_rate", SEG, "--cache unbounded --doc-kb 2", "walk:25:8:70:0.4:7", 180, 0.5, ""),
    # Leaks under other loads: the unbounded cache only while load comes; a conversion leak without restarts.
    ("e3_unbounded_pauses_40of70", "leak", "leak_pauses", SEG, "--cache unbounded --doc-kb 1", "cycle:30:40:30", 240, 1, ""),
    ("e3_conversion_linear_0_8mb", "leak", "linear_leak", CONV, "--keep-mb 0.8", "rate:1.5", 150, 0.5, ""),
    # A staircase: 18 MiB every 1,500 requests at 25 requests/s (a step a minute).
    ("e3_staircase_60s", "leak", "staircase_batches", SEG, "--batch-every 1500 --batch-mb 18", "rate:25", 300, 1, ""),
    # Small creeps.
    ("e3_creep_0_75kb_walk", "leak", "small_creep", SEG, "--leak-kb 0.75", "walk:40:20:60:0:10", 300, 1, ""),
    ("e3_creep_3kb_every4th_bursts", "leak", "small_creep_bursts", SEG, "--leak-kb 3 --leak-every 4", "cycle:80:12:18", 300, 1, ""),
    # Case 3 again: restart loops keeping rendered objects (35 s and 25 s cycles), and one keeping nothing (44 s).
    ("e3_restart_loop_leak_35s", "leak", "restart_loop_leak", CONV, "--keep-mb 4 --max-conversions 70", "rate:2", 180, 0.5, "--plain"),
    ("e3_restart_loop_leak_25s", "leak", "restart_loop_leak", CONV, "--keep-mb 7 --max-conversions 25 --model-mb 25", "rate:1", 200, 1, "--plain"),
    ("e3_restart_loop_flat_44s", "no_leak", "restart_loop_flat", CONV, "--max-conversions 80 --model-mb 50", "rate:1.8", 220, 0.5, "--plain"),
    # Bounded and steady.
    ("e3_lru_fills_walk_2500", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 2500 --doc-kb 5", "walk:40:15:70:0:8", 270, 1, ""),
    ("e3_warmup_tau40s", "no_leak", "warmup_slow_tail", SEG, "--vocab-mb 70 --vocab-tau 1800", "rate:45", 300, 1, ""),
    ("e3_model_once_90mb", "no_leak", "model_loaded_once", SEG, "--model-mb 90 --preload en", "rate:35", 210, 0.5, "--at 70:es"),
    ("e3_gc_disabled_flat_10s", "no_leak", "gc_disabled_flat", SEG, "--gc-disable --gc-interval 10", "rate:30", 210, 0.5, ""),
    ("e3_steady_bursts_10of25", "no_leak", "bursts", SEG, "--cache none", "cycle:90:10:15", 360, 1, ""),
    ("e3_steady_pauses_gc3", "no_leak", "pauses", SEG, "--cache none --gc-interval 3", "cycle:60:50:40", 360, 1, ""),
]

# The third held-out batch (split eval4), recorded on 2026-12-05 after eval3 had been recorded: the same
# shapes again with parameters that none of PLAN, EVAL2 and EVAL3 used (ab concurrency and document sizes,
# cache sizes, leak and batch sizes, rates, walks and cycles, restart periods, GC settings, a warm-up tau
# of 2,000 requests), so that no run copies an earlier one (check() says so if one does). Labels from the
# switches alone, as above. Never analysed before the final evaluation.
EVAL4 = [
    # Case 1 twice: the unbounded doc_cache at full speed for 60 s (each alone), ab -c 4 and -c 2.
    ("e4_unbounded_ab_c4_doc1k_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 1", "ab:4", 60, 0.5, ""),
    ("e4_unbounded_ab_c2_doc6k_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 6", "ab:2", 60, 0.5, ""),
    ("e4_lru_full_speed_6000", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 6000 --doc-kb 4", "ab:5", 150, 1, ""),
    # Case 2 again: the slow leak whose slope follows a random-walk rate.
    ("e4_varying_rate_doc3k", "leak", "slow_leak_varying_rate", SEG, "--cache unbounded --doc-kb 3", "walk:35:10:75:0.6:9", 180, 0.5, ""),
    # Leak in bursts: the unbounded cache grows only while load comes; ends under load.
    ("e4_unbounded_bursts_15of35", "leak", "leak_bursts", SEG, "--cache unbounded --doc-kb 2", "cycle:50:15:20", 220, 1, ""),
    # A staircase: 14 MiB every 1,800 requests at 40 requests/s (a step every 45 s).
    ("e4_staircase_45s", "leak", "staircase_batches", SEG, "--batch-every 1800 --batch-mb 14", "rate:40", 240, 1, ""),
    # Small creeps.
    ("e4_creep_0_6kb_constant", "leak", "small_creep", SEG, "--leak-kb 0.6", "rate:45", 310, 1, ""),
    ("e4_creep_4kb_every5th_pauses", "leak", "small_creep_pauses", SEG, "--leak-kb 4 --leak-every 5", "cycle:60:40:30", 300, 1, ""),
    # Case 3 again: restart loops keeping rendered objects (40 s and 28 s cycles), and one keeping nothing (36 s).
    ("e4_restart_loop_leak_40s", "leak", "restart_loop_leak", CONV, "--keep-mb 4.5 --max-conversions 60", "rate:1.5", 200, 0.5, "--plain"),
    ("e4_restart_loop_leak_28s", "leak", "restart_loop_leak", CONV, "--keep-mb 9 --max-conversions 28 --model-mb 15", "rate:1", 180, 1, "--plain"),
    ("e4_restart_loop_flat_36s", "no_leak", "restart_loop_flat", CONV, "--max-conversions 65 --model-mb 35", "rate:1.8", 200, 0.5, "--plain"),
    # Bounded and steady.
    ("e4_lru_fills_constant_5000", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 5000 --doc-kb 6", "rate:55", 300, 1, ""),
    ("e4_warmup_tau50s", "no_leak", "warmup_slow_tail", SEG, "--vocab-mb 75 --vocab-tau 2000", "rate:40", 330, 1, ""),
    ("e4_model_once_140mb", "no_leak", "model_loaded_once", SEG, "--model-mb 140 --preload en", "rate:28", 240, 0.5, "--at 60:it"),
    ("e4_gc_disabled_flat_20s", "no_leak", "gc_disabled_flat", SEG, "--gc-disable --gc-interval 20", "rate:35", 240, 0.5, ""),
    ("e4_steady_bursts_15of30", "no_leak", "bursts", SEG, "--cache none", "cycle:75:15:15", 360, 1, ""),
    ("e4_steady_pauses_gc4", "no_leak", "pauses", SEG, "--cache none --gc-interval 4", "cycle:55:45:45", 360, 1, ""),
]

# The fourth held-out batch (split eval5), recorded on 2026-12-06 after eval4 had been scored: the same
# shapes again with parameters that none of PLAN, EVAL2, EVAL3 and EVAL4 used (ab concurrency and document
# sizes, cache sizes, leak and batch sizes, rates, walks and cycles, restart periods, GC settings, a warm-up
# tau of 2,200 requests, a model size, a one-off request time), so that no run copies an earlier one
# (check() says so if one does). Labels from the switches alone, as above. Never analysed before the final
# evaluation.
EVAL5 = [
    # Case 1 twice: the unbounded doc_cache at full speed for 60 s (each alone), ab -c 7 and -c 10.
    ("e5_unbounded_ab_c7_doc7k_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 7", "ab:7", 60, 0.5, ""),
    ("e5_unbounded_ab_c10_doc1_5k_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 1.5", "ab:10", 60, 0.5, ""),
    ("e5_lru_full_speed_16000", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 16000 --doc-kb 2.5", "ab:9", 150, 1, ""),
    # Case 2 again: the slow leak whose slope follows a random-walk rate.
    ("e5_varying_rate_doc0_5k", "leak", "slow_leak_varying_rate", SEG, "--cache unbounded --doc-kb 0.5", "walk:42:12:85:0.8:11", 180, 0.5, ""),
    # Leak in bursts: the unbounded cache grows only while load comes.
    ("e5_unbounded_bursts_14of39", "leak", "leak_bursts", SEG, "--cache unbounded --doc-kb 12", "cycle:65:14:25", 230, 1, ""),
    # A staircase: 22 MiB every 1,320 requests at 24 requests/s (a step every 55 s).
    ("e5_staircase_55s", "leak", "staircase_batches", SEG, "--batch-every 1320 --batch-mb 22", "rate:24", 250, 1, ""),
    # Small creeps.
    ("e5_creep_0_8kb_constant", "leak", "small_creep", SEG, "--leak-kb 0.8", "rate:38", 310, 1, ""),
    ("e5_creep_7kb_every6th_pauses", "leak", "small_creep_pauses", SEG, "--leak-kb 7 --leak-every 6", "cycle:45:35:42", 300, 1, ""),
    # Case 3 again: restart loops keeping rendered objects (46 s and 31 s cycles), and one keeping nothing (41 s).
    ("e5_restart_loop_leak_46s", "leak", "restart_loop_leak", CONV, "--keep-mb 5.5 --max-conversions 55", "rate:1.2", 210, 0.5, "--plain"),
    ("e5_restart_loop_leak_31s", "leak", "restart_loop_leak", CONV, "--keep-mb 12 --max-conversions 22 --model-mb 10", "rate:0.7", 190, 1, "--plain"),
    ("e5_restart_loop_flat_41s", "no_leak", "restart_loop_flat", CONV, "--max-conversions 90 --model-mb 45", "rate:2.2", 210, 0.5, "--plain"),
    # Bounded and steady.
    ("e5_lru_fills_constant_4500", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 4500 --doc-kb 9", "rate:52", 300, 1, ""),
    ("e5_warmup_tau52s", "no_leak", "warmup_slow_tail", SEG, "--vocab-mb 85 --vocab-tau 2200", "rate:42", 330, 1, ""),
    ("e5_model_once_110mb", "no_leak", "model_loaded_once", SEG, "--model-mb 110 --preload en", "rate:32", 240, 0.5, "--at 80:pt"),
    ("e5_gc_disabled_flat_12s", "no_leak", "gc_disabled_flat", SEG, "--gc-disable --gc-interval 12", "rate:36", 240, 0.5, ""),
    ("e5_steady_bursts_22of47", "no_leak", "bursts", SEG, "--cache none", "cycle:85:22:25", 360, 1, ""),
    ("e5_steady_pauses_gc6", "no_leak", "pauses", SEG, "--cache none --gc-interval 6", "cycle:48:52:55", 360, 1, ""),
]

# The fifth held-out batch (split eval6), recorded on 2026-12-06 after eval5 had been scored: EVAL5's shapes
# again with parameters that none of PLAN and EVAL2-EVAL5 used (ab concurrency and document sizes, cache
# sizes, leak and batch sizes, rates, walks and cycles, restart periods, GC intervals, a warm-up tau of 2,100
# requests, a model size, a one-off request time), so that no run copies an earlier one (check() says so if
# one does); and, beyond EVAL5's shapes, two more gc_disabled_flat runs (collections every 8 and 14 s) and a
# staircase of small steps (7 MiB every ~43 s). Labels from the switches alone, as above. Never analysed
# before the final evaluation.
EVAL6 = [
    # Case 1 twice: the unbounded doc_cache at full speed for 60 s (each alone), ab -c 12 and -c 14.
    ("e6_unbounded_ab_c12_doc4_5k_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 4.5", "ab:12", 60, 0.5, ""),
    ("e6_unbounded_ab_c14_doc10k_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 10", "ab:14", 60, 0.5, ""),
    ("e6_lru_full_speed_10000", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 10000 --doc-kb 3.5", "ab:11", 150, 1, ""),
    # Case 2 again: the slow leak whose slope follows a random-walk rate.
    ("e6_varying_rate_doc1_2k", "leak", "slow_leak_varying_rate", SEG, "--cache unbounded --doc-kb 1.2", "walk:38:9:78:0.7:12", 180, 0.5, ""),
    # Leak in bursts: the unbounded cache grows only while load comes; ends under load.
    ("e6_unbounded_bursts_16of44", "leak", "leak_bursts", SEG, "--cache unbounded --doc-kb 13", "cycle:58:16:28", 236, 1, ""),
    # Staircases: 26 MiB every 1,520 requests at 29 requests/s (a step every ~52 s), and small steps: 7 MiB
    # every 1,410 requests at 33 requests/s (a step every ~43 s).
    ("e6_staircase_52s", "leak", "staircase_batches", SEG, "--batch-every 1520 --batch-mb 26", "rate:29", 270, 1, ""),
    ("e6_staircase_small_7mb_43s", "leak", "staircase_batches", SEG, "--batch-every 1410 --batch-mb 7", "rate:33", 300, 1, ""),
    # Small creeps.
    ("e6_creep_0_9kb_constant", "leak", "small_creep", SEG, "--leak-kb 0.9", "rate:44", 300, 1, ""),
    ("e6_creep_5kb_every3rd_pauses", "leak", "small_creep_pauses", SEG, "--leak-kb 5 --leak-every 3", "cycle:47:36:34", 300, 1, ""),
    # Case 3 again: restart loops keeping rendered objects (34 s and 27 s cycles), and one keeping nothing (53 s).
    ("e6_restart_loop_leak_34s", "leak", "restart_loop_leak", CONV, "--keep-mb 6.5 --max-conversions 48", "rate:1.4", 200, 0.5, "--plain"),
    ("e6_restart_loop_leak_27s", "leak", "restart_loop_leak", CONV, "--keep-mb 11 --max-conversions 24 --model-mb 18", "rate:0.9", 200, 1, "--plain"),
    ("e6_restart_loop_flat_53s", "no_leak", "restart_loop_flat", CONV, "--max-conversions 85 --model-mb 55", "rate:1.6", 210, 0.5, "--plain"),
    # Bounded and steady.
    ("e6_lru_fills_constant_5500", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 5500 --doc-kb 11", "rate:57", 300, 1, ""),
    ("e6_warmup_tau49s", "no_leak", "warmup_slow_tail", SEG, "--vocab-mb 95 --vocab-tau 2100", "rate:43", 330, 1, ""),
    ("e6_model_once_130mb", "no_leak", "model_loaded_once", SEG, "--model-mb 130 --preload en", "rate:27", 240, 0.5, "--at 75:nl"),
    # Collection off, nothing kept: three runs, gc.collect() every 18, 8 and 14 s.
    ("e6_gc_disabled_flat_18s", "no_leak", "gc_disabled_flat", SEG, "--gc-disable --gc-interval 18", "rate:39", 240, 0.5, ""),
    ("e6_gc_disabled_flat_8s", "no_leak", "gc_disabled_flat", SEG, "--gc-disable --gc-interval 8", "rate:31", 270, 0.5, ""),
    ("e6_gc_disabled_flat_14s", "no_leak", "gc_disabled_flat", SEG, "--gc-disable --gc-interval 14", "rate:26", 300, 1, ""),
    ("e6_steady_bursts_18of40", "no_leak", "bursts", SEG, "--cache none", "cycle:95:18:22", 360, 1, ""),
    ("e6_steady_pauses_gc9", "no_leak", "pauses", SEG, "--cache none --gc-interval 9", "cycle:62:48:44", 360, 1, ""),
]

# The sixth held-out batch (split eval7), recorded on 2026-12-06 after the rounded-readings rules: EVAL6's
# shapes again with parameters none of PLAN and EVAL2-EVAL6 used, plus an LRU at full speed large enough to
# fill for ~40 s (as long as case 1 is watched) and a restart loop keeping nothing with a short life. Labels
# from the switches alone, as above. Never analysed before the final evaluation.
EVAL7 = [
    # Case 1 twice: the unbounded doc_cache at full speed for 60 s (each alone), ab -c 13 and -c 15.
    ("e7_unbounded_ab_c13_doc5_5k_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 5.5", "ab:13", 60, 0.5, ""),
    ("e7_unbounded_ab_c15_doc8_5k_60s", "leak", "unbounded_cache_full_speed", SEG, "--cache unbounded --doc-kb 8.5", "ab:15", 60, 0.5, ""),
    ("e7_lru_full_speed_30000", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 30000 --doc-kb 1.8", "ab:13", 180, 1, ""),
    # Case 2 again: the slow leak whose slope follows a random-walk rate.
    ("e7_varying_rate_doc3_2k", "leak", "slow_leak_varying_rate", SEG, "--cache unbounded --doc-kb 3.2", "walk:36:11:82:0.9:9", 180, 0.5, ""),
    # Leak in bursts: the unbounded cache grows only while load comes; ends under load.
    ("e7_unbounded_bursts_19of50", "leak", "leak_bursts", SEG, "--cache unbounded --doc-kb 14", "cycle:52:19:31", 250, 1, ""),
    # Staircases: 19 MiB every 1,650 requests at 34 requests/s (a step every ~49 s), and small steps: 9 MiB
    # every 1,100 requests at 23 requests/s (a step every ~48 s).
    ("e7_staircase_49s", "leak", "staircase_batches", SEG, "--batch-every 1650 --batch-mb 19", "rate:34", 280, 1, ""),
    ("e7_staircase_small_9mb_48s", "leak", "staircase_batches", SEG, "--batch-every 1100 --batch-mb 9", "rate:23", 300, 1, ""),
    # Small creeps.
    ("e7_creep_1_1kb_constant", "leak", "small_creep", SEG, "--leak-kb 1.1", "rate:37", 300, 1, ""),
    ("e7_creep_6kb_every7th_pauses", "leak", "small_creep_pauses", SEG, "--leak-kb 6 --leak-every 7", "cycle:68:42:38", 320, 1, ""),
    # Case 3 again: restart loops keeping rendered objects (~27 s and ~20 s cycles), and one keeping nothing (~18 s).
    ("e7_restart_loop_leak_27s", "leak", "restart_loop_leak", CONV, "--keep-mb 7.5 --max-conversions 35", "rate:1.3", 200, 0.5, "--plain"),
    ("e7_restart_loop_leak_20s", "leak", "restart_loop_leak", CONV, "--keep-mb 13 --max-conversions 26 --model-mb 22", "rate:1.3", 180, 1, "--plain"),
    ("e7_restart_loop_flat_18s", "no_leak", "restart_loop_flat", CONV, "--max-conversions 34 --model-mb 65", "rate:1.9", 200, 0.5, "--plain"),
    # Bounded and steady.
    ("e7_lru_fills_constant_3800", "no_leak", "lru_cache_fills", SEG, "--cache lru --max-cache-size 3800 --doc-kb 6.5", "rate:46", 300, 1, ""),
    ("e7_warmup_tau62s", "no_leak", "warmup_slow_tail", SEG, "--vocab-mb 105 --vocab-tau 2600", "rate:41", 360, 1, ""),
    ("e7_model_once_75mb", "no_leak", "model_loaded_once", SEG, "--model-mb 75 --preload en", "rate:21", 240, 0.5, "--at 85:sv"),
    # Collection off, nothing kept: gc.collect() every 11, 16 and 22 s.
    ("e7_gc_disabled_flat_11s", "no_leak", "gc_disabled_flat", SEG, "--gc-disable --gc-interval 11", "rate:48", 240, 0.5, ""),
    ("e7_gc_disabled_flat_16s", "no_leak", "gc_disabled_flat", SEG, "--gc-disable --gc-interval 16", "rate:34", 270, 0.5, ""),
    ("e7_gc_disabled_flat_22s", "no_leak", "gc_disabled_flat", SEG, "--gc-disable --gc-interval 22", "rate:29", 300, 1, ""),
    ("e7_steady_bursts_21of45", "no_leak", "bursts", SEG, "--cache none", "cycle:88:21:24", 360, 1, ""),
    ("e7_steady_pauses_gc11", "no_leak", "pauses", SEG, "--cache none --gc-interval 11", "cycle:44:38:36", 360, 1, ""),
]

SETS = {"main": PLAN, "eval2": EVAL2, "eval3": EVAL3, "eval4": EVAL4, "eval5": EVAL5, "eval6": EVAL6, "eval7": EVAL7}


def held_out_sets():
    """(split, plan) of every batch after PLAN: each is one split of its own, named as its set."""
    return [(name, plan) for name, plan in SETS.items() if name != "main"]


def entries():
    """One labelled file per recording of every plan, and a second (the plain t_s,rss_mb CSV) for each
    --plain one."""
    out = []
    for name, label, shape, service, switches, load, seconds, interval, extra in (r for plan in SETS.values() for r in plan):
        out.append(dict(file=f"{name}.csv", recording=name, label=label, shape=shape, service=service,
                        switches=switches, load=load, duration_s=seconds, interval_s=interval, extra=extra))
        if "--plain" in extra:
            out.append(dict(file=f"{name}.plain.csv", recording=name, label=label, shape=shape + "_no_markers",
                            service=service, switches=switches, load=load, duration_s=seconds, interval_s=interval,
                            extra=extra))
    return out


def splits():
    """tune/eval per recording, drawn per shape: half each, in random order. The odd one out of a
    shape goes to tune and eval in turn (from a coin), so the two sides stay near half the corpus.
    A plain copy shares its recording's split, so the same run is never on both sides."""
    rng = random.Random(SPLIT_SEED)
    by_shape = defaultdict(list)
    for name, _label, shape, *_ in PLAN:
        by_shape[shape].append(name)
    chosen = {}
    odd_to_tune = rng.random() < 0.5
    for shape in sorted(by_shape):
        names = sorted(by_shape[shape])
        rng.shuffle(names)
        half = len(names) // 2
        if len(names) % 2:
            half += odd_to_tune
            odd_to_tune = not odd_to_tune
        for i, n in enumerate(names):
            chosen[n] = "tune" if i < half else "eval"
    # The held-out batches are not drawn: all of each is held out, under its set's name, and PLAN's draw
    # above does not see them.
    for set_name, plan in held_out_sets():
        chosen.update({row[0]: set_name for row in plan})
    return chosen


def load_words(load):
    kind, *p = load.split(":")
    if kind == "ab":
        return f"ab -c {p[0]} -k -p body.json at full speed"
    if kind == "rate":
        return f"leakhound-cli bench --rate {p[0]}"
    if kind == "walk":
        return f"rate random walk from {p[0]} req/s in [{p[1]}, {p[2]}], drift {p[3]}/step, a step every {p[4]} s"
    if kind == "cycle":
        return f"{p[0]} req/s for {p[1]} s then nothing for {p[2]} s, repeated"
    return load


def write_labels():
    split = splits()
    import csv
    path = os.path.join(OUT, "labels.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["file", "label", "shape", "split", "unit", "service", "switches", "load", "duration_s",
                    "interval_s", "notes"])
        for e in entries():
            if not os.path.exists(os.path.join(OUT, e["file"])):
                continue
            extra = e["extra"].replace("--plain", "").strip()
            notes = load_words(e["load"]) + (f"; one-off request {extra.replace('--at ', 'at s:language ')}" if extra else "")
            if e["file"].endswith(".plain.csv"):
                notes += "; plain t_s,rss_mb (process RSS) of the same run, no pid/uptime/events"
            w.writerow([e["file"], e["label"], e["shape"], split[e["recording"]], "MiB", e["service"],
                        e["switches"], e["load"], e["duration_s"], e["interval_s"], notes])
    print(f"wrote {path}")


def check():
    """labels.csv against the files: every row's file is there with data, labels and splits are
    what the plan says, plain copies hold only t_s,rss_mb. Returns the problems, one a line."""
    import csv
    problems = []
    with open(os.path.join(OUT, "labels.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    planned = {e["file"]: e for e in entries()}
    split = splits()
    for r in rows:
        path = os.path.join(OUT, r["file"])
        e = planned.get(r["file"])
        if e is None:
            problems.append(f"{r['file']}: not in corpus.py's PLAN")
            continue
        if r["label"] != e["label"] or r["split"] != split[e["recording"]]:
            problems.append(f"{r['file']}: label/split {r['label']}/{r['split']} differ from the plan")
        with open(path, newline="") as f:
            data = list(csv.reader(f))
        if r["file"].endswith(".plain.csv") and data[0] != ["t_s", "rss_mb"]:
            problems.append(f"{r['file']}: expected only t_s,rss_mb, got {data[0]}")
        if len(data) < 60:
            problems.append(f"{r['file']}: only {len(data) - 1} rows")
        last_t = float(data[-1][0])
        if last_t < 0.9 * float(r["duration_s"]) - 2:
            problems.append(f"{r['file']}: ends at {last_t:.0f}s of {r['duration_s']}s")
    problems += repeats()
    counts = ", ".join(f"{sum(1 for r in rows if r['split'] == s)} {s}" for s in ["tune", "eval"] + [n for n, _ in held_out_sets()])
    print(f"{len(rows)} files ({sum(1 for r in rows if not r['file'].endswith('.plain.csv'))} recordings): {counts}; "
          f"{sum(1 for r in rows if r['label'] == 'leak')} leak, {sum(1 for r in rows if r['label'] == 'no_leak')} no_leak")
    return problems


def repeats():
    """Each held-out batch must be new runs: no recording of one (switches and load) may copy a recording
    of PLAN or of an earlier batch, nor another of its own batch."""
    problems, seen = [], {}
    for set_name, plan in SETS.items():
        for name, *_, switches, load, _seconds, _interval, _extra in plan:
            key = (tuple(sorted(filter(None, (" " + switches).split(" --")))), load)  # switch order aside
            if key in seen and set_name != "main":
                problems.append(f"{name}: switches {switches!r} and load {load} repeat {seen[key]}'s")
            seen.setdefault(key, name)
    return problems


def record_one(row, log_lock, cli):
    name, _label, _shape, service, switches, load, seconds, interval, extra = row
    argv = ["/usr/bin/python3", os.path.join(HERE, "record.py"), "--service", service, f"--args={switches}",
            "--load", load, "--duration", str(seconds), "--interval", str(interval),
            "--seed", str(sum(map(ord, name)) % 1000), "--out", os.path.join(OUT, name)] + extra.split()
    argv += ["--cli", cli] if cli else []
    started = time.monotonic()
    rc = subprocess.call(argv)
    # The run's command lines and load summary, kept apart from the series.
    os.makedirs(os.path.join(OUT, "logs"), exist_ok=True)
    if os.path.exists(os.path.join(OUT, name + ".log")):
        os.replace(os.path.join(OUT, name + ".log"), os.path.join(OUT, "logs", name + ".log"))
    with log_lock:
        print(f"{time.strftime('%H:%M:%S')} {name}: exit {rc} after {time.monotonic() - started:.0f}s", flush=True)


def record(plan, only, jobs, cli):
    unknown = only - {r[0] for r in plan}
    if unknown:
        raise SystemExit(f"corpus.py: --only {','.join(sorted(unknown))}: not in this plan (--set {', '.join(SETS)})")
    rows = [r for r in plan if not only or r[0] in only]
    os.makedirs(OUT, exist_ok=True)
    lock = threading.Lock()
    alone = [r for r in rows if r[5].startswith("ab:")]
    paired = sorted((r for r in rows if not r[5].startswith("ab:")), key=lambda r: -r[6])
    for r in alone:
        record_one(r, lock, cli)
    queue = list(paired)

    def worker():
        while True:
            with lock:
                if not queue:
                    return
                r = queue.pop(0)
            record_one(r, lock, cli)

    threads = [threading.Thread(target=worker) for _ in range(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=["record", "labels", "check"])
    ap.add_argument("--set", choices=sorted(SETS), default="main", help="which plan to record (default main)")
    ap.add_argument("--only", default="")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cli", default="", help="leakhound-cli for record.py (default: record.py's, build/app/cli)")
    a = ap.parse_args()
    if a.what == "check":
        problems = check()
        for p in problems:
            print(p)
        return 1 if problems else 0
    if a.what == "record":
        record(SETS[a.set], set(filter(None, a.only.split(","))), min(2, a.jobs), a.cli)
    write_labels()
    return 0


if __name__ == "__main__":
    sys.exit(main())
