#!/usr/bin/env bash
# parley analyze --format json writes one JSON document, each call as soon as it is analysed: the
# second transcript is a FIFO fed only after the first call's analysis has appeared on stdout.
# A file that cannot be read is left out of the document, named on stderr, and gives exit status 1.
# Usage: check_analyze_json.sh PARLEY SAMPLE.vtt
set -u
parley=$1 sample=$2
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
later="$work/later/$(basename "$sample")"  # the same name: the same call id
mkdir "$work/later" && mkfifo "$later"
"$parley" analyze --format json "$sample" "$work/missing.vtt" "$later" >"$work/out.json" 2>"$work/err.txt" &
pid=$!
for _ in $(seq 1 600); do  # up to 60 s for the first call to appear
  grep -q '"analysis"' "$work/out.json" 2>/dev/null && break
  sleep 0.1
done
grep -q '"analysis"' "$work/out.json" || fail "the first call was not written before the next file was read"
cat "$sample" >"$later"
wait "$pid"
status=$?
[ "$status" -eq 1 ] || fail "exit status $status, expected 1 (one file missing)"
grep -q "missing.vtt" "$work/err.txt" || fail "stderr does not name the missing file: $(cat "$work/err.txt")"
python3 - "$work/out.json" "$sample" "$later" <<'PY' || exit 1
import json, sys
document = json.load(open(sys.argv[1]))
files = [call["file"] for call in document["calls"]]
assert files == [sys.argv[2], sys.argv[3]], files
first, second = (call["analysis"] for call in document["calls"])
assert first == second, "the same transcript analysed twice differs"
assert document["parley_version"], document
PY
echo "ok"
