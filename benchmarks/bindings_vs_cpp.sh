#!/usr/bin/env bash
# The Python package against the C++ library, in one run, on the same inputs:
#   (a) sentiment of 100,000 sentences: SentimentScorer::score per sentence (bench_capi) against
#       Scorer.score_many (one parley_scorer_score_lines call) on a list of str, and on bytes;
#   (b) analysis of 1,000 sample calls (English, parley JSON, read before timing) on one thread:
#       CallAnalyzer::analyze (bench_capi) against Analyzer.analyze from one Python thread;
#   (c) Python analysing the 1,000 calls from 1 and from 2 threads sharing one Analyzer.
# Both sides time in process. Rounds alternate C++ and Python so that the load of a shared machine
# falls on both alike; figures are medians over the rounds. (a) and (b) compare CPU time (steady
# under load; wall time is printed too), (c) wall time.
# Usage: benchmarks/bindings_vs_cpp.sh BUILD_DIR [VENV|WHEEL] [ROUNDS]
#   BUILD_DIR  a release build with benchmarks (cmake --preset release; targets bench_capi and
#              parley_shared)
#   VENV       a virtual environment with parley installed; WHEEL a parley wheel, installed into a
#              scratch venv; default: a wheel built around BUILD_DIR/libparley.so.1
#   ROUNDS     default 5
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(cd "${1:?usage: $0 BUILD_DIR [VENV|WHEEL] [ROUNDS]}" && pwd)"
package="${2:-}"
rounds="${3:-5}"
bench="$build/benchmarks/bench_capi"
[[ -x "$bench" ]] || { echo "missing $bench: cmake --build $build --target bench_capi parley_shared" >&2; exit 1; }
grep -q "CMAKE_BUILD_TYPE:STRING=Release" "$build/CMakeCache.txt" ||
  echo "warning: $build is not a Release build: the figures say little" >&2
system_python=/usr/bin/python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The Python package, installed as users install it.
if [[ -z "$package" ]]; then
  [[ -f "$build/libparley.so.1" ]] || { echo "missing $build/libparley.so.1: build parley_shared" >&2; exit 1; }
  package="$("$root/bindings/python/build_wheel.sh" "$build/libparley.so.1" "$work/dist")"
fi
if [[ -x "$package/bin/python" ]]; then
  python="$package/bin/python"
else
  "$system_python" -m venv "$work/venv"
  "$work/venv/bin/python" -m pip install --quiet --no-index --disable-pip-version-check "$package"
  python="$work/venv/bin/python"
fi

# Inputs: the sentences benchmarks/sentiment_vs_npm.sh uses, and the sample organisation's calls.
sentences="$work/sentences.txt"
if command -v node > /dev/null; then
  node "$root/tests/peers/make_sentences.js" 100000 > "$sentences"
else
  awk '{ line[NR] = $0 } END { for (i = 0; i < 100000; ++i) print line[i % NR + 1] }' \
    "$root/tests/data/sentiment/sales_sentences.txt" > "$sentences"
fi
"$bench" --write-sample-calls="$work/calls" --count=1000 > "$work/calls.txt"
echo "inputs: $(wc -l < "$sentences") sentences; $(cat "$work/calls.txt")"
echo "python: $("$python" -c 'import parley, sys; print(parley.__file__, "on", sys.version.split()[0])')"

for round in $(seq "$rounds"); do
  PARLEY_SENTIMENT_SENTENCES="$sentences" PARLEY_BENCH_CALLS_DIR="$work/calls" "$bench" \
    --benchmark_filter='^BM_(score_sentences_cpp|analyze_sample_calls_cpp)$' --benchmark_repetitions=1 \
    --benchmark_min_time=1 --benchmark_out="$work/cpp-$round.json" --benchmark_out_format=json \
    > "$work/cpp.log" 2>&1 || { cat "$work/cpp.log" >&2; exit 1; }
  (cd "$work" && "$python" "$root/benchmarks/tools/bench_bindings.py" "$sentences" "$work/calls") \
    > "$work/python-$round.json"
  echo "round $round of $rounds done" >&2
done

"$system_python" - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
cpp = {"sentences": {"wall": [], "cpu": []}, "calls": {"wall": [], "cpu": []}}
python = []
for r in range(1, rounds + 1):
    for b in json.load(open(f"{work}/cpp-{r}.json"))["benchmarks"]:
        if b.get("run_type") != "iteration":
            continue
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b["time_unit"]]
        key = "sentences" if b["name"].startswith("BM_score") else "calls"
        cpp[key]["wall"].append(b["real_time"] * scale)
        cpp[key]["cpu"].append(b["cpu_time"] * scale)
        cpp[key]["count"] = b["sentences"] if key == "sentences" else b["calls"]
    python.append(json.load(open(f"{work}/python-{r}.json")))
med = statistics.median
py = lambda name, clock: med(run[name][clock] for run in python)
n_sentences, n_calls = python[0]["sentences"], python[0]["calls"]
assert cpp["sentences"]["count"] == n_sentences and cpp["calls"]["count"] == n_calls, "different inputs"

def line(label, count, unit, seconds_wall, seconds_cpu):
    print(f"  {label:48s} {count / seconds_wall:12,.0f} {unit}/s wall {count / seconds_cpu:12,.0f} {unit}/s CPU")

print(f"\nmedians of {rounds} alternating rounds")
print(f"(a) sentiment, {n_sentences:,} sentences")
line("C++ SentimentScorer::score", n_sentences, "sentences", med(cpp["sentences"]["wall"]), med(cpp["sentences"]["cpu"]))
line("Python Scorer.score_many", n_sentences, "sentences", py("score_many", "wall"), py("score_many", "cpu"))
line("Python Scorer.score_many, .scores read", n_sentences, "sentences", py("score_many_read", "wall"),
     py("score_many_read", "cpu"))
line("Python Scorer.score_many, lines as bytes", n_sentences, "sentences", py("score_many_bytes", "wall"),
     py("score_many_bytes", "cpu"))
a = med(cpp["sentences"]["cpu"]) / py("score_many", "cpu")
a_wall = med(cpp["sentences"]["wall"]) / py("score_many", "wall")
print(f"  Python / C++ throughput: {100 * a:.1f} % (CPU), {100 * a_wall:.1f} % (wall); target >= 80 %")
a_bytes = med(cpp["sentences"]["cpu"]) / py("score_many_bytes", "cpu")
print(f"  the same with the lines as bytes: {100 * a_bytes:.1f} % (CPU)")

print(f"(b) analysis, {n_calls:,} sample calls, one thread")
line("C++ CallAnalyzer::analyze", n_calls, "calls", med(cpp["calls"]["wall"]), med(cpp["calls"]["cpu"]))
line("Python Analyzer.analyze", n_calls, "calls", py("analyze_1_thread", "wall"), py("analyze_1_thread", "cpu"))
b = med(cpp["calls"]["cpu"]) / py("analyze_1_thread", "cpu")
b_wall = med(cpp["calls"]["wall"]) / py("analyze_1_thread", "wall")
print(f"  Python / C++ throughput: {100 * b:.1f} % (CPU), {100 * b_wall:.1f} % (wall); target >= 80 %")

print(f"(c) Python analysing {n_calls:,} calls from 1 and 2 threads (wall)")
for name, label in [("analyze_1_thread", "1 Python thread, Analyzer.analyze"),
                    ("analyze_2_threads", "2 Python threads, Analyzer.analyze"),
                    ("analyze_batch_1", "Analyzer.analyze_batch, threads=1"),
                    ("analyze_batch_2", "Analyzer.analyze_batch, threads=2")]:
    print(f"  {label:48s} {n_calls / py(name, 'wall'):12,.0f} calls/s")
c = py("analyze_1_thread", "wall") / py("analyze_2_threads", "wall")
print(f"  2 threads / 1 thread: {c:.2f}x (2 cores shared with the machine's other work)")
PY
