#!/usr/bin/env bash
# docs/man/confdash.1, generated from the argument parser's own description of the commands
# (swift-argument-parser's generate-manual plugin), so the man page never drifts from --help.
#
#   scripts/man-page.sh           # regenerate docs/man/confdash.1 (after changing options or help texts)
#   scripts/man-page.sh --check   # fail if docs/man/confdash.1 differs from what the code generates (CI)
#
# The comparison ignores the .Dd line (the date the page was generated).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
check=0
[ "${1:-}" = "--check" ] && check=1

# The plugin builds the package (debug, as `swift build` does), then runs the generate-manual tool
# on the confdash executable, which answers --experimental-dump-help.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! swift package plugin generate-manual --configuration debug --authors "the confdash developers" > "$log" 2>&1; then
    cat "$log" >&2
    echo "man-page.sh: generate-manual failed" >&2
    exit 1
fi
generated="$(find .build/plugins/GenerateManual/outputs -name confdash.1 -newer "$log" 2>/dev/null | head -n 1)"
[ -n "$generated" ] || generated="$(find .build/plugins/GenerateManual/outputs -name confdash.1 | head -n 1)"
[ -f "$generated" ] || { cat "$log" >&2; echo "man-page.sh: the plugin wrote no confdash.1" >&2; exit 1; }

if [ "$check" = 1 ]; then
    if diff -u <(grep -v '^\.Dd ' docs/man/confdash.1) <(grep -v '^\.Dd ' "$generated"); then
        echo "docs/man/confdash.1 matches the argument parser"
    else
        echo "docs/man/confdash.1 is out of date: run scripts/man-page.sh and commit the result" >&2
        exit 1
    fi
else
    mkdir -p docs/man
    cp "$generated" docs/man/confdash.1
    echo "wrote docs/man/confdash.1"
fi
