#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests, on a free loopback port, run as the `postgres` user.
#   scripts/test-postgres.sh start      -> prints the cluster's directory (its URL is in DIR/url)
#   scripts/test-postgres.sh stop DIR   -> stops that cluster and removes DIR
# DIR/pg_ctl runs pg_ctl on that cluster as `postgres` (`DIR/pg_ctl stop -m fast`, `DIR/pg_ctl start`), for the
# tests that take the database away mid-test. Installs PostgreSQL when it is missing (root or sudo).
set -euo pipefail

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

run_as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  elif [ "$(id -un)" = postgres ]; then
    "$@"
  else
    sudo -u postgres -- "$@"
  fi
}

start() {
  local bin
  bin=$(find_bin) || true
  if [ -z "$bin" ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "installing postgresql" >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
    bin=$(find_bin)
  fi
  local dir
  dir=$(mktemp -d /tmp/dateline-pg.XXXXXX)
  chmod 755 "$dir"
  chown postgres: "$dir" 2>/dev/null || sudo chown postgres: "$dir"
  run_as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  cat >"$dir/pg_ctl" <<SCRIPT
#!/usr/bin/env bash
# pg_ctl for the test cluster in $dir, as postgres.
if [ "\$(id -u)" -eq 0 ]; then exec runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w "\$@"; fi
exec sudo -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w "\$@"
SCRIPT
  chmod 755 "$dir/pg_ctl"
  # A free port: try random ones until the server starts on one (another process may take it meanwhile).
  local port attempt
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
    cat >>"$dir/data/postgresql.conf" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
max_connections = 400
fsync = on
CONF
    if "$dir/pg_ctl" start >/dev/null 2>&1; then
      echo "postgres://postgres@127.0.0.1:$port/postgres" >"$dir/url"
      echo "$dir"
      return 0
    fi
  done
  cat "$dir/server.log" >&2 || true
  rm -rf "$dir"
  echo "could not start the test PostgreSQL" >&2
  exit 1
}

stop() {
  local dir=${1:?usage: $0 stop DIR}
  case "$dir" in /tmp/dateline-pg.*) ;; *) echo "not a test cluster: $dir" >&2; exit 2 ;; esac
  [ -x "$dir/pg_ctl" ] && "$dir/pg_ctl" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
