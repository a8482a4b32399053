#!/usr/bin/env bash
# The shared library exports exactly the functions parley.h declares, each at version PARLEY_1,
# and nothing else; its SONAME is libparley.so.PARLEY_ABI_VERSION (the header's).
# Usage: check_exports.sh LIBRARY HEADER
set -euo pipefail
library=$1 header=$2
here=$(cd "$(dirname "$0")" && pwd)
python3 -c "import pycparser" 2>/dev/null ||
  { echo "PARLEY_TEST_SKIPPED: python3 cannot import pycparser (python3-pycparser)"; exit 0; }
abi_version=$(sed -n 's/^#define PARLEY_ABI_VERSION \([0-9]*\)$/\1/p' "$header")
[ -n "$abi_version" ] || { echo "check_exports: $header defines no PARLEY_ABI_VERSION" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
indent() { sed 's/^/  /'; }

soname=$(readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\]$/\1/p')
if [ "$soname" != "libparley.so.$abi_version" ]; then
  echo "check_exports: $library has SONAME '$soname', not libparley.so.$abi_version" >&2
  status=1
fi

python3 "$here/parley_header.py" functions "$header" >"$work/declared"
# Defined dynamic symbols, without the version node itself (an absolute symbol named PARLEY_1).
nm -D --defined-only "$library" | awk '$2 != "A" { print $3 }' | sort >"$work/exported"
unversioned=$(grep -v '@@PARLEY_1$' "$work/exported" || true)
if [ -n "$unversioned" ]; then
  echo "check_exports: exported without the version PARLEY_1 (capi/parley.map):" >&2
  indent <<<"$unversioned" >&2
  status=1
fi
sed 's/@@PARLEY_1$//' "$work/exported" | sort -u >"$work/exported_names"
missing=$(comm -23 "$work/declared" "$work/exported_names")
extra=$(comm -13 "$work/declared" "$work/exported_names")
if [ -n "$missing" ]; then
  echo "check_exports: declared in $(basename "$header") but not exported by $(basename "$library") ($(echo "$missing" | wc -l)):" >&2
  indent <<<"$missing" >&2
  status=1
fi
if [ -n "$extra" ]; then
  echo "check_exports: exported by $(basename "$library") but not declared in $(basename "$header"):" >&2
  indent <<<"$extra" >&2
  status=1
fi
[ "$status" = 0 ] && echo "check_exports: $(wc -l <"$work/declared") functions declared and exported, SONAME $soname"
exit "$status"
