#!/usr/bin/env bash
# Process start -> first dashboard frame of the real release binary (budget: < 50 ms, issue 3).
#
#   scripts/bench-startup.sh [-n RUNS] [--mode auto|trace|snapshot] [--size WxH] [--data FILE] [--binary PATH] [--no-build]
#
# --data FILE opens that file instead of the bundled data (issue 4: the 38C3 schedule.xml,
# budget < 150 ms), e.g. --data ../shared/fixtures/schedules/38c3-schedule.xml
#
# trace     runs `confdash` in a detached tmux session of the given size with
#           CONFDASH_TRACE_TIMING=FILE, reads the "first-frame" line the terminal backend writes
#           (ms_since_load: from the program's load, before main, precise; ms_since_exec: from the
#           kernel's start of the process, 10 ms ticks), sends a few keys and reads their "frame"
#           lines (handle+render+draw on the real terminal), quits with q. Repeated RUNS times.
# snapshot  a proxy for builds without the terminal backend: hyperfine times the whole process
#           `confdash snapshot --size WxH` (start, load, index, map, dashboard, render, print, exit),
#           beside `confdash --help` as the floor of starting the process at all.
# auto      (default) trace if the binary writes a trace line, else snapshot.
#
# Prints min / median / max in ms. Needs tmux (trace) or hyperfine (snapshot):
#   apt-get install -y tmux hyperfine
set -euo pipefail

runs=20
mode=auto
size=120x40
binary=""
data=()
build=1
while [ $# -gt 0 ]; do
    case "$1" in
        -n|--runs) runs="$2"; shift 2 ;;
        --mode) mode="$2"; shift 2 ;;
        --size) size="$2"; shift 2 ;;
        --binary) binary="$2"; shift 2 ;;
        --data) data=(--data "$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
        --no-build) build=0; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench-startup: unknown argument: $1" >&2; exit 64 ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "$binary" ]; then
    if [ "$build" = 1 ]; then
        (cd "$root" && swift build -c release --product confdash >&2)
    fi
    binary="$root/.build/release/confdash"
fi
[ -x "$binary" ] || { echo "bench-startup: no binary at $binary (build with: swift build -c release)" >&2; exit 66; }
width="${size%x*}"
height="${size#*x}"

# One tmux server per run: reusing a socket right after kill-server races with its shutdown.
socket_base="confdash-bench-$$"
run_id=0
socket="$socket_base-0"
work="$(mktemp -d)"
cleanup() {
    for i in $(seq 0 "$run_id"); do tmux -L "$socket_base-$i" kill-server >/dev/null 2>&1 || true; done
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket_base-"*
    rm -rf "$work"
}
trap cleanup EXIT

# Prints "min median max" (and the count) of the numbers on stdin.
stats() {
    python3 -c '
import statistics, sys
xs = sorted(float(x) for x in sys.stdin.read().split())
if not xs: print("no samples"); sys.exit(1)
p = lambda q: xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
print("min %.2f  median %.2f  p90 %.2f  max %.2f  (n=%d)" % (xs[0], statistics.median(xs), p(0.9), xs[-1], len(xs)))
'
}

# One run in tmux; leaves the trace in $1. Returns 1 if no first-frame line came within 5 s.
trace_run() {
    local log="$1"
    run_id=$((run_id + 1))
    socket="$socket_base-$run_id"
    : > "$log"
    tmux -L "$socket" new-session -d -x "$width" -y "$height" \
        "TERM=xterm-256color CONFDASH_TRACE_TIMING='$log' '$binary' ${data[*]:-}; sleep 0.2"
    local waited=0
    until grep -q '^first-frame' "$log" 2>/dev/null; do
        sleep 0.01
        waited=$((waited + 1))
        if [ $waited -gt 500 ]; then
            tmux -L "$socket" kill-server >/dev/null 2>&1 || true
            return 1
        fi
    done
    # A few keys, each answered by one frame line, then quit.
    for key in j j k Tab Right Left '[' ']' '?' Escape; do
        tmux -L "$socket" send-keys "$key"
        sleep 0.05
    done
    tmux -L "$socket" send-keys q
    waited=0
    until grep -q '^quit' "$log" 2>/dev/null || [ $waited -gt 300 ]; do sleep 0.01; waited=$((waited + 1)); done
    tmux -L "$socket" kill-server >/dev/null 2>&1 || true
    return 0
}

if [ "$mode" = auto ]; then
    if command -v tmux >/dev/null && trace_run "$work/probe.log"; then mode=trace; else mode=snapshot; fi
fi

echo "binary: $binary ${data[*]:-}"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"

case "$mode" in
trace)
    echo "mode: trace (CONFDASH_TRACE_TIMING, tmux ${size}), $runs runs"
    : > "$work/all.log"
    for i in $(seq "$runs"); do
        trace_run "$work/run.log" || { echo "bench-startup: run $i wrote no first-frame line" >&2; exit 1; }
        cat "$work/run.log" >> "$work/all.log"
    done
    echo -n "first frame, ms since program load (before main):  "
    sed -n 's/^first-frame .*ms_since_load=\([0-9.]*\).*/\1/p' "$work/all.log" | stats
    echo -n "first frame, ms since exec (10 ms clock ticks):     "
    sed -n 's/^first-frame .*ms_since_exec=\([0-9.]*\) .*/\1/p' "$work/all.log" | stats
    echo -n "keystroke -> frame drawn, total_ms (handle+render+draw): "
    sed -n 's/^frame .*total_ms=\([0-9.]*\).*/\1/p' "$work/all.log" | stats
    echo -n "  of which render_ms: "
    sed -n 's/^frame .*render_ms=\([0-9.]*\).*/\1/p' "$work/all.log" | stats
    echo -n "  of which draw_ms:   "
    sed -n 's/^frame .*draw_ms=\([0-9.]*\).*/\1/p' "$work/all.log" | stats
    ;;
snapshot)
    command -v hyperfine >/dev/null || { echo "bench-startup: hyperfine is needed (apt-get install -y hyperfine)" >&2; exit 69; }
    echo "mode: snapshot proxy (no CONFDASH_TRACE_TIMING in this binary): whole process 'confdash snapshot --size $size ${data[*]:-}', $runs runs"
    hyperfine --shell=none --warmup 3 --runs "$runs" --style none \
        --export-json "$work/h.json" \
        "$binary snapshot --size $size ${data[*]:-}" \
        "$binary --help" >/dev/null
    python3 - "$work/h.json" <<'EOF'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    xs = sorted(t * 1000 for t in r["times"])
    print("%-48s min %.2f  median %.2f  max %.2f ms  (user %.1f, sys %.1f ms mean; n=%d)" % (
        r["command"].split(" ", 1)[0].split("/")[-1] + " " + r["command"].split(" ", 1)[1].replace("/work/", "")[:60] if " " in r["command"] else r["command"], xs[0], statistics.median(xs), xs[-1], r["user"] * 1000, r["system"] * 1000, len(xs)))
EOF
    ;;
*) echo "bench-startup: --mode is auto, trace or snapshot" >&2; exit 64 ;;
esac
