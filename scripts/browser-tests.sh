#!/usr/bin/env bash
# Runs the reader's browser tests (Tests/Browser) in headless Chromium against a real server.
#   scripts/browser-tests.sh            (after `make build`; `make test` calls it)
#   scripts/browser-tests.sh -k theme   (extra arguments go to python -m unittest)
# Starts .build/debug/dateline on a free loopback port with the sample and an editor token, runs the
# tests, and always stops the server by its PID. Screenshots land in Tests/Browser/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/debug/dateline
[ -x "$binary" ] || { echo "browser tests: $binary is missing; run 'make build' first" >&2; exit 1; }

work=$(mktemp -d)
log="$work/server.log"
token="browser-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null || true
        # The drain's grace period is cut short: nothing balances this server.
        for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

DATELINE_EDITOR_TOKENS="$token" "$binary" serve --host 127.0.0.1 --port 0 --seed sample --public Public \
    --log-level info --grace-period 0 >"$log" 2>&1 &
server=$!

port=""
for _ in $(seq 100); do
    port=$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "browser tests: the server did not start:" >&2
    cat "$log" >&2
    exit 1
fi

status=0
DATELINE_URL="http://127.0.0.1:$port" DATELINE_EDITOR_TOKEN="$token" PYTHONDONTWRITEBYTECODE=1 \
    python3 -m unittest discover --start-directory Tests/Browser --pattern 'test_*.py' -v "$@" || status=$?
if [ "$status" -ne 0 ]; then
    echo "browser tests failed; the server's log:" >&2
    tail -n 15 "$log" >&2
fi
exit "$status"
