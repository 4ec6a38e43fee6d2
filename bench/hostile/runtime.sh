#!/usr/bin/env bash
# Hostile input at run time: leakhound-cli against a closed port, a server
# that goes down, answers cut short, a full disk (a file size limit, ulimit
# -f), and values that would break a request or a message. Prints one
# markdown row per case: the case, the limit that applies, peak RSS and wall
# time (GNU time), and the outcome (exit status and the first line of
# stderr, or the failures counted). See docs/BENCHMARKS.md, "Hostile input".
#
#   bench/hostile/runtime.sh            (the build in ./build)
#   LEAKHOUND_CLI=/path/to/leakhound-cli bench/hostile/runtime.sh   (another build, e.g. an older one)
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}
cli=${LEAKHOUND_CLI:-$build/app/cli/leakhound-cli}
target_bin=$build/app/demo_target/leakhound-demo-target
python=/usr/bin/python3
"$root/scripts/setup.sh" build hostile

work=$(mktemp -d "${TMPDIR:-/tmp}/leakhound-hostile.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

closed_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A server that reads each request and then answers MODE: "short" (10 bytes
# of a 100-byte Content-Length, then close) or "nothing" (close at once).
raw_server() {
  "$python" - "$1" <<'PY' &
import socket, sys, threading
mode = sys.argv[1]
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
s.listen(1024)
print(s.getsockname()[1], flush=True)
def serve(c):
    data = b""
    while b"\r\n\r\n" not in data:
        d = c.recv(4096)
        if not d:
            break
        data += d
    if mode == "short" and data:
        c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten.\n")
    c.close()
while True:
    c, _ = s.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
PY
}

start_raw_server() {  # MODE → sets $raw_port
  raw_server "$1" >"$work/raw.port"
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/raw.port" ] && break; sleep 0.05; done
  raw_port=$(head -1 "$work/raw.port")
}

start_target() {  # → sets $target_port, $target_pid
  "$target_bin" --port 0 >"$work/target.out" &
  target_pid=$!
  pids+=("$target_pid")
  for _ in $(seq 100); do grep -q listening "$work/target.out" 2>/dev/null && break; sleep 0.05; done
  target_port=$(sed -n 's/.*127.0.0.1:\([0-9]*\).*/\1/p' "$work/target.out" | head -1)
}

# GNU time's figures: its last line (a first line says "Command exited with
# non-zero status N" when it did).
read_time() { read -r seconds kib < <(tail -1 "$work/time"); }

# measure LABEL LIMIT -- COMMAND…: one row.
measure() {
  local label=$1 limit=$2
  shift 3
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err"
  local status=$?
  read_time
  local said lines
  said=$(head -1 "$work/err" | cut -c1-230)
  lines=$(wc -l <"$work/err")
  printf '| %s | %s | %s MiB | %s s | exit %s%s: %s |\n' "$label" "$limit" "$((kib / 1024))" "$seconds" "$status" \
    "$([ "$lines" -gt 1 ] && echo ", $lines lines")" "${said//|/\\|}"
}

json_field() { "$python" -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1" 2>/dev/null; }

echo "| case | limit | peak RSS | time | outcome |"
echo "| --- | --- | ---: | ---: | --- |"

port=$(closed_port)
measure "bench -c 100000 -n 100000, closed port" "-c ≤ 20000" -- "$cli" bench -c 100000 -n 100000 "http://127.0.0.1:$port/"
measure "bench -c 10000 -n 10000, closed port" "-c ≤ 20000" -- "$cli" bench -c 10000 -n 10000 "http://127.0.0.1:$port/"
# As many connections as this machine allows: the limit, or what the hard
# limit of open files leaves after the 128 bench keeps for itself.
most=$(( $(ulimit -Hn) - 128 ))
[ "$most" -gt 20000 ] && most=20000
measure "bench -c $most -n $most, closed port" "-c ≤ 20000" -- "$cli" bench -c "$most" -n "$most" "http://127.0.0.1:$port/"
measure "bench -c 20000 -n 20000, ulimit -Hn $(ulimit -Hn)" "open files ≤ ulimit -Hn" -- "$cli" bench -c 20000 -n 20000 "http://127.0.0.1:$port/"
measure "bench -n 99999999999999999999" "-n ≤ 2^53" -- "$cli" bench -n 99999999999999999999 "http://127.0.0.1:$port/"
measure "bench --rate 1e9 -t 1s" "--rate ≤ 10^7/s" -- "$cli" bench --rate 1e9 -t 1s "http://127.0.0.1:$port/"

# The server goes down 1 s into a 5 s closed run with 10 connections.
start_target
( sleep 1; kill "$target_pid" ) &
/usr/bin/time -f '%e %M' -o "$work/time" "$cli" bench -c 10 -t 5s --json "$work/down.json" "http://127.0.0.1:$target_port/health" >/dev/null 2>"$work/err"
status=$?
read_time
printf '| %s | %s | %s MiB | %s s | exit %s: %s answered, %s refused connects counted |\n' \
  "bench -c 10 -t 5s, the server killed after 1 s" "connect backoff 10 ms → 1 s" "$((kib / 1024))" "$seconds" "$status" \
  "$(json_field "$work/down.json" 'j["status_codes"].get("200",0)')" "$(json_field "$work/down.json" 'j["failures"]["connect"]')"

for mode in short nothing; do
  start_raw_server "$mode"
  /usr/bin/time -f '%e %M' -o "$work/time" "$cli" bench -l -n 200 -c 4 --json "$work/$mode.json" "http://127.0.0.1:$raw_port/" >/dev/null 2>"$work/err"
  status=$?
  read_time
  printf '| %s | %s | %s MiB | %s s | exit %s: failures %s |\n' \
    "bench -n 200 -c 4, server $( [ "$mode" = short ] && echo 'sends 10 of 100 announced bytes' || echo 'closes without answering')" "—" \
    "$((kib / 1024))" "$seconds" "$status" "$(json_field "$work/$mode.json" 'j["failures"]')"
done

start_target
printf '{"old": true}\n' >"$work/old.json"
measure "bench --json, no file may pass 512 bytes (ulimit -f 1)" "—" -- \
  sh -c 'trap "" XFSZ; ulimit -f 1 && exec "$@"' sh "$cli" bench -n 50 --json "$work/old.json" "http://127.0.0.1:$target_port/health"
echo "|  |  |  |  | the file after: $(stat -c %s "$work/old.json") bytes, $(json_field "$work/old.json" '"the old one" if j == {"old": True} else "a new summary"' || echo 'not JSON (cut)') |"
measure "monitor --csv, no file may pass 1 KiB (ulimit -f 2)" "—" -- \
  sh -c 'trap "" XFSZ; ulimit -f 2 && exec "$@"' sh "$cli" monitor pid:1 --interval 100ms --duration 20s --csv "$work/m.csv"
"$cli" demo --duration 20s --out "$work/session" >/dev/null 2>&1
pdf_size=$(stat -c %s "$work/session/report.pdf" 2>/dev/null || echo 0)
measure "report DIR, room for the CSVs but not the PDF (ulimit -f 40)" "—" -- \
  sh -c 'trap "" XFSZ; ulimit -f 40 && exec "$@"' sh "$cli" report "$work/session"
echo "|  |  |  |  | report.pdf after: $(stat -c %s "$work/session/report.pdf" 2>/dev/null || echo none) bytes (before: $pdf_size) |"
measure "bench -H \$'X: 1\\\\r\\\\nY: 2'" "—" -- "$cli" bench -H $'X: 1\r\nY: 2' "http://127.0.0.1:$port/"
measure "bench http:///ok" "—" -- "$cli" bench "http:///ok"
measure "run --target ftp://x/" "—" -- "$cli" run "$root/resources/scenarios/demo-target.leakhound.json" --target ftp://x/ --out "$work/ftp"
