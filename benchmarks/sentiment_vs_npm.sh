#!/usr/bin/env bash
# parley's sentiment scorer against the npm peers on the same 100,000 English sentences, in one run:
# vader-sentiment (VADER's rules, JavaScript) and sentiment (AFINN word sum, no rules).
#   1. in process: sentences per CPU-second (Google Benchmark for parley, process.cpuUsage for node),
#      median of RUNS runs;
#   2. whole processes with hyperfine (startup, lexicon load, reading stdin, writing one line per
#      sentence), median of RUNS runs.
# Usage: benchmarks/sentiment_vs_npm.sh [BUILD_DIR] [SENTENCES] [RUNS]
#   BUILD_DIR: a Release build configured with -DPARLEY_BUILD_BENCHMARKS=ON (default build/release)
# Needs node, npm (for `npm ci --prefix tests/peers`) and hyperfine.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build/release}"
count="${2:-100000}"
runs="${3:-3}"
bench="$build/benchmarks/bench_sentiment"
tool="$build/benchmarks/parley_sentiment_score"
for program in "$bench" "$tool"; do
  [[ -x "$program" ]] || { echo "missing $program: cmake --build $build --target bench_sentiment parley_sentiment_score" >&2; exit 1; }
done
[[ -d "$root/tests/peers/node_modules/vader-sentiment" ]] || npm ci --prefix "$root/tests/peers" --no-audit --no-fund >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sentences="$work/sentences.txt"
node "$root/tests/peers/make_sentences.js" "$count" > "$sentences"
echo "sentences: $(wc -l < "$sentences") ($(awk '{w += NF} END {printf "%.1f", w / NR}' "$sentences") words on average), runs: $runs"

PARLEY_SENTIMENT_SENTENCES="$sentences" "$bench" --benchmark_filter=BM_sentiment_score_sentences \
  --benchmark_repetitions="$runs" --benchmark_min_time=1 --benchmark_format=json > "$work/parley.json" 2>/dev/null
node "$root/tests/peers/bench_peers.js" "$sentences" "$runs" > "$work/peers.json"

hyperfine --runs "$runs" --warmup 1 --export-json "$work/hyperfine.json" --style none \
  -n parley "$tool en < $sentences > /dev/null" \
  -n vader-sentiment "node $root/tests/peers/bench_peers.js --stdout vader < $sentences > /dev/null" \
  -n sentiment "node $root/tests/peers/bench_peers.js --stdout sentiment < $sentences > /dev/null" > /dev/null

node - "$work" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const parleyRuns = JSON.parse(fs.readFileSync(`${dir}/parley.json`)).benchmarks
  .filter((b) => b.run_type === 'iteration').map((b) => b.items_per_second);
const peers = JSON.parse(fs.readFileSync(`${dir}/peers.json`));
const inProcess = { parley: median(parleyRuns), 'vader-sentiment': peers.vader.median_per_second,
  sentiment: peers.sentiment.median_per_second };
const fmt = (x) => Math.round(x).toLocaleString('en-US');
console.log('\nIn process (sentences per CPU-second, median):');
for (const [name, rate] of Object.entries(inProcess)) console.log(`  ${name.padEnd(16)} ${fmt(rate).padStart(12)}`);
console.log(`  parley / vader-sentiment = ${(inProcess.parley / inProcess['vader-sentiment']).toFixed(1)}x, ` +
  `parley / sentiment = ${(inProcess.parley / inProcess.sentiment).toFixed(2)}x`);
const whole = {};
for (const r of JSON.parse(fs.readFileSync(`${dir}/hyperfine.json`)).results) {
  whole[r.command] = { wall: median(r.times), cpu: r.user + r.system };
}
console.log('\nWhole processes (hyperfine, median wall seconds; mean user+system CPU seconds):');
for (const [name, t] of Object.entries(whole)) console.log(`  ${name.padEnd(16)} ${t.wall.toFixed(3).padStart(8)} s  ${t.cpu.toFixed(3).padStart(8)} s CPU`);
const p = whole.parley;
console.log(`  vader-sentiment / parley = ${(whole['vader-sentiment'].wall / p.wall).toFixed(1)}x wall, ` +
  `${(whole['vader-sentiment'].cpu / p.cpu).toFixed(1)}x CPU; sentiment / parley = ` +
  `${(whole.sentiment.wall / p.wall).toFixed(2)}x wall, ${(whole.sentiment.cpu / p.cpu).toFixed(2)}x CPU`);
JS
