#!/usr/bin/env bash
# Installs what is missing, builds the release preset and runs the main job on the bundled sample
# data: one sample call analysed in full, then the sample organisation analysed, stored in SQLite
# and shown as a manager's home page and a seller's page.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target parley_cli
parley=build/release/examples/parley
"$parley" analyze --terms samples/terms.tsv --ours Fabrikam --role "Dana Whitfield=seller" --role "Marco Rossi=customer" \
  samples/discovery-call.vtt
"$parley" demo --db build/release/parley-demo.sqlite
