#!/usr/bin/python3
"""A stand-in for the seed's segmentation service (SEG-042), for recording
real memory series: FastAPI under uvicorn, one process, CPython's allocator
and collector shaping resident memory.

POST /segment {"text": ..., "language": ...} splits the text into sentences
and tokens and builds the Python objects a spaCy-like pipeline would (dicts,
lists, strings, with sentence <-> token reference cycles that only the cyclic
collector frees). Each processed document goes into doc_cache, keyed by a
per-request document id, so no two requests share an entry: unbounded (the
seed's bug) or LRU-bounded by --max-cache-size (the seed's fix).

GET /memory-stats answers in the seed's shape:
{"memory": {"rss_mb": ...}, "language_processor": {"cache_size": ...,
"loaded_models": [...]}, "timestamp": ...}.

Switches (all off by default) make the memory shapes the leak analysis must
tell apart; bench/standins/README.md lists which switch makes which shape.
"""
import argparse
import datetime
import gc
import math
import os
import random
import re
import threading
import time
from collections import OrderedDict

import psutil
import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def parse_args():
    p = argparse.ArgumentParser(description="segmentation service stand-in")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--cache", choices=["unbounded", "lru", "none"], default="none",
                   help="doc_cache: unbounded (the bug), lru (bounded by --max-cache-size), none")
    p.add_argument("--max-cache-size", type=int, default=int(os.environ.get("MAX_CACHE_SIZE", "1000")),
                   help="LRU limit in documents (env MAX_CACHE_SIZE)")
    p.add_argument("--doc-kb", type=float, default=0.0,
                   help="extra per-document payload kept with a cached document (a float 'vector'), KiB")
    p.add_argument("--leak-kb", type=float, default=0.0,
                   help="KiB kept forever per request outside the cache (a global list of small objects)")
    p.add_argument("--leak-every", type=int, default=1,
                   help="keep the --leak-kb only every Nth request (a slower creep)")
    p.add_argument("--batch-every", type=int, default=0,
                   help="every N requests, keep a batch of --batch-mb forever (a staircase)")
    p.add_argument("--batch-mb", type=float, default=0.0)
    p.add_argument("--vocab-mb", type=float, default=0.0,
                   help="a vocabulary that grows toward this size and levels off (a warm-up tail)")
    p.add_argument("--vocab-tau", type=float, default=10000.0,
                   help="requests over which the vocabulary reaches 63 %% of --vocab-mb")
    p.add_argument("--model-mb", type=float, default=0.0,
                   help="a 'model' loaded lazily on the first request for each language, MiB")
    p.add_argument("--preload", default="",
                   help="comma-separated languages whose model is loaded at start")
    p.add_argument("--gc-interval", type=float, default=float(os.environ.get("GC_INTERVAL", "0")),
                   help="seconds between forced gc.collect() calls (env GC_INTERVAL); 0: none")
    p.add_argument("--gc-threshold", type=int, default=0,
                   help="gc generation-0 threshold; 0: CPython's default (700)")
    p.add_argument("--gc-disable", action="store_true",
                   help="turn the automatic collector off: cyclic garbage piles up until --gc-interval (a sawtooth)")
    p.add_argument("--seed", type=int, default=1)
    return p.parse_args()


ARGS = parse_args()
RNG = random.Random(ARGS.seed)
if ARGS.gc_threshold:
    gc.set_threshold(ARGS.gc_threshold, 10, 10)
if ARGS.gc_disable:
    gc.disable()


def floats(kib):
    """About `kib` KiB of distinct float objects in a list (32 bytes each)."""
    return [RNG.random() for _ in range(int(kib * 1024 / 32))]


def small_objects(kib, tag):
    """About `kib` KiB of small strings in a list: pymalloc's territory."""
    n = max(1, int(kib * 1024 / 80))
    return [f"{tag}:{i}:{RNG.getrandbits(64):016x}" for i in range(n)]


class LanguageProcessor:
    def __init__(self):
        self.doc_cache = OrderedDict() if ARGS.cache != "none" else {}
        self.nlp_models = {}
        self.kept = []          # --leak-kb: the slow leak outside the cache
        self.batches = []       # --batch-mb: the staircase
        self.vocab = {}         # --vocab-mb: the saturating warm-up
        self.vocab_kib = 0.0
        self.requests = 0
        self.lock = threading.Lock()

    def get_nlp_model(self, language):
        """Lazy loading, as in the seed: a one-off step the first time a language is seen."""
        if language not in self.nlp_models:
            self.nlp_models[language] = {"weights": floats(ARGS.model_mb * 1024 * 0.75),
                                         "lexicon": small_objects(ARGS.model_mb * 1024 * 0.25, language)} \
                if ARGS.model_mb > 0 else {}
        return self.nlp_models[language]

    def process(self, text, language):
        self.get_nlp_model(language)
        sentences = []
        for s_index, sentence_text in enumerate(SENTENCE_END.split(text.strip())):
            sentence = {"index": s_index, "text": sentence_text, "tokens": []}
            offset = 0
            for match in TOKEN.finditer(sentence_text):
                word = match.group(0)
                token = {"text": word, "lower": word.lower(), "shape": "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in word[:4]),
                         "start": match.start(), "end": match.end(), "is_punct": not word[0].isalnum(),
                         "sent": sentence}  # a reference cycle: freed by the cyclic collector only
                sentence["tokens"].append(token)
                offset = match.end()
            sentence["length"] = offset
            sentences.append(sentence)
        return {"language": language, "text": text, "sentences": sentences}

    def grow_vocab(self):
        if ARGS.vocab_mb <= 0:
            return
        target_kib = ARGS.vocab_mb * 1024 * (1 - math.exp(-self.requests / ARGS.vocab_tau))
        while self.vocab_kib + 4 <= target_kib:
            self.vocab[len(self.vocab)] = small_objects(4, "v")
            self.vocab_kib += 4

    def segment(self, text, language):
        with self.lock:
            self.requests += 1
            n = self.requests
        doc = self.process(text, language)
        with self.lock:
            if ARGS.cache != "none":
                # The document id makes every request a new entry, as a cache keyed by request would.
                key = f"{language}:{n}:{text[:40]}"
                if ARGS.doc_kb > 0:
                    doc["vector"] = floats(ARGS.doc_kb)
                self.doc_cache[key] = doc
                if ARGS.cache == "lru":
                    while len(self.doc_cache) > ARGS.max_cache_size:
                        self.doc_cache.popitem(last=False)
            if ARGS.leak_kb > 0 and n % ARGS.leak_every == 0:
                self.kept.append(small_objects(ARGS.leak_kb, "k"))
            if ARGS.batch_every and n % ARGS.batch_every == 0:
                self.batches.append(small_objects(ARGS.batch_mb * 1024, "b"))
            self.grow_vocab()
        return {"language": language,
                "sentences": [{"text": s["text"], "tokens": [t["text"] for t in s["tokens"]]} for s in doc["sentences"]]}


processor = LanguageProcessor()
for lang in filter(None, ARGS.preload.split(",")):
    processor.get_nlp_model(lang)
process = psutil.Process()
app = FastAPI(title="segmentation stand-in")


class Document(BaseModel):
    text: str
    language: str = "en"


@app.post("/segment")
def segment(doc: Document):
    return processor.segment(doc.text, doc.language)


@app.get("/memory-stats")
def memory_stats():
    info = process.memory_info()
    return {
        "memory": {"rss_mb": info.rss / 1024 / 1024, "vms_mb": info.vms / 1024 / 1024},
        "language_processor": {"cache_size": len(processor.doc_cache),
                               "loaded_models": list(processor.nlp_models.keys())},
        "timestamp": datetime.datetime.now().isoformat(),
    }


def periodic_gc():
    while True:
        time.sleep(ARGS.gc_interval)
        gc.collect()


if __name__ == "__main__":
    if ARGS.gc_interval > 0:
        threading.Thread(target=periodic_gc, daemon=True).start()
    uvicorn.run(app, host=ARGS.host, port=ARGS.port, log_level="warning", access_log=False)
