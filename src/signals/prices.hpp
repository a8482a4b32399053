#pragma once
// Price mention scanning (private): numbers with grouping and decimal separators in the conventions
// of many locales, multipliers ("5k", "3 Millionen", "5万"), currency symbols, words and ISO codes
// before or after the number, and English spoken amounts ("twelve hundred dollars").
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/signals.hpp"

namespace parley::signals_detail {

// The number conventions of a call's language, from ICU's decimal format symbols.
struct LocaleNumbers {
  std::string tag;      // "de-DE"
  std::string primary;  // "de"
  char32_t decimal = '.';
  char32_t grouping = ',';
};
LocaleNumbers locale_numbers(std::string_view language);

struct FoundPrice {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string amount;
  double value = 0.0;
  std::string currency;
};

// Compiled currency tokens, ISO codes and multipliers. Immutable; thread-safe to share.
class PriceScanner {
 public:
  // Throws Error(invalid_argument) for an empty token or a code ICU does not know.
  PriceScanner(const std::vector<CurrencyToken>& currencies,
               const std::vector<AmountMultiplier>& multipliers);
  // Appends the prices of `text` (valid UTF-8) to `out`.
  void scan(std::string_view text, const LocaleNumbers& locale, std::vector<FoundPrice>& out) const;

 private:
  struct Token {
    std::string text;
    std::string code;
    std::vector<std::string> languages;
    bool word_only_after = false;  // currency words ("dollars", "Euro") follow the number
  };
  struct Currency {
    std::string code;
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  bool currency_after(std::string_view text, std::size_t pos, const LocaleNumbers& locale,
                      Currency& found) const;
  bool currency_before(std::string_view text, std::size_t pos, const LocaleNumbers& locale,
                       Currency& found) const;
  const std::string* resolve(std::size_t first_token, const LocaleNumbers& locale) const;
  std::size_t multiplier_after(std::string_view text, std::size_t pos, int& power) const;
  bool scan_number(std::string_view text, std::size_t start, const LocaleNumbers& locale, FoundPrice& price,
                   std::size_t& resume) const;
  bool scan_spoken(std::string_view text, std::size_t start, const LocaleNumbers& locale, FoundPrice& price,
                   std::size_t& resume) const;
  int fraction_digits(const std::string& code) const;

  std::vector<Token> tokens_;           // sorted by lower-cased text, then position in the source list
  std::vector<std::size_t> by_length_;  // indexes of the first token of each text, longest first
  std::vector<std::string> iso_codes_;  // sorted; bare codes recognised ("EUR 300")
  std::vector<std::pair<std::string, int>> three_digit_fractions_;  // codes with 3 minor digits
  std::vector<AmountMultiplier> multipliers_;                       // longest first
};

}  // namespace parley::signals_detail
