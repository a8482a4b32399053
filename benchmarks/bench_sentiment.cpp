// Sentiment scorer throughput: sentences per second on one core, in process.
// The sentences come from $PARLEY_SENTIMENT_SENTENCES (one per line; benchmarks/sentiment_vs_npm.sh
// passes the 100,000 it generates for the npm peers too), else the 3,000 test sentences. German and
// Japanese (and English, for comparison) score the texts of their hand-labelled test sets
// (tests/data/sentiment/labelled/<lang>.tsv) with their bundled lexicons.
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

// Scores every line once per iteration with the bundled lexicon of `language`.
void score_lines(benchmark::State& state, const std::string& language, const std::vector<std::string>& lines) {
  parley::SentimentScorer scorer(parley::bundled_sentiment_lexicon(language, source_dir + "/data"));
  double sink = 0;
  for (auto _ : state) {
    for (const auto& line : lines) sink += scorer.score(line).score;
    benchmark::DoNotOptimize(sink);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * lines.size()));
  state.counters["sentences"] = static_cast<double>(lines.size());
}

void BM_sentiment_score_sentences(benchmark::State& state) { score_lines(state, "en", sentences()); }
BENCHMARK(BM_sentiment_score_sentences)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The texts (third column) of a language's labelled test set.
std::vector<std::string> labelled_texts(const std::string& language) {
  std::ifstream in(source_dir + "/tests/data/sentiment/labelled/" + language + ".tsv");
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t', line.find('\t') + 1);
    if (tab != std::string::npos) out.push_back(line.substr(tab + 1));
  }
  return out;
}

void score_labelled(benchmark::State& state, const std::string& language) {
  score_lines(state, language, labelled_texts(language));
}
void BM_sentiment_score_labelled_en(benchmark::State& state) { score_labelled(state, "en"); }
void BM_sentiment_score_labelled_de(benchmark::State& state) { score_labelled(state, "de"); }
void BM_sentiment_score_labelled_ja(benchmark::State& state) { score_labelled(state, "ja"); }
BENCHMARK(BM_sentiment_score_labelled_en)->Unit(benchmark::kMicrosecond)->MinTime(1.0);
BENCHMARK(BM_sentiment_score_labelled_de)->Unit(benchmark::kMicrosecond)->MinTime(1.0);
BENCHMARK(BM_sentiment_score_labelled_ja)->Unit(benchmark::kMicrosecond)->MinTime(1.0);

void load_lexicon(benchmark::State& state, const std::string& language) {
  for (auto _ : state) {
    auto lexicon = parley::bundled_sentiment_lexicon(language, source_dir + "/data");
    benchmark::DoNotOptimize(lexicon);
  }
}
void BM_sentiment_load_english_lexicon(benchmark::State& state) { load_lexicon(state, "en"); }
void BM_sentiment_load_german_lexicon(benchmark::State& state) { load_lexicon(state, "de"); }
void BM_sentiment_load_japanese_lexicon(benchmark::State& state) { load_lexicon(state, "ja"); }
BENCHMARK(BM_sentiment_load_english_lexicon)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_sentiment_load_german_lexicon)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_sentiment_load_japanese_lexicon)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
