// In-process throughput of the text pipeline and the tracked-term matcher on the corpus that
// benchmarks/terms_vs_grep.sh generates (PARLEY_TERMS_BENCH_DIR, made by `parley_scan generate`):
// ~100 MB of multilingual transcript lines and 1,000 terms, most of them absent.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "parley/terms.hpp"
#include "parley/text.hpp"

namespace {

struct Corpus {
  std::string text;        // corpus.txt
  std::string normalized;  // corpus.norm.txt
  std::vector<parley::TrackedTerm> terms;
  std::vector<parley::Call> calls;  // 500 lines a call, as parley_scan full reads it
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

const Corpus& corpus() {
  static const Corpus loaded = [] {
    const char* dir = std::getenv("PARLEY_TERMS_BENCH_DIR");
    if (dir == nullptr) {
      std::cerr << "set PARLEY_TERMS_BENCH_DIR to a directory made by `parley_scan generate DIR`\n";
      std::exit(2);
    }
    Corpus c;
    c.text = read_file(std::string(dir) + "/corpus.txt");
    c.normalized = read_file(std::string(dir) + "/corpus.norm.txt");
    c.terms = parley::load_term_list(std::string(dir) + "/terms.tsv");
    parley::Call call;
    call.participants.push_back({"rep", "Rep", parley::Role::seller, {}});
    call.participants.push_back({"buyer", "Buyer", parley::Role::customer, {}});
    std::size_t start = 0;
    while (start < c.text.size()) {
      std::size_t end = c.text.find('\n', start);
      if (end == std::string::npos) end = c.text.size();
      parley::Segment segment;
      segment.speaker = static_cast<std::uint32_t>(call.segments.size() % 2);
      segment.text.assign(c.text, start, end - start);
      call.segments.push_back(std::move(segment));
      if (call.segments.size() == 500) {
        c.calls.push_back(call);
        call.segments.clear();
      }
      start = end + 1;
    }
    if (!call.segments.empty()) c.calls.push_back(call);
    return c;
  }();
  return loaded;
}

void BM_Validate(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) benchmark::DoNotOptimize(parley::find_invalid_utf8(c.text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.text.size()));
}

void BM_Normalize(benchmark::State& state) {
  const Corpus& c = corpus();
  std::string out;
  for (auto _ : state) {
    for (const auto& call : c.calls) {
      for (const auto& segment : call.segments) {
        parley::normalize_for_matching(segment.text, out);
        benchmark::DoNotOptimize(out.data());
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.text.size()));
}

void BM_SegmentWords(benchmark::State& state) {
  const Corpus& c = corpus();
  parley::WordSegmenter segmenter("en-US");
  std::vector<parley::WordToken> words;
  for (auto _ : state) {
    for (const auto& call : c.calls) {
      for (const auto& segment : call.segments) segmenter.segment(segment.text, words);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.text.size()));
}

void BM_CompileTerms(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) {
    parley::TrackedTermMatcher matcher(c.terms);
    benchmark::DoNotOptimize(matcher.term_count());
  }
}

// (a) validate + normalize + boundary-checked match of every call, with hits mapped back.
void BM_FullPath(benchmark::State& state) {
  const Corpus& c = corpus();
  const parley::TrackedTermMatcher matcher(c.terms);
  std::vector<parley::TermHit> hits;
  std::size_t total = 0;
  for (auto _ : state) {
    total = 0;
    for (const auto& call : c.calls) {
      matcher.find_hits(call, hits);
      total += hits.size();
    }
  }
  state.counters["hits"] = static_cast<double>(total);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.text.size()));
}

// (b) raw matching over already-normalized text, one pass.
void BM_RawMatch(benchmark::State& state) {
  const Corpus& c = corpus();
  const parley::TrackedTermMatcher matcher(c.terms);
  std::size_t total = 0;
  for (auto _ : state) total = matcher.count_in_normalized(c.normalized);
  state.counters["matches"] = static_cast<double>(total);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.normalized.size()));
}

}  // namespace

BENCHMARK(BM_Validate)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_Normalize)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_SegmentWords)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_CompileTerms)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_FullPath)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK(BM_RawMatch)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

BENCHMARK_MAIN();
