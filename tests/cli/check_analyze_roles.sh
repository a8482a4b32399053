#!/usr/bin/env bash
# parley analyze keeps the roles a parley JSON transcript gives; --role overrides them; only a
# speaker with no role from either is reported on stderr.
# Usage: check_analyze_roles.sh PARLEY CALL.json  (the readers' fixture: Sam Okafor seller,
# Hélène Dubois customer, Notetaker bot without a role)
set -u
parley=$1 call=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
role_of() { grep -E "^  $1 +[a-z]+ +talk" "$work/out.txt" | awk -v n="$(echo "$1" | wc -w)" '{print $(n + 1)}'; }

"$parley" analyze "$call" >"$work/out.txt" 2>"$work/err.txt" || fail "exit status $?"
[ "$(role_of "Sam Okafor")" = seller ] || fail "Sam Okafor is '$(role_of "Sam Okafor")', the transcript says seller"
[ "$(role_of "Hélène Dubois")" = customer ] || fail "Hélène Dubois is '$(role_of "Hélène Dubois")', the transcript says customer"
[ "$(grep -c "has no role" "$work/err.txt")" -eq 1 ] && grep -q "speaker 'spk_2' has no role" "$work/err.txt" ||
  fail "stderr should name spk_2 alone: $(cat "$work/err.txt")"

"$parley" analyze --role "Sam Okafor=customer" --role "spk_2=other" "$call" >"$work/out.txt" 2>"$work/err.txt" ||
  fail "exit status $? with --role"
[ "$(role_of "Sam Okafor")" = customer ] || fail "--role did not override the transcript: '$(role_of "Sam Okafor")'"
[ "$(role_of "Hélène Dubois")" = customer ] || fail "Hélène Dubois lost the transcript's role"
[ ! -s "$work/err.txt" ] || fail "every speaker has a role, yet stderr says: $(cat "$work/err.txt")"
echo ok
