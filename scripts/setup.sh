#!/usr/bin/env bash
# Installs what parley needs from Debian's packages, and only what is missing: quiet when done.
# Usage: scripts/setup.sh [--with-node] [--with-bindings]
#   --with-node      Node.js and npm for the sentiment peer checks
#   --with-bindings  what the C ABI checks and the Python and .NET bindings are built and tested with
set -euo pipefail
packages=(g++ cmake ninja-build pkg-config git
  libicu-dev libsqlite3-dev libutf8proc-dev libfmt-dev doctest-dev nlohmann-json3-dev libeigen3-dev
  libstemmer-dev libhyperscan-dev libbenchmark-dev
  libgmime-3.0-dev libical-dev  # mail and calendars (src/activities)
  libcsv-dev  # the CSV forms of activities and opportunities (src/activities)
  libhunspell-dev  # dictionaries tell common words from names (src/signals/names.cpp), and:
  hunspell-en-us hunspell-de-de hunspell-fr hunspell-es hunspell-it hunspell-pt-pt hunspell-pt-br
  hunspell-nl hunspell-sv hunspell-da hunspell-no hunspell-ar hunspell-he
  clang-tidy  # scripts/test.sh runs clang-tidy (Debian 12: clang-tidy 14, run-clang-tidy-14)
  zlib1g-dev)  # `pkg-config --static --libs parley` names -lz through Debian's sqlite3.pc
for option in "$@"; do
  case "$option" in
    --with-node)
      packages+=(ca-certificates)
      # A machine may already have Node.js and npm from elsewhere; Debian's would conflict with them.
      if ! command -v node >/dev/null || ! command -v npm >/dev/null; then packages+=(nodejs npm); fi ;;
    --with-bindings)
      packages+=(abigail-tools  # abidw / abidiff: the C ABI against its committed baseline
        python3 python3-pycparser  # bindings/generate.py reads capi/parley.h
        python3-pytest python3-venv python3-build python3-wheel python3-setuptools python3-pandas
        mono-mcs mono-runtime nuget
        clang-format) ;;  # bindings/generate.py lays out the C++ test it writes
    *) echo "setup: unknown option '$option' (expected --with-node or --with-bindings)" >&2; exit 2 ;;
  esac
done
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup: installing ${missing[*]}" >&2
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
