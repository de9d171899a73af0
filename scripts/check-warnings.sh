#!/usr/bin/env bash
# Fails when a build log has a warning from this project's own sources (dependencies are not ours to fix).
#   scripts/check-warnings.sh BUILD_LOG
set -euo pipefail
log="$1"
root="$(cd "$(dirname "$0")/.." && pwd)"
if grep -E "^${root}/(Sources|Tests|Benchmarks)/.*: (warning|error):" "$log" | sort -u; then
  echo "the build has warnings (above); Dateline builds without any" >&2
  exit 1
fi
