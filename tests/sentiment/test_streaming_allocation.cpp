// The streaming promise of SentimentScorer: once its buffers have grown, scoring ASCII lines
// allocates nothing. Counted by replacing the global operator new in this test program.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <new>
#include <string>
#include <vector>

#include "parley/sentiment.hpp"

namespace {
std::atomic<std::size_t> allocations{0};
}

void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

TEST_CASE("streaming: no allocation per line once the scorer is warm") {
  std::ifstream in(PARLEY_TEST_DATA_DIR "/sentiment/sales_sentences.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    bool ascii = true;
    for (unsigned char c : line) ascii &= c < 0x80;
    if (ascii) lines.push_back(line);
  }
  REQUIRE(lines.size() > 2500);
  parley::SentimentScorer scorer(parley::bundled_sentiment_lexicon("en", PARLEY_SOURCE_DIR "/data"));
  for (const auto& line : lines) scorer.score(line);  // warm: buffers grow to the longest line
  const std::size_t before = allocations.load();
  double sum = 0;
  for (const auto& line : lines) sum += scorer.score(line).score;
  CHECK(allocations.load() - before == 0);
  CHECK(sum != 0.0);
}
