#!/usr/bin/env bash
# Installs what is missing, builds with AddressSanitizer + UndefinedBehaviorSanitizer and warnings as
# errors, runs clang-tidy (.clang-tidy) over the library and the sample organisation, and runs every
# test through CTest. Fails if the build, any clang-tidy finding or any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-node --with-bindings
# The sentiment cross-check runs the npm peers (vader-sentiment, sentiment) pinned by the lockfile.
# Without the registry CTest reports that one test skipped, and every other test still runs.
if [ ! -d tests/peers/node_modules ] || [ tests/peers/package-lock.json -nt tests/peers/node_modules ]; then
  npm ci --prefix tests/peers --no-audit --no-fund --loglevel=error >/dev/null 2>tests/peers/npm-error.log \
    || echo "test.sh: npm could not install tests/peers (see tests/peers/npm-error.log): the vader-sentiment cross-check will be skipped" >&2
fi
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j"$(nproc)"

# clang-tidy over every source file of src/, capi/src/ and sample_org/ in the build's compile_commands.json,
# in parallel. src/text/normalize.cpp is left out: clang 14 cannot evaluate libstdc++ 12's
# std::string constructor in a constant expression, so it rejects that file's constinit table,
# which g++ compiles.
tidy_status=0
echo "test.sh: clang-tidy over src/, capi/src/ and sample_org/" >&2
run-clang-tidy -clang-tidy-binary clang-tidy -quiet -j "$(nproc)" -p build/asan-ubsan \
  "^(?!.*/src/text/normalize\.cpp$)$PWD/(src|capi/src|sample_org)/.*\.cpp$" >build/asan-ubsan/clang-tidy.log 2>&1 \
  || tidy_status=$?
if [ "$tidy_status" -ne 0 ]; then
  grep -E "(warning|error):" build/asan-ubsan/clang-tidy.log | sort -u >&2 || cat build/asan-ubsan/clang-tidy.log >&2
  echo "test.sh: clang-tidy found the problems above (whole log: build/asan-ubsan/clang-tidy.log)" >&2
fi

ctest --preset asan-ubsan -j"$(nproc)"
exit "$tidy_status"
