#!/usr/bin/env bash
# Soak: SOAK_SECONDS (default 600) of mixed reads and writes against the release server over SQLite, the
# server's RSS and open descriptors sampled every second. Fails on any error or on growth after warm-up:
#   - errors: any non-2xx/3xx answer or socket error reported by wrk;
#   - memory: RSS at the end may exceed RSS after warm-up by at most 10% + 8 MB;
#   - descriptors: once the load stops, the server holds exactly as many as before it started.
# Writes the "soak" section of Benchmarks/RESULTS.md (start, after warm-up, end; peak; a per-minute curve).
#   Benchmarks/soak.sh        (make soak builds the release binary first)
#   SOAK_SECONDS=60 Benchmarks/soak.sh   a short run (warm-up: a tenth of the run, at least 10 s)
# Loopback only; the server and load generators are stopped by their PIDs.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build/release/dateline}"
WORK=Benchmarks/.work/soak
DURATION="${SOAK_SECONDS:-600}"
WARMUP="${SOAK_WARMUP:-$(( DURATION / 10 > 10 ? DURATION / 10 : 10 ))}"
TOKEN=soak-editor-token
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps.sh bench" >&2; exit 1; }
[ "$WARMUP" -lt "$DURATION" ] || { echo "SOAK_SECONDS ($DURATION) must be longer than the warm-up ($WARMUP)" >&2; exit 2; }
rm -rf "$WORK"
mkdir -p "$WORK"

"$BIN" generate 2000 --output "$WORK/articles.json"
# The ids a reader can see (published, not scheduled): any 404 in the soak is then an error.
python3 - "$WORK/articles.json" "$WORK/ids.lua" <<'PY'
import datetime, json, sys
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
ids = [a["id"] for a in json.load(open(sys.argv[1])) if a["status"] == "published" and a["publishedAt"] <= now]
open(sys.argv[2], "w").write("ids = {" + ",".join('"%s"' % i for i in ids) + "}\n")
PY
# Every answer that is not 2xx or 3xx is tallied by status, and the tally printed at the end.
cat > "$WORK/tally.lua" <<'LUA'
local threads = {}
local failed = {}
setup = function(thread) table.insert(threads, thread) end
response = function(status, headers, body)
  if status >= 400 then
    failed[status] = (failed[status] or 0) + 1
    local parts = {}
    for code, count in pairs(failed) do table.insert(parts, code .. "x" .. count) end
    tally = table.concat(parts, " ")
  end
end
done = function(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local t = thread:get("tally")
    if t then io.write("failed statuses: " .. t .. "\n") end
  end
end
LUA

# 70% article reads, 15% lists and searches, 10% PATCH, 4% POST (a new article), 1% facets.
cat > "$WORK/mixed.lua" <<LUA
dofile("$WORK/ids.lua")
dofile("$WORK/tally.lua")
local n = 0
local words = {"drought", "election", "market", "storm", "court", "vaccine", "league", "budget"}
local editor = {["Authorization"] = "Bearer $TOKEN", ["Content-Type"] = "application/merge-patch+json"}
local creator = {["Authorization"] = "Bearer $TOKEN", ["Content-Type"] = "application/json"}
local register = setup
setup = function(thread)
  register(thread)
  thread:set("tid", tostring(math.random(1, 1000000000)))
end
request = function()
  n = n + 1
  local r = math.random()
  local id = ids[math.random(#ids)]
  if r < 0.70 then
    return wrk.format("GET", "/articles/" .. id)
  elseif r < 0.85 then
    local w = words[math.random(#words)]
    if math.random() < 0.5 then return wrk.format("GET", "/articles?limit=20&q=" .. w) end
    return wrk.format("GET", "/articles?limit=20&page=" .. math.random(1, 20))
  elseif r < 0.95 then
    return wrk.format("PATCH", "/articles/" .. id, editor, '{"summary":"Revised ' .. n .. '"}')
  elseif r < 0.99 then
    local body = '{"title":"Soak story ' .. tid .. ' ' .. n .. '","body":"Written during the soak.","category":"world","status":"published"}'
    return wrk.format("POST", "/articles", creator, body)
  end
  return wrk.format("GET", "/tags?limit=20")
end
LUA
# Connection churn beside it: every request on a new connection (descriptor leaks show here).
cat > "$WORK/churn.lua" <<LUA
dofile("$WORK/ids.lua")
dofile("$WORK/tally.lua")
request = function()
  return wrk.format("GET", "/articles/" .. ids[math.random(#ids)], {["Connection"] = "close"})
end
LUA

DATELINE_EDITOR_TOKENS="$TOKEN" "$BIN" serve --port 0 --store "sqlite:$WORK/soak.db" --seed "$WORK/articles.json" \
  --log-level notice > "$WORK/server.log" 2>&1 &
PID=$!
LOADS=()
cleanup() {
  for load in "${LOADS[@]}"; do kill "$load" 2>/dev/null || true; done
  kill "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
}
trap cleanup EXIT
PORT=""
for _ in $(seq 1 1500); do
  PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/server.log" | grep -o '[0-9]*$' || true)
  [ -n "$PORT" ] && break
  sleep 0.02
done
[ -n "$PORT" ] || { cat "$WORK/server.log" >&2; exit 1; }

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$PID/status"; }
fds() { ls "/proc/$PID/fd" | wc -l; }
fresh_rss=$(rss_kb)
fresh_fds=$(fds)
# Five seconds of the same load first: SQLite's reader connections open their WAL files on first use, which
# is no leak. The idle descriptor count after it is the one the end must match.
wrk -t2 -c32 -d5s --timeout 10s -s "$WORK/mixed.lua" "http://127.0.0.1:$PORT/" > "$WORK/prewarm.txt" 2>&1
sleep 2
idle_fds_before=$(fds)
start_rss=$(rss_kb)

wrk -t2 -c32 -d"${DURATION}s" --timeout 10s -s "$WORK/mixed.lua" "http://127.0.0.1:$PORT/" > "$WORK/mixed.txt" 2>&1 &
LOADS+=($!)
wrk -t1 -c4 -d"${DURATION}s" --timeout 10s -s "$WORK/churn.lua" "http://127.0.0.1:$PORT/" > "$WORK/churn.txt" 2>&1 &
LOADS+=($!)

echo "second,rss_kb,fds" > "$WORK/samples.csv"
started=$(date +%s)
second=0
while kill -0 "${LOADS[0]}" 2>/dev/null || kill -0 "${LOADS[1]}" 2>/dev/null; do
  kill -0 "$PID" 2>/dev/null || { echo "the server died; see $WORK/server.log" >&2; exit 1; }
  echo "$second,$(rss_kb),$(fds)" >> "$WORK/samples.csv"
  second=$(( second + 1 ))
  # Each sample on the second since the start, however long the last one took.
  sleep "$(awk -v next_at="$(( started + second ))" -v now="$(date +%s.%N)" 'BEGIN { d = next_at - now; print (d > 0 ? d : 0) }')"
done
wait "${LOADS[@]}" || true
LOADS=()
sleep 2
idle_fds_after=$(fds)

errors() {  # wrk output → error count (non-2xx/3xx answers and socket errors)
  awk '/Non-2xx or 3xx responses/ {sum += $NF} /Socket errors/ {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) sum += $i} END {print sum + 0}' "$1"
}
requests() { awk '/requests in/ {print $1}' "$1"; }
mixed_errors=$(( $(errors "$WORK/mixed.txt") + $(errors "$WORK/prewarm.txt") ))
churn_errors=$(errors "$WORK/churn.txt")
mixed_requests=$(requests "$WORK/mixed.txt")
churn_requests=$(requests "$WORK/churn.txt")

# Figures: start (first sample under load), after warm-up (the sample at WARMUP), end (the last), peak after warm-up.
read -r first_rss first_fds warm_rss warm_fds end_rss end_fds peak_rss samples <<< "$(awk -F, -v warm="$WARMUP" '
  NR == 2 { first_rss = $2; first_fds = $3 }
  NR > 1 && $1 == warm { warm_rss = $2; warm_fds = $3 }
  NR > 1 && $1 >= warm && $2 > peak { peak = $2 }
  NR > 1 { end_rss = $2; end_fds = $3; n++ }
  END { print first_rss, first_fds, warm_rss, warm_fds, end_rss, end_fds, peak, n }' "$WORK/samples.csv")"
[ -n "$warm_rss" ] || { echo "no sample at the warm-up mark ($WARMUP s)" >&2; exit 1; }
rss_limit=$(( warm_rss * 110 / 100 + 8 * 1024 ))
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }
# The curve: one RSS / descriptor figure per tenth of the run.
curve=$(awk -F, -v step="$(( DURATION / 10 > 0 ? DURATION / 10 : 1 ))" 'NR > 1 && $1 % step == 0 { printf "%s%d s: %.1f MB / %d", sep, $1, $2 / 1024, $3; sep = "; " }' "$WORK/samples.csv")

verdict=pass
problems=()
[ "$mixed_errors" -eq 0 ] && [ "$churn_errors" -eq 0 ] || { verdict=FAIL; problems+=("errors: $mixed_errors mixed, $churn_errors churn"); }
[ "$end_rss" -le "$rss_limit" ] || { verdict=FAIL; problems+=("RSS grew: $(mb "$end_rss") at the end, limit $(mb "$rss_limit")"); }
[ "$idle_fds_after" -eq "$idle_fds_before" ] || { verdict=FAIL; problems+=("descriptors: $idle_fds_before idle before, $idle_fds_after after"); }

{
  echo "## Soak (\`make soak\`, $(date -u '+%Y-%m-%d %H:%M UTC'), ${DURATION} s): $verdict"
  echo
  echo "\`Benchmarks/soak.sh\`: the release server over SQLite (2,000 generated articles), two loads at once for"
  echo "${DURATION} s: \`wrk -t2 -c32\` mixing 70% \`GET /articles/{id}\`, 15% lists and searches, 10% \`PATCH\`,"
  echo "4% \`POST\` and 1% \`/tags\`; and \`wrk -t1 -c4\` with \`Connection: close\` (a new connection per request)."
  echo "RSS and open descriptors sampled every second; warm-up ${WARMUP} s. Shared 2-core machine: other work ran"
  echo "beside it, so the request rates say little; the memory and descriptor figures are the point."
  echo
  echo "| | RSS | open descriptors |"
  echo "|---|---|---|"
  echo "| just started (idle) | $(mb "$fresh_rss") | $fresh_fds |"
  echo "| after a 5 s pre-warm (idle) | $(mb "$start_rss") | $idle_fds_before |"
  echo "| start (first second under load) | $(mb "$first_rss") | $first_fds |"
  echo "| after warm-up (${WARMUP} s) | $(mb "$warm_rss") | $warm_fds |"
  echo "| end (${samples} samples) | $(mb "$end_rss") | $end_fds |"
  echo "| peak after warm-up | $(mb "$peak_rss") | |"
  echo "| after the load (idle again) | $(mb "$(rss_kb)") | $idle_fds_after |"
  echo
  echo "Curve (RSS / descriptors): $curve."
  echo
  echo "Requests: $mixed_requests mixed ($mixed_errors errors), $churn_requests on new connections ($churn_errors errors)."
  echo "Pass rule: no error; end RSS ≤ after-warm-up RSS × 1.10 + 8 MB ($(mb "$rss_limit")); idle descriptors after"
  echo "the load equal to those after the pre-warm."
  grep -h "failed statuses" "$WORK/prewarm.txt" "$WORK/mixed.txt" "$WORK/churn.txt" | sed 's/^/- /' || true
  if [ ${#problems[@]} -gt 0 ]; then echo; printf -- '- %s\n' "${problems[@]}"; fi
} > "$WORK/section.md"
cat "$WORK/section.md"
python3 Benchmarks/tools/put_section.py Benchmarks/RESULTS.md soak "$WORK/section.md"
[ "$verdict" = pass ] || { echo "soak failed: ${problems[*]}" >&2; exit 1; }
