#!/usr/bin/env bash
# Installs the built parley into a scratch prefix, then builds and runs a host project that finds
# it with find_package(parley) and with pkg-config.
# Usage: check_install.sh BUILD_DIR SCRATCH_DIR [EXTRA_CXX_FLAGS]
set -euo pipefail
build_dir=$1 scratch=$2 flags=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$scratch" && mkdir -p "$scratch"
cmake --install "$build_dir" --prefix "$scratch/prefix" >/dev/null
export PKG_CONFIG_PATH="$scratch/prefix/lib/pkgconfig"
cmake -S "$here/consumer" -B "$scratch/build" -G Ninja -DCMAKE_PREFIX_PATH="$scratch/prefix" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
cmake --build "$scratch/build" >/dev/null
"$scratch/build/consumer_cmake"
"$scratch/build/consumer_pkgconfig"
