#!/usr/bin/env python3
"""Condense `swift package benchmark --grouping metric` text output into one Markdown table.

    cd Benchmarks && swift package benchmark --grouping metric --no-progress | tee /tmp/bench.txt
    python3 ../scripts/bench-summary.py /tmp/bench.txt [--budget-ms 5 --filter Key/]

One row per benchmark: wall clock p50 / p99, thread CPU p50 / p99 (ms), mallocs p50, samples,
and whether p50 and p99 of the wall clock are under the budget (when --budget-ms is given).
"""
import argparse
import re
import sys

SCALE = {"K": 1e3, "M": 1e6, "G": 1e9}
TIME_TO_MS = {"ns": 1e-6, "μs": 1e-3, "us": 1e-3, "ms": 1.0, "s": 1e3}
ROW = re.compile(r"^│\s*(?:[A-Za-z]+:)?(?P<name>.*?)(?: \((?P<unit>K|M|G|#|ns|μs|us|ms|s)\))? \*?\s*│(?P<cells>.*)│\s*$")


def parse(path):
    metric = None
    results = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.startswith(("│", "╒", "├", "╞", "╘", "=", " ")) and line.strip():
            metric = line.strip()
            continue
        match = ROW.match(line)
        if not match or metric is None or match.group("name").strip() == "Test":
            continue
        cells = [c.strip() for c in match.group("cells").split("│")]
        if len(cells) < 8:
            continue
        unit = match.group("unit")
        values = [float(c) if c else float("nan") for c in cells[:7]]
        if "wall clock" in metric:
            factor = TIME_TO_MS.get(unit or "μs", 1e-3)
        elif "CPU" in metric:
            factor = SCALE.get(unit, 1.0) * 1e-3          # recorded in microseconds
        else:
            factor = SCALE.get(unit, 1.0)
        values = [v * factor for v in values]
        entry = results.setdefault(match.group("name").strip(), {})
        entry[metric] = dict(zip(["p0", "p25", "p50", "p75", "p90", "p99", "p100"], values))
        entry["samples"] = int(cells[7])
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--budget-ms", type=float)
    parser.add_argument("--filter", default="")
    args = parser.parse_args()
    results = parse(args.file)
    header = "| benchmark | wall p50 ms | wall p99 ms | CPU p50 ms | CPU p99 ms | mallocs p50 | n |"
    if args.budget_ms:
        header += f" < {args.budget_ms:g} ms (p50 / p99 wall) |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for name in sorted(results):
        if args.filter not in name:
            continue
        entry = results[name]
        wall = next((v for k, v in entry.items() if "wall clock" in k), None)
        cpu = next((v for k, v in entry.items() if "CPU" in k), None)
        malloc = next((v for k, v in entry.items() if "Malloc" in k), None)
        fmt = lambda d, key: "–" if d is None else f"{d[key]:.2f}"
        mallocs = "–" if malloc is None else "%.0f" % malloc["p50"]
        row = f"| {name} | {fmt(wall, 'p50')} | {fmt(wall, 'p99')} | {fmt(cpu, 'p50')} | {fmt(cpu, 'p99')} | " \
              f"{mallocs} | {entry['samples']} |"
        if args.budget_ms and wall:
            ok = lambda v: "yes" if v < args.budget_ms else "**NO**"
            row += f" {ok(wall['p50'])} / {ok(wall['p99'])} |"
        print(row)


if __name__ == "__main__":
    sys.exit(main())
