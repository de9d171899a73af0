#!/usr/bin/env bash
# Load-tests Dateline's read endpoints with wrk over 10,000 generated articles and writes RESULTS.md.
#   Benchmarks/run.sh            (make bench builds the release binary first)
# Environment: DURATION (default 10s), CONNECTIONS (64), THREADS (1), COUNT (10000).
# Everything runs on loopback; the server is stopped by its PID when the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
LOG_LEVEL="${LOG_LEVEL:-notice}"
THREADS="${THREADS:-1}"
COUNT="${COUNT:-10000}"
BIN=.build/release/dateline
WORK=Benchmarks/.work
RESULTS=Benchmarks/RESULTS.md
mkdir -p "$WORK"

[ -x "$BIN" ] || { echo "build first: swift build -c release --product dateline" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps.sh bench" >&2; exit 1; }

"$BIN" generate "$COUNT" --output "$WORK/articles.json"
# The ids a reader can see (published, not scheduled): a random-id scenario must not measure 404s.
python3 - "$WORK/articles.json" "$WORK/ids.lua" <<'PY'
import json, sys, datetime
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
ids = [a["id"] for a in json.load(open(sys.argv[1])) if a["status"] == "published" and a["publishedAt"] <= now]
with open(sys.argv[2], "w") as out:
    out.write("ids = {" + ",".join('"%s"' % i for i in ids) + "}\n")
PY
cat > "$WORK/random_article.lua" <<LUA
dofile("$WORK/ids.lua")
math.randomseed(42)
request = function()
  return wrk.format("GET", "/articles/" .. ids[math.random(#ids)])
end
LUA

start_ns=$(date +%s%N)
"$BIN" serve --port 0 --seed "$WORK/articles.json" --log-level "${LOG_LEVEL:-notice}" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true; wait $SERVER_PID 2>/dev/null || true' EXIT
PORT=""
for _ in $(seq 1 300); do
  PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/server.log" | grep -o '[0-9]*$' || true)
  [ -n "$PORT" ] && break
  sleep 0.02
done
[ -n "$PORT" ] || { cat "$WORK/server.log"; echo "server did not start" >&2; exit 1; }
startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
BASE="http://127.0.0.1:$PORT"
rss_after_start=$(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status)

run() {  # name, path, [script]
  local name="$1" path="$2" script="${3:-}"
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
  [ -n "$script" ] && args+=(-s "$script")
  curl -sf -o /dev/null "$BASE$path" || { echo "$name: $BASE$path does not answer 200" >&2; exit 1; }
  local out
  out=$(wrk "${args[@]}" "$BASE$path")
  echo "$out" > "$WORK/$name.txt"
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  printf '| %s | `%s` | %s | %s | %s | %s |\n' "$name" "$path" "$rps" "$p50" "$p99" "${errors:-none}" >> "$WORK/table.md"
  echo "$name: $rps req/s, p50 $p50, p99 $p99 ${errors}"
}

: > "$WORK/table.md"
run "random article" "/articles/$(grep -o '"a[0-9]*"' "$WORK/ids.lua" | head -1 | tr -d '"')" "$WORK/random_article.lua"
run "list" "/articles?limit=20"
run "tag" "/articles?tag=sudan&limit=20"
run "search" "/articles?q=drought+aid"
run "health" "/health"
peak_rss=$(awk '/VmHWM/ {print $2}' /proc/$SERVER_PID/status)

{
  echo "# Benchmark results"
  echo
  echo "Produced by \`make bench\` (\`Benchmarks/run.sh\`) on $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m),"
  echo "with wrk sharing the machine: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency\`, keep-alive,"
  echo "over $COUNT articles from \`dateline generate $COUNT\`; the server runs with \`--log-level $LOG_LEVEL\`"
  echo "(no access lines; see the note below). These machines are noisy: compare figures of one run."
  echo
  echo "| scenario | request | requests/s | p50 | p99 | errors |"
  echo "|---|---|---|---|---|---|"
  cat "$WORK/table.md"
  echo
  echo "Start-up (process start to listening, import of $COUNT articles included): ${startup_ms} ms."
  echo "RSS after start: $((rss_after_start / 1024)) MB; peak RSS after all scenarios: $((peak_rss / 1024)) MB."
  echo
  if [ -f Benchmarks/NOTES.md ]; then cat Benchmarks/NOTES.md; fi
} > "$RESULTS"
echo "wrote $RESULTS"
