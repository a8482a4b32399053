#!/usr/bin/env bash
# Tests the ABI checks themselves: builds a stand-in library from parley.h, edited by one sed
# script (tests/abi/incompatible/*.sed, tests/abi/compatible/*.sed) or not at all (the control),
# runs scripts/check_abi.sh on it against the committed baseline (or, with --exports,
# check_exports.sh against the unedited parley.h) and expects it to pass or to fail.
# Usage: check_variant.sh SOURCE_DIR pass|fail [--exports] [--with-handles] [EDIT.sed]
set -euo pipefail
source_dir=$(realpath "$1") expected=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
check=abi
if [ "${1:-}" = --exports ]; then
  check=exports
  shift
fi
stub_options=()
if [ "${1:-}" = --with-handles ]; then
  stub_options=(--with-handles)
  shift
fi
edit=${1:-}
for tool in abidiff abidw gcc; do
  command -v "$tool" >/dev/null || { echo "PARLEY_TEST_SKIPPED: $tool is not installed (abigail-tools, gcc)"; exit 0; }
done
python3 -c "import pycparser" 2>/dev/null ||
  { echo "PARLEY_TEST_SKIPPED: python3 cannot import pycparser (python3-pycparser)"; exit 0; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
header=$source_dir/capi/parley.h
if [ -n "$edit" ]; then
  sed -f "$edit" "$header" >"$work/parley.h"
  if cmp -s "$header" "$work/parley.h"; then
    echo "check_variant: $(basename "$edit") no longer changes capi/parley.h: update it" >&2
    exit 1
  fi
  echo "check_variant: parley.h edited by $(basename "$edit"):"
  diff "$header" "$work/parley.h" | sed 's/^/  /' || true
  header=$work/parley.h
fi
bash "$here/build_stub.sh" "${stub_options[@]}" "$header" "$work/libparley.so.1"
status=0
if [ "$check" = abi ]; then
  bash "$source_dir/scripts/check_abi.sh" "$work/libparley.so.1" "$source_dir/capi/abi/libparley.so.1.abi" 2>&1 ||
    status=$?
else
  bash "$here/check_exports.sh" "$work/libparley.so.1" "$source_dir/capi/parley.h" 2>&1 || status=$?
fi
case "$expected:$status" in
  pass:0 | fail:1) echo "check_variant: the check ${expected}ed, as it should" ;;
  *:2) exit 1 ;;
  pass:*) echo "check_variant: the check failed a compatible library" >&2; exit 1 ;;
  fail:*) echo "check_variant: the check passed an incompatible library" >&2; exit 1 ;;
esac
