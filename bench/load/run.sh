#!/usr/bin/env bash
# The load engine against ab and wrk: nginx on loopback serves a small JSON
# file; ab -k, wrk and `leakhound-cli bench -k` take turns at it, 50
# connections each, several rounds. Prints, per client, the median
# requests/s and client CPU (user+sys of the client process) per request,
# and both as ratios to ab -k's. See docs/BENCHMARKS.md.
#
#   bench/load/run.sh [ROUNDS] [REQUESTS]      (default 5 rounds of 200000)
#   environment: CONNECTIONS (50), NGINX_WORKERS (1), LH_ARGS (extra bench options)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${LEAKHOUND_BUILD_DIR:-$root/build}
rounds=${1:-5}
requests=${2:-200000}
connections=${CONNECTIONS:-50}
nginx_workers=${NGINX_WORKERS:-1}
lh_args=${LH_ARGS:-}

"$root/scripts/setup.sh" build bench
[ -f "$build/build.ninja" ] || "$root/scripts/build.sh" -DLEAKHOUND_BUILD_GUI=OFF >/dev/null
cmake --build "$build" --target leakhound-cli >/dev/null
cli="$build/app/cli/leakhound-cli"

work=$(mktemp -d "${TMPDIR:-/tmp}/leakhound-bench.XXXXXX")
nginx_pid=
cleanup() {
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

port=
for candidate in $(seq 18080 18180); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "run.sh: no free port in 18080-18180" >&2; exit 1; }

mkdir -p "$work/www"
printf '{"status":"ok","items":[1,2,3],"message":"a small JSON answer"}\n' >"$work/www/small.json"
cat >"$work/nginx.conf" <<CONF
worker_processes $nginx_workers;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  server {
    listen 127.0.0.1:$port;
    root $work/www;
    default_type application/json;
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
url="http://127.0.0.1:$port/small.json"
for _ in $(seq 50); do curl -sf -o /dev/null "$url" && break; sleep 0.1; done

# Runs one client; prints "completed seconds cpu_seconds" (cpu: user+sys of
# the client, from bash's `time`, which reports the child's rusage).
measure() {
  local out
  TIMEFORMAT='%R %U %S'
  { time "$@" >"$work/out" 2>/dev/null; } 2>"$work/time"
  read -r real user sys <"$work/time"
  out=$(cat "$work/out")
  local done
  if [[ "$1" == wrk ]]; then
    done=$(grep -oE '^ *[0-9]+ requests in' <<<"$out" | grep -oE '[0-9]+')
  else
    done=$(grep -E '^Complete requests:' <<<"$out" | grep -oE '[0-9]+')
    local failed
    failed=$(grep -E '^Failed requests:' <<<"$out" | grep -oE '[0-9]+')
    [ "$failed" = 0 ] || { echo "run.sh: $1 reported $failed failed requests" >&2; exit 1; }
  fi
  echo "$done $real $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
}

# wrk runs for a time, not a count: as long as ab took for the same count.
results="$work/results.tsv"
printf 'round\tclient\tcompleted\tseconds\tcpu_s\n' >"$results"
for round in $(seq "$rounds"); do
  read -r done real cpu < <(measure ab -q -k -n "$requests" -c "$connections" "$url")
  printf '%s\tab -k\t%s\t%s\t%s\n' "$round" "$done" "$real" "$cpu" >>"$results"
  duration=$(awk -v r="$real" 'BEGIN { d = int(r + 0.5); print d < 1 ? 1 : d }')
  read -r done real cpu < <(measure wrk -t1 -c "$connections" -d "${duration}s" "$url")
  printf '%s\twrk\t%s\t%s\t%s\n' "$round" "$done" "$real" "$cpu" >>"$results"
  # shellcheck disable=SC2086
  read -r done real cpu < <(measure "$cli" bench -q -k -n "$requests" -c "$connections" $lh_args "$url")
  printf '%s\tleakhound\t%s\t%s\t%s\n' "$round" "$done" "$real" "$cpu" >>"$results"
  echo "round $round done" >&2
done

echo "# $rounds rounds, $requests requests (wrk: as long as ab took), $connections connections, nginx $nginx_workers worker(s)"
echo "# per round: client completed seconds cpu_s"
awk -F'\t' 'NR > 1 { printf "%-6s %-10s %10s %8s %8s\n", $1, $2, $3, $4, $5 }' "$results"
echo
# Medians per client of requests/s (completed/seconds) and CPU µs/request.
awk -F'\t' 'NR > 1 { rps[$2] = rps[$2] " " $3 / $4; cpu[$2] = cpu[$2] " " $5 * 1e6 / $3 }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j] < a[j-1]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    base_rps = median(rps["ab -k"]); base_cpu = median(cpu["ab -k"])
    printf "%-10s %14s %18s %12s %12s\n", "client", "requests/s", "CPU us/request", "rps vs ab", "CPU vs ab"
    n = split("ab -k,wrk,leakhound", order, ",")
    for (i = 1; i <= n; i++) {
      c = order[i]; r = median(rps[c]); u = median(cpu[c])
      printf "%-10s %14.0f %18.2f %11.2fx %11.2fx\n", c, r, u, r / base_rps, u / base_cpu
    }
  }' "$results"
