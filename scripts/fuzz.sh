#!/usr/bin/env bash
# Runs one libFuzzer target of Fuzz/ for a while: scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
# Targets: FuzzDataset FuzzScheduleXML FuzzScheduleJSON FuzzICS FuzzRender.
# Builds Fuzz/ with -sanitize=fuzzer,address (its own build folder, .build-fuzz), seeds the corpus
# from the fixtures (Fuzz/Corpus/TARGET, committed) into a working corpus (.build-fuzz/corpus/TARGET,
# not committed), and runs. A crash leaves its input in .build-fuzz/findings/ and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options]}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer options]}"
shift 2
export PATH="/opt/swift/usr/bin:$PATH"

build=.build-fuzz
swift build --package-path Fuzz --scratch-path "$build" -c debug --product "$target" \
    -Xswiftc -sanitize=fuzzer,address >&2
binary="$build/debug/$target"

corpus="$build/corpus/$target"
findings="$build/findings/$target"
mkdir -p "$corpus" "$findings"
[ -d "Fuzz/Corpus/$target" ] && cp -n Fuzz/Corpus/"$target"/* "$corpus"/ 2>/dev/null || true
dictionary=()
[ -f "Fuzz/Dictionaries/$target.dict" ] && dictionary=(-dict="Fuzz/Dictionaries/$target.dict")

# -timeout: one input taking longer than 10 s is a hang (reported as a finding);
# -rss_limit_mb: more than 2 GB for one input is a finding too; -max_len: inputs up to 64 KB.
# The Swift runtime's backtracer reads memory that AddressSanitizer then reports: libFuzzer's own report is enough.
export SWIFT_BACKTRACE=enable=no
# Swift seeds its hashing per process; a fixed seed makes a run with -seed and -runs repeatable.
export SWIFT_DETERMINISTIC_HASHING=1
exec "$binary" "$corpus" "${dictionary[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -artifact_prefix="$findings/" -print_final_stats=1 "$@"
