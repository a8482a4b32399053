#!/usr/bin/env bash
# Installs a built parley into a prefix, checks what the package holds, copies the prefix to a
# fresh folder, builds a host project against the copy with find_package(parley) and with
# pkg-config, and runs it with the checkout, the build folder and the first prefix out of reach:
# hidden under empty mounts when `unshare --mount` is allowed, and never named in the library's
# code or data. Prints each step's output if it fails.
# Usage: check_install.sh SOURCE_DIR BUILD_DIR SCRATCH_DIR [EXTRA_CXX_FLAGS]
set -euo pipefail
source_dir=$(realpath "$1") build_dir=$(realpath "$2") scratch=$3 flags=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$scratch" && mkdir -p "$scratch" && scratch=$(realpath "$scratch")
log="$scratch/steps.log"
step() {
  "$@" >"$log" 2>&1 || { echo "check_install: '$*' failed:" >&2; cat "$log" >&2; exit 1; }
}
fail() { echo "check_install: $*" >&2; exit 1; }

step cmake --install "$build_dir" --prefix "$scratch/prefix"

# The host gets a copy, in a folder outside everything it must not reach.
host=$(mktemp -d "${TMPDIR:-/tmp}/parley-host.XXXXXX")
trap 'rm -rf "$host"' EXIT
for hidden in "$source_dir" "$build_dir" "$scratch"; do
  case "$host/" in "$hidden"/*) fail "the host folder $host is inside $hidden: set TMPDIR elsewhere" ;; esac
done
cp -a "$scratch/prefix" "$host/prefix"
cp -a "$here/consumer" "$host/consumer"
cp "$here/discovery.vtt" "$host/"
prefix=$host/prefix
shared=OFF
[ -e "$prefix/lib/libparley.so" ] && shared=ON

# What the package holds: the licences of the bundled data, not the data (it is in the library).
[ -d "$prefix/share/parley" ] && fail "share/parley is installed, but the data is compiled into the library"
for licence in LICENSE THIRD_PARTY.md data/sentiment/LICENSE.vader-sentiment data/sentiment/NOTICE.vader-sentiment \
  data/sentiment/LICENSE.vader-original; do
  [ -f "$prefix/share/doc/parley/$licence" ] || fail "share/doc/parley/$licence is not installed"
done
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
read -r -a cflags <<<"$(pkg-config --cflags parley)"
if [ "${#cflags[@]}" != 1 ] || [ "$(realpath -m "${cflags[0]#-I}")" != "$(realpath "$prefix/include")" ]; then
  fail "pkg-config --cflags parley gives '${cflags[*]}', not just the include folder"
fi
[ -z "$(pkg-config --print-requires --print-requires-private parley)" ] ||
  fail "parley.pc requires other packages' .pc files"
# A release library's code and data name neither the checkout nor the build folder (debug
# information may: it is not read at run time). Debug and sanitizer builds keep source file names
# for assertions and reports, so they are not checked.
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
if [ "$build_type" = Release ] || [ "$build_type" = MinSizeRel ]; then
  for library in "$prefix"/lib/libparley.*; do
    [ -L "$library" ] && continue
    strip --strip-debug -o "$scratch/stripped" "$library"
    for folder in "$source_dir" "$build_dir"; do
      if grep -qaF "$folder" "$scratch/stripped"; then fail "$(basename "$library") names $folder"; fi
    done
  done
fi

# A shared libparley needs none of its dependencies' development packages: forbid finding them.
configure_flags=()
if [ "$shared" = ON ]; then
  for package in ICU SQLite3 fmt nlohmann_json Eigen3 Utf8proc Stemmer; do
    configure_flags+=("-DCMAKE_DISABLE_FIND_PACKAGE_$package=ON")
  done
fi
step cmake -S "$host/consumer" -B "$host/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DPARLEY_CONSUMER_SHARED=$shared -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
  "${configure_flags[@]}"
step cmake --build "$host/build"

# shellcheck disable=SC2016  # expanded by the inner shell
run_hosts='cd "$1" && for consumer in cmake pkgconfig; do
  env -u PARLEY_DATA_DIR "./build/consumer_$consumer" discovery.vtt "$consumer.sqlite" || exit 1
done
if [ -x prefix/bin/parley ]; then
  env -u PARLEY_DATA_DIR prefix/bin/parley analyze --role Dana=seller --role Chris=customer discovery.vtt >/dev/null
fi'
if unshare --mount --propagation private true 2>/dev/null; then
  echo "check_install: running the host with $source_dir, $build_dir and $scratch hidden"
  # shellcheck disable=SC2016  # expanded by the inner shell
  unshare --mount --propagation private bash -c 'for d in "$4" "$3" "$2"; do
      if [ -d "$d" ]; then mount -t tmpfs none "$d"; fi  # one may hold another: hidden already
    done
    '"$run_hosts" _ "$host" "$source_dir" "$build_dir" "$scratch"
else
  echo "check_install: unshare --mount is not allowed here: running the host from $host, not hiding the checkout"
  bash -c "$run_hosts" _ "$host"
fi
