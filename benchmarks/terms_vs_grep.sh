#!/usr/bin/env bash
# Tracked-term matching against grep, in one run, on the same generated corpus (~100 MB of
# multilingual transcript lines) and the same 1,000 terms (most of them absent):
#   (a) parley's full path (validate, normalize, match at word boundaries)  vs  grep -F -i -w -c -f
#   (b) parley's raw matching over already-normalized text                  vs  grep -F -c -f
# Whole processes are timed side by side with hyperfine (median wall time and mean CPU time; output
# goes to a pipe, because GNU grep stops at the first match when its output is /dev/null), then
# the in-process Google Benchmark program runs on the same files.
#
# Usage: benchmarks/terms_vs_grep.sh [BUILD_DIR] [MB]
#   BUILD_DIR  a Release build configured with -DPARLEY_BUILD_BENCHMARKS=ON (default: build/bench;
#              configured and built here if parley_scan is missing)
#   MB         corpus size in megabytes (default 100)
# Environment: RUNS (hyperfine runs per command, default 5), PARLEY_SCAN / BENCH_TERMS (programs).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/bench}
megabytes=${2:-100}
runs=${RUNS:-5}
scan=${PARLEY_SCAN:-$build/benchmarks/parley_scan}
bench=${BENCH_TERMS:-$build/benchmarks/bench_terms}

if [ ! -x "$scan" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_BUILD_BENCHMARKS=ON -DPARLEY_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" --target parley_scan bench_terms -j2
fi
scan=$(realpath "$scan")
bench=$(realpath -m "$bench")
for tool in hyperfine grep awk; do
  command -v "$tool" >/dev/null || { echo "terms_vs_grep: $tool is required" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8  # grep -i folds non-ASCII letters only in a UTF-8 locale

echo "== corpus"
"$scan" generate "$work" "$megabytes"
corpus_bytes=$(stat -c %s "$work/corpus.txt")
normalized_bytes=$(stat -c %s "$work/corpus.norm.txt")

echo "== counts (parley: hits; grep -c: matching lines)"
echo "parley full : $("$scan" full "$work/terms.tsv" "$work/corpus.txt")"
echo "grep -F -i -w: $(grep -F -i -w -c -f "$work/terms.txt" "$work/corpus.txt" || true)"
echo "parley raw  : $("$scan" raw "$work/terms.tsv" "$work/corpus.norm.txt")"
echo "parley raw, any CJK boundary: $("$scan" raw --any-cjk-boundary "$work/terms.tsv" "$work/corpus.norm.txt")"
echo "grep -F     : $(grep -F -c -f "$work/terms.norm.txt" "$work/corpus.norm.txt" || true)"

cd "$work"
echo "== (a) full path vs grep -F -i -w"
hyperfine --style basic --output=pipe --warmup 1 --runs "$runs" -i --export-csv a.csv \
  -n parley_full "$scan full terms.tsv corpus.txt" \
  -n grep_Fiw "grep -F -i -w -c -f terms.txt corpus.txt"
echo "== (b) raw matching on normalized text vs grep -F"
hyperfine --style basic --output=pipe --warmup 1 --runs "$runs" -i --export-csv b.csv \
  -n parley_raw "$scan raw terms.tsv corpus.norm.txt" \
  -n parley_raw_anycjk "$scan raw --any-cjk-boundary terms.tsv corpus.norm.txt" \
  -n grep_F "grep -F -c -f terms.norm.txt corpus.norm.txt"

# hyperfine CSV: command,mean,stddev,median,user,system,min,max
report() {  # csv bytes peer_name parley_name...
  local csv=$1 bytes=$2 peer=$3
  shift 3
  awk -F, -v bytes="$bytes" -v peer="$peer" -v ours="$*" '
    NR > 1 { median[$1] = $4; cpu[$1] = $5 + $6 }
    END {
      for (name in median) printf "  %-18s median %7.3f s  %8.1f MB/s wall   cpu %7.3f s  %8.1f MB/s cpu\n",
        name, median[name], bytes / 1e6 / median[name], cpu[name], bytes / 1e6 / cpu[name]
      n = split(ours, names, " ")
      for (i = 1; i <= n; ++i) printf "  ratio %s / %s: %.2fx (wall)  %.2fx (cpu)\n", names[i], peer,
        median[peer] / median[names[i]], cpu[peer] / cpu[names[i]]
    }' "$csv"
}
echo "== summary (MB = 10^6 bytes; corpus $corpus_bytes bytes, normalized $normalized_bytes bytes)"
echo "(a) target: parley_full >= 5x grep -F -i -w"
report a.csv "$corpus_bytes" grep_Fiw parley_full
echo "(b) target: parley_raw >= 1x grep -F"
report b.csv "$normalized_bytes" grep_F parley_raw parley_raw_anycjk

if [ -x "$bench" ]; then
  echo "== in-process (Google Benchmark, median of 3; bytes_per_second is per CPU second)"
  PARLEY_TERMS_BENCH_DIR="$work" "$bench" --benchmark_filter='Validate|Normalize|SegmentWords|CompileTerms|FullPath|RawMatch' \
    2>&1 | grep -E "median|Benchmark"
fi
