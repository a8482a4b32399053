#!/usr/bin/env bash
# Compiles the README's C first program against capi/parley.h and the shared library, runs it on
# the sample call, and checks the talk ratio it prints: 45.4 %, as tests/examples/check_c_example.sh
# derives it by hand from the VTT's cue times (seller 100.6 s of 221.6 s).
# Usage: check_readme_c.sh README CAPI_DIR LIBRARY SAMPLES_DIR
set -euo pipefail
readme="$1" capi="$2" library="$(realpath "$3")" samples="$4"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
bash "$(dirname "$0")/readme_program.sh" "$readme" c >"$work/main.c"
cp "$samples/discovery-call.vtt" "$work/call.vtt"
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -I "$capi" -o "$work/first" "$work/main.c" "$library" \
  -Wl,-rpath,"$(dirname "$library")"
output="$(cd "$work" && ./first)"
printf '%s\n' "$output"
if [[ "$output" != "talk ratio 45.4 %" ]]; then
  echo "check_readme_c: the README's C program printed '$output', not 'talk ratio 45.4 %'" >&2
  exit 1
fi
