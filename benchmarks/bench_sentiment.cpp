// Sentiment scorer throughput: sentences per second on one core, in process.
// The sentences come from $PARLEY_SENTIMENT_SENTENCES (one per line; benchmarks/sentiment_vs_npm.sh
// passes the 100,000 it generates for the npm peers too), else the 3,000 test sentences.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parley/sentiment.hpp"

namespace {

// The source tree (CMake compiles this file by absolute path).
const std::string source_dir = std::filesystem::path(__FILE__).parent_path().parent_path().string();

const std::vector<std::string>& sentences() {
  static const std::vector<std::string> lines = [] {
    const char* path = std::getenv("PARLEY_SENTIMENT_SENTENCES");
    std::ifstream in(path && *path ? std::string(path)
                                   : source_dir + "/tests/data/sentiment/sales_sentences.txt");
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }();
  return lines;
}

void BM_sentiment_score_sentences(benchmark::State& state) {
  parley::SentimentScorer scorer(parley::bundled_sentiment_lexicon("en", source_dir + "/data"));
  const auto& lines = sentences();
  double sink = 0;
  for (auto _ : state) {
    for (const auto& line : lines) sink += scorer.score(line).score;
    benchmark::DoNotOptimize(sink);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * lines.size()));
  state.counters["sentences"] = static_cast<double>(lines.size());
}
BENCHMARK(BM_sentiment_score_sentences)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_sentiment_load_english_lexicon(benchmark::State& state) {
  for (auto _ : state) {
    auto lexicon = parley::bundled_sentiment_lexicon("en", source_dir + "/data");
    benchmark::DoNotOptimize(lexicon);
  }
}
BENCHMARK(BM_sentiment_load_english_lexicon)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
