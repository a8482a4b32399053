#!/usr/bin/env bash
# The README's release build, static and shared, each installed and serving a host program from a
# copied prefix (check_install.sh). Only the library is built: tests, examples and benchmarks are
# off to keep this quick; the preset is otherwise as the README writes it (warnings are errors).
# Usage: check_release.sh SOURCE_DIR SCRATCH_DIR [JOBS]
set -euo pipefail
source_dir=$(realpath "$1") scratch=$2 jobs=${3:-$(nproc)}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$scratch" && scratch=$(realpath "$scratch")
log="$scratch/steps.log"
step() {
  "$@" >"$log" 2>&1 || { echo "check_release: '$*' failed:" >&2; cat "$log" >&2; exit 1; }
}
for kind in static shared; do
  started=$SECONDS
  shared=OFF
  [ "$kind" = shared ] && shared=ON
  (cd "$source_dir" && step cmake --preset release -B "$scratch/$kind" -DBUILD_SHARED_LIBS=$shared \
    -DPARLEY_BUILD_TESTS=OFF -DPARLEY_BUILD_EXAMPLES=OFF -DPARLEY_BUILD_BENCHMARKS=OFF)
  step cmake --build "$scratch/$kind" -j"$jobs"
  built=$SECONDS
  bash "$here/check_install.sh" "$source_dir" "$scratch/$kind" "$scratch/$kind-install"
  echo "check_release: $kind: library built in $((built - started)) s, installed and host checked in $((SECONDS - built)) s"
done
