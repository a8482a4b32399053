#!/usr/bin/env bash
# Regenerates capi/abi/libparley.so.1.abi, the ABI baseline that scripts/check_abi.sh compares
# every build with. Run it only when the ABI changes on purpose and the change is reviewed
# (capi/README.md, "ABI"): a function added, or a change that needs a new PARLEY_ABI_VERSION.
# It builds the release preset's shared library with -g (as CTest's release build does,
# tests/package/check_release.sh), refuses a library whose exports differ from parley.h's
# functions, and records the ABI of the exported functions and of the types parley.h defines only:
# the handles' C++ definitions (capi/src/) are private, so a change inside them is no ABI change.
# Finally it checks that a stand-in library built from parley.h alone has exactly that ABI.
# Usage: scripts/abi-baseline.sh [BUILD_DIR]   (default: build/abi-baseline)
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-$source_dir/build/abi-baseline}
header=$source_dir/capi/parley.h
abi_version=$(sed -n 's/^#define PARLEY_ABI_VERSION \([0-9]*\)$/\1/p' "$header")
baseline=$source_dir/capi/abi/libparley.so.$abi_version.abi

# abidw keeps parley.h's types only where the DWARF names the header by the path given here, so
# ccache must not rewrite the compiler's paths into relative ones (its base_dir).
CCACHE_BASEDIR='' bash "$source_dir/tests/package/check_release.sh" "$source_dir" "$build_dir"
library=$build_dir/libparley.so.$abi_version
bash "$source_dir/tests/abi/check_exports.sh" "$library" "$header"
mkdir -p "$(dirname "$baseline")"
# Paths and compilation folders left out: the baseline names nothing of the machine it was made on.
abidw --exported-interfaces-only --header-file "$header" --drop-private-types --no-corpus-path \
  --no-comp-dir-path --short-locs --out-file "$baseline" "$library"
# Without parley.h's types in the baseline every type change would pass the check.
if ! grep -q "<enumerator name='PARLEY_OK'" "$baseline" || ! grep -q "<var-decl name='struct_size'" "$baseline"; then
  echo "abi-baseline: $baseline lacks parley.h's types: $library's debug information does not name" \
    "$header by that path (built elsewhere, or by ccache with a base_dir? use a fresh BUILD_DIR)" >&2
  git -C "$source_dir" checkout -- "$baseline" 2>/dev/null || true
  exit 1
fi
echo "abi-baseline: wrote $baseline"

stand_in=$(mktemp -d)
trap 'rm -rf "$stand_in"' EXIT
bash "$source_dir/tests/abi/build_stub.sh" "$header" "$stand_in/libparley.so.$abi_version"
if ! abidiff "$baseline" "$stand_in/libparley.so.$abi_version"; then
  echo "abi-baseline: a stand-in built from parley.h alone differs from the library's ABI (above)" >&2
  exit 1
fi
echo "abi-baseline: a stand-in built from parley.h alone has the same ABI"
