#!/usr/bin/env bash
# confdash side by side with xmllint, the XML parser floor on this machine: the ratios issue 13
# budgets, and peak memory.
#
#   scripts/bench-compare.sh                    # release build, generated 1k/10k/100k, 38C3
#   scripts/bench-compare.sh --sizes "1k 10k" --runs 6 --short-runs 20 --no-build
#   scripts/bench-compare.sh --confdash /path/to/confdash --out results.md
#
# Each row times a confdash command and its reference with hyperfine, in rounds that alternate
# which of the two runs first (A B, then B A, …), so that a change in the machine's load during
# the run falls on both; the medians over all rounds make the ratio. The rows that take tens of
# milliseconds (--version, 38C3) run 30 times each (--short-runs), the generated schedules 10
# (--runs): over 10 runs, two quiet runs of the script put the same binary's 38C3 agenda at
# 1.49x and 1.54x, and a 40-run hyperfine at 1.25x; a 1.5x budget has no room for that. Peak memory (maximum
# resident set) comes from /usr/bin/time -v, one run each. The load average is printed before
# and after: on a shared machine, quote it with the figures.
#
# Budgets (issue 13): opening 38C3 (validate, agenda --format json, first frame) <= 1.5x
# `xmllint --noout`; `--version` <= 2x `xmllint --version`; 100k sessions: load <= 1.5x
# xmllint, peak memory <= 3x the file's size, export <= 1.5x xmllint --noout.
#
# Needs hyperfine and xmllint (apt-get install hyperfine libxml2-utils), python3. Generated
# schedules go to .build/bench-data (scripts/generate-schedule.py; deterministic, seed 13).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
runs=10
short_runs=30
sizes="1k 10k 100k"
build=1
confdash=""
out=""
data="$root/.build/bench-data"
real38c3="${CONFDASH_38C3_SCHEDULE:-$root/../shared/fixtures/schedules/38c3-schedule.xml}"
[ -f "$real38c3" ] || real38c3="/work/shared/fixtures/schedules/38c3-schedule.xml"
exports="ics xml json csv md"
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs="$2"; shift 2 ;;
        --short-runs) short_runs="$2"; shift 2 ;;
        --sizes) sizes="$2"; shift 2 ;;
        --no-build) build=0; shift ;;
        --confdash) confdash="$2"; build=0; shift 2 ;;
        --data-dir) data="$2"; shift 2 ;;
        --exports) exports="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        # The help is the comment at the top, whatever its length.
        -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
        *) echo "bench-compare.sh: unknown option $1" >&2; exit 64 ;;
    esac
done
for tool in hyperfine xmllint python3; do
    command -v "$tool" >/dev/null || { echo "bench-compare.sh: $tool is missing (apt-get install -y hyperfine libxml2-utils)" >&2; exit 69; }
done
[ -x /usr/bin/time ] || { echo "bench-compare.sh: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 69; }

cd "$root"
if [ -z "$confdash" ]; then
    # The build scripts/install.sh makes (--disable-local-rpath: see there).
    if [ "$build" = 1 ]; then swift build -c release --static-swift-stdlib --disable-local-rpath --product confdash >&2; fi
    confdash="$(swift build -c release --show-bin-path)/confdash"
fi
[ -x "$confdash" ] || { echo "bench-compare.sh: no confdash binary at $confdash" >&2; exit 66; }

mkdir -p "$data"
for size in $sizes; do
    count="${size%k}000"
    for format in xml json ics; do
        if [ ! -f "$data/schedule-$size.$format" ]; then
            python3 scripts/generate-schedule.py --sessions "$count" --out "$data" >&2
            break
        fi
    done
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rows="$work/rows"
: > "$rows"

# compare NAME BUDGET FILE CONFDASH-COMMAND REFERENCE-COMMAND, $row_runs runs each
row_runs=$short_runs
compare() {
    local name="$1" budget="$2" file="$3" a="$4" b="$5"
    local rounds=$(( (row_runs + 1) / 2 )) i
    echo "· $name" >&2
    for ((i = 0; i < rounds; i++)); do
        if (( i % 2 == 0 )); then
            hyperfine -N --style none --warmup 1 --runs 2 --export-json "$work/r$i.json" "$a" "$b" >/dev/null 2>&1
        else
            hyperfine -N --style none --warmup 0 --runs 2 --export-json "$work/r$i.json" "$b" "$a" >/dev/null 2>&1
        fi
    done
    local peak_a peak_b
    peak_a="$(/usr/bin/time -v $a 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}')"
    peak_b="$(/usr/bin/time -v $b 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}')"
    python3 - "$work" "$rounds" "$a" "$b" "$name" "$budget" "$file" "$peak_a" "$peak_b" >> "$rows" <<'EOF'
import json, os, statistics, sys
work, rounds, a, b, name, budget, file, peak_a, peak_b = sys.argv[1:]
times = {a: [], b: []}
for i in range(int(rounds)):
    for result in json.load(open(os.path.join(work, "r%d.json" % i)))["results"]:
        times[result["command"]].extend(result["times"])
ma, mb = statistics.median(times[a]) * 1000, statistics.median(times[b]) * 1000
size = os.path.getsize(file) if file != "-" else 0
print("\x1f".join([name, "%.1f" % ma, "%.1f" % (min(times[a]) * 1000),
                 "%.1f" % mb, "%.2f" % (ma / mb), budget, "%.0f" % (int(peak_a) / 1024), "%.0f" % (int(peak_b) / 1024),
                 "%.1f" % (size / 1e6) if size else "", "%.1f" % (int(peak_a) * 1024 / size) if size else "",
                 str(len(times[a]))]))
EOF
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"

compare "--version" "2" "-" "$confdash --version" "xmllint --version"
# vs_xmllint NAME XML FILE CONFDASH-ARGUMENTS: confdash on FILE against xmllint reading XML, within 1.5x.
vs_xmllint() {
    compare "$1" "1.5" "$3" "$confdash $4" "xmllint --noout $2"
}

vs_xmllint "38C3 validate" "$real38c3" "$real38c3" "validate $real38c3"
vs_xmllint "38C3 agenda --format json" "$real38c3" "$real38c3" "agenda --format json --data $real38c3"
vs_xmllint "38C3 first frame (snapshot 120x40)" "$real38c3" "$real38c3" "snapshot --size 120x40 --data $real38c3"
row_runs=$runs
for size in $sizes; do
    xml="$data/schedule-$size.xml"
    vs_xmllint "$size validate schedule.xml" "$xml" "$xml" "validate $xml"
    vs_xmllint "$size validate schedule.json" "$xml" "$data/schedule-$size.json" "validate $data/schedule-$size.json"
    vs_xmllint "$size validate iCalendar" "$xml" "$data/schedule-$size.ics" "validate $data/schedule-$size.ics"
    vs_xmllint "$size first frame (snapshot 120x40)" "$xml" "$xml" "snapshot --size 120x40 --data $xml"
    for format in $exports; do
        vs_xmllint "$size export --format $format" "$xml" "$xml" "export --format $format -o /dev/null --data $xml"
    done
done

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
{
    echo "## bench-compare.sh — $started"
    echo
    echo "- confdash: \`$("$confdash" --version)\` ($confdash)"
    echo "- reference: $(xmllint --version 2>&1 | head -n 1)"
    echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), $(uname -sr); load average (1, 5, 15 min) before $load_before, after $load_after"
    echo "- runs per command: $short_runs for --version and 38C3, $runs for the generated schedules (hyperfine, alternating order by rounds; the last column counts them); peak = maximum resident set, one run (/usr/bin/time -v)"
    echo
    echo "| work | confdash median ms | min ms | reference median ms | ratio | budget | within | confdash peak MB | reference peak MB | file MB | peak / file | runs |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
    # Fields are separated by the unit separator, not tabs: `read` would merge empty tab-separated fields.
    while IFS=$'\x1f' read -r name ma mina mb ratio budget pa pb size per n; do
        within="yes"
        awk -v r="$ratio" -v b="$budget" 'BEGIN { exit !(r > b) }' && within="**no**"
        [ -n "$per" ] && awk -v p="$per" -v n="$name" 'BEGIN { exit !(n ~ /^100k validate/ && p > 3) }' && within="$within (memory **no**)"
        echo "| $name | $ma | $mina | $mb | $ratio | ≤ $budget× | $within | $pa | $pb | $size | $per | $n |"
    done < "$rows"
} | if [ -n "$out" ]; then tee "$out"; else cat; fi
