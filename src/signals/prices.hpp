#pragma once
// Price mention scanning (private): numbers with grouping and decimal separators in the conventions
// of many locales, multipliers ("5k", "3 Millionen", "5万"), currency symbols, words and ISO codes
// before or after the number, and English spoken amounts ("twelve hundred dollars").
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parley/signals.hpp"

namespace parley::signals_detail {

// The number conventions of a call's language for Latin digits, from ICU's decimal format symbols
// of the locale with numbers=latn ("ar-BH": '.' and ','; Arabic-Indic '٫' and '٬' are always
// recognised). A '.' or ',' decimal decides which of the two a lone separator is.
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
    bool needs_context = false;    // also an ordinary word or unit ("pounds"): only with a price context
  };
  struct Multiplier {
    std::string token;
    int power_of_ten = 0;
    std::vector<std::string> languages;
  };
  struct Currency {
    std::string code;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool needs_context = false;
  };
  bool currency_after(std::string_view text, std::size_t pos, const LocaleNumbers& locale,
                      Currency& found) const;
  bool currency_before(std::string_view text, std::size_t pos, const LocaleNumbers& locale,
                       Currency& found) const;
  const Token* resolve(std::size_t first_token, const LocaleNumbers& locale) const;
  std::size_t multiplier_after(std::string_view text, std::size_t pos, const LocaleNumbers& locale,
                               int& power) const;
  // `previous_end`: the end of the last price found in `text`, 0 if none (a price context).
  bool scan_number(std::string_view text, std::size_t start, const LocaleNumbers& locale,
                   std::size_t previous_end, FoundPrice& price, std::size_t& resume) const;
  bool scan_spoken(std::string_view text, std::size_t start, const LocaleNumbers& locale,
                   std::size_t previous_end, FoundPrice& price, std::size_t& resume) const;
  int fraction_digits(const std::string& code) const;

  std::vector<Token> tokens_;           // sorted by lower-cased text, then position in the source list
  std::vector<std::size_t> by_length_;  // indexes of the first token of each text, longest first
  // by_length_'s entries by the first and by the last byte of their text (ASCII lower-cased), so a
  // number only tries the tokens that can stand after or before it.
  std::array<std::vector<std::uint32_t>, 256> tokens_by_first_byte_;
  std::array<std::vector<std::uint32_t>, 256> tokens_by_last_byte_;
  std::vector<std::string> iso_codes_;  // sorted; bare codes recognised ("EUR 300")
  std::vector<std::pair<std::string, int>> three_digit_fractions_;  // codes with 3 minor digits
  std::vector<Multiplier> multipliers_;  // longest first; entries of one token together, in source order
  std::array<std::vector<std::uint32_t>, 256> multipliers_by_first_byte_;  // first entry of each token
};

}  // namespace parley::signals_detail
