#!/usr/bin/env bash
# parley ingest and parley relationship end to end, against figures worked out by hand from the
# fixtures (tests/cli/relationship_expected.py holds the arithmetic).
# Usage: check_ingest.sh SCENARIO PARLEY DATA_DIR WORK_DIR
#   mail-and-calendar  inbox.mbox + google_export.ics into a fresh store, then the record's JSON
#   bad-input          a malformed calendar, a half-bad activity file, a missing mbox and a call
#                      without its seller: error lines and exit status 1, the good parts stored
#   crm-csv            activities and opportunities in their CSV and JSON forms (docs/crm-input.md),
#                      one file with malformed rows
set -u
scenario=$1 parley=$2 data=$3 work=$4
rm -rf "$work" && mkdir -p "$work"
db=$work/store.sqlite
failed=0
fail() { echo "FAILED: $*"; failed=1; }
expect_line() {  # FILE TEXT: a line of FILE starts with TEXT
  grep -qF -- "$2" "$1" || fail "no line '$2' in $(basename "$1")"
}

case $scenario in
mail-and-calendar)
  "$parley" ingest --db "$db" --users "$data/cli/users.json" --ours contoso.com --record account:fabrikam \
    --now 2026-11-20T12:00:00Z --window-days 30 --mbox "$data/activities/mail/inbox.mbox" \
    --ics "$data/activities/calendar/google_export.ics" >"$work/out" 2>"$work/err"
  status=$?
  # inbox.mbox's message 3 has no sender address: one error, exit status 1, the rest stored.
  [ "$status" -eq 1 ] || fail "ingest exit status $status, expected 1"
  expect_line "$work/out" "$data/cli/users.json: 2 users"
  expect_line "$work/out" "$data/activities/mail/inbox.mbox: 6 activities, 1 error, 1 skipped"
  expect_line "$work/out" "$data/activities/calendar/google_export.ics: 10 activities, 3 skipped"
  expect_line "$work/err" "$data/activities/mail/inbox.mbox: message 3 (line 24): From 'Marco Rossi' has no email address"
  [ "$(wc -l <"$work/err")" -eq 1 ] || fail "stderr has more than the one error line"
  "$parley" relationship --db "$db" --record account:fabrikam --now 2026-11-20T12:00:00Z --format json \
    >"$work/relationship.json" 2>"$work/err2" || fail "relationship exit status $?"
  python3 "$(dirname "$0")/relationship_expected.py" mail-and-calendar "$work/relationship.json" || failed=1
  # The text page of the same record names the health and the response times.
  "$parley" relationship --db "$db" --record account:fabrikam --now 2026-11-20T12:00:00Z >"$work/page.txt" \
    || fail "relationship (text) exit status $?"
  expect_line "$work/page.txt" "Health: 95 (good), trend up"
  expect_line "$work/page.txt" "  ours           1 of 3 answered (33%), median 43 min, mean 43 min"
  expect_line "$work/page.txt" "  longest gap: 32 days from 2026-09-22 (6 gaps in all)"
  expect_line "$work/page.txt" "Last interaction: meeting 'weekly-sync-fabrikam@google.com/20261118T080000Z' at 2026-11-18 08:00"
  # Times are local in --time-zone: the weekly sync at 08:00Z is 09:00 in Berlin (CET, UTC+1).
  "$parley" relationship --db "$db" --record account:fabrikam --now 2026-11-20T12:00:00Z \
    --time-zone Europe/Berlin >"$work/berlin.txt" || fail "relationship --time-zone exit status $?"
  expect_line "$work/berlin.txt" "Relationship: account:fabrikam as of 2026-11-20 13:00 (8 activities, 6 scheduled; times and days in Europe/Berlin)"
  expect_line "$work/berlin.txt" "Next interaction: meeting 'weekly-sync-fabrikam@google.com/20261125T080000Z' at 2026-11-25 09:00"
  # Business hours (09:00-17:00 Monday-Friday, UTC: the parties name no zone): our response m1 -> m2
  # lies within Thursday's hours, 2561 s; the customer's, m2 Thu 16:02:41 -> m4 Fri 08:00, counts
  # Thursday 16:02:41 -> 17:00 = 57 min 19 s = 3439 s and nothing of Friday before 09:00.
  "$parley" relationship --db "$db" --record account:fabrikam --now 2026-11-20T12:00:00Z --business-hours \
    --format json >"$work/business.json" || fail "relationship --business-hours exit status $?"
  python3 "$(dirname "$0")/relationship_expected.py" business-hours "$work/business.json" || failed=1
  # A seller sees their own activities only: Dana's four emails, not Anna's meetings.
  "$parley" relationship --db "$db" --record account:fabrikam --viewer dana --now 2026-11-20T12:00:00Z \
    --format json >"$work/dana.json" || fail "relationship --viewer dana exit status $?"
  python3 "$(dirname "$0")/relationship_expected.py" seller-view "$work/dana.json" || failed=1
  ;;
bad-input)
  call=$data/../../samples/discovery-call.vtt
  cp "$data/activities/calendar/garbage.ics" "$work/garbage.json"
  "$parley" ingest --db "$db" --users "$data/cli/users.json" --ours contoso.com --record account:fabrikam-de \
    --now 2026-12-31T00:00:00Z --ics "$data/activities/calendar/malformed.ics" \
    --activities "$data/cli/activities.json" --activities "$work/garbage.json" --mbox "$work/missing.mbox" --our-user "Dana Whitfield" \
    --role "Marco Rossi=customer" "$call" >"$work/out" 2>"$work/err"
  status=$?
  [ "$status" -eq 1 ] || fail "ingest exit status $status, expected 1"
  expect_line "$work/out" "$data/activities/calendar/malformed.ics: 2 activities, 5 errors"
  expect_line "$work/out" "$data/cli/activities.json: 1 activity, 2 errors"
  expect_line "$work/out" "$work/missing.mbox: 0 activities, 1 error"
  expect_line "$work/err" "$data/activities/calendar/malformed.ics: VEVENT 2 (line 13): DTSTART (line 16): Can't parse"
  expect_line "$work/err" "$data/cli/activities.json: [1].type: unknown value \"fax\""
  expect_line "$work/err" "$data/cli/activities.json: activity 'call-unknown-owner': "
  grep -F "activity 'call-unknown-owner'" "$work/err" | grep -qF "'nobody'" || fail "the refused owner is not named"
  expect_line "$work/err" "$work/missing.mbox: "
  # Binary garbage given as activity JSON: one syntax error naming the file, line and column.
  expect_line "$work/out" "$work/garbage.json: 0 activities, 1 error"
  expect_line "$work/err" "$work/garbage.json: line 1, column 1: syntax error"
  # A WebVTT file names no seller: without --seller the call is refused, with it stored.
  expect_line "$work/out" "$call: 0 calls, 1 error"
  expect_line "$work/err" "$call: the transcript does not name its seller: give --seller USER"
  "$parley" ingest --db "$db" --seller anna --our-user "Dana Whitfield" --role "Marco Rossi=customer" \
    --record account:fabrikam-de --now 2026-12-31T00:00:00Z "$call" >"$work/out4" 2>"$work/err4"
  status=$?
  [ "$status" -eq 0 ] || fail "ingest of the call: exit status $status, expected 0"
  expect_line "$work/out4" "$call: 1 call"
  [ ! -s "$work/err4" ] || fail "ingest of the call wrote to stderr"
  # Stored: good-1 and good-2 (meetings on 2026-12-07) and the JSON call (2026-11-30).
  "$parley" relationship --db "$db" --record account:fabrikam-de --now 2026-12-31T00:00:00Z --format json \
    >"$work/relationship.json" || fail "relationship exit status $?"
  python3 "$(dirname "$0")/relationship_expected.py" bad-input "$work/relationship.json" || failed=1
  # A record argument that is not TYPE:ID is a usage error (status 2).
  "$parley" relationship --db "$db" --record fabrikam >/dev/null 2>&1
  [ $? -eq 2 ] || fail "--record without a type is not a usage error"
  # A store that does not exist is an error, not an empty page.
  "$parley" relationship --db "$work/none.sqlite" --record account:x >/dev/null 2>"$work/err3"
  [ $? -eq 1 ] || fail "a missing store is not exit status 1"
  [ ! -e "$work/none.sqlite" ] || fail "relationship created a store"
  ;;
crm-csv)
  crm=$data/activities/crm
  "$parley" ingest --db "$db" --users "$data/cli/users.json" --record account:acme \
    --opportunities "$crm/opportunities.csv" --activities "$crm/activities.csv" --activities "$crm/malformed.csv" \
    --opportunities "$crm/opportunities.json" >"$work/out" 2>"$work/err"
  status=$?
  [ "$status" -eq 1 ] || fail "ingest exit status $status, expected 1"
  expect_line "$work/out" "$crm/opportunities.csv: 2 opportunities"
  expect_line "$work/out" "$crm/activities.csv: 3 activities"
  expect_line "$work/out" "$crm/malformed.csv: 2 activities, 8 errors"
  expect_line "$work/out" "$crm/opportunities.json: 2 opportunities"
  expect_line "$work/err" "$crm/malformed.csv: line 3, column type: unknown value \"fax\""
  expect_line "$work/err" "$crm/malformed.csv: line 6: 3 fields, but the header names 7 columns"
  [ "$(wc -l <"$work/err")" -eq 8 ] || fail "stderr has other lines than the 8 errors"
  # The CSV file's three activities are the account's (their own link); --record fills the others'.
  for account in fabrikam acme; do
    "$parley" relationship --db "$db" --record "account:$account" --now 2026-12-31T00:00:00Z --format json \
      >"$work/$account.json" || fail "relationship $account exit status $?"
  done
  python3 - "$work/fabrikam.json" "$work/acme.json" <<'PY' || failed=1
import json, sys
counts = [json.load(open(path))["kpis"]["activities"] for path in sys.argv[1:]]
if counts != [3, 2]:
    sys.exit(f"FAILED: activities of fabrikam and acme {counts}, expected [3, 2]")
PY
  # The form is decided by the extension: another one is a usage error.
  "$parley" ingest --db "$db" --activities "$work/acts.txt" >/dev/null 2>"$work/err3"
  [ $? -eq 2 ] || fail "--activities FILE.txt is not a usage error"
  expect_line "$work/err3" "parley: --activities wants a .json or .csv file, got '$work/acts.txt'"
  ;;
*)
  echo "unknown scenario $scenario"; exit 2 ;;
esac
if [ $failed -ne 0 ]; then
  for f in "$work"/out "$work"/err "$work"/err2 "$work"/err3 "$work"/out4 "$work"/err4; do [ -f "$f" ] && { echo "--- $f"; cat "$f"; }; done
fi
exit $failed
