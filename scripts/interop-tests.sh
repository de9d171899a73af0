#!/usr/bin/env bash
# HTTP/2 with real clients (curl, nghttp, Python's h2), and a gzip bomb's cost in the server's memory, against
# a real server on a free loopback port.
#   scripts/interop-tests.sh        (make test runs it; it needs .build/debug/dateline from `make build`)
# The server is stopped by its PID whatever happens; its temporary folder is removed.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/debug/dateline
[ -x "$BIN" ] || { echo "build first: make build" >&2; exit 1; }
WORK=$(mktemp -d)
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# A 2 MB static file: the API has no answer that large.
mkdir -p "$WORK/public"
python3 -c 'import json; print(json.dumps([{"n": i, "text": "x" * 200} for i in range(10000)]))' > "$WORK/public/big.json"
DATELINE_EDITOR_TOKENS=interop-editor-token "$BIN" serve --port 0 --seed sample --public "$WORK/public" --log-level notice > "$WORK/server.log" 2>&1 &
PID=$!
PORT=""
for _ in $(seq 1 500); do
  PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$WORK/server.log" | head -1 | grep -o '[0-9]*$' || true)
  [ -n "$PORT" ] && break
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.02
done
[ -n "$PORT" ] || { cat "$WORK/server.log" >&2; echo "the server did not start" >&2; exit 1; }
DATELINE_URL="http://127.0.0.1:$PORT" DATELINE_PUBLIC="$WORK/public" DATELINE_PID="$PID" DATELINE_TOKEN=interop-editor-token timeout 120 python3 Tests/Interop/test_http2_clients.py
