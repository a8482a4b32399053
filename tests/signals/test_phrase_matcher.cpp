// The phrase matcher under every signal list (src/signals/scan.hpp) against a plain reference: the
// longest phrase at each word boundary, left to right, without overlaps. Random texts of words that
// share beginnings ("re", "rep", "report") with phrases, in both cases and with non-ASCII words,
// so the matcher's shortcuts (first-byte table, first-word filter, prefix masks) are all exercised.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "signals/scan.hpp"

namespace {

using parley::signals_detail::is_boundary;
using parley::signals_detail::PhraseMatcher;

struct Found {
  std::size_t begin, end;
  std::uint32_t value;
  bool operator==(const Found&) const = default;
};

// Every phrase compared at every code point start: the longest with boundaries at both ends wins.
std::vector<Found> reference(const std::vector<std::string>& phrases, const std::string& text, bool fold) {
  std::vector<Found> found;
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t best = 0;
    std::uint32_t value = 0;
    if (is_boundary(text, pos)) {
      for (std::uint32_t i = 0; i < phrases.size(); ++i) {
        const std::string& phrase = phrases[i];
        if (phrase.size() <= best || text.size() - pos < phrase.size()) continue;
        bool equal = true;
        for (std::size_t k = 0; k < phrase.size() && equal; ++k)
          equal = (fold ? lower(text[pos + k]) : text[pos + k]) == phrase[k];
        if (equal && is_boundary(text, pos + phrase.size())) {
          best = phrase.size();
          value = i;
        }
      }
    }
    if (best > 0) {
      found.push_back({pos, pos + best, value});
      pos += best;
    } else {
      ++pos;
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
  }
  return found;
}

}  // namespace

TEST_CASE("PhraseMatcher finds what comparing every phrase at every position finds") {
  const std::vector<std::string> phrases = {"re",          "rep",       "report",   "report back", "i'll",
                                            "i",           "we can",    "we",       "2",           "24 hours",
                                            "café",        "élan",      "über uns", "送り",        "x-ray",
                                            "send it over", "let's",    "a",        "ab",          "abc def"};
  const std::vector<std::string> words = {"re",    "rep",   "report", "reports", "Report", "back", "i'll", "I",
                                          "we",    "We",    "can",    "2",       "24",     "hours", "café", "cafés",
                                          "élan",  "über",  "uns",    "送り",    "送る",   "x-ray", "xray", "send",
                                          "it",    "over",  "let's",  "a",       "ab",     "abc",   "def",  "zebra",
                                          ",",     ".",     "?",      "'",       "-"};
  for (const bool fold : {false, true}) {
    PhraseMatcher matcher(fold);
    for (std::uint32_t i = 0; i < phrases.size(); ++i) matcher.add(phrases[i], i);
    matcher.compile();
    std::mt19937 random(fold ? 7 : 11);
    for (int round = 0; round < 2000; ++round) {
      std::string text;
      const std::size_t count = random() % 12;
      for (std::size_t w = 0; w < count; ++w) {
        if (!text.empty() && random() % 4 != 0) text.push_back(' ');
        text += words[random() % words.size()];
      }
      std::vector<Found> found;
      matcher.for_each(text, [&](const PhraseMatcher::Match& match) {
        found.push_back({match.begin, match.end, match.value});
      });
      const std::vector<Found> expected = reference(phrases, text, fold);
      CAPTURE(text);
      CAPTURE(fold);
      REQUIRE(found.size() == expected.size());
      for (std::size_t i = 0; i < found.size(); ++i) CHECK(found[i] == expected[i]);
    }
  }
}
