#!/usr/bin/env bash
# Builds a stand-in for libparley.so.1 from a header shaped like capi/parley.h: every declared
# function defined (returning 0), compiled with -g and linked as the real library is (SONAME,
# version script, hidden visibility), so abidiff sees the header's ABI and nothing else.
# --with-handles also defines the opaque handle structs, with members (the real library defines
# them in C++, in capi/src/capi_support.hpp).
# Usage: build_stub.sh [--with-handles] HEADER OUTPUT.so
set -euo pipefail
stub=stub
if [ "$1" = --with-handles ]; then
  stub="stub-with-handles"
  shift
fi
header=$(realpath "$1") output=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ "$(basename "$header")" = parley.h ] || { echo "build_stub: the header must be named parley.h" >&2; exit 1; }
python3 "$here/parley_header.py" "$stub" "$header" "$work/stub.c"
# The header is read where it is, so the DWARF names its path (abidw --header-file matches it).
gcc -std=c99 -g -O0 -fPIC -shared -fvisibility=hidden -I"$(dirname "$header")" -o "$output" "$work/stub.c" \
  -Wl,-soname,libparley.so.1 -Wl,--version-script="$here/../../capi/parley.map" -Wl,--no-undefined
