#!/usr/bin/env bash
# Installs a built parley into a prefix, checks what the package holds, copies the prefix to a
# fresh folder, builds two host projects against the copy, each with find_package(parley) and with
# pkg-config: a C99 host of the C ABI (the shared library; c_consumer/) and a C++ host of the C++
# API (the static library; consumer/). Runs them with the checkout, the build folder and the first
# prefix out of reach:
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
cp -a "$here/c_consumer" "$host/c_consumer"
cp "$here/discovery.vtt" "$host/"
prefix=$host/prefix
abi_version=$(sed -n 's/^#define PARLEY_ABI_VERSION \([0-9]*\)$/\1/p' "$source_dir/capi/parley.h")
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:[A-Z]*=//p' "$build_dir/CMakeCache.txt")

# What the package holds: both libraries (the shared one under its SONAME), both kinds of header,
# the CMake package and both .pc files; the licences of the bundled data, not the data (it is in
# the library).
for file in lib/libparley.a "lib/libparley.so.$version" "lib/libparley.so.$abi_version" lib/libparley.so \
  include/parley.h include/parley/parley.hpp lib/cmake/parley/parleyConfig.cmake \
  lib/cmake/parley/parleyTargets.cmake lib/cmake/parley/parleyCapiTargets.cmake lib/pkgconfig/parley.pc \
  lib/pkgconfig/parley-cpp.pc; do
  [ -e "$prefix/$file" ] || fail "$file is not installed"
done
[ "$(readlink "$prefix/lib/libparley.so.$abi_version")" = "libparley.so.$version" ] ||
  fail "lib/libparley.so.$abi_version does not point at libparley.so.$version"
[ -d "$prefix/share/parley" ] && fail "share/parley is installed, but the data is compiled into the library"
for licence in LICENSE THIRD_PARTY.md data/sentiment/LICENSE.vader-sentiment data/sentiment/NOTICE.vader-sentiment \
  data/sentiment/LICENSE.vader-original; do
  [ -f "$prefix/share/doc/parley/$licence" ] || fail "share/doc/parley/$licence is not installed"
done
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
for pc in parley parley-cpp; do
  read -r -a cflags <<<"$(pkg-config --cflags $pc)"
  if [ "${#cflags[@]}" != 1 ] || [ "$(realpath -m "${cflags[0]#-I}")" != "$(realpath "$prefix/include")" ]; then
    fail "pkg-config --cflags $pc gives '${cflags[*]}', not just the include folder"
  fi
  [ -z "$(pkg-config --print-requires --print-requires-private $pc)" ] ||
    fail "$pc.pc requires other packages' .pc files"
done
read -r -a libs <<<"$(pkg-config --libs parley)"
[ "${libs[*]}" = "-L$(pkg-config --variable=libdir parley) -lparley" ] ||
  fail "pkg-config --libs parley gives '${libs[*]}', not just the shared library"
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

# The C host: the shared library needs none of its dependencies' development packages, so the
# host's configure step may find none of them. It links libparley.so.ABI (not the static one).
no_dependencies=()
for package in ICU SQLite3 fmt nlohmann_json Eigen3 Utf8proc Stemmer; do
  no_dependencies+=("-DCMAKE_DISABLE_FIND_PACKAGE_$package=ON")
done
step cmake -S "$host/c_consumer" -B "$host/c_build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" "${no_dependencies[@]}"
step cmake --build "$host/c_build"
for consumer in consumer_c_cmake consumer_c_pkgconfig; do
  readelf -d "$host/c_build/$consumer" | grep -qF "[libparley.so.$abi_version]" ||
    fail "$consumer does not load libparley.so.$abi_version"
done

# The C++ host links the static library: nothing of parley is loaded at run time.
step cmake -S "$host/consumer" -B "$host/build" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags"
step cmake --build "$host/build"
for consumer in consumer_cmake consumer_pkgconfig; do
  if readelf -d "$host/build/$consumer" | grep -qF "[libparley.so"; then fail "$consumer loads libparley.so"; fi
done

# shellcheck disable=SC2016  # expanded by the inner shell
run_hosts='cd "$1" && for consumer in cmake pkgconfig; do
  env -u PARLEY_DATA_DIR -u LD_LIBRARY_PATH "./c_build/consumer_c_$consumer" discovery.vtt || exit 1
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
