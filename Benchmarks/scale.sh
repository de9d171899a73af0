#!/usr/bin/env bash
# Scale figures: start-up and memory at 10,000 and 100,000 articles, list latency at both sizes (from the
# cache and past it), and memory with 10,000 idle keep-alive connections.
#   Benchmarks/scale.sh      (make bench-scale builds the release binary first)
# Loopback only; every server is stopped by its PID; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/dateline
WORK=Benchmarks/.work/scale
DURATION="${DURATION:-5s}"
OUT="$WORK/scale.md"
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps.sh bench" >&2; exit 1; }

start_server() {  # seed file, extra flags...; sets PID and PORT
  local seed="$1"; shift
  local started; started=$(date +%s%N)
  "$BIN" serve --port 0 --seed "$seed" --log-level notice "$@" > "$WORK/server.log" 2>&1 &
  PID=$!
  PORT=""
  for _ in $(seq 1 1500); do
    PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/server.log" | grep -o '[0-9]*$' || true)
    [ -n "$PORT" ] && break
    sleep 0.01
  done
  [ -n "$PORT" ] || { cat "$WORK/server.log" >&2; kill "$PID"; exit 1; }
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}
stop_server() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap stop_server EXIT
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$PID/status"; }
hwm_mb() { awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/$PID/status"; }

# Each request a distinct URL (an ignored `_` parameter), so the response cache cannot answer it.
cat > "$WORK/uncached.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/articles?limit=20&_=" .. n)
end
LUA

{
  echo "| articles | start-up | RSS after start | list p50 / p99 (cached) | list req/s (cached) | list p50 / p99 (uncached) | list req/s (uncached) | peak RSS |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$OUT"
for count in 10000 100000; do
  "$BIN" generate "$count" --output "$WORK/articles-$count.json"
  start_server "$WORK/articles-$count.json"
  after_start=$(rss_mb)
  cached=$(wrk -t1 -c64 -d"$DURATION" --latency "http://127.0.0.1:$PORT/articles?limit=20")
  uncached=$(wrk -t1 -c64 -d"$DURATION" --latency -s "$WORK/uncached.lua" "http://127.0.0.1:$PORT/")
  pick() { echo "$1" | awk -v key="$2" '$1==key {print $2}'; }
  rps() { echo "$1" | awk '/Requests\/sec/ {printf "%d", $2}'; }
  echo "| $count | ${STARTUP_MS} ms | ${after_start} MB | $(pick "$cached" 50%) / $(pick "$cached" 99%) | $(rps "$cached") | $(pick "$uncached" 50%) / $(pick "$uncached" 99%) | $(rps "$uncached") | $(hwm_mb) MB |" >> "$OUT"
  stop_server
done

# 10,000 idle keep-alive connections (the client raises its own descriptor limit).
start_server "$WORK/articles-10000.json" --max-connections 20000 --idle-timeout 120
before=$(rss_mb)
python3 Benchmarks/tools/idle_connections.py "$PORT" 10000 5 > "$WORK/idle.log" &
CLIENT=$!
for _ in $(seq 1 600); do grep -q '^open' "$WORK/idle.log" 2>/dev/null && break; sleep 0.1; done
sleep 1
with_idle=$(rss_mb)
health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health")
wait "$CLIENT" || true
{
  echo
  echo "10,000 idle keep-alive connections ($(cat "$WORK/idle.log")): RSS ${before} MB before, ${with_idle} MB while open;"
  echo "a new client's /health meanwhile: ${health}."
} >> "$OUT"
{
  echo "## Scale (\`make bench-scale\`, $(date -u +%Y-%m-%d))"
  echo
  echo "\`Benchmarks/scale.sh\`: the release server over 10,000 and 100,000 generated articles; \`wrk -t1 -c64 -d$DURATION\`"
  echo "on \`/articles?limit=20\`, once repeating one URL (answered from the response cache) and once with a new"
  echo "ignored \`_\` parameter per request (every answer built afresh by the store and encoder)."
  echo
  cat "$OUT"
} > "$WORK/section.md"
python3 Benchmarks/tools/put_section.py Benchmarks/RESULTS.md scale "$WORK/section.md"
cat "$OUT"
