#!/usr/bin/env bash
# Builds the wheel around a built libparley.so.1, installs it into a fresh virtual environment with
# `pip install --no-index` and runs the pytest suite from outside the source tree against the
# installed package (no LD_LIBRARY_PATH, no PARLEY_LIBRARY).
# Usage: bindings/python/run_tests.sh <path to libparley.so.1> <work dir> [pytest arguments...]
#
# The venv is made with --system-site-packages only so that pytest and pandas come from Debian
# (python3-pytest, python3-pandas; there is no PyPI here). parley itself is installed into the venv
# from the wheel, and the tests check that the parley they import is the venv's.
# Exit status 77 with "PARLEY_TEST_SKIPPED: ..." when python3-venv or pytest is missing.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 <path to libparley.so.1> <work dir> [pytest arguments...]" >&2
  exit 2
fi
library=$1
work=$(mkdir -p "$2" && realpath "$2")
shift 2
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
python=${PARLEY_PYTHON:-/usr/bin/python3}

skip() {
  echo "PARLEY_TEST_SKIPPED: $1"
  exit 77
}
[ -x "$python" ] || skip "no $python"
"$python" -c "import ensurepip, venv" 2>/dev/null || skip "python3-venv is not installed"
"$python" -c "import pytest" 2>/dev/null || skip "pytest is not installed (Debian: python3-pytest)"
"$python" -c "import build, setuptools, wheel" 2>/dev/null ||
  skip "python3-build, python3-setuptools or python3-wheel is not installed"

rm -rf "$work/dist" "$work/venv" "$work/run"
mkdir -p "$work/run"
"$here/build_wheel.sh" "$library" "$work/dist" >/dev/null
wheel=$(ls "$work"/dist/parley-*.whl)
"$python" -m venv --system-site-packages "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --no-index --disable-pip-version-check "$wheel"

# The tests run from a copy, in a folder outside the source tree, so nothing but the venv's parley
# can be imported.
cp -r "$here/tests" "$work/run/tests"
cd "$work/run"
unset LD_LIBRARY_PATH PARLEY_LIBRARY PYTHONPATH
export PARLEY_SOURCE_DIR="$source_dir" PARLEY_EXPECTED_PREFIX="$work/venv"
"$work/venv/bin/python" -m pytest -p no:cacheprovider -q tests "$@"

# The Python example against the same installed package: the sample call into a fresh store, then
# its seller's page. The figures are the ones tests/examples/check_c_example.sh derives by hand
# from the VTT's cue times (talk 100.6 s of 221.6 s = 45 %) and mentions (pricing said twice).
page=$("$work/venv/bin/python" "$source_dir/examples/python/seller_page.py" "$source_dir/samples" "$work/run/example.db")
for expected in "SELLER DETAILS - Dana Whitfield" "Talk / listen +45% / 55%" "pricing +2 +1" "Contoso 360 +1 +1"; do
  if ! grep -Eq "$expected" <<<"$page"; then
    printf '%s\n' "$page" >&2
    echo "run_tests: examples/python/seller_page.py printed no line matching '$expected'" >&2
    exit 1
  fi
done
echo "examples/python/seller_page.py: the seller's page shows the sample call's figures"

# The README's Python first program, run as written beside a copy of the sample call: the talk
# ratio 100.6 s / 221.6 s and "pricing" twice, as above.
mkdir -p "$work/run/readme"
cp "$source_dir/samples/discovery-call.vtt" "$work/run/readme/call.vtt"
cp "$source_dir/samples/terms.tsv" "$work/run/readme/terms.tsv"
sh "$source_dir/tests/examples/readme_program.sh" "$source_dir/README.md" python >"$work/run/readme/first.py"
first=$(cd "$work/run/readme" && "$work/venv/bin/python" first.py)
if ! grep -Eq "^0\.4539[0-9]* .*\('pricing', 2\)" <<<"$first"; then
  printf '%s\n' "$first" >&2
  echo "run_tests: the README's Python program did not print the talk ratio 0.4539... and ('pricing', 2)" >&2
  exit 1
fi
echo "README.md: the Python first program prints the sample call's talk ratio and terms"
