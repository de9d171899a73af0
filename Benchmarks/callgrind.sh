#!/usr/bin/env bash
# Instructions per request, counted by valgrind's callgrind: repeatable whatever else the machine does.
#   Benchmarks/callgrind.sh [BIN]      (default .build/release/dateline; make bench-callgrind builds it)
# Runs the server under callgrind twice (SMALL and LARGE requests over one keep-alive connection, one event
# loop) and reports (I_large - I_small) / (LARGE - SMALL): start-up and import cancel out.
# Scenarios: random visible article ids (mostly first visits: the cache misses), one id repeated (hits), and
# a list page the cache has never seen (a new ignored `_` parameter each time: store, encoder and ETag).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${1:-.build/release/dateline}"
COUNT="${COUNT:-2000}"
SMALL="${SMALL:-200}"
LARGE="${LARGE:-1200}"
WORK=Benchmarks/.work/callgrind
mkdir -p "$WORK"
command -v valgrind >/dev/null || { echo "valgrind is missing: scripts/install-deps.sh bench" >&2; exit 1; }
# valgrind 3.19 cannot read the DWARF 5 forms of this toolchain's release builds ("unhandled dwarf2 abbrev
# form code 0x25"): measure a copy without debug sections. The code, and so the count, is the same; function
# names still come from the symbol table.
objcopy --strip-debug "$BIN" "$WORK/dateline"
BIN="$WORK/dateline"

"$BIN" generate "$COUNT" --output "$WORK/articles.json"
python3 - "$WORK/articles.json" "$WORK" <<'PY'
import json, sys, datetime
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
ids = [a["id"] for a in json.load(open(sys.argv[1])) if a["status"] == "published" and a["publishedAt"] <= now]
open(sys.argv[2] + "/ids.txt", "w").write("\n".join(ids) + "\n")
open(sys.argv[2] + "/one-id.txt", "w").write(ids[0] + "\n")
open(sys.argv[2] + "/uncached-list.txt", "w").write("/articles?limit=20&_={n}\n")
PY

# Prints the total instructions of serving N requests drawn from IDS.
count_instructions() {
  local requests="$1" ids="$2" out="$WORK/callgrind.$1.$(basename "$2").out"
  # Removed first: the background start truncates it later, and the last run's port must not be read.
  rm -f "$WORK/server.log"
  valgrind --tool=callgrind --callgrind-out-file="$out" "$BIN" serve --port 0 --seed "$WORK/articles.json" \
    --log-level notice --event-loops 1 --grace-period 0 --drain-deadline 2 > "$WORK/server.log" 2>&1 &
  local pid=$! port=""
  for _ in $(seq 1 600); do
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/server.log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    sleep 0.2
  done
  [ -n "$port" ] || { kill "$pid"; cat "$WORK/server.log" >&2; echo "server did not start" >&2; exit 1; }
  python3 Benchmarks/tools/keepalive_client.py "$port" "$requests" "$ids" || { kill "$pid"; echo "client failed" >&2; exit 1; }
  kill -TERM "$pid"
  wait "$pid" || true
  grep -E '^(summary|totals):' "$out" | head -1 | awk '{print $2}'
}

declare -A PER_REQUEST
for scenario in ids one-id uncached-list; do
  small=$(count_instructions "$SMALL" "$WORK/$scenario.txt")
  large=$(count_instructions "$LARGE" "$WORK/$scenario.txt")
  PER_REQUEST[$scenario]=$(( (large - small) / (LARGE - SMALL) ))
  echo "$scenario: ${PER_REQUEST[$scenario]} instructions per request ($small for $SMALL, $large for $LARGE)"
done

# The section of RESULTS.md this script owns; LABEL names the build measured (default: the current commit).
LABEL="${LABEL:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}"
HISTORY=Benchmarks/callgrind-history.tsv
[ -f "$HISTORY" ] || printf 'date\tbuild\trandom article (cache misses)\tone article repeated (cache hits)\tuncached list\n' > "$HISTORY"
printf '%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%d)" "$LABEL" "${PER_REQUEST[ids]}" "${PER_REQUEST[one-id]}" "${PER_REQUEST[uncached-list]}" >> "$HISTORY"
{
  echo "## Instructions per request (callgrind)"
  echo
  echo "\`make bench-callgrind\` (\`Benchmarks/callgrind.sh\`): the release server under valgrind's callgrind, one event"
  echo "loop, $COUNT generated articles; a client sends $SMALL and then $LARGE requests over one keep-alive connection,"
  echo "and (I_$LARGE − I_$SMALL) / $((LARGE - SMALL)) is the cost of one request, start-up and import cancelled out. Counts are"
  echo "repeatable on a noisy machine: hold later changes against them. Every run is kept in \`callgrind-history.tsv\`."
  echo
  echo "| date | build | random visible article (mostly cache misses) | one article repeated (cache hits) | uncached list page (limit=20) |"
  echo "|---|---|---|---|---|"
  tail -n +2 "$HISTORY" | awk -F'\t' '{printf "| %s | %s | %\047d | %\047d | %s |\n", $1, $2, $3, $4, ($5 == "" ? "–" : sprintf("%\047d", $5))}'
} > "$WORK/section.md"
python3 Benchmarks/tools/put_section.py Benchmarks/RESULTS.md callgrind "$WORK/section.md"
echo "wrote Benchmarks/RESULTS.md"
