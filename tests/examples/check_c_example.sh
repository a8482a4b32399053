#!/usr/bin/env bash
# Runs the C example on a WebVTT call and checks what it prints against figures found without
# parley: each speaker's talk time summed from the cue times (awk), and the mentions of "renew"
# counted with grep, per speaker. When the parley command is given, its report must show the same
# talk times and ratio (the C ABI gives what the C++ API gives).
# Usage: check_c_example.sh EXAMPLE VTT TERMS SELLER CUSTOMER [PARLEY_CLI]
set -euo pipefail
example="$1" vtt="$2" terms="$3" seller="$4" customer="$5" cli="${6:-}"

output="$("$example" --role "$seller=seller" --role "$customer=customer" "$vtt" "$terms")"
printf '%s\n' "$output"

# Sum of (end - start) over each speaker's cues, in ms.
talk_ms() {
  awk -v who="$1" '
    function ms(t, p) { split(t, p, ":"); return (p[1] * 3600 + p[2] * 60 + p[3]) * 1000 }
    / --> / { start = ms($1); end = ms($3); next }
    /^<v / { if (substr($0, 4, length(who) + 1) == who ">") total += end - start }
    END { printf "%d", total + 0.5 }' "$vtt"
}
seller_ms="$(talk_ms "$seller")" customer_ms="$(talk_ms "$customer")"
expected_ratio="$(awk -v s="$seller_ms" -v c="$customer_ms" \
  'BEGIN { printf "talk ratio: %.1f%% (seller %.1f s, customer %.1f s)", 100 * s / (s + c), s / 1000, c / 1000 }')"

# "renew" in each speaker's cues (the term list matches related forms: "renewals" counts).
renew_by() {
  awk -v who="$1" '
    /^<v / { speaker = substr($0, 4, index($0, ">") - 4) }
    /^$/ { speaker = "" }
    speaker == who { line = tolower($0); total += gsub(/renew/, "", line) }
    END { print total + 0 }' "$vtt"
}
renew_seller="$(renew_by "$seller")" renew_customer="$(renew_by "$customer")"
renew_total="$(grep -oi renew "$vtt" | wc -l)"
[[ "$renew_total" -eq $((renew_seller + renew_customer)) ]] ||
  { echo "FAIL: the awk count of renew misses some" >&2; exit 1; }
expected_renew="$(printf '  %3d  renew (keyword; seller %d, customer %d, other 0)' \
  "$renew_total" "$renew_seller" "$renew_customer")"

status=0
grep -qxF "$expected_ratio" <<<"$output" || { echo "FAIL: expected the line '$expected_ratio'" >&2; status=1; }
grep -qxF "$expected_renew" <<<"$output" || { echo "FAIL: expected the line '$expected_renew'" >&2; status=1; }
if [[ -n "$cli" ]]; then
  report="$("$cli" analyze --role "$seller=seller" --role "$customer=customer" --terms "$terms" "$vtt")"
  for who in "$seller:$seller_ms" "$customer:$customer_ms"; do
    seconds="$(awk -v ms="${who##*:}" 'BEGIN { printf "%.1f", ms / 1000 }')"
    grep -qE "^  ${who%:*} +[a-z]+ +talk +$seconds s " <<<"$report" ||
      { echo "FAIL: parley analyze does not give ${who%:*} $seconds s of talk" >&2; status=1; }
  done
  shares="$(awk -v s="$seller_ms" -v c="$customer_ms" \
    'BEGIN { printf "%.0f%% / %.0f%%", 100 * s / (s + c), 100 * c / (s + c) }')"
  grep -qE "^  talk-to-listen ratio +$shares\$" <<<"$report" ||
    { echo "FAIL: parley analyze does not give the talk-to-listen ratio $shares" >&2; status=1; }
fi
[[ $status -eq 0 ]] &&
  echo "OK: talk times $seller_ms ms / $customer_ms ms and $renew_total mentions of renew, as counted by hand"
exit $status
