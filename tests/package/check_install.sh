#!/usr/bin/env bash
# Installs the built parley into a scratch prefix, then builds and runs a host project that finds
# it with find_package(parley) and with pkg-config. Prints each step's output if it fails.
# Usage: check_install.sh BUILD_DIR SCRATCH_DIR [EXTRA_CXX_FLAGS]
set -euo pipefail
build_dir=$1 scratch=$2 flags=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$scratch" && mkdir -p "$scratch"
log="$scratch/steps.log"
step() {
  "$@" >"$log" 2>&1 || { echo "check_install: '$*' failed:" >&2; cat "$log" >&2; exit 1; }
}
step cmake --install "$build_dir" --prefix "$scratch/prefix"
export PKG_CONFIG_PATH="$scratch/prefix/lib/pkgconfig"
step cmake -S "$here/consumer" -B "$scratch/build" -G Ninja -DCMAKE_PREFIX_PATH="$scratch/prefix" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags"
step cmake --build "$scratch/build"
"$scratch/build/consumer_cmake"
"$scratch/build/consumer_pkgconfig"
