#!/usr/bin/env bash
# What measuring costs: Dateline's read scenarios (Benchmarks/run.sh, without the baselines) once with
# metrics off and once with them on (DATELINE_METRICS), written to the "metrics" section of RESULTS.md.
#   Benchmarks/metrics-overhead.sh     (build first: swift build -c release --product dateline)
# Takes about two minutes. The goal (issue 7): no scenario more than 5% slower with metrics on.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=Benchmarks/.work
NAMES=("random article" "list" "tag" "search" "health")
declare -A RPS P99
for mode in off on; do
  enabled=false
  [ "$mode" = on ] && enabled=true
  DATELINE_METRICS=$enabled BASELINES="" RESULTS="$WORK/metrics-$mode.md" Benchmarks/run.sh
  for name in "${NAMES[@]}"; do
    RPS[$mode/$name]=$(awk '/Requests\/sec/ {printf "%d", $2}' "$WORK/dateline-$name.txt")
    P99[$mode/$name]=$(awk '$1=="99%" {print $2}' "$WORK/dateline-$name.txt")
  done
done

{
  echo "## Metrics on and off"
  echo
  echo "\`Benchmarks/metrics-overhead.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores: \`Benchmarks/run.sh\` without"
  echo "baselines, once with \`DATELINE_METRICS=false\` and once with \`true\` (the default), same wrk settings"
  echo "as above. One run each on a shared, noisy machine: differences of a few percent either way are noise;"
  echo "callgrind (\`LABEL=... DATELINE_METRICS=false|true Benchmarks/callgrind.sh\`) gives a repeatable figure."
  echo
  echo "| scenario | metrics off req/s | p99 | metrics on req/s | p99 | on / off |"
  echo "|---|---|---|---|---|---|"
  for name in "${NAMES[@]}"; do
    ratio=$(awk -v a="${RPS[on/$name]}" -v b="${RPS[off/$name]}" 'BEGIN {printf "%.3f", a / b}')
    echo "| $name | ${RPS[off/$name]} | ${P99[off/$name]} | ${RPS[on/$name]} | ${P99[on/$name]} | $ratio |"
  done
} > "$WORK/metrics-section.md"
python3 Benchmarks/tools/put_section.py Benchmarks/RESULTS.md metrics "$WORK/metrics-section.md"
cat "$WORK/metrics-section.md"
