#!/usr/bin/env bash
# Reads under writes: random GET /articles/{id} alone, then 95% of the same reads with 5% PATCHes by an
# editor, against Dateline in one run; writes the "mixed" section of RESULTS.md.
#   Benchmarks/mixed.sh      (make bench runs it after run.sh; it reuses run.sh's generated articles)
# Loopback only; the server is stopped by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build/release/dateline}"
WORK=Benchmarks/.work
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-1}"
TOKEN=bench-editor-token
[ -f "$WORK/ids.lua" ] && [ -f "$WORK/articles.json" ] || { echo "run Benchmarks/run.sh first (it generates the articles)" >&2; exit 1; }

cat > "$WORK/mixed.lua" <<LUA
dofile("$WORK/ids.lua")
math.randomseed(7)
local n = 0
request = function()
  n = n + 1
  local id = ids[math.random(#ids)]
  if math.random() < 0.05 then
    local headers = {["Authorization"] = "Bearer $TOKEN", ["Content-Type"] = "application/merge-patch+json"}
    return wrk.format("PATCH", "/articles/" .. id, headers, '{"summary":"Revised ' .. n .. '"}')
  end
  return wrk.format("GET", "/articles/" .. id)
end
LUA

DATELINE_EDITOR_TOKENS="$TOKEN" "$BIN" serve --port 0 --seed "$WORK/articles.json" --log-level notice > "$WORK/mixed-server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
PORT=""
for _ in $(seq 1 750); do
  PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/mixed-server.log" | grep -o '[0-9]*$' || true)
  [ -n "$PORT" ] && break
  sleep 0.02
done
[ -n "$PORT" ] || { cat "$WORK/mixed-server.log" >&2; exit 1; }

run() {  # script → "rps p50 p99 errors"
  local out
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$1" "http://127.0.0.1:$PORT/")
  echo "$out" > "$1.txt"
  echo "$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}') $(echo "$out" | awk '$1=="50%" {print $2}') $(echo "$out" | awk '$1=="99%" {print $2}') $(echo "$out" | awk '/Non-2xx|Socket errors/' | tr ' \n' '_ ')"
}
read -r reads_rps reads_p50 reads_p99 reads_errors <<< "$(run "$WORK/random_article.lua")"
read -r mixed_rps mixed_p50 mixed_p99 mixed_errors <<< "$(run "$WORK/mixed.lua")"
ratio=$(awk -v a="$mixed_rps" -v b="$reads_rps" 'BEGIN {printf "%.2f", a / b}')
echo "reads alone: $reads_rps req/s; with 5% PATCH: $mixed_rps req/s (ratio $ratio)"

{
  echo "## Reads under writes (\`Benchmarks/mixed.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "Dateline alone, \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION\`: random visible \`GET /articles/{id}\`, then the same"
  echo "mix with 5% \`PATCH /articles/{id}\` by an editor (a new \`summary\` each time, no \`If-Match\`)."
  echo
  echo "| scenario | requests/s | p50 | p99 | errors |"
  echo "|---|---|---|---|---|"
  echo "| reads alone | $reads_rps | $reads_p50 | $reads_p99 | ${reads_errors:-none} |"
  echo "| 95% reads, 5% PATCH | $mixed_rps | $mixed_p50 | $mixed_p99 | ${mixed_errors:-none} |"
  echo
  echo "Mixed / reads alone: **$ratio** (issue 4 asks for at least 0.80)."
} > "$WORK/mixed-section.md"
python3 Benchmarks/tools/put_section.py Benchmarks/RESULTS.md mixed "$WORK/mixed-section.md"
