#!/usr/bin/env bash
# Issue 12's budget: a 304 revalidation of 38C3 plus the first frame ≤ 1.2× opening the cached
# file directly. Both are `confdash snapshot --size 120x40` (the dashboard's first frame, as text):
#   revalidate: --data URL --refresh  (cache read, conditional GET, 304 from 127.0.0.1, record rewritten)
#   direct:     --data <the cached body file>
# Usage: scripts/bench-revalidate.sh [path/to/confdash] [38c3-schedule.xml]
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
