// Scores one text per line of standard input with the bundled lexicon and writes "score\tlabel" per
// line: the whole-process peer of `node tests/peers/bench_peers.js --stdout` in
// benchmarks/sentiment_vs_npm.sh. Usage: parley_sentiment_score [LANG] < sentences.txt
#include <cstdio>
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "parley/error.hpp"
#include "parley/sentiment.hpp"

int main(int argc, char** argv) {
  try {
    std::ios::sync_with_stdio(false);
    parley::SentimentScorer scorer(parley::bundled_sentiment_lexicon(argc > 1 ? argv[1] : "en"));
    std::string line, out;
    out.reserve(1 << 16);
    while (std::getline(std::cin, line)) {
      const parley::SegmentSentiment result = scorer.score(line);
      fmt::format_to(std::back_inserter(out), "{:.4f}\t{}\n", result.score,
                     parley::sentiment_label_name(result.label));
      if (out.size() > (1 << 16) - 64) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        out.clear();
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  } catch (const parley::Error& error) {
    std::fprintf(stderr, "parley_sentiment_score: %s\n", error.what());
    return 1;
  }
}
