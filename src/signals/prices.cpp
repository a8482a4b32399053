#include "signals/prices.hpp"

#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/unum.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <memory>

#include "model/ascii.hpp"
#include "parley/error.hpp"
#include "parley/text.hpp"
#include "signals/scan.hpp"

namespace parley::signals_detail {
namespace {

using parley::detail::ascii_lower;
using parley::detail::ascii_lowered;
using parley::detail::equals_ascii_case_insensitive;

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

struct UEnumerationCloser {
  void operator()(UEnumeration* e) const { uenum_close(e); }
};
struct UNumberFormatCloser {
  void operator()(UNumberFormat* f) const { unum_close(f); }
};

// ICU's current ISO 4217 codes (not deprecated), sorted.
std::vector<std::string> icu_currency_codes() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UEnumeration, UEnumerationCloser> codes(
      ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status));
  std::vector<std::string> out;
  if (U_FAILURE(status) || !codes) return out;
  int32_t length = 0;
  while (const char* code = uenum_next(codes.get(), &length, &status)) {
    if (U_FAILURE(status)) break;
    out.emplace_back(code, static_cast<std::size_t>(length));
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool icu_knows_currency(const std::string& code) {
  UErrorCode status = U_ZERO_ERROR;
  std::array<UChar, 4> wide{};
  for (std::size_t i = 0; i < 3; ++i) wide[i] = static_cast<UChar>(code[i]);
  UBool is_choice = false;
  int32_t length = 0;
  const UChar* name = ucurr_getName(wide.data(), "en", UCURR_LONG_NAME, &is_choice, &length, &status);
  // ICU returns the code itself (and U_USING_DEFAULT_WARNING) for codes it does not know.
  return U_SUCCESS(status) && name && status != U_USING_DEFAULT_WARNING;
}

int icu_fraction_digits(const std::string& code) {
  UErrorCode status = U_ZERO_ERROR;
  std::array<UChar, 4> wide{};
  for (std::size_t i = 0; i < 3 && i < code.size(); ++i) wide[i] = static_cast<UChar>(code[i]);
  const int32_t digits = ucurr_getDefaultFractionDigits(wide.data(), &status);
  return U_SUCCESS(status) ? digits : 2;
}

// Codes that are also common English words, never taken as a bare code in all-capital text.
constexpr std::array<std::string_view, 10> kAmbiguousCodes = {"ALL", "BOB", "CUP", "GEL", "MAD",
                                                              "MOP", "PEN", "SOS", "TOP", "TRY"};

bool is_grouping_space(char32_t cp) {
  return cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007;
}
bool is_number_separator(char32_t cp) {
  return cp == '.' || cp == ',' || cp == '\'' || cp == 0x2019 || cp == 0x066B || cp == 0x066C ||
         is_grouping_space(cp);
}
// Separators of one kind group together ("1 200" with a space or a no-break space).
char32_t separator_kind(char32_t cp) {
  if (is_grouping_space(cp)) return ' ';
  if (cp == 0x2019) return '\'';
  return cp;
}

// Skips one white-space code point at `pos`, if any.
std::size_t skip_one_space(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return pos;
  std::size_t length = 1;
  return is_space(decode_at(text, pos, length)) ? pos + length : pos;
}

// Builds the exact decimal text of digits `integer`.`fraction` times 10^power.
std::string exact_amount(const std::string& integer, const std::string& fraction, int power) {
  std::string digits = integer + fraction;
  std::size_t point = integer.size() + static_cast<std::size_t>(power);
  if (point > digits.size()) digits.append(point - digits.size(), '0');
  std::string whole = digits.substr(0, point);
  std::string part = digits.substr(point);
  const std::size_t first = whole.find_first_not_of('0');
  whole = first == std::string::npos ? "0" : whole.substr(first);
  while (!part.empty() && part.back() == '0') part.pop_back();
  return part.empty() ? whole : whole + "." + part;
}

double to_double(const std::string& amount) {
  double value = 0.0;
  std::from_chars(amount.data(), amount.data() + amount.size(), value);
  return value;
}

struct NumberWord {
  std::string_view word;
  std::uint64_t value;
  enum Kind { unit, tens, hundred, scale } kind;
};
constexpr std::array<NumberWord, 32> kEnglishNumberWords = {{
    {"zero", 0, NumberWord::unit},
    {"one", 1, NumberWord::unit},
    {"two", 2, NumberWord::unit},
    {"three", 3, NumberWord::unit},
    {"four", 4, NumberWord::unit},
    {"five", 5, NumberWord::unit},
    {"six", 6, NumberWord::unit},
    {"seven", 7, NumberWord::unit},
    {"eight", 8, NumberWord::unit},
    {"nine", 9, NumberWord::unit},
    {"ten", 10, NumberWord::unit},
    {"eleven", 11, NumberWord::unit},
    {"twelve", 12, NumberWord::unit},
    {"thirteen", 13, NumberWord::unit},
    {"fourteen", 14, NumberWord::unit},
    {"fifteen", 15, NumberWord::unit},
    {"sixteen", 16, NumberWord::unit},
    {"seventeen", 17, NumberWord::unit},
    {"eighteen", 18, NumberWord::unit},
    {"nineteen", 19, NumberWord::unit},
    {"twenty", 20, NumberWord::tens},
    {"thirty", 30, NumberWord::tens},
    {"forty", 40, NumberWord::tens},
    {"fifty", 50, NumberWord::tens},
    {"sixty", 60, NumberWord::tens},
    {"seventy", 70, NumberWord::tens},
    {"eighty", 80, NumberWord::tens},
    {"ninety", 90, NumberWord::tens},
    {"hundred", 100, NumberWord::hundred},
    {"thousand", 1'000, NumberWord::scale},
    {"million", 1'000'000, NumberWord::scale},
    {"billion", 1'000'000'000, NumberWord::scale},
}};

const NumberWord* find_number_word(std::string_view lowered) {
  for (const auto& word : kEnglishNumberWords) {
    if (word.word == lowered) return &word;
  }
  return nullptr;
}

// The ASCII-letter word at `pos`, lower-cased into `out` (up to 16 letters); returns its end.
std::size_t read_ascii_word(std::string_view text, std::size_t pos, std::string& out) {
  out.clear();
  std::size_t end = pos;
  while (end < text.size() && ((text[end] | 0x20) >= 'a' && (text[end] | 0x20) <= 'z')) {
    if (out.size() < 16) out.push_back(ascii_lower(text[end]));
    ++end;
  }
  if (end - pos > 16) out.clear();
  return end;
}

}  // namespace

LocaleNumbers locale_numbers(std::string_view language) {
  LocaleNumbers numbers;
  numbers.tag = std::string(language);
  numbers.primary = parley::detail::primary_language_subtag(language);
  std::string icu_locale(language);
  std::replace(icu_locale.begin(), icu_locale.end(), '-', '_');
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UNumberFormat, UNumberFormatCloser> format(
      unum_open(UNUM_DECIMAL, nullptr, 0, icu_locale.c_str(), nullptr, &status));
  if (U_FAILURE(status) || !format) return numbers;
  const auto symbol = [&](UNumberFormatSymbol which, char32_t fallback) -> char32_t {
    std::array<UChar, 8> buffer{};
    UErrorCode symbol_status = U_ZERO_ERROR;
    const int32_t length = unum_getSymbol(format.get(), which, buffer.data(), 8, &symbol_status);
    if (U_FAILURE(symbol_status) || length < 1) return fallback;
    if (U16_IS_LEAD(buffer[0])) return fallback;  // never a separator outside the BMP
    return buffer[0];
  };
  numbers.decimal = symbol(UNUM_DECIMAL_SEPARATOR_SYMBOL, '.');
  numbers.grouping = symbol(UNUM_GROUPING_SEPARATOR_SYMBOL, ',');
  return numbers;
}

PriceScanner::PriceScanner(const std::vector<CurrencyToken>& currencies,
                           const std::vector<AmountMultiplier>& multipliers) {
  for (std::size_t i = 0; i < currencies.size(); ++i) {
    const CurrencyToken& token = currencies[i];
    const std::string where = "currency token " + std::to_string(i + 1) + " ('" + token.token + "')";
    if (token.token.empty()) throw Error(ErrorCode::invalid_argument, where + ": empty token");
    if (!is_valid_utf8(token.token)) throw Error(ErrorCode::invalid_argument, where + ": invalid UTF-8");
    if (token.code.size() != 3 || !std::all_of(token.code.begin(), token.code.end(), is_upper_ascii) ||
        !icu_knows_currency(token.code)) {
      throw Error(ErrorCode::invalid_argument, where + ": unknown ISO 4217 code '" + token.code + "'");
    }
    std::size_t letters = 0;
    bool only_letters = true;
    for (std::size_t at = 0; at < token.token.size();) {
      std::size_t length = 1;
      only_letters = only_letters && is_letter(decode_at(token.token, at, length));
      ++letters;
      at += length;
    }
    tokens_.push_back({ascii_lowered(token.token), token.code, token.languages, only_letters && letters > 3});
  }
  std::stable_sort(tokens_.begin(), tokens_.end(),
                   [](const Token& a, const Token& b) { return a.text < b.text; });
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (i == 0 || tokens_[i].text != tokens_[i - 1].text) by_length_.push_back(i);
  }
  std::stable_sort(by_length_.begin(), by_length_.end(), [this](std::size_t a, std::size_t b) {
    return tokens_[a].text.size() > tokens_[b].text.size();
  });

  for (std::string& code : icu_currency_codes()) {
    if (std::find(kAmbiguousCodes.begin(), kAmbiguousCodes.end(), code) != kAmbiguousCodes.end()) continue;
    if (icu_fraction_digits(code) == 3) three_digit_fractions_.emplace_back(code, 3);
    iso_codes_.push_back(std::move(code));
  }
  for (std::size_t i = 0; i < multipliers.size(); ++i) {
    const AmountMultiplier& multiplier = multipliers[i];
    const std::string where = "multiplier " + std::to_string(i + 1) + " ('" + multiplier.token + "')";
    if (multiplier.token.empty() || !is_valid_utf8(multiplier.token)) {
      throw Error(ErrorCode::invalid_argument, where + ": empty token or invalid UTF-8");
    }
    if (multiplier.power_of_ten < 1 || multiplier.power_of_ten > 12) {
      throw Error(ErrorCode::invalid_argument, where + ": power of ten must be from 1 to 12");
    }
    multipliers_.push_back({ascii_lowered(multiplier.token), multiplier.power_of_ten});
  }
  std::stable_sort(multipliers_.begin(), multipliers_.end(),
                   [](const auto& a, const auto& b) { return a.token.size() > b.token.size(); });
}

int PriceScanner::fraction_digits(const std::string& code) const {
  for (const auto& [three, digits] : three_digit_fractions_) {
    if (three == code) return digits;
  }
  return 2;
}

const std::string* PriceScanner::resolve(std::size_t first_token, const LocaleNumbers& locale) const {
  const std::string* best = nullptr;
  int best_score = -1;
  for (std::size_t i = first_token; i < tokens_.size() && tokens_[i].text == tokens_[first_token].text; ++i) {
    int score = tokens_[i].languages.empty() ? 1 : 0;
    for (const std::string& language : tokens_[i].languages) {
      if (equals_ascii_case_insensitive(locale.tag, language)) score = std::max(score, 3);
      if (equals_ascii_case_insensitive(locale.primary, language)) score = std::max(score, 2);
    }
    if (score > 0 && score > best_score) {
      best_score = score;
      best = &tokens_[i].code;
    }
  }
  return best;
}

bool PriceScanner::currency_after(std::string_view text, std::size_t pos, const LocaleNumbers& locale,
                                  Currency& found) const {
  pos = skip_one_space(text, pos);
  const std::string_view rest = text.substr(pos);
  for (std::size_t first : by_length_) {
    const std::string& token = tokens_[first].text;
    if (rest.size() < token.size() || !equals_ascii_case_insensitive(rest.substr(0, token.size()), token))
      continue;
    if (!is_boundary(text, pos + token.size())) continue;
    const std::string* code = resolve(first, locale);
    if (!code) continue;  // a word that is a currency only in other languages
    found = {*code, pos, pos + token.size()};
    return true;
  }
  if (rest.size() >= 3 && is_upper_ascii(rest[0]) && is_upper_ascii(rest[1]) && is_upper_ascii(rest[2]) &&
      is_boundary(text, pos + 3)) {
    const std::string code(rest.substr(0, 3));
    if (std::binary_search(iso_codes_.begin(), iso_codes_.end(), code)) {
      found = {code, pos, pos + 3};
      return true;
    }
  }
  return false;
}

bool PriceScanner::currency_before(std::string_view text, std::size_t pos, const LocaleNumbers& locale,
                                   Currency& found) const {
  if (pos > 0) {
    const std::size_t previous = previous_start(text, pos);
    std::size_t length = 1;
    if (is_space(decode_at(text, previous, length))) pos = previous;
  }
  const std::string_view head = text.substr(0, pos);
  for (std::size_t first : by_length_) {
    const std::string& token = tokens_[first].text;
    if (tokens_[first].word_only_after) continue;
    if (head.size() < token.size() ||
        !equals_ascii_case_insensitive(head.substr(head.size() - token.size()), token))
      continue;
    if (!is_boundary(text, pos - token.size())) continue;
    const std::string* code = resolve(first, locale);
    if (!code) continue;
    found = {*code, pos - token.size(), pos};
    return true;
  }
  if (head.size() >= 3 && is_upper_ascii(head[head.size() - 1]) && is_upper_ascii(head[head.size() - 2]) &&
      is_upper_ascii(head[head.size() - 3]) && is_boundary(text, pos - 3)) {
    const std::string code(head.substr(head.size() - 3));
    if (std::binary_search(iso_codes_.begin(), iso_codes_.end(), code)) {
      found = {code, pos - 3, pos};
      return true;
    }
  }
  return false;
}

std::size_t PriceScanner::multiplier_after(std::string_view text, std::size_t pos, int& power) const {
  power = 0;
  for (int chained = 0; chained < 2; ++chained) {
    const std::size_t at = skip_one_space(text, pos);
    const std::string_view rest = text.substr(at);
    bool matched = false;
    for (const auto& multiplier : multipliers_) {
      if (rest.size() < multiplier.token.size() ||
          !equals_ascii_case_insensitive(rest.substr(0, multiplier.token.size()), multiplier.token)) {
        continue;
      }
      if (!is_boundary(text, at + multiplier.token.size())) continue;
      power += multiplier.power_of_ten;
      pos = at + multiplier.token.size();
      matched = true;
      break;
    }
    if (!matched) break;
  }
  return pos;
}

bool PriceScanner::scan_number(std::string_view text, std::size_t start, const LocaleNumbers& locale,
                               FoundPrice& price, std::size_t& resume) const {
  // Digit groups and the separators between them.
  struct Group {
    std::string digits;
  };
  std::vector<Group> groups(1);
  std::vector<char32_t> separators;
  std::size_t pos = start;
  std::size_t total_digits = 0;
  const auto read_digits = [&](std::size_t at, std::string& digits) {
    while (at < text.size()) {
      std::size_t length = 1;
      const int value = digit_value(decode_at(text, at, length));
      if (value < 0) break;
      if (digits.size() < 64) digits.push_back(static_cast<char>('0' + value));
      ++total_digits;
      at += length;
    }
    return at;
  };
  pos = read_digits(pos, groups[0].digits);
  while (pos < text.size()) {
    std::size_t length = 1;
    const char32_t separator = decode_at(text, pos, length);
    if (!is_number_separator(separator)) break;
    std::size_t digit_length = 1;
    if (pos + length >= text.size() || digit_value(decode_at(text, pos + length, digit_length)) < 0) break;
    std::string digits;
    const std::size_t end = read_digits(pos + length, digits);
    if (is_grouping_space(separator) && digits.size() != 3) break;  // "in 2024 3 people": not one number
    separators.push_back(separator_kind(separator));
    groups.push_back({std::move(digits)});
    pos = end;
  }
  resume = pos;
  if (total_digits > 30 || groups.size() > 12) return false;  // not a money amount a person says

  const std::size_t number_end = pos;
  int power = 0;
  std::size_t after = multiplier_after(text, number_end, power);
  Currency before_currency;
  Currency after_currency;
  const bool has_before = currency_before(text, start, locale, before_currency);
  bool has_after = currency_after(text, after, locale, after_currency);
  if (!has_after && power > 0) {
    // "3 millions d'euros", "2 milioni di euro", "3 millones de dólares".
    std::size_t at = skip_one_space(text, after);
    for (std::string_view connector : {"de ", "d'", "d\xE2\x80\x99", "di ", "of "}) {
      if (text.size() - at >= connector.size() &&
          equals_ascii_case_insensitive(text.substr(at, connector.size()), connector)) {
        has_after = currency_after(text, at + connector.size(), locale, after_currency);
        break;
      }
    }
  }
  if (!has_before && !has_after) return false;
  if (!has_before) {
    // Digits glued to a word before them ("A4", "Q3") are not an amount.
    if (start > 0) {
      std::size_t length = 1;
      if (is_word_char(decode_at(text, previous_start(text, start), length)) &&
          !is_unspaced_script_char(decode_at(text, previous_start(text, start), length))) {
        return false;
      }
    }
  }
  const std::string code = has_before ? before_currency.code : after_currency.code;

  // Which separator, if any, is the decimal one.
  std::ptrdiff_t decimal = -1;
  if (!separators.empty()) {
    const char32_t last = separators.back();
    const auto count_of = [&](char32_t kind) {
      return std::count(separators.begin(), separators.end(), kind);
    };
    if (last == 0x066B) {
      decimal = static_cast<std::ptrdiff_t>(separators.size()) - 1;
    } else if ((last == '.' || last == ',') && count_of(last) == 1) {
      const bool mixed = separators.size() > 1;
      const std::size_t last_digits = groups.back().digits.size();
      if (mixed || last_digits != 3 ||
          (fraction_digits(code) == 3 && separator_kind(locale.grouping) != last)) {
        decimal = static_cast<std::ptrdiff_t>(separators.size()) - 1;
      }
    }
  }
  // The grouping separators: one kind, groups of three after a first group of one to three digits.
  const std::size_t grouped = decimal >= 0 ? separators.size() - 1 : separators.size();
  if (grouped > 0) {
    if (groups[0].digits.size() > 3 || groups[0].digits.empty()) return false;
    for (std::size_t i = 0; i < grouped; ++i) {
      if (separators[i] != separators[0] || separators[i] == 0x066B) return false;
      if (groups[i + 1].digits.size() != 3) return false;
    }
  }
  std::string integer;
  for (std::size_t i = 0; i <= grouped; ++i) integer += groups[i].digits;
  const std::string fraction = decimal >= 0 ? groups.back().digits : std::string();

  price.amount = exact_amount(integer, fraction, power);
  price.value = to_double(price.amount);
  price.currency = code;
  price.begin = has_before ? before_currency.begin : start;
  if (has_after && (!has_before || after_currency.code == before_currency.code)) {
    price.end = after_currency.end;  // "$5 USD" is one mention
  } else {
    price.end = has_before ? (power > 0 ? after : number_end) : after_currency.end;
  }
  resume = price.end;
  return true;
}

bool PriceScanner::scan_spoken(std::string_view text, std::size_t start, const LocaleNumbers& locale,
                               FoundPrice& price, std::size_t& resume) const {
  std::string word;
  std::size_t pos = start;
  std::size_t end = read_ascii_word(text, pos, word);
  resume = end;
  std::uint64_t total = 0;
  std::uint64_t current = 0;
  bool any = false;
  bool last_was_tens = false;
  std::size_t number_end = start;
  std::string next;
  for (int words = 0; words < 24; ++words) {
    const NumberWord* number = find_number_word(word);
    if (!number && !any && (word == "a" || word == "an")) {
      // "a hundred", "a thousand": the article stands for one.
      if (end >= text.size() || text[end] != ' ') return false;
      read_ascii_word(text, end + 1, next);
      const NumberWord* following = find_number_word(next);
      if (!following || (following->kind != NumberWord::hundred && following->kind != NumberWord::scale))
        return false;
      current = 1;
    } else if (!number && any && word == "and") {
      if (end >= text.size() || text[end] != ' ') break;
      read_ascii_word(text, end + 1, next);
      if (!find_number_word(next)) break;
    } else if (!number) {
      break;
    } else {
      switch (number->kind) {
        case NumberWord::unit:
          if (last_was_tens && number->value < 10) {
            current += number->value;
          } else if (any && current % 100 != 0) {
            return false;  // "five six": a list, not one number
          } else {
            current += number->value;
          }
          break;
        case NumberWord::tens:
          if (any && current % 100 != 0) return false;
          current += number->value;
          break;
        case NumberWord::hundred: current = (current == 0 ? 1 : current) * 100; break;
        case NumberWord::scale:
          total += (current == 0 ? 1 : current) * number->value;
          current = 0;
          break;
      }
      last_was_tens = number->kind == NumberWord::tens;
      any = true;
      number_end = end;
    }
    if (end >= text.size() || (text[end] != ' ' && text[end] != '-')) break;
    pos = end + 1;
    end = read_ascii_word(text, pos, word);
    if (word.empty()) break;
  }
  if (!any) return false;
  resume = number_end;
  Currency currency;
  if (!currency_after(text, number_end, locale, currency)) return false;
  price.amount = std::to_string(total + current);
  price.value = to_double(price.amount);
  price.currency = currency.code;
  price.begin = start;
  price.end = currency.end;
  resume = currency.end;
  return true;
}

void PriceScanner::scan(std::string_view text, const LocaleNumbers& locale,
                        std::vector<FoundPrice>& out) const {
  const bool english = locale.primary == "en";
  std::size_t pos = 0;
  FoundPrice price;
  while (pos < text.size()) {
    std::size_t length = 1;
    const char32_t cp = decode_at(text, pos, length);
    std::size_t resume = pos + length;
    if (digit_value(cp) >= 0) {
      if (scan_number(text, pos, locale, price, resume)) out.push_back(price);
    } else if (english && cp < 0x80 && is_letter(cp) && is_boundary(text, pos)) {
      if (scan_spoken(text, pos, locale, price, resume)) out.push_back(price);
    }
    pos = std::max(resume, pos + length);
  }
}

}  // namespace parley::signals_detail
