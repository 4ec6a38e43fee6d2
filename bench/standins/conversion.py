#!/usr/bin/python3
"""A stand-in for the seed's PDF conversion service (the marker service on
:8002): werkzeug's run_simple, single-threaded and single-process as the
seed's fix runs it, with psutil's RSS on /health.

POST /convert takes a PDF (a multipart upload in field "file", or the raw
body) and "renders" it: a page per 2 KiB of input (at least --pages), each a
list of text lines (small objects) and a bitmap (a bytearray). With --keep-mb
the rendered output, padded to that many MiB, is appended to a global list
and never freed (the seed's "converted objects not released"); otherwise it
is deleted and gc.collect() runs, as the seed's fix does.

After --max-conversions conversions (the seed's MAX_CONVERSIONS = 50), or past
--memory-threshold-gb, the process exits once the reply is sent; supervisor.py
starts it again at once, as the seed's auto_restart_marker.sh does.

GET /health: {"status", "memory_usage_gb", "conversions", "pid",
"uptime_seconds"}; --health-plain leaves out pid and uptime.
"""
import argparse
import logging
import gc
import json
import os
import random
import sys
import time

import psutil
from werkzeug.serving import run_simple
from werkzeug.wrappers import Request, Response


def parse_args():
    p = argparse.ArgumentParser(description="conversion service stand-in")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--keep-mb", type=float, default=0.0, help="MiB of rendered objects kept forever per conversion (the leak)")
    p.add_argument("--pages", type=int, default=4, help="pages rendered per conversion at the least")
    p.add_argument("--bitmap-kb", type=int, default=96, help="bitmap size per page, KiB")
    p.add_argument("--model-mb", type=float, default=0.0, help="a global 'model' loaded at start, MiB")
    p.add_argument("--max-conversions", type=int, default=int(os.environ.get("MAX_CONVERSIONS", "0")),
                   help="exit after this many conversions (env MAX_CONVERSIONS); 0: never")
    p.add_argument("--memory-threshold-gb", type=float, default=float(os.environ.get("MEMORY_THRESHOLD_GB", "0")),
                   help="exit after a conversion when RSS passes this (env MEMORY_THRESHOLD_GB); 0: never")
    p.add_argument("--health-plain", action="store_true", help="/health without pid and uptime")
    p.add_argument("--seed", type=int, default=1)
    return p.parse_args()


ARGS = parse_args()
RNG = random.Random(ARGS.seed ^ os.getpid())
PROCESS = psutil.Process(os.getpid())
STARTED = time.monotonic()
MODEL = [[RNG.random() for _ in range(1024)] for _ in range(int(ARGS.model_mb * 1024 / 32))] if ARGS.model_mb else []
rendered_documents = []   # the leak: grows by --keep-mb per conversion
conversions = 0


def memory_usage_gb():
    return PROCESS.memory_info().rss / (1024 ** 3)


def render(pdf, pages):
    """Pages of text lines and bitmaps, built from the PDF's bytes."""
    out = []
    for page in range(pages):
        chunk = pdf[page * 2048:(page + 1) * 2048] or pdf[:2048]
        lines = [f"p{page}l{i}: " + chunk[i * 32:(i + 1) * 32].hex() for i in range(64)]
        bitmap = bytearray(ARGS.bitmap_kb * 1024)
        bitmap[::4096] = bytes([page % 256]) * len(bitmap[::4096])
        out.append({"page": page, "lines": lines, "bitmap": bitmap, "blocks": [{"bbox": (i, i, i + 9, i + 9), "kind": "text"} for i in range(32)]})
    return out


def keep(rendered):
    """Keep the rendered document and pad what is kept to --keep-mb (small objects and buffers)."""
    kept_kb = sum(len(p["bitmap"]) for p in rendered) / 1024
    target_kb = ARGS.keep_mb * 1024
    extra = []
    while kept_kb < target_kb:
        extra.append(bytearray(64 * 1024))
        extra.append([f"{RNG.getrandbits(64):x}" for _ in range(200)])
        kept_kb += 64 + 200 * 0.08
    rendered_documents.append((rendered, extra))


def convert(request):
    global conversions
    upload = request.files.get("file")
    pdf = upload.read() if upload else request.get_data()
    if not pdf:
        return Response(json.dumps({"error": "expected a PDF upload in field 'file' or a body"}), 400,
                        mimetype="application/json")
    pages = max(ARGS.pages, len(pdf) // 2048)
    rendered = render(pdf, pages)
    text_length = sum(len(line) for p in rendered for line in p["lines"])
    if ARGS.keep_mb > 0:
        keep(rendered)
    del rendered
    gc.collect()
    conversions += 1
    response = Response(json.dumps({"pages": pages, "characters": text_length, "conversions": conversions}),
                        mimetype="application/json")
    limit_hit = (ARGS.max_conversions and conversions >= ARGS.max_conversions) or \
                (ARGS.memory_threshold_gb and memory_usage_gb() > ARGS.memory_threshold_gb)
    if limit_hit:
        # Exit once the reply has gone out; the supervisor starts a new process.
        response.call_on_close(lambda: os._exit(0))
    return response


def health():
    body = {"status": "ok", "memory_usage_gb": memory_usage_gb(), "conversions": conversions}
    if not ARGS.health_plain:
        body["pid"] = os.getpid()
        body["uptime_seconds"] = time.monotonic() - STARTED
    return Response(json.dumps(body), mimetype="application/json")


@Request.application
def app(request):
    if request.path == "/convert" and request.method == "POST":
        return convert(request)
    if request.path == "/health":
        return health()
    return Response(json.dumps({"error": "not found"}), 404, mimetype="application/json")


if __name__ == "__main__":
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request
    sys.stderr.write(f"conversion stand-in pid {os.getpid()} on :{ARGS.port}\n")
    run_simple(ARGS.host, ARGS.port, app, threaded=False, processes=1)
