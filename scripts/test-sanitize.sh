#!/usr/bin/env bash
# The whole Swift test suite under one sanitizer, built in its own directory (.build/asan or .build/tsan, so
# the normal .build is not rebuilt), with a throwaway PostgreSQL (scripts/test-postgres.sh) so no test is skipped.
#   scripts/test-sanitize.sh address|thread [FILTER...]
# With FILTERs (swift test --filter patterns), only the matching tests run: `make test` runs a subset this way.
# Fails on a compiler warning, a failing test, or any sanitizer report at all, including one from a `dateline`
# process that a test starts: every report is written to a file (log_path) and the files are checked at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
sanitizer="${1:-}"
case "$sanitizer" in
  address | thread) ;;
  *) echo "usage: $0 address|thread [FILTER...]" >&2; exit 2 ;;
esac
shift
filters=()
for pattern in "$@"; do filters+=(--filter "$pattern"); done
SWIFT="${SWIFT:-swift}"
scratch=".build/${sanitizer:0:1}san"
reports="$PWD/$scratch/reports"
flags=(--sanitize="$sanitizer" --scratch-path "$scratch")

started=$SECONDS
mkdir -p "$scratch"
$SWIFT build --build-tests "${flags[@]}" 2>&1 | tee "$scratch/build.log"
scripts/check-warnings.sh "$scratch/build.log"
built=$SECONDS

rm -rf "$reports"
mkdir -p "$reports"
# exitcode: a ThreadSanitizer report fails the process that saw it, not only the files check below.
export TSAN_OPTIONS="log_path=$reports/thread:exitcode=66"
# detect_leaks: LeakSanitizer runs at each process's exit (the default on Linux x86_64; said here to be sure).
export ASAN_OPTIONS="log_path=$reports/address:detect_leaks=1"
# Leaks found in code we do not own, each with its reason, are listed in lsan-suppressions.txt.
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan-suppressions.txt:print_suppressions=0"

# Code under a sanitizer runs several times slower: the tests' time limits (TestTime) stretch by this much.
export DATELINE_TEST_TIME_SCALE="${DATELINE_TEST_TIME_SCALE:-3}"

pg_dir=$(scripts/test-postgres.sh start)
trap 'scripts/test-postgres.sh stop "$pg_dir"' EXIT
# One test at a time, as in `make test`: the tests drive real servers over blocking sockets.
status=0
TIMEFORMAT="$sanitizer sanitizer: the tests took %0R s (%0U s user, %0S s system CPU)"
time {
  DATELINE_TEST_POSTGRES_URL=$(cat "$pg_dir/url") $SWIFT test --skip-build --no-parallel "${flags[@]}" ${filters[@]+"${filters[@]}"} || status=$?
}

found=$(find "$reports" -type f | sort)
if [ -n "$found" ]; then
  for report in $found; do
    echo "=== $report" >&2
    cat "$report" >&2
  done
  echo "$sanitizer sanitizer: $(echo "$found" | wc -l) process(es) reported (above)" >&2
  status=1
fi
echo "$sanitizer sanitizer: build $((built - started)) s, tests $((SECONDS - built)) s, exit status $status"
exit "$status"
