#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer + UndefinedBehaviorSanitizer and warnings as
# errors, and runs every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-node
# The sentiment cross-check runs the npm peers (vader-sentiment, sentiment) pinned by the lockfile.
# Without the registry the cross-check is skipped (it says so), and every other test still runs.
if [ ! -d tests/peers/node_modules ] || [ tests/peers/package-lock.json -nt tests/peers/node_modules ]; then
  npm ci --prefix tests/peers --no-audit --no-fund --loglevel=error >/dev/null 2>tests/peers/npm-error.log \
    || echo "test.sh: npm could not install tests/peers (see tests/peers/npm-error.log): the vader-sentiment cross-check will be skipped" >&2
fi
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j"$(nproc)"
ctest --preset asan-ubsan -j"$(nproc)"
