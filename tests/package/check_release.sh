#!/usr/bin/env bash
# Builds the README's release preset, library only (tests, examples and benchmarks off, to keep
# this quick; otherwise as the README writes it, warnings are errors), with -g added so the shared
# library carries the DWARF that the ABI checks read (-g changes no generated code). One build makes
# both libraries: CTest then installs it and serves the hosts from a copied prefix
# (check_install.sh) and checks the shared library's ABI (scripts/check_abi.sh, tests/abi/).
# scripts/abi-baseline.sh builds the same way.
# Usage: check_release.sh SOURCE_DIR BUILD_DIR [JOBS]
set -euo pipefail
source_dir=$(realpath "$1") build_dir=$2 jobs=${3:-$(nproc)}
mkdir -p "$build_dir" && build_dir=$(realpath "$build_dir")
log="$build_dir/steps.log"
step() {
  "$@" >"$log" 2>&1 || { echo "check_release: '$*' failed:" >&2; cat "$log" >&2; exit 1; }
}
started=$SECONDS
(cd "$source_dir" && step cmake --preset release -B "$build_dir" -DCMAKE_C_FLAGS=-g -DCMAKE_CXX_FLAGS=-g \
  -DPARLEY_BUILD_TESTS=OFF -DPARLEY_BUILD_EXAMPLES=OFF -DPARLEY_BUILD_BENCHMARKS=OFF)
step cmake --build "$build_dir" -j"$jobs"
echo "check_release: the release preset's libraries built in $((SECONDS - started)) s in $build_dir"
