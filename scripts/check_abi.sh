#!/usr/bin/env bash
# Compares a built libparley.so.1 with the committed ABI baseline (capi/abi/libparley.so.1.abi,
# written by scripts/abi-baseline.sh) using libabigail's abidiff. The policy (capi/README.md):
# - added functions pass (a host built against the baseline still runs);
# - anything else abidiff reports fails: a removed function (abidiff's bit 8, incompatible) and
#   every change to an existing function or a type it reaches (bit 4: a renumbered enumerator, a
#   field changed, a struct grown...), which abidiff cannot call compatible or not, so a person
#   decides and regenerates the baseline on purpose. Enumerators appended at the end are
#   harmless to abidiff and pass.
# Exit status: 0 compatible, 1 changed, 2 abidiff failed. Without abidiff it prints
# PARLEY_TEST_SKIPPED (CTest lists the test skipped) and exits 0.
# Usage: check_abi.sh LIBRARY [BASELINE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
library=$1 baseline=${2:-$here/../capi/abi/libparley.so.1.abi}
if ! command -v abidiff >/dev/null; then
  echo "PARLEY_TEST_SKIPPED: abidiff is not installed (Debian package abigail-tools)"
  exit 0
fi
for file in "$library" "$baseline"; do
  [ -f "$file" ] || { echo "check_abi: $file does not exist" >&2; exit 2; }
done

# --exported-interfaces-only: the library's DWARF is read only as far as its exported functions
# reach (ten times faster on the whole library; the same findings on tests/abi's stand-ins).
report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
abidiff --exported-interfaces-only --no-added-syms "$baseline" "$library" >"$report" 2>&1 || status=$?
if [ $((status & 1)) != 0 ]; then
  echo "check_abi: abidiff failed (exit status $status):" >&2
  cat "$report" >&2
  exit 2
fi
if [ "$status" = 0 ]; then
  added=0
  abidiff --exported-interfaces-only "$baseline" "$library" >"$report" 2>&1 || added=$?
  if [ "$added" != 0 ]; then
    echo "check_abi: $(basename "$library") is compatible with $(basename "$baseline"), with additions" \
      "(run scripts/abi-baseline.sh when they are published):"
    cat "$report"
  else
    echo "check_abi: $(basename "$library") has the ABI of $(basename "$baseline")"
  fi
  exit 0
fi
if [ $((status & 8)) != 0 ]; then
  echo "check_abi: $(basename "$library") breaks the ABI of $(basename "$baseline") (abidiff: incompatible change):" >&2
else
  echo "check_abi: $(basename "$library") changes the ABI of $(basename "$baseline") (abidiff: ABI change;" \
    "if it is meant, review it and run scripts/abi-baseline.sh):" >&2
fi
cat "$report" >&2
exit 1
