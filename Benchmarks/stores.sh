#!/usr/bin/env bash
# The read scenarios of Benchmarks/run.sh against the three stores in one run: memory, SQLite and a throwaway
# PostgreSQL, over the same generated articles (100,000 by default), plus uncached `q=` searches that reach
# the store on every request, and editors' writes. Writes the `stores` section of RESULTS.md.
#   Benchmarks/stores.sh        (make bench-stores builds the release binary first)
# Environment: COUNT (100000), DURATION (10s), ROUNDS (3: the runs of the cached "random article" and of each
#   uncached search at 1 connection, per store, taken in turns across the three servers, which stay up side by
#   side; the median counts), CONNECTIONS (64), THREADS (1), Q_CONNECTIONS (4: the uncached searches under
#   load; they also run at 1 connection, the server's own time), CACHE_BYTES (every
#   server's --response-cache-bytes: 512 MB by default, room for every article's answer), PG_SHARED_BUFFERS
#   (1GB), RESULTS.
# Loopback only; every server is stopped by its PID, and the PostgreSQL by scripts/test-postgres.sh, however
# the script ends; every wait is bounded.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT="${COUNT:-100000}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-1}"
Q_CONNECTIONS="${Q_CONNECTIONS:-4}"
ROUNDS="${ROUNDS:-3}"
CACHE_BYTES="${CACHE_BYTES:-536870912}"
PG_SHARED_BUFFERS="${PG_SHARED_BUFFERS:-1GB}"
RESULTS="${RESULTS:-Benchmarks/RESULTS.md}"
BIN=.build/release/dateline
WORK=Benchmarks/.work/stores
mkdir -p "$WORK"

[ -x "$BIN" ] || { echo "build first: swift build -c release --product dateline" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing: scripts/install-deps.sh bench" >&2; exit 1; }

declare -A SERVER_PIDS PORTS
PG_DIR=""
stop_servers() {
  local store
  for store in "${!SERVER_PIDS[@]}"; do
    kill "${SERVER_PIDS[$store]}" 2>/dev/null || true
    wait "${SERVER_PIDS[$store]}" 2>/dev/null || true
    unset "SERVER_PIDS[$store]"
  done
}
cleanup() {
  stop_servers
  if [ -n "$PG_DIR" ]; then scripts/test-postgres.sh stop "$PG_DIR"; PG_DIR=""; fi
}
trap cleanup EXIT

# Seconds (3 decimals) and peak RSS (MB) of a command, from /usr/bin/time's report.
timed() {  # label, command...
  local label="$1"; shift
  /usr/bin/time -f '%e %M' -o "$WORK/$label.time" "$@" > "$WORK/$label.log" 2>&1 || { cat "$WORK/$label.log" >&2; exit 1; }
  read -r SECONDS_TAKEN PEAK_KB < "$WORK/$label.time"
  PEAK_MB=$((PEAK_KB / 1024))
}

echo "generating $COUNT articles"
"$BIN" generate "$COUNT" --output "$WORK/articles.json"
python3 - "$WORK/articles.json" "$WORK/ids.lua" "$WORK/ids.txt" "$WORK/new_article.lua" <<'PY'
import json, sys, datetime
now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
articles = json.load(open(sys.argv[1]))
visible = [a for a in articles if a["status"] == "published" and a["publishedAt"] <= now]
ids = [a["id"] for a in visible]
with open(sys.argv[2], "w") as out:
    out.write("ids = {" + ",".join('"%s"' % i for i in ids) + "}\n")
with open(sys.argv[3], "w") as out:
    out.write("".join(i + "\n" for i in ids))
# A new article as an editor would POST it: a generated one's fields, its title made unique per request (@N@).
model = next(a for a in visible if a["language"] == "en" and a.get("summary"))
new = {k: model[k] for k in ("title", "summary", "body", "category", "tags", "language") if model.get(k) is not None}
new["title"] = model["title"] + " @N@"
new["status"] = "published"
with open(sys.argv[4], "w") as out:
    out.write("new_article = [==[" + json.dumps(new, ensure_ascii=False) + "]==]\n")
PY
# Editors' writes, at 1 connection (each is durable when answered: a commit, and SQLite's fsync): a new summary
# on a random article (PATCH), and a new article (POST), which also writes its few hundred search postings.
WRITE_TOKEN=bench-editor-token
cat > "$WORK/edit.lua" <<LUA
dofile("$WORK/ids.lua")
math.randomseed(11)
local n = 0
request = function()
  n = n + 1
  local headers = {["Authorization"] = "Bearer $WRITE_TOKEN", ["Content-Type"] = "application/merge-patch+json"}
  return wrk.format("PATCH", "/articles/" .. ids[math.random(#ids)], headers, '{"summary":"Revised summary, edit ' .. n .. '"}')
end
LUA
cat > "$WORK/publish.lua" <<LUA
dofile("$WORK/new_article.lua")
local n = 0
request = function()
  n = n + 1
  local headers = {["Authorization"] = "Bearer $WRITE_TOKEN", ["Content-Type"] = "application/json"}
  return wrk.format("POST", "/articles", headers, (string.gsub(new_article, "@N@", "number " .. n)))
end
LUA
cat > "$WORK/random_article.lua" <<LUA
dofile("$WORK/ids.lua")
math.randomseed(42)
request = function()
  return wrk.format("GET", "/articles/" .. ids[math.random(#ids)])
end
LUA

# The loads, timed: `dateline import` into a new SQLite file and into an empty throwaway PostgreSQL.
declare -A IMPORT_SECONDS IMPORT_MB DB_SIZE
rm -f "$WORK"/bench.sqlite*
echo "importing into SQLite"
timed import-sqlite "$BIN" import "$WORK/articles.json" --store "sqlite:$WORK/bench.sqlite"
IMPORT_SECONDS[sqlite]=$SECONDS_TAKEN IMPORT_MB[sqlite]=$PEAK_MB
DB_SIZE[sqlite]="$(( $(du -cb "$WORK"/bench.sqlite* | tail -1 | cut -f1) / 1048576 )) MB (file and WAL)"
PG_DIR=$(scripts/test-postgres.sh start)
PG_URL=$(cat "$PG_DIR/url")
# A deployment sizes shared_buffers to its tables (the default 128 MB holds a fifth of these): 1 GB holds the
# articles' table and indexes and the search postings, so the searches below read PostgreSQL's own cache.
psql "$PG_URL" -qc "ALTER SYSTEM SET shared_buffers = '$PG_SHARED_BUFFERS'" >/dev/null
"$PG_DIR/pg_ctl" restart -m fast >/dev/null
echo "importing into PostgreSQL"
timed import-postgres "$BIN" import "$WORK/articles.json" --store "$PG_URL"
IMPORT_SECONDS[postgres]=$SECONDS_TAKEN IMPORT_MB[postgres]=$PEAK_MB
DB_SIZE[postgres]="$(psql "$PG_URL" -Atc "SELECT pg_database_size(current_database()) / 1048576") MB (database)"
# The imports leave gigabytes to write back: PostgreSQL's spread checkpoint (minutes, by design) and the
# kernel's dirty pages of both. Written now, so they do not land in the middle of the measurements below (a
# running instance is rarely within minutes of a bulk import).
psql "$PG_URL" -qc "CHECKPOINT" >/dev/null
sync

# The scenarios of run.sh, through the response cache after the first request.
NAMES=("random article, cold cache" "random article" "list" "tag" "search" "health")
PATHS=("/articles/{id}" "/articles/{id}" "/articles?limit=20" "/articles?tag=sudan&limit=20" "/articles?q=drought+aid" "/health")
SCRIPTS=("$WORK/random_article.lua" "$WORK/random_article.lua" "" "" "" "")
# Searches past the cache: each request a new ignored `_` parameter, so the store answers every one.
# A common pair (most English articles have both words), a word of the 4% Swahili articles, a phrase, three
# common words, and a common word among the articles of the commonest place tag. Each runs at 1 connection (the latency is then the server's own time for the search,
# plus loopback) and at Q_CONNECTIONS (searches queueing for 2 cores shared with wrk and the database).
Q_NAMES=("q common words, uncached" "q rarer word, uncached" "q phrase, uncached" "q three words, uncached"
  "q word and a tag, uncached")
Q_QUERIES=("q=drought+aid" "q=ukame" "q=%22peace+talks%22" "q=minister+budget+rescue" "q=minister&tag=sudan")
Q_LEVELS=(1 "$Q_CONNECTIONS")
uncached_script() {  # query index, run name: a script whose every request has a new `_` value
  # The run's name in the `_` value too: no run repeats another's URLs (which the response cache would answer).
  cat > "$WORK/uncached-$1-$2.lua" <<LUA
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/articles?${Q_QUERIES[$1]}&_=$2-" .. n)
end
LUA
  echo "$WORK/uncached-$1-$2.lua"
}
W_NAMES=("edit (PATCH a summary)" "publish (POST a new article)")
W_REQUESTS=("PATCH /articles/{id}" "POST /articles")
W_SCRIPTS=("$WORK/edit.lua" "$WORK/publish.lua")
# Answered once by the store, then from the API's cache: the first call's time is what the store costs.
FIRST_PATHS=("/tags" "/categories" "/articles?q=drought+aid&_=first")

declare -A RPS P50 P99 ERRORS FIRST STARTUP RSS

# Every visible article once (over 8 pipelined connections): the response cache then holds the hot set (here:
# every article), as an instance holds its read articles after a while; the "random article" scenario that
# follows is the cache at work. "random article, cold cache" before it shows what a store's misses cost.
read_every_article_once() {  # store
  local out
  out=$(python3 Benchmarks/tools/read_every_article.py "${PORTS[$1]}" "$WORK/ids.txt" 8) || { echo "$1: $out" >&2; exit 1; }
  echo "$1: $out"
}

wait_for_listening() {  # store, log: sets PORTS[store] (at most 60 s)
  local port
  for _ in $(seq 1 3000); do
    port=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$2" | head -1 | grep -o '[0-9]*$' || true)
    if [ -n "$port" ]; then PORTS[$1]=$port; return 0; fi
    kill -0 "${SERVER_PIDS[$1]}" 2>/dev/null || break
    sleep 0.02
  done
  cat "$2" >&2
  return 1
}

run_wrk() {  # key, connections, url, [script]
  local key="$1" connections="$2" url="$3" script="${4:-}" out
  local args=(-t"$THREADS" -c"$connections" -d"$DURATION" --latency --timeout 10s)
  [ -n "$script" ] && args+=(-s "$script")
  out=$(wrk "${args[@]}" "$url")
  echo "$out" > "$WORK/${key//\//-}.txt"
  RPS[$key]=$(echo "$out" | awk '/Requests\/sec/ {printf "%d", $2}')
  P50[$key]=$(echo "$out" | awk '$1=="50%" {print $2}')
  P99[$key]=$(echo "$out" | awk '$1=="99%" {print $2}')
  ERRORS[$key]=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  echo "$key: ${RPS[$key]} req/s, p50 ${P50[$key]}, p99 ${P99[$key]} ${ERRORS[$key]}"
}

# Starts the store's server (it stays up until the end: see random_article_rounds) and runs the cached
# scenarios but "random article" on it, reading every article once before that one's turn.
measure() {  # store, serve flags...
  local store="$1"; shift
  local started i base
  started=$(date +%s%N)
  DATELINE_EDITOR_TOKENS="$WRITE_TOKEN" "$BIN" serve --port 0 --log-level notice --response-cache-bytes "$CACHE_BYTES" "$@" \
    > "$WORK/server-$store.log" 2>&1 &
  SERVER_PIDS[$store]=$!
  wait_for_listening "$store" "$WORK/server-$store.log" || { echo "the $store server did not start" >&2; exit 1; }
  STARTUP[$store]=$(( ($(date +%s%N) - started) / 1000000 ))
  base="http://127.0.0.1:${PORTS[$store]}"
  for i in "${!FIRST_PATHS[@]}"; do
    FIRST[$store/$i]=$(curl -sf -o /dev/null -w '%{time_total}' "$base${FIRST_PATHS[$i]}" \
      | awk '{printf "%.1f ms", $1 * 1000}') || { echo "$store: ${FIRST_PATHS[$i]} failed" >&2; exit 1; }
  done
  for i in "${!NAMES[@]}"; do
    if [ "$i" = 1 ]; then read_every_article_once "$store"; continue; fi
    curl -sf -o /dev/null "$base${PATHS[$i]/\{id\}/$(head -1 "$WORK/ids.txt")}" \
      || { echo "$store ${NAMES[$i]}: ${PATHS[$i]} does not answer 200" >&2; exit 1; }
    run_wrk "$store/$i" "$CONNECTIONS" "$base${PATHS[$i]}" "${SCRIPTS[$i]}"
  done
}

# The uncached searches (after the cached scenarios: their answers, a hundred thousand new ones, push the
# articles out of the response cache). At 1 connection (the server time, which the goal is about) in ROUNDS
# rounds, the stores in turns, each query's median p99 recorded: one 10-second run's p99 is its 1% slowest,
# and a disk stall or a slow spell of this shared machine within it moves that a long way. At
# Q_CONNECTIONS, once per store.
declare -A Q_ROUND_P99
search_uncached() {
  local i store round middle
  for round in $(seq 1 "$ROUNDS"); do
    for store in "${STORES[@]}"; do
      for i in "${!Q_QUERIES[@]}"; do
        run_wrk "$store/q$i/c1/r$round" 1 "http://127.0.0.1:${PORTS[$store]}/" "$(uncached_script "$i" "c1r$round")"
        Q_ROUND_P99[$store/q$i]+="${P99[$store/q$i/c1/r$round]} "
      done
    done
  done
  for store in "${STORES[@]}"; do
    for i in "${!Q_QUERIES[@]}"; do
      middle=$(for round in $(seq 1 "$ROUNDS"); do echo "$(milliseconds "${P99[$store/q$i/c1/r$round]}") $round"; done \
        | sort -g | awk -v m=$(( (ROUNDS + 1) / 2 )) 'NR == m {print $2}')
      RPS[$store/q$i/c1]=${RPS[$store/q$i/c1/r$middle]} P50[$store/q$i/c1]=${P50[$store/q$i/c1/r$middle]}
      P99[$store/q$i/c1]=${P99[$store/q$i/c1/r$middle]}
      for round in $(seq 1 "$ROUNDS"); do ERRORS[$store/q$i/c1]+="${ERRORS[$store/q$i/c1/r$round]}"; done
      run_wrk "$store/q$i/c$Q_CONNECTIONS" "$Q_CONNECTIONS" "http://127.0.0.1:${PORTS[$store]}/" \
        "$(uncached_script "$i" "c$Q_CONNECTIONS")"
    done
  done
}

milliseconds() {  # a wrk latency (850.00us, 3.12ms, 1.05s) in ms
  awk -v t="$1" 'BEGIN { v = t + 0; if (t ~ /us$/) v /= 1000; else if (t ~ /ms$/) v += 0; else if (t ~ /s$/) v *= 1000; print v }'
}

# The writes, last (they change what the other scenarios read).
write_scenarios() {  # store
  local i
  for i in "${!W_NAMES[@]}"; do
    run_wrk "$1/w$i" 1 "http://127.0.0.1:${PORTS[$1]}/" "${W_SCRIPTS[$i]}"
  done
}

# The cached "random article" (scenario 1), the three servers in turns, ROUNDS times: a cache hit costs the
# same on every store, so this ratio is the one most exposed to the machine's drift (a disk stall, another
# process) during a single 10-second run; taken in turns, each round's three runs share the conditions, and
# the median of the rounds is recorded (every round is kept in ROUND_RPS for the notes).
declare -A ROUND_RPS
random_article_rounds() {
  local round store values
  for round in $(seq 1 "$ROUNDS"); do
    for store in "${STORES[@]}"; do
      run_wrk "$store/1/r$round" "$CONNECTIONS" "http://127.0.0.1:${PORTS[$store]}/articles/{id}" "${SCRIPTS[1]}"
      ROUND_RPS[$store]+="${RPS[$store/1/r$round]} "
    done
  done
  for store in "${STORES[@]}"; do
    # The round whose requests/s is the median stands for the store (its latencies with it).
    round=$(for r in $(seq 1 "$ROUNDS"); do echo "${RPS[$store/1/r$r]} $r"; done | sort -n | awk -v m=$(( (ROUNDS + 1) / 2 )) 'NR == m {print $2}')
    RPS[$store/1]=${RPS[$store/1/r$round]} P50[$store/1]=${P50[$store/1/r$round]} P99[$store/1]=${P99[$store/1/r$round]}
    values=""
    for r in $(seq 1 "$ROUNDS"); do values+="${ERRORS[$store/1/r$r]}"; done
    ERRORS[$store/1]=$values
  done
}

STORES=(memory sqlite postgres)
measure memory --seed "$WORK/articles.json"
measure sqlite --store "sqlite:$WORK/bench.sqlite" --seed none
measure postgres --store "$PG_URL" --seed none
random_article_rounds
search_uncached
for store in "${STORES[@]}"; do write_scenarios "$store"; done
for store in "${STORES[@]}"; do RSS[$store]=$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/${SERVER_PIDS[$store]}/status"); done
cleanup

cell() { if [ -n "${RPS[$1]:-}" ]; then echo "${RPS[$1]} | ${P50[$1]} | ${P99[$1]}"; else echo "– | – | –"; fi; }
ratio() {  # store, key suffix
  awk -v a="${RPS[$1/$2]:-0}" -v b="${RPS[memory/$2]:-0}" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else printf "–" }'
}
{
  echo "## Database stores (\`make bench-stores\`, $(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo
  echo "\`Benchmarks/stores.sh\`: $COUNT articles from \`dateline generate $COUNT\`, served by the release build"
  echo "from memory (\`--seed\`), from SQLite and from a throwaway PostgreSQL $(psql --version | grep -o '[0-9][0-9.]*' | head -1) on loopback"
  echo "(\`scripts/test-postgres.sh\`), one server measured at a time (all three stay up; an idle one takes no CPU), in one run; $(nproc) cores shared with wrk and"
  echo "with other work, so compare ratios within this run. Cached scenarios: \`wrk -t$THREADS -c$CONNECTIONS -d$DURATION\`;"
  echo "uncached searches: \`wrk -t$THREADS -c1 -d$DURATION\` and \`-c$Q_CONNECTIONS\` with a new ignored \`_\` parameter per"
  echo "request, so every one is answered by the store. A search's \"server time\" is wrk's latency at 1 connection on"
  echo "loopback (the request and the answer's transfer included, so a little above the server's own time); at"
  echo "$Q_CONNECTIONS connections the searches also queue for the cores they share with wrk (and the database)."
  echo "PostgreSQL runs with \`shared_buffers = $PG_SHARED_BUFFERS\` (its default, 128 MB, holds a fifth of the tables and indexes)."
  echo "Every server runs with \`--response-cache-bytes $CACHE_BYTES\`. \"random article, cold cache\" is the first load"
  echo "on a new server (uniformly random visible ids, mostly misses at first: what a store costs to answer an"
  echo "article); then every visible article is read once (\`Benchmarks/tools/read_every_article.py\`), so"
  echo "\"random article\" is the response cache at work, as on an instance whose hot set fits in the cache."
  echo "The writes come last, at 1 connection, by an editor, each answered once durable: a new summary on a random"
  echo "article (\`PATCH\`), and a new article from a generated one's fields (\`POST\`, its few hundred search postings"
  echo "with it); the memory store's are in memory only."
  echo
  echo "| scenario | request | memory req/s | p50 | p99 | SQLite req/s | p50 | p99 | PostgreSQL req/s | p50 | p99 | SQLite/memory | PostgreSQL/memory |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for i in "${!NAMES[@]}"; do
    echo "| ${NAMES[$i]} | \`${PATHS[$i]}\` | $(cell "memory/$i") | $(cell "sqlite/$i") | $(cell "postgres/$i") | $(ratio sqlite "$i") | $(ratio postgres "$i") |"
  done
  for i in "${!Q_QUERIES[@]}"; do
    for c in "${Q_LEVELS[@]}"; do
      key="q$i/c$c"
      echo "| ${Q_NAMES[$i]}, $c connection$([ "$c" = 1 ] || echo s) | \`/articles?${Q_QUERIES[$i]}&_=N\` | $(cell "memory/$key") | $(cell "sqlite/$key") | $(cell "postgres/$key") | $(ratio sqlite "$key") | $(ratio postgres "$key") |"
    done
  done
  for i in "${!W_NAMES[@]}"; do
    echo "| ${W_NAMES[$i]}, 1 connection | \`${W_REQUESTS[$i]}\` | $(cell "memory/w$i") | $(cell "sqlite/w$i") | $(cell "postgres/w$i") | $(ratio sqlite "w$i") | $(ratio postgres "w$i") |"
  done
  echo
  echo "An uncached search at 1 connection is the round with the median p99 of $ROUNDS, the stores in turns in each round."
  echo "Its p99 in each round:"
  echo
  echo "| search | memory | SQLite | PostgreSQL |"
  echo "|---|---|---|---|"
  for i in "${!Q_QUERIES[@]}"; do
    echo "| \`${Q_QUERIES[$i]}\` | ${Q_ROUND_P99[memory/q$i]% } | ${Q_ROUND_P99[sqlite/q$i]% } | ${Q_ROUND_P99[postgres/q$i]% } |"
  done
  echo
  echo "\"random article\" is the median of $ROUNDS rounds, the three servers in turns in each (all three stay up from their"
  echo "first scenario to the end; idle ones take no CPU). Requests/s per round:"
  echo
  echo "| round | memory | SQLite | PostgreSQL | SQLite/memory | PostgreSQL/memory |"
  echo "|---|---|---|---|---|---|"
  for r in $(seq 1 "$ROUNDS"); do
    echo "| $r | ${RPS[memory/1/r$r]} | ${RPS[sqlite/1/r$r]} | ${RPS[postgres/1/r$r]} | $(ratio sqlite "1/r$r") | $(ratio postgres "1/r$r") |"
  done
  echo
  errors=""
  for store in "${STORES[@]}"; do
    for key in "${!ERRORS[@]}"; do
      [[ "$key" == */r[0-9]* ]] && continue  # the rounds' errors are their scenario's
      [[ "$key" == "$store/"* ]] && [ -n "${ERRORS[$key]}" ] && errors+="- $key: ${ERRORS[$key]}"$'\n'
    done
  done
  if [ -n "$errors" ]; then echo "Errors reported by wrk:"; echo; echo -n "$errors"; else echo "wrk reported no errors (no non-2xx answers, no socket errors)."; fi
  echo
  echo "First (uncached) answer, one curl each, before the loads above:"
  echo
  echo "| store | start-up | peak RSS | \`/tags\` | \`/categories\` | \`/articles?q=drought+aid\` | import (\`dateline import\`) | import peak RSS | size on disk |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for store in "${STORES[@]}"; do
    if [ "$store" = memory ]; then import="– (loads the file at start)"; import_mb="–"; size="–"
    else import="${IMPORT_SECONDS[$store]} s"; import_mb="${IMPORT_MB[$store]} MB"; size="${DB_SIZE[$store]}"; fi
    echo "| $store | ${STARTUP[$store]} ms | ${RSS[$store]} MB | ${FIRST[$store/0]} | ${FIRST[$store/1]} | ${FIRST[$store/2]} | $import | $import_mb | $size |"
  done
  if [ -f Benchmarks/STORES-NOTES.md ]; then echo; cat Benchmarks/STORES-NOTES.md; fi
} > "$WORK/section.md"
python3 Benchmarks/tools/put_section.py "$RESULTS" stores "$WORK/section.md"
cat "$WORK/section.md"
echo "wrote $RESULTS"
