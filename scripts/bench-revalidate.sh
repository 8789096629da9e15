#!/usr/bin/env bash
# Issue 12's budget: a 304 revalidation of 38C3 plus the first frame ≤ 1.2× opening the cached
# file directly. Both are `confdash snapshot --size 120x40` (the dashboard's first frame, as text):
#   revalidate: --data URL --refresh  (cache read, conditional GET, 304 from 127.0.0.1, record rewritten)
#   direct:     --data <the cached body file>
# Usage: scripts/bench-revalidate.sh [path/to/confdash] [38c3-schedule.xml]
# Prints hyperfine's wall-clock medians, then the medians of confdash's own CPU time (user+sys,
# from /usr/bin/time, RUNS runs each): on a loaded machine the CPU figures are the steadier ones.
# The server's CPU (a separate process) is not counted; the network wait is in the wall figure.
set -euo pipefail
cd "$(dirname "$0")/.."
confdash="${1:-.build/release/confdash}"
schedule="${2:-../shared/fixtures/schedules/38c3-schedule.xml}"
work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

printf '{"/schedule.xml": {"body_file": "%s", "etag": "\\"38c3\\""}}' "$(realpath "$schedule")" > "$work/routes.json"
# The server exits when its stdin closes: keep a pipe open for it.
mkfifo "$work/stdin"
python3 scripts/test-http-server.py "$work/routes.json" "$work/log.jsonl" < "$work/stdin" > "$work/port" &
server_pid=$!
exec 3> "$work/stdin"
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(awk '{print $2}' "$work/port")/schedule.xml"

export XDG_CACHE_HOME="$work/cache"
"$confdash" snapshot --size 120x40 --data "$url" > /dev/null
body="$(ls "$work"/cache/confdash/*.body)"
hyperfine --warmup 3 --runs "${RUNS:-20}" --export-json "$work/result.json" \
    -n revalidate-304 "$confdash snapshot --size 120x40 --data $url --refresh" \
    -n cached-file "$confdash snapshot --size 120x40 --data $body"
python3 - "$work/result.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
a, b = results["revalidate-304"], results["cached-file"]
print(f"304 revalidation + first frame: median {a['median']*1000:.1f} ms; cached file: median {b['median']*1000:.1f} ms; "
      f"ratio {a['median']/b['median']:.2f} (budget 1.2)")
PY
grep -c '"if_none_match": "\\"38c3\\""' "$work/log.jsonl" | sed 's/^/conditional requests answered 304: /'
cpu_median() {
    for _ in $(seq "${RUNS:-20}"); do
        /usr/bin/time -f '%U %S' -o "$work/time" "$@" > /dev/null
        awk '{printf "%.3f\n", ($1 + $2) * 1000}' "$work/time"
    done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
revalidate_cpu="$(cpu_median "$confdash" snapshot --size 120x40 --data "$url" --refresh)"
cached_cpu="$(cpu_median "$confdash" snapshot --size 120x40 --data "$body")"
python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'CPU time (user+sys), median: 304 revalidation {a:.0f} ms; cached file {b:.0f} ms; ratio {a/b:.2f} (budget 1.2)')" \
    "$revalidate_cpu" "$cached_cpu"
