#pragma once
// The price tests' one check: the prices found in a sentence, in order, with their text as said,
// exact amount and currency, and byte offsets that point at that text.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parley/signals.hpp"

namespace parley_test {

struct ExpectedPrice {
  std::string text;
  std::string amount;
  std::string currency;
};

inline void check_prices(const parley::SignalDetector& detector, const std::string& sentence,
                         const std::string& language, const std::vector<ExpectedPrice>& expected) {
  CAPTURE(sentence);
  CAPTURE(language);
  const auto prices = detector.find_prices(sentence, language);
  REQUIRE(prices.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(prices[i].text == expected[i].text);
    CHECK(prices[i].amount == expected[i].amount);
    CHECK(prices[i].currency == expected[i].currency);
    CHECK(sentence.substr(prices[i].begin, prices[i].end - prices[i].begin) == expected[i].text);
  }
}

}  // namespace parley_test
