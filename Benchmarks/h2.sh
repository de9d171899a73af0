#!/usr/bin/env bash
# The HTTP edge under load, over 10,000 generated articles, written to RESULTS.md (section "edge"):
#   - HTTP/2 cleartext (h2c, prior knowledge) with h2load against the same requests over HTTP/1.1
#     (h2load --h1, same tool): random article (the same random published ids as run.sh, round-robin), list,
#     health; and issue 6's fixed run, `h2load -n 100000 -c 16 -m 32` on random articles;
#   - gzip: random articles from the response cache with and without `Accept-Encoding: gzip` (wrk).
#   Benchmarks/h2.sh            (make bench builds the release binary first)
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
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps.sh bench" >&2; exit 1; }

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
  ROWS+=("| $name | $rps | $codes |")
}
ROWS=()

# HTTP/1.1 runs one request at a time per connection (no pipelining), as wrk in run.sh and browsers do;
# HTTP/2 multiplexes STREAMS per connection.
echo "h2load -c$CONNECTIONS -t$THREADS -D$DURATION against $BASE: h2c with -m$STREAMS, HTTP/1.1 with -m1, same URIs"
for scenario in "random article:uris" "list:list" "health:health"; do
  name="${scenario%%:*}"
  file="$WORK/${scenario##*:}.txt"
  run "h2c $name" "" "$STREAMS" "$file"
  run "http/1.1 $name" "--h1" 1 "$file"
done

# Issue 6's fixed run: 100,000 random articles over 16 connections with 32 streams each, then the same
# requests over HTTP/1.1 (one at a time per connection), counting failures.
fixed() {  # name, flag, streams
  local out rps failed
  out=$(h2load $2 -t"$THREADS" -n 100000 -c 16 -m "$3" -i "$WORK/uris.txt" 2>&1)
  echo "$out" > "$WORK/fixed-$(echo "$1" | tr -c "a-z0-9\n" "-").txt"
  rps=$(echo "$out" | awk '/^finished in/ {for (i = 1; i <= NF; i++) if ($i == "req/s,") printf "%d", $(i-1)}')
  failed=$(echo "$out" | awk '/^requests:/ {for (i = 1; i <= NF; i++) if ($i == "failed,") print $(i-1)}')
  printf '%-26s %8s req/s   %s failed\n' "$1" "$rps" "$failed"
  FIXED+=("| $1 | $rps | $failed |")
  eval "$4=$rps"
}
FIXED=()
fixed "h2c -n100000 -c16 -m32" "" 32 H2_RPS
fixed "http/1.1 -n100000 -c16" "--h1" 1 H1_RPS

# gzip from the cache against identity, the same random articles (one URL each, as run.sh's Lua picks them).
cat > "$WORK/random.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/ids.txt") do ids[#ids + 1] = line end
math.randomseed(42)
request = function()
  return wrk.format("GET", "/articles/" .. ids[math.random(#ids)])
end
LUA
gzip_run() {  # name, extra wrk args...
  local name="$1" out rps p99
  shift
  # Twice: the first pass fills the cache (and its gzip forms), the second is measured.
  wrk -t"$THREADS" -c64 -d3s -s "$WORK/random.lua" "$@" "$BASE/" > /dev/null
  out=$(wrk -t"$THREADS" -c64 -d"${DURATION}s" --latency -s "$WORK/random.lua" "$@" "$BASE/")
  rps=$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  printf '%-26s %8s req/s   p99 %s\n' "$name" "$rps" "$p99"
  GZIP_ROWS+=("| $name | $rps | $p99 |")
  eval "$(echo "$name" | tr -c "a-zA-Z\n" "_" | tr a-z A-Z)_RPS=$rps"
}
GZIP_ROWS=()
gzip_run "identity"
gzip_run "gzip" -H "Accept-Encoding: gzip, deflate, br"

h2_ratio=$(awk -v a="$H2_RPS" -v b="$H1_RPS" 'BEGIN {printf "%.2f", a / b}')
gzip_ratio=$(awk -v a="$GZIP_RPS" -v b="$IDENTITY_RPS" 'BEGIN {printf "%.2f", a / b}')
{
  echo "## The HTTP edge: HTTP/2 and gzip (\`Benchmarks/h2.sh\`, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores)"
  echo
  echo "Dateline alone over $COUNT generated articles. h2load \`-c$CONNECTIONS -t$THREADS -D$DURATION\`, h2c with \`-m$STREAMS\`,"
  echo "HTTP/1.1 (\`--h1\`) one request at a time per connection, the same URIs:"
  echo
  echo "| run | requests/s | status codes (2xx 3xx 4xx 5xx) |"
  echo "|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Issue 6's run, \`h2load -n 100000 -c 16 -m 32\` on random articles, and the same requests over HTTP/1.1:"
  echo
  echo "| run | requests/s | failed |"
  echo "|---|---|---|"
  printf '%s\n' "${FIXED[@]}"
  echo
  echo "HTTP/2 / HTTP/1.1: **$h2_ratio** (issue 6 asks for at least 1.00)."
  echo
  echo "Random articles from the response cache, \`wrk -t$THREADS -c64 -d${DURATION}s\`, after a 3 s pass that fills it:"
  echo
  echo "| Accept-Encoding | requests/s | p99 |"
  echo "|---|---|---|"
  printf '%s\n' "${GZIP_ROWS[@]}"
  echo
  echo "gzip / identity: **$gzip_ratio** (issue 6 asks for gzip within 10%, so at least 0.90)."
} > "$WORK/edge-section.md"
python3 Benchmarks/tools/put_section.py Benchmarks/RESULTS.md edge "$WORK/edge-section.md"
