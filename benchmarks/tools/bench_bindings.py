#!/usr/bin/env python3
"""The Python side of benchmarks/bindings_vs_cpp.sh: one round of in-process timings through the
installed parley package, as JSON on stdout (seconds per pass, wall and CPU).

    bench_bindings.py SENTENCES CALLS_DIR

SENTENCES: one sentence per line. CALLS_DIR: parley JSON calls and terms.tsv, as
`bench_capi --write-sample-calls` writes them. Each figure is one pass, so the caller can alternate
rounds with the C++ side on a shared machine and take medians.
"""
import json
import sys
import threading
import time
from pathlib import Path

import parley


def timed(work, passes=1):
    """Seconds per pass, the mean over `passes` passes (as Google Benchmark reports the C++ side)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(passes):
        work()
    return {"wall": (time.perf_counter() - wall) / passes, "cpu": (time.process_time() - cpu) / passes}


def analyse_on_threads(analyzer, calls, count):
    def work(chunk):
        for call in chunk:
            analyzer.analyze(call).close()

    # ctypes drops the GIL for the length of each library call: the threads analyse in parallel.
    threads = [threading.Thread(target=work, args=(calls[i::count],)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def main(sentences_path, calls_dir):
    sentences = Path(sentences_path).read_text(encoding="utf-8").splitlines()
    folder = Path(calls_dir)
    calls = [parley.Call.read(path) for path in sorted(folder.glob("*.json"))]
    result = {"library": str(Path(parley.__file__).parent), "sentences": len(sentences), "calls": len(calls)}
    with parley.Scorer("en") as scorer:
        # Warm-up, one whole pass: the lexicon's pages and the ctypes prototypes. The C++ side
        # (Google Benchmark) is warm too and reports the mean of several passes; so does this one.
        scorer.score_many(sentences)
        passes = 3
        result["score_many"] = timed(lambda: scorer.score_many(sentences), passes)
        result["score_many_read"] = timed(lambda: sum(scorer.score_many(sentences).scores), passes)
        # Lines read as bytes skip Python's UTF-8 encoding of every str.
        lines = Path(sentences_path).read_bytes().splitlines()
        result["score_many_bytes"] = timed(lambda: scorer.score_many(lines), passes)
    with parley.Analyzer(terms=parley.read_terms(folder / "terms.tsv")) as analyzer:
        analyse_on_threads(analyzer, calls[:20], 1)  # warm-up
        result["analyze_1_thread"] = timed(lambda: analyse_on_threads(analyzer, calls, 1))
        result["analyze_2_threads"] = timed(lambda: analyse_on_threads(analyzer, calls, 2))
        for threads in (1, 2):
            result[f"analyze_batch_{threads}"] = timed(
                lambda: [a.close() for a in analyzer.analyze_batch(calls, threads=threads)])
    for call in calls:
        call.close()
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    main(*sys.argv[1:])
