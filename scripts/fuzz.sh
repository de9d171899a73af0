#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/, with -sanitize=fuzzer,address) and runs each for SECONDS (default 300),
# printing executions per second and total executions per target. Fails if any target crashes, leaks, runs
# out of memory or hangs; the input that did it is kept in Fuzz/.build/artifacts/<target>/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      (make fuzz; make test runs it for 30 s each, FUZZ_SEED=1)
# Seeds come from Fuzz/Corpus/<target>/ (committed); what the fuzzer finds goes to Fuzz/.build/corpus/<target>/
# (git-ignored), which later runs start from too. Reproduce a finding with
#   Fuzz/.build/release/dateline-fuzz <target> Fuzz/.build/artifacts/<target>/crash-…
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(http1 chunked query cursor import write patch http2 connection)
fuzz="$root/Fuzz"
work="$fuzz/.build"
mkdir -p "$work"

# GNU gold (the default linker here) crashes on the fuzzer build's debug info; the toolchain's own lld links
# it. SwiftPM takes the linker from a toolset file, which needs an absolute path.
swift_bin="$(dirname "$(readlink -f "$(command -v swift)")")"
[ -x "$swift_bin/ld.lld" ] || { echo "fuzz: no ld.lld next to $swift_bin/swift (it ships with the Swift toolchain)" >&2; exit 1; }
printf '{"schemaVersion": "1.0", "linker": {"path": "%s"}}\n' "$swift_bin/ld.lld" > "$work/toolset.json"

echo "fuzz: building (release, -sanitize=fuzzer,address)"
# -enable-testing: the targets reach the parsers' internal API with @testable import.
swift build --package-path "$fuzz" -c release --toolset "$work/toolset.json" \
  -Xswiftc -enable-testing -Xswiftc -sanitize=fuzzer,address 2>&1 \
  | grep -v "Cannot export local symbol" | tee "$work/build.log" | grep -E "error|warning:|Compiling dateline_fuzz|Build complete" || true
if grep -E "^${fuzz}/Sources/.*: (warning|error):" "$work/build.log"; then
  echo "fuzz: the fuzz build has warnings or errors (above)" >&2
  exit 1
fi
binary="$work/release/dateline-fuzz"
[ -x "$binary" ] || { echo "fuzz: the build made no $binary" >&2; exit 1; }

declare -A dictionary=([http1]=http [chunked]=http [connection]=http [query]=query [import]=json [write]=json [patch]=json)
failed=()
summary=()
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  artifacts="$work/artifacts/$target"
  log="$work/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 -print_final_stats=1
           -artifact_prefix="$artifacts/")
  [ -n "${dictionary[$target]:-}" ] && options+=(-dict="$fuzz/Dictionaries/${dictionary[$target]}.dict")
  # A fixed seed (make test sets FUZZ_SEED) makes a short run from the committed seeds repeatable for the
  # in-process targets: a slower machine explores a prefix of the same inputs, so CI fails on what a run of the
  # same commit here would also find. `make fuzz` keeps random seeds, to explore.
  [ -n "${FUZZ_SEED:-}" ] && options+=(-seed="$FUZZ_SEED")
  echo "fuzz: $target for ${seconds}s"
  status=0
  # No Swift backtracer: on a trap it would hold the process past libFuzzer's report.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" \
    "$binary" "$target" "${options[@]}" "$corpus" "$fuzz/Corpus/$target" > "$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  line=$(printf "%-11s %12s execs %8s exec/s %6s MB peak RSS" "$target" "${runs:-?}" "${speed:-?}" "${rss:-?}")
  if [ "$status" -ne 0 ]; then
    line+="  FAILED (exit $status)"
    failed+=("$target")
    grep -E "ERROR: |Fatal error|SUMMARY|Test unit written" "$log" | head -8 >&2 || tail -20 "$log" >&2
  fi
  echo "  $line"
  summary+=("$line")
done

echo "fuzz: ${seconds}s per target, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (logs in $work/logs, inputs in $work/artifacts)" >&2
  exit 1
fi
