#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/signals.hpp"
#include "signals/price_checks.hpp"

namespace {

const parley::SignalDetector& detector() {
  static const parley::SignalDetector instance;  // bundled data; compiled once, shared (immutable)
  return instance;
}

void check_prices(const std::string& sentence, const std::string& language,
                  const std::vector<parley_test::ExpectedPrice>& expected) {
  parley_test::check_prices(detector(), sentence, language, expected);
}

}  // namespace

TEST_CASE("prices: symbols and grouping in English") {
  check_prices("The license is $1,200 per seat, or $1,200.50 with support.", "en-US",
               {{"$1,200", "1200", "USD"}, {"$1,200.50", "1200.5", "USD"}});
  check_prices("We can do US$ 5k for the pilot and EUR 300 for training.", "en-US",
               {{"US$ 5k", "5000", "USD"}, {"EUR 300", "300", "EUR"}});
  check_prices("In Tokyo it lists at ¥12,000 a month.", "en-US", {{"¥12,000", "12000", "JPY"}});
  check_prices("That's about £2.5m over three years.", "en-GB", {{"£2.5m", "2500000", "GBP"}});
  check_prices("It's 300 EUR, not 300 USD.", "en-GB", {{"300 EUR", "300", "EUR"}, {"300 USD", "300", "USD"}});
  check_prices("A $2 million deal", "en-US", {{"$2 million", "2000000", "USD"}});
}

TEST_CASE("prices: English spoken amounts") {
  // twelve hundred = 12 * 100 = 1200; five thousand = 5 * 1000.
  check_prices("we were quoted twelve hundred dollars last year", "en-US",
               {{"twelve hundred dollars", "1200", "USD"}});
  check_prices("it would be five thousand euros per year", "en-US", {{"five thousand euros", "5000", "EUR"}});
  // two hundred fifty thousand = (2 * 100 + 50) * 1000 = 250000.
  check_prices("the budget is two hundred fifty thousand dollars", "en-US",
               {{"two hundred fifty thousand dollars", "250000", "USD"}});
  // a hundred = 1 * 100; twenty-five = 20 + 5.
  check_prices("a hundred bucks a month, or twenty-five pounds", "en-GB",
               {{"a hundred bucks", "100", "USD"}, {"twenty-five pounds", "25", "GBP"}});
  check_prices("one hundred and twenty dollars", "en-US", {{"one hundred and twenty dollars", "120", "USD"}});
  // Number words without a currency are not prices.
  check_prices("we have five thousand users and twelve hundred seats", "en-US", {});
}

TEST_CASE("prices: European conventions") {
  check_prices("Das Paket kostet 1.200 € im Jahr, das Upgrade 49,90 €.", "de-DE",
               {{"1.200 €", "1200", "EUR"}, {"49,90 €", "49.9", "EUR"}});
  check_prices("Wir reden über 1,5 Mio. € Volumen.", "de-DE", {{"1,5 Mio. €", "1500000", "EUR"}});
  check_prices("Le forfait est à 1 200 € par an, soit 3 millions d'euros au total.", "fr-FR",
               {{"1 200 €", "1200", "EUR"}, {"3 millions d'euros", "3000000", "EUR"}});
  check_prices("Au Québec c'est 1 500 $ par mois.", "fr-CA", {{"1 500 $", "1500", "CAD"}});
  check_prices("Licensen kostar 1 200 kr per månad.", "sv-SE", {{"1 200 kr", "1200", "SEK"}});
  check_prices("Det blir kr 4 500 per bruker.", "nb-NO", {{"kr 4 500", "4500", "NOK"}});
  check_prices("Prisen er 2.500 kr. om måneden.", "da-DK", {{"2.500 kr.", "2500", "DKK"}});
  check_prices("El plan cuesta 12.000 euros y el soporte 3 millones de dólares.", "es-ES",
               {{"12.000 euros", "12000", "EUR"}, {"3 millones de dólares", "3000000", "USD"}});
  check_prices("Son $2,500 pesos al mes.", "es-MX", {{"$2,500 pesos", "2500", "MXN"}});
  check_prices("O plano sai por R$ 1.990,00 por mês.", "pt-BR", {{"R$ 1.990,00", "1990", "BRL"}});
  check_prices("Il costo è di 2 milioni di euro.", "it-IT", {{"2 milioni di euro", "2000000", "EUR"}});
  check_prices("De licentie kost € 750 per jaar.", "nl-NL", {{"€ 750", "750", "EUR"}});
  check_prices("Hinta on 990 euroa kuukaudessa.", "fi-FI", {{"990 euroa", "990", "EUR"}});
}

TEST_CASE("prices: Arabic, Hebrew, Chinese and Japanese") {
  check_prices("السعر 250 دينار شهريا", "ar-BH", {{"250 دينار", "250", "BHD"}});
  // The Bahraini dinar has three minor digits: "1.250" is one dinar and 250 fils.
  check_prices("الاشتراك BHD 1.250 فقط", "ar-BH", {{"BHD 1.250", "1.25", "BHD"}});
  // Arabic-Indic digits: ٣٠٠ = 300.
  check_prices("التكلفة ٣٠٠ دولار", "ar-BH", {{"٣٠٠ دولار", "300", "USD"}});
  check_prices("המחיר הוא 500 ש\"ח לחודש", "he-IL", {{"500 ש\"ח", "500", "ILS"}});
  check_prices("זה עולה ₪1,200", "he-IL", {{"₪1,200", "1200", "ILS"}});
  // 5万 = 5 * 10^4.
  check_prices("这个方案每年5万元，另外培训3000元。", "zh-CN",
               {{"5万元", "50000", "CNY"}, {"3000元", "3000", "CNY"}});
  check_prices("价格是¥12,000。", "zh-CN", {{"¥12,000", "12000", "CNY"}});
  check_prices("月額は3万円です。", "ja-JP", {{"3万円", "30000", "JPY"}});
  check_prices("年間で100ドルです。", "ja-JP", {{"100ドル", "100", "USD"}});
}

TEST_CASE("prices: what is not a price") {
  check_prices("We have 1,200 users in 3 regions since 2019.", "en-US", {});
  check_prices("Call me at 555 1234, room A4.", "en-US", {});
  check_prices("He said ALL 300 people came", "en-US", {});  // ALL (the lek) is also an English word
  check_prices("", "en-US", {});
  check_prices("$", "en-US", {});
  check_prices("$$$ 1.2.3.4", "en-US", {});
  // 31 digits: longer than any amount a person says.
  check_prices("$1000000000000000000000000000000", "en-US", {});
}

TEST_CASE("prices: invalid UTF-8 is an error naming the byte") {
  try {
    detector().find_prices("costs $5 \xC3", "en-US");
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_utf8);
    CHECK(error.message() == "text: invalid UTF-8 at byte 9");
  }
}
