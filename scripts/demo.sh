#!/usr/bin/env bash
# Installs what is missing, builds the release preset and runs the main job on the bundled sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)" --target parley_cli
build/release/examples/parley analyze --role "Dana Whitfield=seller" --role "Marco Rossi=customer" samples/discovery-call.vtt
