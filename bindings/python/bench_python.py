#!/usr/bin/python3
"""Throughput of the Python package against the C++ library, in one run.

    bench_python.py [--cpp-bench BUILD/benchmarks/bench_sentiment] [--sentences 100000] [--calls 1000]

1. Sentiment: 100,000 sentences (tests/data/sentiment/sales_sentences.txt repeated) scored by
   Scorer.score_many (results as Python objects), by Scorer.score one at a time, and by the C++
   scorer (benchmarks/bench_sentiment, Google Benchmark, same sentences) when given.
2. Analysis: 1,000 copies of samples/discovery-call.vtt analysed from Python with 1 and 2 Python
   threads sharing one Analyzer, and with Analyzer.analyze_batch on 1 and 2 library threads.

Uses the parley that `import parley` finds (the installed wheel, or PARLEY_LIBRARY with PYTHONPATH).
Figures are the best of --runs runs (the machine may be shared); sentiment in CPU time as Google
Benchmark counts the C++ side's, analysis in wall time (threads).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import parley

ROOT = Path(os.environ.get("PARLEY_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def best_of(runs, work, clock=time.perf_counter):
    best = float("inf")
    for _ in range(runs):
        started = clock()
        work()
        best = min(best, clock() - started)
    return best


def sentences(count):
    lines = (ROOT / "tests/data/sentiment/sales_sentences.txt").read_text(encoding="utf-8").splitlines()
    return [lines[i % len(lines)] for i in range(count)]


def cpp_sentences_per_second(bench, texts):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as f:
        f.write("\n".join(texts) + "\n")
        f.flush()
        result = subprocess.run([bench, "--benchmark_filter=BM_sentiment_score_sentences", "--benchmark_min_time=2",
                                 "--benchmark_format=json"], env={**os.environ, "PARLEY_SENTIMENT_SENTENCES": f.name},
                                # bench_sentiment finds data/ by its source path, which a ccache build
                                # records relative to the build folder.
                                cwd=Path(bench).resolve().parents[1], check=True, capture_output=True, text=True)
    return json.loads(result.stdout)["benchmarks"][0]["items_per_second"]


def bench_sentiment(arguments):
    texts = sentences(arguments.sentences)
    with parley.Scorer("en") as scorer:
        # CPU time, as Google Benchmark counts the C++ side's (the machine may be shared).
        cpu = time.process_time
        many = best_of(arguments.runs, lambda: scorer.score_many(texts), cpu)
        encoded = [t.encode() for t in texts]
        from_bytes = best_of(arguments.runs, lambda: scorer.score_many(encoded), cpu)
        read = best_of(arguments.runs, lambda: list(scorer.score_many(texts)), cpu)
        each = best_of(arguments.runs, lambda: scorer._score_each([t.encode() for t in texts]), cpu)
        one = best_of(1, lambda: [scorer.score(t) for t in texts], cpu)
    rates = {"Scorer.score_many (parley_scorer_score_lines)": len(texts) / many,
             "the same, the texts given as UTF-8 bytes": len(texts) / from_bytes,
             "the same, every score read as a SentimentScore": len(texts) / read,
             "Scorer.score_many via parley_scorer_score_many": len(texts) / each,
             "Scorer.score, one call per text": len(texts) / one}
    if arguments.cpp_bench:
        rates["C++ SentimentScorer::score (bench_sentiment)"] = cpp_sentences_per_second(arguments.cpp_bench, texts)
    print(f"sentiment, {len(texts)} sentences:")
    cpp = rates.get("C++ SentimentScorer::score (bench_sentiment)")
    for name, rate in rates.items():
        share = f"  {100 * rate / cpp:5.1f} % of C++" if cpp else ""
        print(f"  {name:50s} {rate:12,.0f} sentences/s{share}")


def bench_analysis(arguments):
    vtt = (ROOT / "samples/discovery-call.vtt").read_text(encoding="utf-8")
    calls = []
    for i in range(arguments.calls):
        call = parley.Call.parse(vtt, format="webvtt", source_name=f"call-{i}.vtt")
        call.assign_roles({"our_users": ["Dana Whitfield"], "unmatched": "customer"})
        calls.append(call)
    terms = parley.read_terms(ROOT / "samples/terms.tsv")
    with parley.Analyzer(terms=terms) as analyzer:
        def python_threads(count):
            chunks = [calls[i::count] for i in range(count)]

            def work(chunk):
                for call in chunk:
                    analyzer.analyze(call).close()

            threads = [threading.Thread(target=work, args=(chunk,)) for chunk in chunks]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()

        def batch(threads):
            for analysis in analyzer.analyze_batch(calls, threads=threads):
                analysis.close()

        def timed(work):
            """(wall seconds, CPU seconds) of the fastest run: CPU / wall above 1 means the threads ran
            at once (the GIL released), whatever else the machine was doing."""
            best = None
            for _ in range(arguments.runs):
                wall, cpu = time.perf_counter(), time.process_time()
                work()
                run = (time.perf_counter() - wall, time.process_time() - cpu)
                best = run if best is None or run[0] < best[0] else best
            return best

        results = {
            "1 Python thread, Analyzer.analyze": timed(lambda: python_threads(1)),
            "2 Python threads, Analyzer.analyze": timed(lambda: python_threads(2)),
            "Analyzer.analyze_batch, threads=1": timed(lambda: batch(1)),
            "Analyzer.analyze_batch, threads=2": timed(lambda: batch(2)),
        }
    for call in calls:
        call.close()
    load = os.getloadavg()[0]
    print(f"analysis, {len(calls)} copies of samples/discovery-call.vtt ({os.cpu_count()} cores, load {load:.1f}):")
    for name, (wall, cpu) in results.items():
        print(f"  {name:50s} {len(calls) / wall:12,.0f} calls/s  {cpu / wall:4.2f} cores busy")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cpp-bench", help="a release build's benchmarks/bench_sentiment")
    parser.add_argument("--sentences", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    print(f"parley {parley.version()} from {Path(parley.__file__).parent}")
    bench_sentiment(arguments)
    bench_analysis(arguments)


if __name__ == "__main__":
    sys.exit(main())
