#!/usr/bin/env bash
# Reading an mbox with parley::read_mail (GMime: headers, encoded words, MIME parts, threading
# headers, our side, one Activity per message) against `grep -c '^From '` (counts separator lines,
# parses nothing) over the same generated file. grep is much faster; the figure is informative: how
# many MB/s of real-shaped mail a host can ingest.
#
# The mbox (benchmarks/tools/make_mbox.py, deterministic) holds sales threads with Received chains,
# dates in several zones, RFC 2047 names and subjects, folded headers, multipart/alternative bodies
# (quoted-printable text, base64 HTML), quoted replies and, in one message of five, a base64
# attachment. Whole processes are timed with hyperfine, one run of each per round, the order
# alternating from round to round, after one untimed run of each (page cache warm); the figures are
# medians over the rounds, of wall time and of CPU time (user + system).
#
# Usage: benchmarks/mbox_vs_grep.sh BUILD_DIR [MB] [ROUNDS]
#   BUILD_DIR  a release build with benchmarks (cmake --preset release -DPARLEY_BUILD_BENCHMARKS=ON;
#              target parley_mail_read)
#   MB         mbox size in megabytes (10^6 bytes, default 100)
#   ROUNDS     default 7
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:?usage: $0 BUILD_DIR [MB] [ROUNDS]}" && pwd)"
megabytes="${2:-100}"
rounds="${3:-7}"
reader="$build/benchmarks/parley_mail_read"
[[ -x "$reader" ]] || { echo "missing $reader: cmake --build $build --target parley_mail_read" >&2; exit 1; }
grep -q "CMAKE_BUILD_TYPE:STRING=Release" "$build/CMakeCache.txt" ||
  echo "warning: $build is not a Release build: the figures say little" >&2
for tool in hyperfine grep python3; do
  command -v "$tool" > /dev/null || { echo "mbox_vs_grep: $tool is required" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export LC_ALL=C  # grep's fastest byte matching, as a user counting messages would run it

mbox="$work/mail.mbox"
messages="$(python3 "$root/benchmarks/tools/make_mbox.py" "$mbox" "$megabytes")"
bytes="$(stat -c %s "$mbox")"
echo "mbox: $bytes bytes, $messages messages (generated)"
echo "grep -c '^From ': $(grep -c '^From ' "$mbox")"
echo "parley_mail_read: $("$reader" "$mbox")"

grep_command="grep -c '^From ' $mbox"
parley_command="$reader $mbox"
for round in $(seq 0 "$rounds"); do
  # Round 0 is the untimed warm-up. Output goes to a pipe: GNU grep stops at the first match when
  # its output is /dev/null.
  if ((round % 2 == 0)); then order=(grep parley); else order=(parley grep); fi
  for name in "${order[@]}"; do
    command_var="${name}_command"
    hyperfine --style none --output=pipe --runs 1 --export-json "$work/$name-$round.json" \
      "${!command_var}" > /dev/null
  done
  ((round == 0)) || echo "round $round of $rounds done" >&2
done

python3 - "$work" "$rounds" "$bytes" "$messages" <<'PY'
import json, statistics, sys
work, rounds, size, messages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
med = statistics.median
figures = {}
for name in ("grep", "parley"):
    wall, cpu = [], []
    for r in range(1, rounds + 1):
        result = json.load(open(f"{work}/{name}-{r}.json"))["results"][0]
        wall.append(result["times"][0])
        cpu.append(result["user"] + result["system"])
    figures[name] = (med(wall), med(cpu))
mb = size / 1e6
print(f"\nmedians of {rounds} alternating rounds, {mb:.1f} MB, {messages} messages (MB = 10^6 bytes)")
for name, label in (("grep", "grep -c '^From '"), ("parley", "parley::read_mail (parley_mail_read)")):
    wall, cpu = figures[name]
    print(f"  {label:38s} wall {wall:7.3f} s {mb / wall:9.1f} MB/s {messages / wall:10.0f} msg/s"
          f"   CPU {cpu:7.3f} s {mb / cpu:9.1f} MB/s")
(gw, gc), (pw, pc) = figures["grep"], figures["parley"]
print(f"  grep / parley throughput: {pw / gw:.1f}x (wall), {pc / gc:.1f}x (CPU)")
PY
