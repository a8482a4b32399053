#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/signals.hpp"
#include "parley/timing.hpp"

namespace {

const parley::SignalDetector& detector() {
  static const parley::SignalDetector instance;
  return instance;
}

std::uint32_t questions(const std::string& text, const std::string& language) {
  CAPTURE(text);
  return detector().count_questions(text, language);
}

parley::Call two_party_call(const std::string& language) {
  parley::Call call;
  call.id = "call-1";
  call.language = language;
  call.participants = {{"rep", "Rep", parley::Role::seller, {}},
                       {"cust", "Customer", parley::Role::customer, {}}};
  return call;
}

void add(parley::Call& call, std::uint32_t speaker, parley::Milliseconds start, parley::Milliseconds end,
         std::string text) {
  call.segments.push_back({speaker, start, end, std::move(text), {}, {}});
}

std::string data_path(const std::string& name) {
  return std::string(PARLEY_TEST_DATA_DIR) + "/signals/" + name;
}

}  // namespace

TEST_CASE("questions: question marks of every script") {
  CHECK(questions("What is the price? It is high. Is it fixed?", "en-US") == 2);
  CHECK(questions("Really?! OK.", "en-US") == 1);
  CHECK(questions("这个价格包括培训吗？包括的。", "zh-CN") == 1);
  CHECK(questions("いつ始められますか？来月です。", "ja-JP") == 1);
  CHECK(questions("هل السعر يشمل الدعم؟ نعم.", "ar-BH") == 1);
  CHECK(questions("מה המחיר? זה תלוי.", "he-IL") == 1);
  CHECK(questions("¿Cuánto cuesta? Depende.", "es-ES") == 1);
  // "1.200" and "e.g." do not end sentences; a lone "?" has no words.
  CHECK(questions("It costs 1.200 euros, e.g. per year", "en-US") == 0);
  CHECK(questions("?", "en-US") == 0);
  CHECK(questions("", "en-US") == 0);
}

TEST_CASE("questions: openers where punctuation is missing (ASR output)") {
  CHECK(questions("what does the onboarding look like", "en-US") == 1);
  CHECK(questions("um, can you send me the contract", "en-US") == 1);  // the filler is skipped
  CHECK(questions("we can send the contract", "en-US") == 0);
  // A full stop says it is a statement, whatever the opener.
  CHECK(questions("What I mean is the price.", "en-US") == 0);
  CHECK(questions("That works. how many seats do you need", "en-US") == 1);
  CHECK(questions("that is the plan isn't it", "en-US") == 1);  // a tag ending closing a clause
  CHECK(questions("okay isn't it", "en-US") == 0);              // ... of three words or more
  CHECK(questions("right", "en-US") == 0);                      // a backchannel asks nothing
  CHECK(questions("what", "en-US") == 0);                       // nor does any one-word sentence
  CHECK(questions("what I found is that the price works", "en-US") == 0);  // no inverted order
  CHECK(questions("which is fine", "en-US") == 0);
  CHECK(questions("好吧", "zh-CN") == 0);                       // "fine": the ending closes nothing
  CHECK(questions("你们下周可以开始吧", "zh-CN") == 1);
  CHECK(questions("wie viele Lizenzen brauchen Sie", "de-DE") == 1);
  CHECK(questions("est-ce que vous avez un budget", "fr-FR") == 1);
  CHECK(questions("cuándo empiezan", "es-MX") == 1);
  CHECK(questions("quanto costa il supporto", "it-IT") == 1);
  CHECK(questions("quando vocês querem começar", "pt-BR") == 1);
  CHECK(questions("hoeveel gebruikers heeft u", "nl-NL") == 1);
  CHECK(questions("hur många användare har ni", "sv-SE") == 1);
  CHECK(questions("hvornår vil I starte", "da-DK") == 1);
  CHECK(questions("hvor mange brukere har dere", "nb-NO") == 1);
  CHECK(questions("onko teillä budjetti", "fi-FI") == 1);
  CHECK(questions("هل لديكم ميزانية", "ar-BH") == 1);
  CHECK(questions("כמה משתמשים יש לכם", "he-IL") == 1);
  CHECK(questions("你们有预算吗", "zh-CN") == 1);
  CHECK(questions("予算はありますか", "ja-JP") == 1);
  // A language without patterns still counts question marks.
  CHECK(questions("Ile to kosztuje? Dużo", "pl-PL") == 1);
}

TEST_CASE("questions: the free function uses the bundled lists") {
  CHECK(parley::count_questions("how much is it", "en-GB") == 1);
}

TEST_CASE("detect: fillers per participant, counted, and per minute of talk through timing") {
  auto call = two_party_call("en-US");
  // Seller talks 0-30 s and 20-60 s (union 60 s); customer 60-90 s (30 s).
  add(call, 0, 0, 30'000,
      "Um, so, like, the plan is, you know, flexible.");  // um, like, (", like"), you know
  add(call, 0, 20'000, 60'000,
      "Do you know our pricing? I like it. Uh, it's kind of simple.");  // uh, kind of
  add(call, 1, 60'000, 90'000, "Hmm, I mean we like the demo.");        // hmm, i mean
  const auto signals = detector().detect(call);
  CHECK(signals.fillers_per_segment == std::vector<std::uint32_t>{3, 2, 2});
  REQUIRE(signals.fillers.size() == 2);
  // Seller: um + ", like" + you know + uh + kind of = 5.
  CHECK(signals.fillers[0].count == 5);
  // Customer: hmm + i mean = 2.
  CHECK(signals.fillers[1].count == 2);
  CHECK(signals.fillers[1].role == parley::Role::customer);

  // The rate per minute of talk is timing's, from the same counts (as CallAnalyzer passes them).
  std::vector<parley::SegmentTextCounts> counts(call.segments.size());
  for (std::size_t i = 0; i < counts.size(); ++i) counts[i].filler_words = signals.fillers_per_segment[i];
  const parley::CallTiming timing = parley::compute_timing(call, {}, counts);
  // Seller: 5 in 60 s -> 5 per minute.
  CHECK(timing.participants[0].filler_words == 5);
  CHECK(timing.participants[0].talk_ms == 60'000);
  CHECK(timing.participants[0].filler_words_per_minute.value() == doctest::Approx(5.0));
  // Customer: 2 in 30 s -> 2 / 0.5 min = 4 per minute.
  CHECK(timing.participants[1].filler_words == 2);
  CHECK(timing.participants[1].talk_ms == 30'000);
  CHECK(timing.participants[1].filler_words_per_minute.value() == doctest::Approx(4.0));
  CHECK(timing.seller.filler_words_per_minute.value() == doctest::Approx(5.0));
}

TEST_CASE("detect: fillers in other languages") {
  auto call = two_party_call("de-DE");
  add(call, 1, 0, 60'000, "Ähm, also wir haben, äh, sozusagen drei Standorte.");  // ähm, äh, sozusagen
  auto signals = detector().detect(call);
  CHECK(signals.fillers[1].count == 3);
  call.language = "fr-CA";
  call.segments[0].text =
      "Euh, en fait, du coup on a trois sites, tu vois.";  // euh, en fait, du coup, tu vois
  signals = detector().detect(call);
  CHECK(signals.fillers[1].count == 4);
  call.language = "ja-JP";
  call.segments[0].text = "えーと、あのー、三つの拠点があります。";  // えーと, あのー
  signals = detector().detect(call);
  CHECK(signals.fillers[1].count == 2);
  call.language = "zh-CN";
  call.segments[0].text = "嗯，我们呃有三个办公室。";  // 嗯, 呃
  signals = detector().detect(call);
  CHECK(signals.fillers[1].count == 2);
}

TEST_CASE("detect: action items in eleven languages, with owner and due date") {
  struct Case {
    std::string language, text, pattern_id;
    parley::ActionOwner owner;
    std::string due_date;
  };
  using enum parley::ActionOwner;
  // The call is on Wednesday 2026-03-04: "Friday" is the 6th, "Tuesday" the 10th, "tomorrow" the 5th.
  const std::vector<Case> cases = {
      {"en-US", "Great. I'll send you the proposal by Friday. Thanks.", "send", speaker, "2026-03-06"},
      {"en-GB", "Let's meet on Tuesday to go through it", "meet", both, "2026-03-10"},
      {"en-US", "Could you forward the contract to your legal team?", "forward", other_side, ""},
      {"de-DE", "Gut, ich schicke Ihnen das Angebot morgen.", "schicke", speaker, "2026-03-05"},
      {"fr-FR", "Parfait, je vous envoie le devis demain.", "envoie", speaker, "2026-03-05"},
      {"es-MX", "Listo, le envío la propuesta hoy.", "envío", speaker, "2026-03-04"},
      {"it-IT", "Perfetto, fissiamo una call per giovedì.", "fissiamo", both, "2026-03-05"},
      {"pt-BR", "Combinado, vou enviar o contrato amanhã.", "enviar", speaker, "2026-03-05"},
      {"nl-NL", "Prima, ik stuur u de offerte morgen.", "stuur", speaker, "2026-03-05"},
      {"sv-SE", "Bra, jag återkommer på fredag.", "återkommer", speaker, "2026-03-06"},
      {"zh-CN", "好的，我会发给您报价单。", "我会发", speaker, ""},
      {"ja-JP", "明日、見積書をお送りします。", "お送りします", speaker, "2026-03-05"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    auto call = two_party_call(c.language);
    call.start_time_ms = 1'772'618'400'000;  // 2026-03-04 10:00 UTC
    add(call, 0, 1000, 5000, c.text);
    const auto signals = detector().detect(call);
    REQUIRE(signals.action_items.size() == 1);
    CHECK(signals.action_items[0].pattern_id == c.pattern_id);
    CHECK(signals.action_items[0].owner == c.owner);
    CHECK(signals.action_items[0].due_date == c.due_date);
    CHECK(signals.action_items[0].role == parley::Role::seller);
    CHECK(signals.action_items[0].offset_ms == 1000);
  }
  // The sentence is reported, with its byte range; without a call date the due date stays empty.
  auto call = two_party_call("en-US");
  add(call, 0, 0, 1, "Great. I'll send you the proposal by Friday. Thanks.");
  const auto signals = detector().detect(call);
  CHECK(signals.action_items[0].text == "I'll send you the proposal by Friday.");
  CHECK(signals.action_items[0].begin == 7);  // after "Great. "
  CHECK(signals.action_items[0].end == 44);   // 7 + 37 bytes
  CHECK(signals.action_items[0].due_text == "by friday");
  CHECK(signals.action_items[0].due_date.empty());
}

TEST_CASE("detect: what is not an action item") {
  for (const std::string text : {
           "I won't be able to send it this week.",            // negation between trigger and verb
           "If we moved onto the next step, I'll send the contract.",  // hypothetical before it
           "She said she'll call you tomorrow.",               // reported speech (and not first person)
           "He told me I'll get the contract on Monday.",      // reported speech before the trigger
           "See you next week.",                               // a closing formula
           "I sent you the proposal yesterday.",               // past: no trigger
           "Let me share my screen.",                          // a move inside the call
       }) {
    CAPTURE(text);
    auto call = two_party_call("en-US");
    add(call, 0, 0, 1, text);
    CHECK(detector().detect(call).action_items.empty());
  }
  auto call = two_party_call("da-DK");
  add(call, 0, 0, 1, "Tak for i dag, vi ses.");
  CHECK(detector().detect(call).action_items.empty());
}

TEST_CASE("due dates: each rule from a Wednesday, a Friday and a Sunday") {
  parley::SignalPatterns patterns;
  auto& english = patterns.languages["en"];
  english.action_items = {{"commit", "i'll"}, {"verb", "send"}};
  english.due_dates = {{"day+1", "tomorrow"},   {"weekday=5", "friday"},         {"next_week", "next week"},
                       {"end_of_week", "end of the week"}, {"end_of_month", "end of the month"}};
  const parley::SignalDetector detector_with(patterns);
  struct Case {
    std::int64_t start_ms;  // UTC
    std::string phrase, due_date;
  };
  constexpr std::int64_t wednesday = 1'772'618'400'000;  // 2026-03-04 10:00
  constexpr std::int64_t friday = wednesday + 2 * 86'400'000LL;
  constexpr std::int64_t sunday = wednesday + 4 * 86'400'000LL;
  const std::vector<Case> cases = {
      {wednesday, "tomorrow", "2026-03-05"},        {wednesday, "friday", "2026-03-06"},
      {wednesday, "next week", "2026-03-09"},       {wednesday, "end of the week", "2026-03-06"},
      {wednesday, "end of the month", "2026-03-31"}, {friday, "friday", "2026-03-13"},
      {friday, "end of the week", "2026-03-06"},    {sunday, "end of the week", "2026-03-13"},
      {sunday, "next week", "2026-03-09"},          {sunday, "tomorrow", "2026-03-09"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.phrase);
    CAPTURE(c.start_ms);
    auto call = two_party_call("en");
    call.start_time_ms = c.start_ms;
    add(call, 0, 0, 1, "I'll send it " + c.phrase);
    const auto signals = detector_with.detect(call);
    REQUIRE(signals.action_items.size() == 1);
    CHECK(signals.action_items[0].due_date == c.due_date);
  }
  parley::SignalPatterns bad = patterns;
  bad.languages["en"].due_dates.push_back({"weekday=8", "someday"});
  CHECK_THROWS_WITH_AS(parley::SignalDetector{bad}, doctest::Contains("due dates entry 6: unknown rule 'weekday=8'"),
                       parley::Error);
  bad = patterns;
  bad.languages["en"].action_items.push_back({"promise", "i promise"});
  CHECK_THROWS_WITH_AS(parley::SignalDetector{bad}, doctest::Contains("action items entry 3: unknown kind 'promise'"),
                       parley::Error);
}

TEST_CASE("detect: other brands, gazetteer and exclusions") {
  parley::SignalOptions options;
  options.gazetteer = parley::load_gazetteer(data_path("gazetteer.txt"));
  options.brand_exclusions = {"Contoso 360"};
  const parley::SignalDetector with_gazetteer(parley::load_signal_patterns(), options);
  auto call = two_party_call("en-US");
  add(call, 1, 0, 5000, "Right now we use Acmetrix Data Systems and some Contoso 360 Cloud modules.");
  add(call, 0, 5000, 9000, "Acmetrix Data Systems is a common choice. Did Northwind evaluate us?");
  add(call, 1, 9000, 12000, "We also talked to Globex Corporation and to the team at Acmetrix Data Systems.");
  add(call, 1, 12000, 15000, "Northwind Traders said the same, and so did fabrikam.");
  const auto signals = with_gazetteer.detect(call);
  // Acmetrix Data Systems x2 (the sentence-initial one is not a candidate), Globex, Northwind x2,
  // Fabrikam; "Contoso 360 Cloud" contains the excluded "Contoso 360".
  INFO(parley::to_json(signals));
  REQUIRE(signals.brand_counts.size() == 4);
  CHECK(signals.brand_counts[0].key == "acmetrix data systems");
  CHECK(signals.brand_counts[0].count == 2);
  CHECK(signals.brand_counts[0].customer_count == 2);
  CHECK(signals.brand_counts[1].key == "northwind traders");
  CHECK(signals.brand_counts[1].name == "Northwind Traders");
  CHECK(signals.brand_counts[1].count == 2);
  CHECK(signals.brand_counts[1].first_segment == 1);
  CHECK(signals.brand_counts[2].key == "fabrikam");
  CHECK(signals.brand_counts[3].key == "globex");  // "Corporation" is a legal form
  CHECK(signals.brand_counts[3].name == "Globex Corporation");
  // Mentions in time order, with their text as said.
  REQUIRE(signals.brands.size() == 6);
  CHECK(signals.brands[1].name == "Northwind");
  CHECK(signals.brands[1].from_gazetteer);
  CHECK(signals.brands[5].name == "fabrikam");
}

TEST_CASE("brand_key groups variants") {
  CHECK(parley::brand_key("Acme Corp.") == "acme");
  CHECK(parley::brand_key("ACME Corporation") == "acme");
  CHECK(parley::brand_key("Acme's") == "acme");
  CHECK(parley::brand_key("Société Générale S.A.") == "societe generale");
  CHECK(parley::brand_key("Müller GmbH") == "muller");
  CHECK(parley::brand_key("AT&T") == "at&t");
  CHECK(parley::brand_key("Inc") == "inc");  // a legal form alone stays
}

TEST_CASE("detect: capitalised names in other languages, none from caseless scripts") {
  auto call = two_party_call("de-DE");
  // Herr and Sie are stop words, Müller a person's name, Team and Schritt common nouns (German
  // capitalises them all); Zalando is no German word.
  add(call, 1, 0, 1, "Wir arbeiten mit Zalando und Herr Müller kennt Sie, Ihr Team Schritt für Schritt.");
  auto signals = detector().detect(call);
  INFO(parley::to_json(signals));
  REQUIRE(signals.brand_counts.size() == 1);
  CHECK(signals.brand_counts[0].key == "zalando");
  // A German name made of dictionary words needs the gazetteer.
  call.segments[0].text = "Wir arbeiten mit Deutsche Telekom.";
  CHECK(detector().detect(call).brand_counts.empty());
  parley::SignalOptions with_telekom;
  with_telekom.gazetteer = {{"Deutsche Telekom", {}}};
  signals = parley::SignalDetector(with_telekom).detect(call);
  REQUIRE(signals.brand_counts.size() == 1);
  CHECK(signals.brand_counts[0].key == "deutsche telekom");
  call.language = "fr-FR";
  call.segments[0].text = "Nous travaillons avec la Qonto Banque depuis Lundi Dernier.";
  signals = detector().detect(call);
  REQUIRE(signals.brand_counts.size() == 1);
  CHECK(signals.brand_counts[0].key == "qonto banque");
  call.language = "zh-CN";
  call.segments[0].text = "我们现在用的是Microsoft Teams和钉钉。";
  signals = detector().detect(call);
  INFO(parley::to_json(signals));
  REQUIRE(signals.brand_counts.size() == 1);
  CHECK(signals.brand_counts[0].name == "Microsoft Teams");
  call.segments[0].text = "WE USE ACME DATA SYSTEMS TODAY";  // no lower-case letter: no clue
  call.language = "en-US";
  CHECK(detector().detect(call).brand_counts.empty());
}

TEST_CASE("detect: questions per segment and per role, prices with role and offset") {
  auto call = two_party_call("en-US");
  add(call, 0, 0, 4000, "How many seats do you need? And when do you start?");
  add(call, 1, 4000, 8000, "About fifty. what would that cost");
  add(call, 0, 8000, 12000, "It's $1,200 per seat per year.");
  const auto signals = detector().detect(call);
  CHECK(signals.questions_per_segment == std::vector<std::uint32_t>{2, 1, 0});
  CHECK(signals.seller_questions == 2);
  CHECK(signals.customer_questions == 1);
  REQUIRE(signals.prices.size() == 1);
  CHECK(signals.prices[0].segment == 2);
  CHECK(signals.prices[0].role == parley::Role::seller);
  CHECK(signals.prices[0].offset_ms == 8000);
  CHECK(signals.prices[0].value == doctest::Approx(1200.0));
  CHECK(signals.language == "en");
}

TEST_CASE("detect: results do not depend on segment order (property)") {
  auto call = two_party_call("en-US");
  add(call, 0, 0, 4000, "Um, how many seats? We use Acmetrix Data Systems today.");
  add(call, 1, 3000, 7000, "Like, fifty. We pay $1,200 to Globex Corporation.");
  add(call, 0, 7000, 9000, "I'll send you the proposal. uh what else");
  add(call, 1, 9000, 9000, "");
  add(call, 1, 9500, 12000, "you know, Globex Corporation is fine");
  const auto reference = detector().detect(call);
  std::mt19937 random(42);
  for (int round = 0; round < 20; ++round) {
    auto shuffled = call;
    std::vector<std::uint32_t> permutation(call.segments.size());
    for (std::uint32_t i = 0; i < permutation.size(); ++i) permutation[i] = i;
    std::shuffle(permutation.begin(), permutation.end(), random);
    for (std::size_t i = 0; i < permutation.size(); ++i) shuffled.segments[i] = call.segments[permutation[i]];
    const auto signals = detector().detect(shuffled);
    // Segment indexes refer to the shuffled order: map them back before comparing.
    auto mapped = signals;
    for (auto& p : mapped.prices) p.segment = permutation[p.segment];
    for (auto& b : mapped.brands) b.segment = permutation[b.segment];
    for (auto& b : mapped.brand_counts) b.first_segment = permutation[b.first_segment];
    for (auto& a : mapped.action_items) a.segment = permutation[a.segment];
    std::vector<std::uint32_t> questions(call.segments.size()), fillers(call.segments.size());
    for (std::size_t i = 0; i < permutation.size(); ++i) {
      questions[permutation[i]] = signals.questions_per_segment[i];
      fillers[permutation[i]] = signals.fillers_per_segment[i];
    }
    CHECK(parley::to_json(mapped).size() > 0);
    CHECK(questions == reference.questions_per_segment);
    CHECK(fillers == reference.fillers_per_segment);
    mapped.questions_per_segment = reference.questions_per_segment;
    mapped.fillers_per_segment = reference.fillers_per_segment;
    CHECK(parley::to_json(mapped) == parley::to_json(reference));
  }
}

TEST_CASE("detect: bad input gets a clear error") {
  auto call = two_party_call("en-US");
  add(call, 0, 0, 1, "fine");
  add(call, 1, 1, 2, "bad \xFF byte");
  try {
    detector().detect(call);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_utf8);
    CHECK(error.message() == "call 'call-1': segment 1: invalid UTF-8 at byte 4");
  }
  call.segments[1].text = "ok";
  call.segments[1].speaker = 7;
  try {
    detector().detect(call);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_argument);
    CHECK(error.message() == "call 'call-1': segment 1: speaker 7 is not a participant");
  }
}

TEST_CASE("patterns: empty patterns and malformed files are errors naming where") {
  parley::SignalPatterns patterns;
  patterns.languages["en"].fillers = {"um", "   "};
  try {
    parley::SignalDetector bad(patterns);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_argument);
    CHECK(error.message() == "signal patterns, language 'en', fillers entry 2: empty phrase");
  }
  try {
    parley::load_action_patterns(data_path("bad_action_items.txt"));
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::parse);
    CHECK(error.message() == data_path("bad_action_items.txt") +
                                 ":2: expected '<id> <phrase>' (id of letters, digits, '_', '-', '.', '+', '=')");
  }
  try {
    parley::load_currency_tokens(data_path("bad_currencies.txt"));
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.message() ==
          data_path("bad_currencies.txt") + ":3: currency code 'sek' is not three capital letters");
  }
  try {
    parley::load_phrase_list(data_path("missing.txt"));
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::io);
    CHECK(error.message() == data_path("missing.txt") + ": cannot open file");
  }
  parley::SignalPatterns unknown_currency;
  unknown_currency.currencies = {{"zorkmid", "ZZZ", {}}};
  try {
    parley::SignalDetector bad(unknown_currency);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.message() == "currency token 1 ('zorkmid'): unknown ISO 4217 code 'ZZZ'");
  }
}

TEST_CASE("patterns: a host extends the bundled lists") {
  auto patterns = parley::load_signal_patterns();
  patterns.languages["en"].action_items.push_back({"commit_phrase", "i'll book a demo"});
  patterns.languages["en"].fillers.push_back("literally");
  const parley::SignalDetector extended(patterns);
  auto call = two_party_call("en-US");
  add(call, 0, 0, 60'000, "Literally the best part: I'll book a demo for your team");
  const auto signals = extended.detect(call);
  REQUIRE(signals.action_items.size() == 1);
  CHECK(signals.action_items[0].pattern_id == "i'll book a demo");
  CHECK(signals.fillers[0].count == 1);
}

TEST_CASE("detect: a 50 MB segment without punctuation is handled in one pass") {
  auto call = two_party_call("en-US");
  std::string big;
  big.reserve(50u << 20);
  const std::string chunk = "um we pay $1,200 to Globex Corporation and ";  // 43 bytes
  while (big.size() + chunk.size() <= (50u << 20)) big += chunk;
  add(call, 1, 0, 3'600'000, big);
  const std::size_t repeats = big.size() / chunk.size();
  const auto signals = detector().detect(call);
  CHECK(signals.prices.size() == repeats);
  CHECK(signals.fillers[1].count == repeats);
  REQUIRE(signals.brand_counts.size() == 1);
  CHECK(signals.brand_counts[0].count == repeats);
}

TEST_CASE("patterns: bundled data covers every SPEC language") {
  const auto patterns = parley::load_signal_patterns();
  for (const char* language :
       {"ar", "zh", "da", "nl", "en", "fi", "fr", "de", "he", "it", "ja", "nb", "pt", "es", "sv"}) {
    CAPTURE(language);
    REQUIRE(patterns.languages.count(language) == 1);
    const auto& lists = patterns.languages.at(language);
    CHECK(!lists.interrogatives.empty());
    CHECK(!lists.fillers.empty());
    CHECK(!lists.action_items.empty());
  }
  const auto gazetteer = parley::load_gazetteer(data_path("gazetteer.txt"));
  REQUIRE(gazetteer.size() == 3);
  CHECK(gazetteer[0].name == "Northwind Traders");
  CHECK(gazetteer[0].variants == std::vector<std::string>{"Northwind"});
  CHECK(gazetteer[2].name == "Société Générale");
}

TEST_CASE("json: a price mention's fields") {
  auto prices = detector().find_prices("It is €300.", "en-IE");
  REQUIRE(prices.size() == 1);
  CHECK(
      parley::to_json(prices[0]) ==
      R"({"amount":"300","begin":6,"currency":"EUR","end":12,"offset_ms":0,"role":"other","segment":0,"text":"€300","value":300.0})");
}

TEST_CASE("detect: German nouns joined by articles or prepositions are not brands") {
  parley::SignalOptions options;
  options.gazetteer = parley::load_gazetteer(data_path("gazetteer.txt"));
  const parley::SignalDetector with_gazetteer(parley::load_signal_patterns(), options);
  auto call = two_party_call("de-DE");
  // Every noun is capitalised: "Monaten den Erfolg" and "Schritt für Schritt" would pass the rule
  // that lets connectors join the words of a name.
  add(call, 1, 0, 6000, "Wir wollen in drei Monaten den Erfolg sehen und alle Schritt für Schritt schulen.");
  add(call, 1, 6000, 9000, "Bisher arbeiten wir mit Northwind Traders zusammen.");
  const auto signals = with_gazetteer.detect(call);
  INFO(parley::to_json(signals));
  REQUIRE(signals.brand_counts.size() == 1);
  CHECK(signals.brand_counts[0].name == "Northwind Traders");
  CHECK(signals.brand_counts[0].first_segment == 1);
}

TEST_CASE("detect: a participant's name is no brand in their call only, though word kinds are remembered across calls") {
  // One detector, three calls in turn: what a capitalised word is (Hunspell, name lists) is kept
  // between calls, the participants are not. "Nokia" is a dictionary proper noun: a brand unless
  // someone on the call is called Nokia.
  const parley::SignalDetector detector;
  const auto brands_of = [&](const std::string& customer_name) {
    parley::Call call = two_party_call("en-US");
    call.participants[1].display_name = customer_name;
    add(call, 0, 0, 5'000, "We compared the phones and then Nokia came back with an offer.");
    std::vector<std::string> keys;
    for (const auto& count : detector.detect(call).brand_counts) keys.push_back(count.key);
    return keys;
  };
  CHECK(brands_of("Customer") == std::vector<std::string>{"nokia"});
  CHECK(brands_of("Nokia Virtanen").empty());
  CHECK(brands_of("Customer") == std::vector<std::string>{"nokia"});
}
