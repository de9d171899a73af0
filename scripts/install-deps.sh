#!/usr/bin/env bash
# Installs the Debian packages a target needs, only those that are missing.
#   scripts/install-deps.sh build|test|bench
# Run as root (or with sudo available). Prints nothing when everything is already there.
set -euo pipefail

build_packages=(pkg-config)
test_packages=(procps chromium chromium-driver python3 python3-pip)
bench_packages=(wrk nginx valgrind python3)

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

# The browser tests drive Chromium with Selenium, a pip package (Debian's python3-selenium is older).
install_selenium() {
  [ "${1:-build}" = build ] && return 0
  python3 -c 'import selenium' 2>/dev/null && return 0
  echo "installing: selenium (pip)"
  # Debian marks its Python as externally managed; this machine-wide test dependency is installed anyway.
  PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore selenium
}

if [ ${#missing[@]} -eq 0 ]; then install_selenium "${1:-build}"; exit 0; fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_selenium "${1:-build}"
