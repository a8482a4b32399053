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

// Bit L of entry c: some number word of L letters starts with 'a' + c.
constexpr std::array<std::uint32_t, 26> kNumberWordLengths = [] {
  std::array<std::uint32_t, 26> lengths{};
  for (const NumberWord& word : kEnglishNumberWords) lengths[word.word[0] - 'a'] |= 1u << word.word.size();
  return lengths;
}();

const NumberWord* find_number_word(std::string_view lowered) {
  // Called at every English word: its first letter and length reject almost all at once.
  if (lowered.empty() || lowered.size() > 16 || lowered[0] < 'a' || lowered[0] > 'z' ||
      !((kNumberWordLengths[lowered[0] - 'a'] >> lowered.size()) & 1u)) {
    return nullptr;
  }
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

// Price context for currency words that are also ordinary words or units ("ten pounds of paper"),
// by primary language subtag; a language without a row uses the English one. Words are separated
// by spaces, phrases by '|'; ASCII letters compare case-insensitively, everything else exactly.
struct PriceContextWords {
  std::string_view language;
  std::string_view price_before;  // words shortly before the number that make it a price
  std::string_view unit_before;   // words shortly before the number that make it a measure
  std::string_view price_after;   // phrases right after the currency word that make it a price
  std::string_view unit_after;    // phrases right after it that make it a measure (checked first)
};
constexpr std::array<PriceContextWords, 10> kPriceContext = {{
    {"en",
     "cost costs costing price prices priced pay pays paid paying charge charges charged budget fee fees "
     "for at worth spend spends spent spending cheap cheaper expensive buy bought sell sold quote quoted "
     "owe owes owed save saves saved earn earned raise raised invest invested discount refund deposit "
     "invoice rent",
     "weigh weighs weighed weighing weight lose lost losing gain gained per every",
     "per|a month|a year|a week|a day|an hour|a night|a head|a seat|a user|each|apiece|monthly|a pop|"
     "up front",
     "of|heavier|lighter|overweight|underweight|per square|per cubic|per inch"},
    {"de",
     "kostet kosten kostete Preis Preise zahlen zahlt zahlte bezahlen bezahlt Budget Gebühr Gebühren "
     "für wert ausgeben ausgegeben billig teuer kaufen gekauft verkauft Angebot Miete",
     "wiegt wiegen wog Gewicht abgenommen zugenommen pro je",
     "pro|je|im Monat|im Jahr|monatlich|jährlich|das Stück", "schwerer|leichter"},
    {"fr",
     "coûte coûtent coûté coute prix payer payé paie paye budget frais pour à vaut dépenser dépensé "
     "tarif facture",
     "pèse pesé poids par", "par|HT|TTC|chacun", "plus lourd|plus léger|de moins"},
    {"es",
     "cuesta cuestan costó precio pagar pagó pagamos pago cobra cobrar presupuesto tarifa por a vale "
     "gastar gastó",
     "pesa peso pesó", "por|al mes|al año|cada", "más pesado|de peso"},
    {"pt", "custa custam custou preço pagar pagou pago cobra cobrar orçamento taxa por a vale gastar gastou",
     "pesa peso pesou", "por|ao mês|ao ano|cada", "mais pesado|de peso"},
    {"it", "costa costano costato prezzo pagare pagato paga budget tariffa per vale spendere speso",
     "pesa peso", "al mese|all'anno|a testa|per|ciascuno", "più pesante|di peso"},
    {"nl", "kost kosten kostte prijs betalen betaalt betaald budget tarief voor waard uitgeven",
     "weegt gewicht per", "per|p.p.", "zwaarder|lichter"},
    {"sv", "kostar kostade pris priset betala betalar betalade budget avgift för värd", "väger vikt per",
     "per|i månaden|om månaden|styck", "tyngre|lättare"},
    {"da", "koster kostede pris prisen betale betaler betalt budget for", "vejer vægt per",
     "per|om måneden|pr.", "tungere|lettere"},
    {"nb", "koster kostet pris prisen betale betaler betalt budsjett for", "veier vekt per",
     "per|i måneden|pr.", "tyngre|lettere"},
}};
constexpr int kContextWordsBefore = 4;           // how far back a price word may stand
constexpr std::size_t kLongestContextWord = 64;  // bytes; a longer word or gap ends the look-back

enum class Context { none, price, unit };

// The row of the call's primary subtag, else the English one.
const PriceContextWords& context_words(const LocaleNumbers& locale) {
  for (const PriceContextWords& row : kPriceContext) {
    if (row.language == locale.primary) return row;
  }
  return kPriceContext[0];
}

// Calls on_item(item) for each item of `list` separated by `separator` until it returns true.
template <class OnItem>
bool any_item(std::string_view list, char separator, OnItem&& on_item) {
  while (!list.empty()) {
    const std::size_t end = list.find(separator);
    if (on_item(list.substr(0, end))) return true;
    if (end == std::string_view::npos) break;
    list.remove_prefix(end + 1);
  }
  return false;
}

bool word_listed(std::string_view words, std::string_view word) {
  return any_item(words, ' ', [&](std::string_view listed) {
    return listed.size() == word.size() && equals_ascii_case_insensitive(listed, word);
  });
}

bool phrase_listed_at(std::string_view phrases, std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(pos);
  return any_item(phrases, '|', [&](std::string_view phrase) {
    return rest.size() >= phrase.size() &&
           equals_ascii_case_insensitive(rest.substr(0, phrase.size()), phrase) &&
           is_boundary(text, pos + phrase.size());
  });
}

// The nearest of: a price word, a measure word or the end of the previous price (`previous_end`, 0
// if none), within kContextWordsBefore words before `start` in the same sentence.
Context context_before(std::string_view text, std::size_t start, const PriceContextWords& words,
                       std::size_t previous_end) {
  std::size_t pos = start;
  for (int count = 0; count < kContextWordsBefore; ++count) {
    const std::size_t gap_end = pos;
    while (pos > 0) {  // back over spaces and punctuation; a sentence end stops the look-back
      if (gap_end - pos > kLongestContextWord) return Context::none;
      const std::size_t previous = previous_start(text, pos);
      std::size_t length = 1;
      const char32_t cp = decode_at(text, previous, length);
      if (is_word_char(cp)) break;
      if (cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) {
        return Context::none;
      }
      pos = previous;
    }
    if (previous_end > 0 && pos <= previous_end) return Context::price;  // "£5 or six pounds"
    if (pos == 0) return Context::none;
    std::size_t word_begin = pos;
    while (word_begin > 0 && pos - word_begin <= kLongestContextWord) {
      const std::size_t previous = previous_start(text, word_begin);
      std::size_t length = 1;
      if (!is_word_char(decode_at(text, previous, length))) break;
      word_begin = previous;
    }
    if (pos - word_begin > kLongestContextWord) return Context::none;
    const std::string_view word = text.substr(word_begin, pos - word_begin);
    if (word_listed(words.price_before, word)) return Context::price;
    if (word_listed(words.unit_before, word)) return Context::unit;
    pos = word_begin;
  }
  return Context::none;
}

// Whether a number starting at `start` with a context-needing currency word ending at
// `currency_end` is a price (docs/signals.md, "Prices").
bool has_price_context(std::string_view text, std::size_t start, std::size_t currency_end,
                       const LocaleNumbers& locale, std::size_t previous_end) {
  const PriceContextWords& words = context_words(locale);
  const std::size_t after = skip_one_space(text, currency_end);
  if (phrase_listed_at(words.unit_after, text, after)) return false;
  switch (context_before(text, start, words, previous_end)) {
    case Context::price: return true;
    case Context::unit: return false;
    case Context::none: break;
  }
  return phrase_listed_at(words.price_after, text, after);
}

// 3 for an entry listing the call's tag, 2 its primary subtag, 1 an entry for every language, 0 an
// entry for other languages only.
int language_score(const std::vector<std::string>& languages, const LocaleNumbers& locale) {
  int score = languages.empty() ? 1 : 0;
  for (const std::string& language : languages) {
    if (equals_ascii_case_insensitive(locale.tag, language)) score = std::max(score, 3);
    if (equals_ascii_case_insensitive(locale.primary, language)) score = std::max(score, 2);
  }
  return score;
}

}  // namespace

LocaleNumbers locale_numbers(std::string_view language) {
  LocaleNumbers numbers;
  numbers.tag = std::string(language);
  numbers.primary = parley::detail::primary_language_subtag(language);
  std::string icu_locale(language);
  std::replace(icu_locale.begin(), icu_locale.end(), '-', '_');
  // Latin digits' separators: "ar-BH" writes "1,250.5" with them (and "١٬٢٥٠٫٥" natively).
  if (icu_locale.find('@') == std::string::npos) icu_locale += "@numbers=latn";
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
    tokens_.push_back({ascii_lowered(token.token), token.code, token.languages,
                       token.needs_price_context || (only_letters && letters > 3),
                       token.needs_price_context});
  }
  std::stable_sort(tokens_.begin(), tokens_.end(),
                   [](const Token& a, const Token& b) { return a.text < b.text; });
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    if (i == 0 || tokens_[i].text != tokens_[i - 1].text) by_length_.push_back(i);
  }
  std::stable_sort(by_length_.begin(), by_length_.end(), [this](std::size_t a, std::size_t b) {
    return tokens_[a].text.size() > tokens_[b].text.size();
  });
  for (std::size_t first : by_length_) {
    const std::string& text = tokens_[first].text;  // not empty, lower-cased
    tokens_by_first_byte_[static_cast<unsigned char>(text.front())].push_back(
        static_cast<std::uint32_t>(first));
    tokens_by_last_byte_[static_cast<unsigned char>(text.back())].push_back(
        static_cast<std::uint32_t>(first));
  }

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
    multipliers_.push_back({ascii_lowered(multiplier.token), multiplier.power_of_ten, multiplier.languages});
  }
  // Longest first; the entries of one token together, in source order (the first of equal scores
  // wins in multiplier_after).
  std::vector<std::size_t> order(multipliers_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
    const std::string& x = multipliers_[a].token;
    const std::string& y = multipliers_[b].token;
    if (x.size() != y.size()) return x.size() > y.size();
    if (x != y) return x < y;
    return a < b;
  });
  std::vector<Multiplier> sorted;
  sorted.reserve(order.size());
  for (std::size_t i : order) sorted.push_back(std::move(multipliers_[i]));
  multipliers_ = std::move(sorted);
  for (std::size_t i = 0; i < multipliers_.size(); ++i) {
    if (i > 0 && multipliers_[i].token == multipliers_[i - 1].token) continue;
    multipliers_by_first_byte_[static_cast<unsigned char>(multipliers_[i].token.front())].push_back(
        static_cast<std::uint32_t>(i));
  }
}

int PriceScanner::fraction_digits(const std::string& code) const {
  for (const auto& [three, digits] : three_digit_fractions_) {
    if (three == code) return digits;
  }
  return 2;
}

const PriceScanner::Token* PriceScanner::resolve(std::size_t first_token, const LocaleNumbers& locale) const {
  const Token* best = nullptr;
  int best_score = -1;
  for (std::size_t i = first_token; i < tokens_.size() && tokens_[i].text == tokens_[first_token].text; ++i) {
    const int score = language_score(tokens_[i].languages, locale);
    if (score > 0 && score > best_score) {
      best_score = score;
      best = &tokens_[i];
    }
  }
  return best;
}

bool PriceScanner::currency_after(std::string_view text, std::size_t pos, const LocaleNumbers& locale,
                                  Currency& found) const {
  pos = skip_one_space(text, pos);
  const std::string_view rest = text.substr(pos);
  if (rest.empty()) return false;
  for (std::size_t first : tokens_by_first_byte_[static_cast<unsigned char>(ascii_lower(rest.front()))]) {
    const std::string& token = tokens_[first].text;
    if (rest.size() < token.size() || !equals_ascii_case_insensitive(rest.substr(0, token.size()), token))
      continue;
    if (!is_boundary(text, pos + token.size())) continue;
    const Token* resolved = resolve(first, locale);
    if (!resolved) continue;  // a word that is a currency only in other languages
    found = {resolved->code, pos, pos + token.size(), resolved->needs_context};
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
  if (head.empty()) return false;
  for (std::size_t first : tokens_by_last_byte_[static_cast<unsigned char>(ascii_lower(head.back()))]) {
    const std::string& token = tokens_[first].text;
    if (tokens_[first].word_only_after) continue;
    if (head.size() < token.size() ||
        !equals_ascii_case_insensitive(head.substr(head.size() - token.size()), token))
      continue;
    if (!is_boundary(text, pos - token.size())) continue;
    const Token* resolved = resolve(first, locale);
    if (!resolved || resolved->word_only_after) continue;
    found = {resolved->code, pos - token.size(), pos, false};
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

std::size_t PriceScanner::multiplier_after(std::string_view text, std::size_t pos,
                                           const LocaleNumbers& locale, int& power) const {
  power = 0;
  for (int chained = 0; chained < 2; ++chained) {
    const std::size_t at = skip_one_space(text, pos);
    const std::string_view rest = text.substr(at);
    if (rest.empty()) break;
    const Multiplier* found = nullptr;
    for (std::uint32_t first :
         multipliers_by_first_byte_[static_cast<unsigned char>(ascii_lower(rest.front()))]) {
      const std::string& token = multipliers_[first].token;
      if (rest.size() < token.size() || !equals_ascii_case_insensitive(rest.substr(0, token.size()), token) ||
          !is_boundary(text, at + token.size())) {
        continue;
      }
      // The entry for the call's language; none: not a multiplier in this language ("5 mil" in English).
      int best_score = 0;
      for (std::size_t j = first; j < multipliers_.size() && multipliers_[j].token == token; ++j) {
        const int score = language_score(multipliers_[j].languages, locale);
        if (score > best_score) {
          best_score = score;
          found = &multipliers_[j];
        }
      }
      if (found) break;
    }
    if (!found) break;
    power += found->power_of_ten;
    pos = at + found->token.size();
  }
  return pos;
}

bool PriceScanner::scan_number(std::string_view text, std::size_t start, const LocaleNumbers& locale,
                               std::size_t previous_end, FoundPrice& price, std::size_t& resume) const {
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
  std::size_t after = multiplier_after(text, number_end, locale, power);
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
  if (has_after && !has_before && after_currency.needs_context &&
      !has_price_context(text, start, after_currency.end, locale, previous_end)) {
    has_after = false;  // "ten pounds of paper", "5 pounds heavier"
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
      bool is_decimal = true;
      // Two kinds ("1.200,50", "1 200.50"): the last is decimal. A lone 0 before it ("0.095"), or
      // other than three digits after it ("49,90", "2.5"): decimal. One separator before exactly
      // three digits: the language's decimal separator is decimal ("$1.395" in English), the
      // other one groups ("1.200 €" in German, "1,200" in English).
      if (separators.size() == 1 && groups[0].digits != "0" && groups.back().digits.size() == 3) {
        if (locale.decimal == '.' || locale.decimal == ',') {
          is_decimal = last == locale.decimal;
        } else {
          // A language deciding neither: groups of three, except for currencies with three minor
          // digits when the separator is not the language's grouping one.
          is_decimal = fraction_digits(code) == 3 && separator_kind(locale.grouping) != last;
        }
      }
      if (is_decimal) decimal = static_cast<std::ptrdiff_t>(separators.size()) - 1;
    }
  }
  // The grouping separators: one kind, groups of three after a first group of one to three digits
  // that does not start with 0 ("0.200.000" is no amount).
  const std::size_t grouped = decimal >= 0 ? separators.size() - 1 : separators.size();
  if (grouped > 0) {
    if (groups[0].digits.size() > 3 || groups[0].digits.empty() || groups[0].digits[0] == '0') return false;
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
                               std::size_t previous_end, FoundPrice& price, std::size_t& resume) const {
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
  // After the whole number: "point" and digits ("two point three", "point five"), the money idiom
  // of a whole number and its cents ("twelve fifty" = 12.50), or "and a half".
  std::string fraction;
  enum class Part : std::uint8_t { whole, point, cents, done } part = Part::whole;
  const auto next_word = [&](std::size_t at) {
    next.clear();
    if (at < text.size() && text[at] == ' ') read_ascii_word(text, at + 1, next);
    return find_number_word(next);
  };
  for (int words = 0; words < 24; ++words) {
    const NumberWord* number = find_number_word(word);
    if (part == Part::done) break;
    if (!number && any && end < text.size() && text[end] == ' ') {
      // A stutter inside the number ("two point t three"): a fragment that starts the next word.
      const std::size_t next_end = read_ascii_word(text, end + 1, next);
      if (is_stutter_of(word, next) && find_number_word(next)) {
        pos = end + 1;
        end = next_end;
        word = next;
        continue;
      }
    }
    if (word == "point" && part == Part::whole) {
      const NumberWord* digit = next_word(end);
      if (!digit && !next.empty()) {  // "point t three": past a stutter
        std::string following;
        const std::size_t at = end + 1 + next.size();
        if (at < text.size() && text[at] == ' ') read_ascii_word(text, at + 1, following);
        if (is_stutter_of(next, following)) digit = find_number_word(following);
      }
      if (!digit || digit->kind != NumberWord::unit || digit->value > 9) break;
      part = Part::point;
    } else if (part == Part::point) {
      if (!number || number->kind != NumberWord::unit || number->value > 9 || fraction.size() >= 6) break;
      fraction.push_back(static_cast<char>('0' + number->value));
      any = true;
      number_end = end;
    } else if (part == Part::cents) {
      // "twelve forty five": a unit after the tens of the cents.
      if (!number || number->kind != NumberWord::unit || number->value > 9 || fraction.size() != 2 ||
          fraction[1] != '0') {
        break;
      }
      fraction[1] = static_cast<char>('0' + number->value);
      number_end = end;
      part = Part::done;
    } else if (!number && any && word == "and" && part == Part::whole) {
      if (end >= text.size() || text[end] != ' ') break;
      read_ascii_word(text, end + 1, next);
      if (next == "a") {  // "twelve and a half"
        const std::size_t a_end = end + 1 + next.size();
        if (a_end < text.size() && text[a_end] == ' ') {
          std::string half;
          const std::size_t half_end = read_ascii_word(text, a_end + 1, half);
          if (half == "half") {
            fraction = "5";
            number_end = half_end;
            part = Part::done;
            break;
          }
        }
        break;
      }
      if (!find_number_word(next)) break;
    } else if (!number && !any && (word == "a" || word == "an")) {
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
          } else if (any && current == number->value && total == 0) {
            number_end = end;  // "ten ten quid": said twice
          } else if (any && current % 100 != 0) {
            // "twelve fifteen euros": the cents; "five six": a list, not one number.
            if (total != 0 || current >= 100 || number->value < 10) return false;
            fraction = std::to_string(number->value);
            part = Part::done;
            number_end = end;
          } else {
            current += number->value;
          }
          break;
        case NumberWord::tens:
          if (any && current == number->value && total == 0) {
            number_end = end;  // "twenty twenty euros": said twice
            break;
          }
          if (any && current % 100 != 0) {
            if (total != 0 || current >= 100) return false;
            fraction = std::to_string(number->value);  // "twelve fifty": 12.50
            part = Part::cents;
            number_end = end;
            break;
          }
          current += number->value;
          break;
        case NumberWord::hundred: current = (current == 0 ? 1 : current) * 100; break;
        case NumberWord::scale:
          total += (current == 0 ? 1 : current) * number->value;
          current = 0;
          break;
      }
      if (part == Part::whole) {
        last_was_tens = number->kind == NumberWord::tens;
        any = true;
        number_end = end;
      }
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
  if (currency.needs_context && !has_price_context(text, start, currency.end, locale, previous_end)) {
    return false;  // "ten pounds of paper"
  }
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  price.amount = std::to_string(total + current);
  if (!fraction.empty()) price.amount += "." + fraction;
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
  std::size_t previous_end = 0;  // the end of the last price found in `text`
  FoundPrice price;
  while (pos < text.size()) {
    std::size_t length = 1;
    const char32_t cp = decode_at(text, pos, length);
    std::size_t resume = pos + length;
    bool found = false;
    if (digit_value(cp) >= 0) {
      found = scan_number(text, pos, locale, previous_end, price, resume);
    } else if (english && cp < 0x80 && is_letter(cp) && is_boundary(text, pos)) {
      found = scan_spoken(text, pos, locale, previous_end, price, resume);
    }
    if (found) {
      out.push_back(price);
      previous_end = price.end;
    }
    pos = std::max(resume, pos + length);
  }
}

}  // namespace parley::signals_detail
