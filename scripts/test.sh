#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer + UndefinedBehaviorSanitizer and warnings as
# errors, and runs every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-node
# The sentiment cross-check runs the npm peers (vader-sentiment, sentiment) pinned by the lockfile.
if [ ! -d tests/peers/node_modules ] || [ tests/peers/package-lock.json -nt tests/peers/node_modules ]; then
  npm ci --prefix tests/peers --no-audit --no-fund --loglevel=error >/dev/null
fi
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j"$(nproc)"
ctest --preset asan-ubsan -j"$(nproc)"
