#!/usr/bin/python3
"""Records one real memory series of a stand-in service under load.

Starts the stand-in (segmentation.py, or conversion.py under supervisor.py)
on a free loopback port with the given switches, samples it with
`leakhound-cli monitor` for --duration, drives it with the --load pattern
meanwhile, and stops everything it started (process groups) at the end or on
any error. Writes OUT.csv and OUT.events.csv as the monitor writes them and,
with --plain, OUT.plain.csv holding only t_s,rss_mb (the way users keep a
restart loop: no pid, uptime, version or events).

Load patterns (--load):
  ab:C                         full speed: ab -c C -k -p body.json for the whole run
  rate:R                       leakhound-cli bench --rate R for the whole run
  walk:R0:LO:HI:DRIFT:STEP     the rate takes a random walk, a new rate every STEP s,
                               drifting by DRIFT req/s per step, kept in [LO, HI]
  cycle:R:ON:OFF               bursts or pauses: R req/s for ON s, nothing for OFF s, repeated
Extra one-off requests: --at SECONDS:LANGUAGE (segmentation: a document in a
new language, so a lazily loaded model steps memory up once).

Example:
  record.py --service segmentation --args "--cache unbounded" --load ab:4 \\
      --duration 60 --interval 0.5 --out /tmp/case1
"""
import argparse
import csv
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PYTHON = "/usr/bin/python3"
PDFS = os.path.join(ROOT, "resources", "scenarios", "conversion-pdfs")

# Four sentences, about 330 bytes: what the seed's clients send to /segment.
TEXT = ("The segmentation service splits each document into sentences and tokens. "
        "Every request brings a document the cache has not seen before, with its own id. "
        "Memory should level off once the language models are loaded! "
        "Does it, or does the document cache keep every result forever?")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_group(argv, log):
    return subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def stop_group(proc, grace=5.0):
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    except ProcessLookupError:
        pass


def wait_up(url, deadline_s=20.0):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                r.read()
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"record.py: the service did not answer {url} within {deadline_s:.0f}s")


class Load:
    """Runs a load pattern in a thread; stop() ends it and any client it started."""

    def __init__(self, spec, url, body, content_type, upload, duration, cli, log, seed):
        self.spec, self.url, self.body, self.content_type = spec, url, body, content_type
        self.upload, self.duration, self.cli, self.log = upload, duration, cli, log
        self.rng = random.Random(seed)
        self.stopping = threading.Event()
        self.child = None
        self.thread = threading.Thread(target=self.run, daemon=True)

    def client(self, rate, seconds, extra=()):
        if self.spec.startswith("ab:"):
            concurrency = int(self.spec.split(":")[1])
            argv = ["ab", "-q", "-c", str(concurrency), "-k", "-t", str(int(seconds)), "-n", "100000000",
                    "-p", self.body, "-T", self.content_type, self.url]
        else:
            argv = [self.cli, "bench", "-q", "-c", "8", "-t", f"{seconds:.1f}s", "-s", "30"]
            argv += ["--rate", f"{rate:g}"] if rate else []
            argv += list(extra)
            argv += ["--upload", self.upload] if self.upload else ["-p", self.body, "-T", self.content_type]
            argv.append(self.url)
        return argv

    def run_client(self, argv):
        if self.stopping.is_set():
            return
        self.log.write("load: " + " ".join(argv) + "\n")
        self.log.flush()
        self.child = start_group(argv, self.log)
        self.child.wait()

    def pause(self, seconds):
        self.stopping.wait(seconds)

    def run(self):
        kind, *p = self.spec.split(":")
        if kind == "ab":
            self.run_client(self.client(None, self.duration))
        elif kind == "rate":
            self.run_client(self.client(float(p[0]), self.duration))
        elif kind == "walk":
            r, lo, hi, drift, step = (float(x) for x in p)
            stages, t = [], 0.0
            while t < self.duration:
                r = min(hi, max(lo, r + drift + self.rng.gauss(0, (hi - lo) / 6)))
                stages += ["--stage", f"{step:g}s:{r:.1f}"]
                t += step
            self.run_client(self.client(float(p[0]), self.duration, stages))
        elif kind == "cycle":
            rate, on, off = (float(x) for x in p)
            end = time.monotonic() + self.duration
            while not self.stopping.is_set() and time.monotonic() < end:
                self.run_client(self.client(rate, min(on, max(1.0, end - time.monotonic()))))
                self.pause(min(off, max(0.0, end - time.monotonic())))
        else:
            raise SystemExit(f"record.py: --load {self.spec}: expected ab:C, rate:R, walk:R0:LO:HI:DRIFT:STEP or cycle:R:ON:OFF")

    def start(self):
        self.thread.start()

    def stop(self):
        self.stopping.set()
        stop_group(self.child)
        self.thread.join(10)


def one_off(url, at_s, language, t0, stopping):
    if stopping.wait(max(0.0, t0 + at_s - time.monotonic())):
        return
    body = json.dumps({"text": TEXT, "language": language}).encode()
    req = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(req, timeout=120).read()
    except OSError as e:
        sys.stderr.write(f"record.py: one-off request at {at_s}s failed: {e}\n")


def write_plain(monitor_csv, plain_csv, port):
    """t_s,rss_mb from the process RSS (port:PORT), nothing else."""
    with open(monitor_csv, newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    wanted = [i for i, c in enumerate(header) if c.endswith("rss_mb") and str(port) in c]
    if not wanted:
        raise SystemExit(f"record.py: no process rss_mb column for port {port} in {monitor_csv} (columns: {header})")
    col = wanted[0]
    with open(plain_csv, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["t_s", "rss_mb"])
        for row in rows[1:]:
            if row[col] != "":
                w.writerow([row[0], row[col]])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--service", choices=["segmentation", "conversion"], required=True)
    ap.add_argument("--args", default="", help="the stand-in's switches, one string")
    ap.add_argument("--load", required=True)
    ap.add_argument("--duration", type=float, required=True, help="seconds recorded")
    ap.add_argument("--interval", type=float, default=0.5, help="seconds between samples")
    ap.add_argument("--lead", type=float, default=2.0, help="seconds recorded before the load starts")
    ap.add_argument("--at", action="append", default=[], help="SECONDS:LANGUAGE, a one-off request")
    ap.add_argument("--plain", action="store_true", help="also write OUT.plain.csv (t_s,rss_mb only)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "app", "cli", "leakhound-cli"))
    ap.add_argument("--out", required=True, help="OUT.csv, OUT.events.csv, OUT.log are written")
    a = ap.parse_args()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    log = open(a.out + ".log", "w")
    body = a.out + ".body.json"
    with open(body, "w") as f:
        json.dump({"text": TEXT, "language": "en"}, f)

    if a.service == "segmentation":
        service = [PYTHON, os.path.join(HERE, "segmentation.py"), "--port", str(port), "--seed", str(a.seed)]
        sources = [f"segmentation={base}"]
        url, upload, health = base + "/segment", None, base + "/memory-stats"
    else:
        service = [PYTHON, os.path.join(HERE, "supervisor.py"), "--duration", str(a.duration + 60), "--",
                   PYTHON, os.path.join(HERE, "conversion.py"), "--port", str(port), "--seed", str(a.seed)]
        sources = [f"conversion={base}", f"port:{port}"]
        url, upload, health = base + "/convert", PDFS, base + "/health"
    service += a.args.split()

    procs = []
    load = None
    stopping = threading.Event()
    try:
        log.write("service: " + " ".join(service) + "\n")
        log.flush()
        procs.append(start_group(service, log))
        wait_up(health)
        monitor = [a.cli, "monitor", *sources, "--interval", f"{a.interval:g}s", "--duration", f"{a.duration:g}s",
                   "--csv", a.out + ".csv", "--events", a.out + ".events.csv"]
        log.write("monitor: " + " ".join(monitor) + "\n")
        log.flush()
        mon = start_group(monitor, subprocess.DEVNULL)
        procs.append(mon)
        t0 = time.monotonic()
        time.sleep(a.lead)
        load = Load(a.load, url, body, "application/json", upload, a.duration - a.lead - 1, a.cli, log, a.seed)
        load.start()
        for at in a.at:
            s, lang = at.split(":")
            threading.Thread(target=one_off, args=(url, float(s), lang, t0, stopping), daemon=True).start()
        if mon.wait(a.duration + 60) != 0:
            raise SystemExit(f"record.py: the monitor exited with {mon.returncode}")
    finally:
        stopping.set()
        if load:
            load.stop()
        for p in reversed(procs):
            stop_group(p)
        log.close()
    if a.plain:
        write_plain(a.out + ".csv", a.out + ".plain.csv", port)
    os.remove(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
