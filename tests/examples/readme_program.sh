#!/bin/sh
# Prints the README's first program in LANGUAGE: the first fenced block opened with ```LANGUAGE.
# The tests run these programs, so the README cannot drift from the library.
# Usage: readme_program.sh README LANGUAGE
set -eu
program=$(awk -v fence="\`\`\`$2" '$0 == fence { inside = 1; next } inside && $0 == "```" { exit } inside' "$1")
if [ -z "$program" ]; then
  echo "readme_program: $1 has no \`\`\`$2 block" >&2
  exit 1
fi
printf '%s\n' "$program"
