#!/usr/bin/env bash
# The whole against one of its parts (issue 19): `parley analyze` over generated English calls
# (parley JSON with the sample organisation's tracked terms), as JSON and as text, against
# `parley sentiment` over the same segment texts (one a line) and `wc -w` over them, in one
# hyperfine run. Prints each command's median and segments per second, and the ratios the issue
# asks for: analyze JSON / sentiment (target at least 0.5) and text / JSON (at most 1.1).
# Usage: benchmarks/analyze_vs_sentiment.sh BUILD_DIR [CALLS] [RUNS]
#   BUILD_DIR  a release build with benchmarks (cmake --preset release; targets bench_capi, parley_cli)
#   CALLS      generated calls, default 1000;  RUNS  hyperfine runs per command (2 or more), default 5
set -euo pipefail
build="$(cd "${1:?usage: $0 BUILD_DIR [CALLS] [RUNS]}" && pwd)"
calls="${2:-1000}"
runs="${3:-5}"
(( runs >= 2 )) || { echo "RUNS must be 2 or more (a median of one run says little)" >&2; exit 2; }
parley="$build/examples/parley"
bench="$build/benchmarks/bench_capi"
for tool in "$parley" "$bench"; do
  [[ -x "$tool" ]] || { echo "missing $tool: cmake --build $build --target bench_capi parley_cli" >&2; exit 1; }
done
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }
grep -q "CMAKE_BUILD_TYPE:STRING=Release" "$build/CMakeCache.txt" ||
  echo "warning: $build is not a Release build: the figures say little" >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$bench" --write-sample-calls="$work/calls" --count="$calls" >/dev/null
python3 - "$work/calls" "$work/texts.txt" <<'PY'
import json, pathlib, sys
calls, out = pathlib.Path(sys.argv[1]), open(sys.argv[2], "w", encoding="utf-8")
for path in sorted(calls.glob("call-*.json")):
    for segment in json.load(open(path, encoding="utf-8"))["segments"]:
        out.write(segment["text"].replace("\n", " ") + "\n")
PY
segments=$(wc -l <"$work/texts.txt")
files=("$work"/calls/call-*.json)
echo "$calls calls, $segments segments, $(du -sh "$work/calls" | cut -f1) of parley JSON"

hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/times.json" \
  -n "analyze --format json" "$parley analyze --format json --terms $work/calls/terms.tsv ${files[*]} >/dev/null" \
  -n "analyze (text)" "$parley analyze --terms $work/calls/terms.tsv ${files[*]} >/dev/null" \
  -n "sentiment" "$parley sentiment <$work/texts.txt >/dev/null" \
  -n "wc -w" "wc -w <$work/texts.txt >/dev/null"

python3 - "$work/times.json" "$segments" <<'PY'
import json, sys
results = {r["command"]: r["median"] for r in json.load(open(sys.argv[1]))["results"]}
segments = int(sys.argv[2])
for name, median in results.items():
    print(f"{name:24} median {median:8.3f} s  {segments / median:12,.0f} segments/s")
json_s, text_s, sentiment_s = results["analyze --format json"], results["analyze (text)"], results["sentiment"]
print(f"analyze JSON / sentiment, segments/s: {sentiment_s / json_s:.3f} (target >= 0.5)")
print(f"text output / JSON output, speed:     {json_s / text_s:.3f} (target <= 1.1)")
PY
