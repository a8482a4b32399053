// Prices by the conventions of the call's language (issue 18, docs/signals.md "Prices"): which
// separator is the decimal one, multipliers per language, and currency words that are also
// ordinary words or units ("pounds" of weight) only with a price context. Expected amounts are
// worked out by hand in the comments.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/signals.hpp"
#include "signals/price_checks.hpp"

namespace {

// Prices use only the bundled currency and multiplier lists (the per-language lists are left out, so
// these cases depend on nothing else). Compiled once, shared (immutable).
const parley::SignalDetector& detector() {
  static const parley::SignalDetector instance = [] {
    auto patterns = parley::load_signal_patterns();
    patterns.languages.clear();
    return parley::SignalDetector(patterns);
  }();
  return instance;
}

void check_prices(const std::string& sentence, const std::string& language,
                  const std::vector<parley_test::ExpectedPrice>& expected) {
  parley_test::check_prices(detector(), sentence, language, expected);
}

// A file in a temporary folder of its own, removed with the object.
class TemporaryFile {
 public:
  TemporaryFile(const std::string& name, const std::string& content)
      : folder_(std::filesystem::temp_directory_path() / ("parley_price_conventions_" + name)) {
    std::filesystem::create_directories(folder_);
    path_ = (folder_ / name).string();
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::filesystem::path folder_;
  std::string path_;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// 1. Decimal or grouping separator

TEST_CASE("price conventions: a leading lone 0 makes the separator decimal in every language") {
  // 0.095 = 95 thousandths, whatever the language writes as its decimal separator.
  check_prices("We pay $0.095 per click.", "en-US", {{"$0.095", "0.095", "USD"}});
  check_prices("Pro Klick zahlen wir 0.095 €.", "de-DE", {{"0.095 €", "0.095", "EUR"}});
  check_prices("Pro Klick zahlen wir 0,095 €.", "de-DE", {{"0,095 €", "0.095", "EUR"}});
  check_prices("Le clic coûte 0.095 €.", "fr-FR", {{"0.095 €", "0.095", "EUR"}});
  check_prices("Klicket kostar 0,095 kr.", "sv-SE", {{"0,095 kr", "0.095", "SEK"}});
  // In English "0,095" cannot group (a group of thousands never follows a lone 0): decimal too.
  check_prices("It is 0,095 USD a click.", "en-US", {{"0,095 USD", "0.095", "USD"}});
  // Several separators group, and a group of thousands never starts with 0: no amount.
  check_prices("Das sind 0.200.000 € oder so.", "de-DE", {});
}

TEST_CASE("price conventions: languages writing '.' as the decimal separator (en, ja, zh, he)") {
  // A single '.' is decimal even before exactly three digits: 1.395 = 1 + 395/1000.
  check_prices("It's $1.395 per unit.", "en-US", {{"$1.395", "1.395", "USD"}});
  check_prices("That's £1.250 each.", "en-GB", {{"£1.250", "1.25", "GBP"}});
  // A single ',' before exactly three digits groups: 1,200 = 1200.
  check_prices("It's $1,200 per seat.", "en-US", {{"$1,200", "1200", "USD"}});
  // A ',' before other than three digits stays decimal: 1,5 = 1.5.
  check_prices("About $1,5 million.", "en-US", {{"$1,5 million", "1500000", "USD"}});
  // Several '.' group: 1.200.000 = 1200000.
  check_prices("A $1.200.000 contract.", "en-US", {{"$1.200.000", "1200000", "USD"}});
  // Two kinds: the last one is decimal, in either order.
  check_prices("$1,200.50 or $1.200,50", "en-US",
               {{"$1,200.50", "1200.5", "USD"}, {"$1.200,50", "1200.5", "USD"}});
  check_prices("単価は1.500ドル、合計は1,500ドルです。", "ja-JP",
               {{"1.500ドル", "1.5", "USD"}, {"1,500ドル", "1500", "USD"}});
  check_prices("单价是¥1.395，总价¥1,395。", "zh-CN",
               {{"¥1.395", "1.395", "CNY"}, {"¥1,395", "1395", "CNY"}});
  check_prices("המחיר ₪1.200 או ₪1,200", "he-IL", {{"₪1.200", "1.2", "ILS"}, {"₪1,200", "1200", "ILS"}});
  // es-MX writes '.' as its decimal separator (ICU), es-ES ','.
  check_prices("Son $1.395 pesos.", "es-MX", {{"$1.395 pesos", "1.395", "MXN"}});
}

TEST_CASE("price conventions: languages writing ',' as the decimal separator (de, fr, es, pt, sv)") {
  // A single '.' before exactly three digits groups: 1.200 = 1200; a single ',' is decimal.
  check_prices("Das Paket kostet 1.200 € im Jahr, das Upgrade 49,90 €.", "de-DE",
               {{"1.200 €", "1200", "EUR"}, {"49,90 €", "49.9", "EUR"}});
  // ',' before exactly three digits is still decimal: 1,395 = 1.395.
  check_prices("Der Stückpreis ist 1,395 €.", "de-DE", {{"1,395 €", "1.395", "EUR"}});
  // A '.' before other than three digits is decimal: 2.5 Mio. = 2 500 000.
  check_prices("Wir reden über 2.5 Mio. €.", "de-DE", {{"2.5 Mio. €", "2500000", "EUR"}});
  check_prices("Le forfait est à 1.200 €, l'option à 1,200 €.", "fr-FR",
               {{"1.200 €", "1200", "EUR"}, {"1,200 €", "1.2", "EUR"}});
  // Space groups and ',' is decimal: 1 200,50 = 1200.5.
  check_prices("Soit 1 200,50 € au total.", "fr-FR", {{"1 200,50 €", "1200.5", "EUR"}});
  check_prices("Cuesta 1.200 € y el extra 1,250 €.", "es-ES",
               {{"1.200 €", "1200", "EUR"}, {"1,250 €", "1.25", "EUR"}});
  check_prices("Sai por R$ 1.200 ou R$ 49,90 por mês.", "pt-BR",
               {{"R$ 1.200", "1200", "BRL"}, {"R$ 49,90", "49.9", "BRL"}});
  check_prices("Custa 1,395 € por unidade.", "pt-PT", {{"1,395 €", "1.395", "EUR"}});
  check_prices("Licensen kostar 1.200 kr, tillägget 1,200 kr.", "sv-SE",
               {{"1.200 kr", "1200", "SEK"}, {"1,200 kr", "1.2", "SEK"}});
}

TEST_CASE("price conventions: three minor digits (BHD) follow the language too") {
  // ar-BH writes Latin digits with '.' decimal and ',' grouping (ICU, numbers=latn):
  // 1.250 = 1 dinar 250 fils; 1,250 = 1250 dinars.
  check_prices("الاشتراك BHD 1.250 فقط", "ar-BH", {{"BHD 1.250", "1.25", "BHD"}});
  check_prices("الاشتراك BHD 1,250 فقط", "ar-BH", {{"BHD 1,250", "1250", "BHD"}});
  check_prices("السعر 1.250 دينار", "ar-BH", {{"1.250 دينار", "1.25", "BHD"}});
  // Arabic-Indic digits with the Arabic separators: ١٬٢٥٠ = 1250, ١٫٢٥٠ = 1.25.
  check_prices("السعر ١٬٢٥٠ دينار", "ar-BH", {{"١٬٢٥٠ دينار", "1250", "BHD"}});
  check_prices("السعر ١٫٢٥٠ دينار", "ar-BH", {{"١٫٢٥٠ دينار", "1.25", "BHD"}});
  // In German '.' before three digits groups, also for the dinar: 1.250 = 1250; 1,250 = 1.25.
  check_prices("Das kostet BHD 1.250 oder BHD 1,250.", "de-DE",
               {{"BHD 1.250", "1250", "BHD"}, {"BHD 1,250", "1.25", "BHD"}});
  // In English ',' before three digits groups, also for the dinar.
  check_prices("That is BHD 1,250 a year.", "en-US", {{"BHD 1,250", "1250", "BHD"}});
}

// ---------------------------------------------------------------------------------------------
// 2. Multipliers by language

TEST_CASE("price conventions: 'mil' is a thousand in Spanish and Portuguese only") {
  // 3 mil = 3 * 10^3.
  check_prices("El plan cuesta 3 mil euros.", "es-ES", {{"3 mil euros", "3000", "EUR"}});
  check_prices("Fica em R$ 5 mil por mês.", "pt-BR", {{"R$ 5 mil", "5000", "BRL"}});
  check_prices("Foram 50 mil reais.", "pt-BR", {{"50 mil reais", "50000", "BRL"}});
  // English: "mil" is no multiplier; "$5" stays five dollars, "5 mil dollars" has no currency
  // right after the number.
  check_prices("The film is $5 mil thick.", "en-US", {{"$5", "5", "USD"}});
  check_prices("It was 5 mil dollars.", "en-US", {});
}

TEST_CASE("price conventions: other multipliers by language") {
  // mille: a thousand in French and Italian, nothing in English.
  check_prices("Ça fait 5 mille euros.", "fr-FR", {{"5 mille euros", "5000", "EUR"}});
  check_prices("Sono 5 mille euro.", "it-IT", {{"5 mille euro", "5000", "EUR"}});
  check_prices("That is 5 mille euros.", "en-US", {});
  // bn: English; in German "3 bn €" is no amount.
  check_prices("That's £3bn over ten years.", "en-GB", {{"£3bn", "3000000000", "GBP"}});
  check_prices("Das sind 3 bn €.", "de-DE", {});
  // Mio.: German (and Swiss French and Italian); in English "€1.5" stays 1.5 euros.
  check_prices("Wir reden über 1,5 Mio. € Volumen.", "de-DE", {{"1,5 Mio. €", "1500000", "EUR"}});
  check_prices("Budget: €1.5 Mio. total.", "en-US", {{"€1.5", "1.5", "EUR"}});
  // billion: 10^9 in English, 10^12 in German and French.
  check_prices("A 3 billion dollars market.", "en-US", {{"3 billion dollars", "3000000000", "USD"}});
  check_prices("Es geht um 2 Billionen Euro.", "de-DE", {{"2 Billionen Euro", "2000000000000", "EUR"}});
  check_prices("Un marché de 3 billions d'euros.", "fr-FR", {{"3 billions d'euros", "3000000000000", "EUR"}});
  // k: every language. 5k = 5 * 10^3.
  check_prices("Det blir 5k kr.", "sv-SE", {{"5k kr", "5000", "SEK"}});
  check_prices("Das sind 5k €.", "de-DE", {{"5k €", "5000", "EUR"}});
  check_prices("It's $5k.", "en-US", {{"$5k", "5000", "USD"}});
  // grand: English only. $5 grand = 5 * 10^3.
  check_prices("About $5 grand.", "en-US", {{"$5 grand", "5000", "USD"}});
}

// ---------------------------------------------------------------------------------------------
// 3. Currency words that are also ordinary words or units

TEST_CASE("price conventions: 'pounds' is money only with a price context (English)") {
  // Weight, not money.
  check_prices("We need ten pounds of paper.", "en-GB", {});
  check_prices("The new model is 5 pounds heavier.", "en-GB", {});
  check_prices("The box weighs 12 pounds.", "en-GB", {});
  check_prices("I lost 5 pounds per week.", "en-GB", {});
  check_prices("It takes 30 pounds per square inch.", "en-GB", {});
  check_prices("We shipped 40 pounds last week.", "en-GB", {});
  // A price word shortly before the number.
  check_prices("It costs ten pounds.", "en-GB", {{"ten pounds", "10", "GBP"}});
  check_prices("We paid 40 pounds for it.", "en-GB", {{"40 pounds", "40", "GBP"}});
  check_prices("The fee is roughly 25 pounds.", "en-GB", {{"25 pounds", "25", "GBP"}});
  // "per <unit>" (or "a month") after it.
  check_prices("That's 12 pounds per seat.", "en-GB", {{"12 pounds", "12", "GBP"}});
  check_prices("That's 12 pounds a month.", "en-GB", {{"12 pounds", "12", "GBP"}});
  // A price just before ("£5 or six pounds").
  check_prices("It's £5 or 6 pounds.", "en-GB", {{"£5", "5", "GBP"}, {"6 pounds", "6", "GBP"}});
  // Money-only forms need no context: the symbol, the code, "pounds sterling".
  check_prices("We need £10 of paper.", "en-GB", {{"£10", "10", "GBP"}});
  check_prices("We need GBP 10 of paper.", "en-GB", {{"GBP 10", "10", "GBP"}});
  check_prices("We need ten pounds sterling.", "en-GB", {{"ten pounds sterling", "10", "GBP"}});
  // A price word, but "of" after it: still weight.
  check_prices("I paid for ten pounds of apples.", "en-GB", {});
  // A sentence end stops the look-back.
  check_prices("That's the price. 5 pounds is the weight.", "en-GB", {});
}

TEST_CASE("price conventions: 'won' and 'rand' need a price context too") {
  check_prices("We won 3 deals and had 5 won.", "en-US", {});
  check_prices("It costs 5,000 won.", "en-US", {{"5,000 won", "5000", "KRW"}});
  check_prices("There were 20 rand.", "en-ZA", {});
  check_prices("They charge 20 rand a month.", "en-ZA", {{"20 rand", "20", "ZAR"}});
}

TEST_CASE("price conventions: pound words in German, French, Spanish, Portuguese and Swedish") {
  check_prices("Das kostet 10 Pfund.", "de-DE", {{"10 Pfund", "10", "GBP"}});
  check_prices("Wir brauchen 10 Pfund Kartoffeln.", "de-DE", {});
  check_prices("Er wiegt 10 Pfund.", "de-DE", {});
  check_prices("Es sind 20 Pfund pro Monat.", "de-DE", {{"20 Pfund", "20", "GBP"}});
  check_prices("Ça coûte 10 livres.", "fr-FR", {{"10 livres", "10", "GBP"}});
  check_prices("J'ai lu 10 livres cet été.", "fr-FR", {});
  check_prices("Cuesta 20 libras.", "es-ES", {{"20 libras", "20", "GBP"}});
  check_prices("La maleta pesa 20 libras.", "es-ES", {});
  check_prices("O ingresso custa 20 libras.", "pt-BR", {{"20 libras", "20", "GBP"}});
  check_prices("São 20 libras de peso.", "pt-BR", {});
  check_prices("Det kostar 50 pund.", "sv-SE", {{"50 pund", "50", "GBP"}});
  check_prices("Vi köpte 50 pund mjöl.", "sv-SE", {});
}

// ---------------------------------------------------------------------------------------------
// Data files: the languages column of multipliers.tsv and the flags column of currencies.tsv

TEST_CASE("price conventions: loaders read languages and the context flag, errors name file and line") {
  const TemporaryFile multipliers("multipliers.tsv",
                                  "# test\nk\t3\nmil\t3\tes,pt\nbillion\t12\tfr, de\nmio\t6\t*\n");
  const auto loaded = parley::load_amount_multipliers(multipliers.path());
  REQUIRE(loaded.size() == 4);
  CHECK(loaded[0].token == "k");
  CHECK(loaded[0].languages.empty());
  CHECK(loaded[1].languages == std::vector<std::string>{"es", "pt"});
  CHECK(loaded[2].power_of_ten == 12);
  CHECK(loaded[2].languages == std::vector<std::string>{"fr", "de"});
  CHECK(loaded[3].languages.empty());

  const TemporaryFile currencies(
      "currencies.tsv", "$\tUSD\npound\tGBP\t*\tcontext\nlivre\tGBP\tfr\tcontext\nwon\tKRW\t\tcontext\n");
  const auto tokens = parley::load_currency_tokens(currencies.path());
  REQUIRE(tokens.size() == 4);
  CHECK(!tokens[0].needs_price_context);
  CHECK(tokens[1].needs_price_context);
  CHECK(tokens[1].languages.empty());
  CHECK(tokens[2].languages == std::vector<std::string>{"fr"});
  CHECK(tokens[2].needs_price_context);
  CHECK(tokens[3].languages.empty());
  CHECK(tokens[3].needs_price_context);

  const auto expect_parse_error = [](const std::string& name, const std::string& content, auto load,
                                     const std::string& message) {
    const TemporaryFile file(name, content);
    try {
      load(file.path());
      FAIL("expected an error");
    } catch (const parley::Error& error) {
      CHECK(error.code() == parley::ErrorCode::parse);
      CHECK(error.message() == file.path() + message);
    }
  };
  expect_parse_error("bad_flag.tsv", "$\tUSD\npound\tGBP\t*\tweight\n", parley::load_currency_tokens,
                     ":2: unknown flag 'weight' (the one flag is 'context')");
  expect_parse_error("bad_language.tsv", "mil\t3\tes,,pt\n", parley::load_amount_multipliers,
                     ":1: empty language in the language list");
  expect_parse_error("bad_columns.tsv", "# c\nmil\t3\tes\textra\n", parley::load_amount_multipliers,
                     ":2: expected '<token>\\t<power of ten>[\\t<languages>]'");
}

TEST_CASE("price conventions: a host's multipliers and currency words with languages and the flag") {
  parley::SignalPatterns patterns;
  patterns.currencies = {{"$", "USD", {}}, {"zloty", "PLN", {}, true}};
  patterns.multipliers = {{"lakh", 5, {"en-IN", "hi"}}, {"lakh", 6, {"xx"}}};
  const parley::SignalDetector host(patterns);
  // lakh = 10^5 in en-IN; in en-US no entry applies, so "$3" stays three dollars.
  const auto indian = host.find_prices("It's $3 lakh.", "en-IN");
  REQUIRE(indian.size() == 1);
  CHECK(indian[0].amount == "300000");
  const auto american = host.find_prices("It's $3 lakh.", "en-US");
  REQUIRE(american.size() == 1);
  CHECK(american[0].amount == "3");
  // The flag: "zloty" only with a price context.
  CHECK(host.find_prices("We saw 3 zloty there.", "en-US").empty());
  const auto paid = host.find_prices("We paid 3 zloty there.", "en-US");
  REQUIRE(paid.size() == 1);
  CHECK(paid[0].currency == "PLN");
}

TEST_CASE("price conventions: English spoken decimals, cents and halves") {
  // "point" and digits: 2 + 3/10; no whole number: 5/10.
  check_prices("It comes to two point three Euro.", "en-GB", {{"two point three Euro", "2.3", "EUR"}});
  check_prices("We have point five Euro to play with.", "en-GB", {{"point five Euro", "0.5", "EUR"}});
  // A stutter inside the number is skipped: 2 + 3/10 and 25, not 3 or 5.
  check_prices("It has to go to the tune of two point t three Euro.", "en-GB",
               {{"two point t three Euro", "2.3", "EUR"}});
  check_prices("It costs twenty f five euros.", "en-GB", {{"twenty f five euros", "25", "EUR"}});
  // The money idiom: a whole number and its cents. 12 + 50/100, 12 + 45/100, 9 + 15/100.
  check_prices("It may cost twelve fifty Euros.", "en-GB", {{"twelve fifty Euros", "12.5", "EUR"}});
  check_prices("That is twelve forty five dollars.", "en-US", {{"twelve forty five dollars", "12.45", "USD"}});
  check_prices("Only nine fifteen dollars.", "en-US", {{"nine fifteen dollars", "9.15", "USD"}});
  // "and a half": 12 + 1/2.
  check_prices("Build it for twelve and a half pounds.", "en-GB", {{"twelve and a half pounds", "12.5", "GBP"}});
  // A number said twice is one number, not 10.10.
  check_prices("You pay ten ten quid for a remote.", "en-GB", {{"ten ten quid", "10", "GBP"}});
  // Still not one number: a list of single digits.
  check_prices("five six dollars", "en-US", {{"six dollars", "6", "USD"}});
}
