#!/usr/bin/env bash
# Builds the parley wheel around a built shared library, offline (Debian's python3-build,
# python3-setuptools, python3-wheel; no PyPI).
# Usage: bindings/python/build_wheel.sh <path to libparley.so.1> <out dir>
# The package is copied to a scratch folder with the library beside its modules, so the source tree
# stays clean; the wheel lands in <out dir>.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 <path to libparley.so.1> <out dir>" >&2
  exit 2
fi
library=$(realpath "$1")
out_dir=$(mkdir -p "$2" && realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
python=${PARLEY_PYTHON:-/usr/bin/python3}
[ -f "$library" ] || { echo "build_wheel.sh: no library at $1" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$here/pyproject.toml" "$here/setup.py" "$here/README.md" "$stage/"
mkdir "$stage/parley"
cp "$here"/parley/*.py "$stage/parley/"
# The SONAME's name, whatever the file is called (libparley.so.1.0.0 or a symlink to it).
cp -L "$library" "$stage/parley/libparley.so.1"
(cd "$stage" && "$python" -m build --wheel --no-isolation --outdir "$out_dir" >"$stage/build.log" 2>&1) || {
  cat "$stage/build.log" >&2
  echo "build_wheel.sh: the wheel's build failed (log above)" >&2
  exit 1
}
ls "$out_dir"/parley-*.whl
