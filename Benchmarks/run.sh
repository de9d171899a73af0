#!/usr/bin/env bash
# Load-tests Dateline's read endpoints with wrk over 10,000 generated articles, side by side in one run with
# two baselines of the same endpoints, and writes RESULTS.md:
#   - Hummingbird 2 written idiomatically (Benchmarks/hummingbird/baseline; this script builds it in release),
#   - nginx serving, from files, the exact bodies Dateline returned (Benchmarks/nginx).
#   Benchmarks/run.sh            (make bench builds Dateline's release binary first)
# Environment: RESULTS (default Benchmarks/RESULTS.md), DURATION (default 10s), CONNECTIONS (64), THREADS (1), COUNT (10000), LOG_LEVEL (notice),
#   BASELINES ("hummingbird nginx"; set it to "" to measure Dateline alone).
# Everything runs on 127.0.0.1, one server at a time; each is stopped by its PID (also when the script fails).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
LOG_LEVEL="${LOG_LEVEL:-notice}"
THREADS="${THREADS:-1}"
COUNT="${COUNT:-10000}"
BASELINES="${BASELINES-hummingbird nginx}"
BIN=.build/release/dateline
WORK=Benchmarks/.work
RESULTS="${RESULTS:-Benchmarks/RESULTS.md}"
HB_PACKAGE=Benchmarks/hummingbird/baseline
HB_BIN="$HB_PACKAGE/.build/release/HummingbirdBaseline"
NGINX_WORK="$(pwd)/$WORK/nginx"
mkdir -p "$WORK"

wants() { [[ " $BASELINES " == *" $1 "* ]]; }

[ -x "$BIN" ] || { echo "build first: swift build -c release --product dateline" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps.sh bench" >&2; exit 1; }
if wants nginx; then
  command -v nginx >/dev/null || { echo "nginx is missing: scripts/install-deps.sh bench" >&2; exit 1; }
fi
if wants hummingbird; then
  # Several minutes the first time (SwiftNIO and friends), seconds afterwards.
  echo "building the Hummingbird baseline (release)"
  swift build -c release --package-path "$HB_PACKAGE" 2>&1 | tail -3
  [ -x "$HB_BIN" ] || { echo "the Hummingbird baseline did not build" >&2; exit 1; }
fi

"$BIN" generate "$COUNT" --output "$WORK/articles.json"
# The ids a reader can see (published, not scheduled): a random-id scenario must not measure 404s.
python3 - "$WORK/articles.json" "$WORK/ids.lua" "$WORK/ids.txt" <<'PY'
import json, sys, datetime
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
ids = [a["id"] for a in json.load(open(sys.argv[1])) if a["status"] == "published" and a["publishedAt"] <= now]
with open(sys.argv[2], "w") as out:
    out.write("ids = {" + ",".join('"%s"' % i for i in ids) + "}\n")
with open(sys.argv[3], "w") as out:
    out.write("".join(i + "\n" for i in ids))
PY
cat > "$WORK/random_article.lua" <<LUA
dofile("$WORK/ids.lua")
math.randomseed(42)
request = function()
  return wrk.format("GET", "/articles/" .. ids[math.random(#ids)])
end
LUA

# The scenarios, the same for every server.
LIST_QUERIES=("limit=20" "tag=sudan&limit=20" "q=drought+aid")
NAMES=("random article" "list" "tag" "search" "health")
PATHS=("/articles/$(head -1 "$WORK/ids.txt")" "/articles?${LIST_QUERIES[0]}" "/articles?${LIST_QUERIES[1]}"
  "/articles?${LIST_QUERIES[2]}" "/health")
SCRIPTS=("$WORK/random_article.lua" "" "" "" "")

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT

# Waits (at most 15 s) for "listening on http://127.0.0.1:PORT" in a log; sets PORT.
wait_for_listening() {
  local log="$1"
  PORT=""
  for _ in $(seq 1 750); do
    PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | head -1 | grep -o '[0-9]*$' || true)
    [ -n "$PORT" ] && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.02
  done
  cat "$log" >&2
  return 1
}

# Peak RSS in kB of a process and its children (nginx's workers).
peak_rss_kb() {
  local total=0 pid kb
  for pid in "$1" $(pgrep -P "$1" || true); do
    kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

declare -A RPS P50 P99 ERRORS STARTUP RSS_START RSS_PEAK

measure() {  # server, base URL: runs every scenario against it
  local server="$1" base="$2" i
  for i in "${!NAMES[@]}"; do
    local name="${NAMES[$i]}" path="${PATHS[$i]}" script="${SCRIPTS[$i]}"
    local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency)
    [ -n "$script" ] && args+=(-s "$script")
    curl -sf -o /dev/null "$base$path" || { echo "$server $name: $base$path does not answer 200" >&2; exit 1; }
    local out
    out=$(wrk "${args[@]}" "$base$path")
    echo "$out" > "$WORK/$server-$name.txt"
    RPS[$server/$i]=$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')
    P50[$server/$i]=$(echo "$out" | awk '$1=="50%" {print $2}')
    P99[$server/$i]=$(echo "$out" | awk '$1=="99%" {print $2}')
    ERRORS[$server/$i]=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    echo "$server $name: ${RPS[$server/$i]} req/s, p50 ${P50[$server/$i]}, p99 ${P99[$server/$i]} ${ERRORS[$server/$i]}"
  done
}

# Dateline.
start_ns=$(date +%s%N)
"$BIN" serve --port 0 --seed "$WORK/articles.json" --log-level "$LOG_LEVEL" > "$WORK/server.log" 2>&1 &
SERVER_PID=$!
wait_for_listening "$WORK/server.log" || { echo "Dateline did not start" >&2; exit 1; }
STARTUP[dateline]=$(( ($(date +%s%N) - start_ns) / 1000000 ))
RSS_START[dateline]=$(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status)
DATELINE_BASE="http://127.0.0.1:$PORT"
measure dateline "$DATELINE_BASE"
RSS_PEAK[dateline]=$(peak_rss_kb "$SERVER_PID")
if wants nginx; then
  # nginx serves what Dateline answers; fetched after Dateline's runs so they do not warm its caches.
  rm -rf "$NGINX_WORK"
  mkdir -p "$NGINX_WORK/root"
  python3 Benchmarks/nginx/fetch-responses.py "$DATELINE_BASE" "$WORK/ids.txt" "$NGINX_WORK/root" "${LIST_QUERIES[@]}"
  # nginx's workers run as nobody when it is started by root.
  chmod -R a+rX "$NGINX_WORK"
fi
stop_server

# Hummingbird 2.
if wants hummingbird; then
  start_ns=$(date +%s%N)
  "$HB_BIN" --port 0 --seed "$WORK/articles.json" > "$WORK/hummingbird.log" 2>&1 &
  SERVER_PID=$!
  wait_for_listening "$WORK/hummingbird.log" || { echo "the Hummingbird baseline did not start" >&2; exit 1; }
  STARTUP[hummingbird]=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  RSS_START[hummingbird]=$(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status)
  measure hummingbird "http://127.0.0.1:$PORT"
  RSS_PEAK[hummingbird]=$(peak_rss_kb "$SERVER_PID")
  stop_server
fi

# nginx, on a free port, in the foreground (daemon off) so that $! is its master process.
if wants nginx; then
  PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  sed -e "s|@PORT@|$PORT|g" -e "s|@ROOT@|$NGINX_WORK/root|g" -e "s|@WORK@|$NGINX_WORK|g" \
    Benchmarks/nginx/nginx.conf.template > "$NGINX_WORK/nginx.conf"
  start_ns=$(date +%s%N)
  nginx -c "$NGINX_WORK/nginx.conf" -p "$NGINX_WORK/" -e "$NGINX_WORK/error.log" > "$WORK/nginx.log" 2>&1 &
  SERVER_PID=$!
  up=""
  for _ in $(seq 1 250); do  # at most 5 s
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; then up=1; break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.02
  done
  [ -n "$up" ] || { cat "$WORK/nginx.log" "$NGINX_WORK/error.log" >&2 || true; echo "nginx did not start" >&2; exit 1; }
  STARTUP[nginx]=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  RSS_START[nginx]=$(peak_rss_kb "$SERVER_PID")
  measure nginx "http://127.0.0.1:$PORT"
  RSS_PEAK[nginx]=$(peak_rss_kb "$SERVER_PID")
  stop_server
fi

cell() {  # server, scenario index: "req/s | p50 | p99", or dashes when the server did not run
  if [ -n "${RPS[$1/$2]:-}" ]; then echo "${RPS[$1/$2]} | ${P50[$1/$2]} | ${P99[$1/$2]}"; else echo "– | – | –"; fi
}
ratio() {  # scenario index, baseline
  if [ -n "${RPS[$2/$1]:-}" ] && [ "${RPS[$2/$1]}" -gt 0 ]; then
    awk -v a="${RPS[dateline/$1]}" -v b="${RPS[$2/$1]}" 'BEGIN {printf "%.2f×", a / b}'
  else
    echo "–"
  fi
}
memory_row() {  # server, label
  if [ -n "${RSS_PEAK[$1]:-}" ]; then
    echo "| $2 | ${STARTUP[$1]} ms | $((RSS_START[$1] / 1024)) MB | $((RSS_PEAK[$1] / 1024)) MB |"
  fi
}

{
  echo "# Benchmark results"
  echo
  echo "Produced by \`make bench\` (\`Benchmarks/run.sh\`) on $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -m)"
  echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), with wrk sharing the machine:"
  echo "\`wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency\`, keep-alive, over $COUNT articles from"
  echo "\`dateline generate $COUNT\`. Dateline runs with \`--log-level $LOG_LEVEL\` (no access lines). The baselines,"
  echo "measured in the same run one server at a time: an idiomatic Hummingbird 2 server of the same endpoints"
  echo "(\`Benchmarks/hummingbird/\`, release build) and nginx $(nginx -v 2>&1 | grep -o '[0-9.]*$' || true) serving, from files, the bodies"
  echo "Dateline returned (\`Benchmarks/nginx/\`). These machines are noisy: compare figures of one run."
  echo
  echo "| scenario | request | Dateline req/s | p50 | p99 | Hummingbird req/s | p50 | p99 | nginx req/s | p50 | p99 | Dateline/Hummingbird | Dateline/nginx |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for i in "${!NAMES[@]}"; do
    echo "| ${NAMES[$i]} | \`${PATHS[$i]}\` | $(cell dateline "$i") | $(cell hummingbird "$i") | $(cell nginx "$i") | $(ratio "$i" hummingbird) | $(ratio "$i" nginx) |"
  done
  echo
  errors=""
  for server in dateline hummingbird nginx; do
    for i in "${!NAMES[@]}"; do
      [ -n "${ERRORS[$server/$i]:-}" ] && errors+="- $server, ${NAMES[$i]}: ${ERRORS[$server/$i]}"$'\n'
    done
  done
  if [ -n "$errors" ]; then echo "Errors reported by wrk:"; echo; echo -n "$errors"; else echo "wrk reported no errors (no non-2xx answers, no socket errors)."; fi
  echo
  echo "| server | start-up (process start to serving, import of $COUNT articles included) | RSS after start | peak RSS after all scenarios |"
  echo "|---|---|---|---|"
  memory_row dateline Dateline
  memory_row hummingbird "Hummingbird 2"
  memory_row nginx "nginx (master and 2 workers)"
  echo
  if [ -f Benchmarks/NOTES.md ]; then cat Benchmarks/NOTES.md; fi
} > "$WORK/wrk-section.md"
python3 Benchmarks/tools/put_section.py "$RESULTS" wrk "$WORK/wrk-section.md"
echo "wrote $RESULTS"
