#!/usr/bin/env bash
# Runs the parley command and checks where its usage went.
# Usage: check_usage.sh STATUS STREAM PREFIX PARLEY [ARGUMENT...]
#   STATUS  the exit status expected
#   STREAM  stdout or stderr: the stream that must start with PREFIX; the other must be empty
set -u
expected_status=$1 stream=$2 prefix=$3 parley=$4
shift 4
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$parley" "$@" >"$out" 2>"$err"
status=$?
failed=0
if [ "$status" -ne "$expected_status" ]; then
  echo "exit status $status, expected $expected_status"; failed=1
fi
if [ "$stream" = stdout ]; then used=$out unused=$err; else used=$err unused=$out; fi
if [ "$(head -c ${#prefix} "$used")" != "$prefix" ]; then
  echo "$stream does not start with '$prefix'"; failed=1
fi
if [ -s "$unused" ]; then
  echo "the other stream is not empty"; failed=1
fi
if [ $failed -ne 0 ]; then
  echo "--- stdout:"; cat "$out"; echo "--- stderr:"; cat "$err"
fi
exit $failed
