#!/usr/bin/python3
"""Restarts a command the moment it exits, as the seed's auto_restart_marker.sh
does for the conversion service, and logs each restart (one line each, to
stderr, or to --log). Stops, and stops its child, on SIGTERM or SIGINT or
after --duration seconds.

Usage: supervisor.py [--log FILE] [--duration S] -- COMMAND ARG...
"""
import argparse
import signal
import subprocess
import sys
import time


def main():
    p = argparse.ArgumentParser(description="restart a command whenever it exits")
    p.add_argument("--log", help="append one line per start here (default stderr)")
    p.add_argument("--duration", type=float, default=3600.0, help="give up after this many seconds")
    p.add_argument("command", nargs=argparse.REMAINDER)
    args = p.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        p.error("expected a command after --")

    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log = open(args.log, "a") if args.log else sys.stderr
    deadline = time.monotonic() + args.duration
    starts = 0
    while not stopping and time.monotonic() < deadline:
        child = subprocess.Popen(command)
        starts += 1
        log.write(f"{time.time():.3f} start {starts} pid {child.pid}\n")
        log.flush()
        while child.poll() is None:
            if stopping or time.monotonic() >= deadline:
                child.terminate()
                try:
                    child.wait(5)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()
                break
            time.sleep(0.05)
        if not stopping and child.returncode not in (0, None, -signal.SIGTERM):
            log.write(f"{time.time():.3f} exit {child.returncode}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
