#!/usr/bin/env bash
# Load-tests Dateline over HTTP/2 cleartext (h2c, prior knowledge) with h2load, and the same requests over
# HTTP/1.1 with h2load --h1 for a same-tool comparison, over 10,000 generated articles:
#   Benchmarks/h2.sh            (build the release binary first: swift build -c release --product dateline)
# Scenarios: random article (the same random published ids as run.sh, one URI each, round-robin), list, health.
# Environment: DURATION (seconds, default 10), CONNECTIONS (64), STREAMS (concurrent streams per HTTP/2
#   connection, 10), THREADS (1), COUNT (10000), LOG_LEVEL (notice).
# Everything runs on 127.0.0.1; the server is stopped by its PID (also when the script fails).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
STREAMS="${STREAMS:-10}"
THREADS="${THREADS:-1}"
COUNT="${COUNT:-10000}"
LOG_LEVEL="${LOG_LEVEL:-notice}"
BIN=.build/release/dateline
WORK=Benchmarks/.work/h2
mkdir -p "$WORK"

[ -x "$BIN" ] || { echo "build first: swift build -c release --product dateline" >&2; exit 1; }
command -v h2load >/dev/null || { echo "h2load is missing: scripts/install-deps.sh bench" >&2; exit 1; }

"$BIN" generate "$COUNT" --output "$WORK/articles.json"
# The ids a reader can see (published, not scheduled), shuffled with a fixed seed as run.sh's Lua does.
python3 - "$WORK/articles.json" "$WORK/ids.txt" <<'PY'
import json, sys, datetime, random
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
ids = [a["id"] for a in json.load(open(sys.argv[1])) if a["status"] == "published" and a["publishedAt"] <= now]
random.seed(42)
with open(sys.argv[2], "w") as out:
    out.write("".join(random.choice(ids) + "\n" for _ in range(len(ids))))
PY

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT

"$BIN" serve --port 0 --seed "$WORK/articles.json" --log-level "$LOG_LEVEL" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 750); do
  PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/server.log" | head -1 | grep -o '[0-9]*$' || true)
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.02
done
[ -n "$PORT" ] || { cat "$WORK/server.log" >&2; echo "Dateline did not start" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
sed "s|^|$BASE/articles/|" "$WORK/ids.txt" > "$WORK/uris.txt"
echo "$BASE/articles?limit=20" > "$WORK/list.txt"
echo "$BASE/health" > "$WORK/health.txt"

run() {  # name, protocol flag ("" for h2c), streams per connection, URI file
  local name="$1" flag="$2" streams="$3" uris="$4" out rps
  out=$(h2load $flag -t"$THREADS" -c"$CONNECTIONS" -m"$streams" -D"$DURATION" -i "$uris" 2>&1)
  echo "$out" > "$WORK/$(echo "$name" | tr -c "a-z0-9\n" "-").txt"
  rps=$(echo "$out" | awk '/^finished in/ {for (i = 1; i <= NF; i++) if ($i == "req/s,") printf "%d", $(i-1)}')
  local codes
  codes=$(echo "$out" | awk '/^status codes:/ {print $3, $4, $5, $6, $7, $8, $9, $10}')
  printf '%-26s %8s req/s   %s\n' "$name" "$rps" "$codes"
}

# HTTP/1.1 runs one request at a time per connection (no pipelining), as wrk in run.sh and browsers do;
# HTTP/2 multiplexes STREAMS per connection.
echo "h2load -c$CONNECTIONS -t$THREADS -D$DURATION against $BASE: h2c with -m$STREAMS, HTTP/1.1 with -m1, same URIs"
for scenario in "random article:uris" "list:list" "health:health"; do
  name="${scenario%%:*}"
  file="$WORK/${scenario##*:}.txt"
  run "h2c $name" "" "$STREAMS" "$file"
  run "http/1.1 $name" "--h1" 1 "$file"
done
