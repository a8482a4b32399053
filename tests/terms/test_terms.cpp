#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "parley/error.hpp"
#include "parley/terms.hpp"
#include "terms/terms_json.hpp"
#include "terms_test_support.hpp"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& values) {
    std::string out = "{";
    for (const auto& value : values) out += "\"" + value + "\" ";
    return String((out + "}").c_str());
  }
};
}  // namespace doctest

using parley::Role;
using parley::TermKind;
using parley::TrackedTerm;
using terms_test::make_call;
using terms_test::make_term;

namespace {

TrackedTerm related(std::string name) {
  TrackedTerm term = make_term(std::move(name));
  term.match_related_forms = true;
  return term;
}

// "term name=original text of the hit" for each hit, in order.
std::vector<std::string> hits_as_text(const parley::TrackedTermMatcher& matcher, const parley::Call& call) {
  std::vector<std::string> out;
  for (const parley::TermHit& hit : matcher.find_hits(call)) {
    const std::string& text = call.segments.at(hit.segment).text;
    out.push_back(matcher.term(hit.term).name + "=" + text.substr(hit.begin, hit.end - hit.begin));
  }
  return out;
}

std::vector<std::string> find(std::vector<TrackedTerm> terms, const std::string& text,
                              const std::string& language = "en-US",
                              parley::TermMatcherOptions options = {}) {
  if (options.languages == std::vector<std::string>{"en"}) options.languages = {language};
  const parley::TrackedTermMatcher matcher(terms, options);
  return hits_as_text(matcher, make_call({{Role::customer, text}}, language));
}

using Hits = std::vector<std::string>;

}  // namespace

TEST_CASE("no hit inside a longer word; hits next to punctuation, in any case and width") {
  const std::vector<TrackedTerm> terms{make_term("Contoso", {}, TermKind::competitor)};
  CHECK(find(terms, "We moved from Contosoft to NotContoso last year.") == Hits{});
  CHECK(find(terms, "Contoso's pricing, CONTOSO-style bundles and (contoso).") ==
        Hits{"Contoso=Contoso", "Contoso=CONTOSO", "Contoso=contoso"});
  // Fullwidth letters are 3 bytes each: the hit covers all 7 of them, 21 bytes.
  CHECK(find(terms, "ＣＯＮＴＯＳＯ pricing") == Hits{"Contoso=ＣＯＮＴＯＳＯ"});
}

TEST_CASE("overlapping terms: leftmost, then longest, wins (\"Contoso 360\" over \"Contoso\")") {
  const std::vector<TrackedTerm> terms{make_term("Contoso", {}, TermKind::competitor),
                                       make_term("Contoso 360", {}, TermKind::competitor)};
  const parley::TrackedTermMatcher matcher(terms);
  const auto call = make_call({{Role::customer, "We compared Contoso 360 with Contoso."}});
  const auto hits = matcher.find_hits(call);
  REQUIRE(hits.size() == 2);
  // "We compared " is 12 bytes; "Contoso 360" is 11 -> [12, 23); " with " is 6 -> "Contoso" at [29, 36).
  CHECK(hits[0].term == 1);
  CHECK(hits[0].begin == 12);
  CHECK(hits[0].end == 23);
  CHECK(hits[1].term == 0);
  CHECK(hits[1].begin == 29);
  CHECK(hits[1].end == 36);
  // "Contoso 3600" is not "Contoso 360" (longer number) but still "Contoso".
  CHECK(find(terms, "Contoso 3600 is new") == Hits{"Contoso=Contoso"});
  // Phrase words separated by a no-break space (NFKC: U+00A0 -> space) still form the phrase.
  CHECK(find(terms,
             "Contoso\xC2\xA0"
             "360 rocks") == Hits{"Contoso 360=Contoso\xC2\xA0"
                                  "360"});
}

TEST_CASE("variants: a hit names the variant; a variant shared by two terms stays with the first") {
  const std::vector<TrackedTerm> terms{make_term("Contoso 360", {"Contoso", "C360"}, TermKind::competitor),
                                       make_term("Contoso Cloud", {"contoso"}, TermKind::competitor)};
  const parley::TrackedTermMatcher matcher(terms);
  REQUIRE(matcher.warnings().size() == 1);
  CHECK(matcher.warnings()[0] ==
        "term 1 ('Contoso Cloud'): variant 1 'contoso' is the same as variant 1 of term 0 ('Contoso 360'), "
        "which keeps it");
  const auto hits = matcher.find_hits(make_call({{Role::customer, "Is C360 cheaper than Contoso?"}}));
  REQUIRE(hits.size() == 2);
  CHECK(hits[0].term == 0);
  CHECK(hits[0].variant == 2);  // "C360" = variants[1]
  CHECK(hits[1].term == 0);
  CHECK(hits[1].variant == 1);  // "Contoso" = variants[0]
}

TEST_CASE("every supported language: hand-written hits in real sentences") {
  // English, with related forms through the English stemmer.
  CHECK(find({related("renew")}, "Renewal is on the table; we renewed last year, not a rerun.", "en-US") ==
        Hits{"renew=Renewal", "renew=renewed"});
  // Porter2 reduces "renewing" and "renewables" to "renew" as well; "rent" shares only the prefix.
  CHECK(find({related("renew")}, "Renewing Renewables, rent renews.", "en-US") ==
        Hits{"renew=Renewing", "renew=Renewables", "renew=renews"});
  CHECK(find({make_term("licence", {"license"})}, "The licence fee and the license count.", "en-GB") ==
        Hits{"licence=licence", "licence=license"});
  // German: ß folds to ss both ways; no hit inside the compound "Straßenbahn".
  CHECK(find({make_term("Straße")}, "Die STRASSE ist gesperrt, die Straßenbahn nicht.", "de-DE") ==
        Hits{"Straße=STRASSE"});
  CHECK(find({related("Vertrag")}, "Die Verträge und der Vertrag sind da.", "de-DE") ==
        Hits{"Vertrag=Verträge", "Vertrag=Vertrag"});
  // French: elided article before the word is not part of it; accents count unless stripped.
  CHECK(find({make_term("équipe")}, "L'équipe de Contoso et l'equipe.", "fr-FR") == Hits{"équipe=équipe"});
  parley::TermMatcherOptions strip;
  strip.strip_accents = true;
  CHECK(find({make_term("equipe")}, "L'Équipe de Contoso et l'equipe.", "fr-CA", strip) ==
        Hits{"equipe=Équipe", "equipe=equipe"});
  // Portuguese and Spanish.
  CHECK(find({make_term("aquisição")}, "As aquisições e a AQUISIÇÃO do ano.", "pt-BR") ==
        Hits{"aquisição=AQUISIÇÃO"});
  CHECK(find({make_term("renovação")}, "A renovação do contrato está prevista.", "pt-PT") ==
        Hits{"renovação=renovação"});
  CHECK(find({make_term("Núñez Tech")}, "¿Cuándo renovamos con NÚÑEZ TECH?", "es-ES") ==
        Hits{"Núñez Tech=NÚÑEZ TECH"});
  CHECK(find({make_term("demostración")}, "La señora pidió una demostración.", "es-MX") ==
        Hits{"demostración=demostración"});
  // Italian: "più" after an apostrophe-free word, "Quest'anno" keeps "anno" findable after the apostrophe.
  CHECK(find({make_term("anno"), make_term("più")}, "Quest'anno l'azienda vorrebbe più licenze.", "it-IT") ==
        Hits{"anno=anno", "più=più"});
  // Dutch: "offertes" is a longer word.
  CHECK(find({make_term("offerte")}, "De offerte en de offertes van vóór de zomer.", "nl-NL") ==
        Hits{"offerte=offerte"});
  // Danish, Norwegian, Swedish letters fold by case only.
  CHECK(find({make_term("tilbud")}, "Vi får et TILBUD på tirsdag, tilbuddet er godt.", "da-DK") ==
        Hits{"tilbud=TILBUD"});
  CHECK(find({make_term("Østlandet")}, "Kundene på ØSTLANDET ønsker å forlenge avtalen.", "nb-NO") ==
        Hits{"Østlandet=ØSTLANDET"});
  CHECK(find({make_term("Åland")}, "Kunden på åland och Ålands skärgård.", "sv-SE") == Hits{"Åland=åland"});
  // Finnish: no hit inside the compound "asiakaspalvelupäällikkö".
  CHECK(find({make_term("palvelu")}, "Asiakaspalvelupäällikkö lupasi, että palvelu paranee.", "fi-FI") ==
        Hits{"palvelu=palvelu"});
  // Arabic and Hebrew (right-to-left, matched in logical order).
  CHECK(find({make_term("العقد")}, "هل يمكننا تجديد العقد في الشهر القادم؟", "ar-BH") == Hits{"العقد=العقد"});
  CHECK(find({make_term("החוזה")}, "האם נוכל לחדש את החוזה בחודש הבא?", "he-IL") == Hits{"החוזה=החוזה"});
  // Chinese without spaces: found in unsegmented text; not inside 北京东路 ("Beijing East Road").
  CHECK(find({make_term("华为", {}, TermKind::competitor)}, "我们在比较华为和阿里巴巴的价格。", "zh-CN") ==
        Hits{"华为=华为"});
  CHECK(find({make_term("京东")}, "他住在北京东路。", "zh-CN") == Hits{});
  parley::TermMatcherOptions any_boundary;
  any_boundary.dictionary_boundaries_for_unspaced_scripts = false;
  CHECK(find({make_term("京东")}, "他住在北京东路。", "zh-CN", any_boundary) == Hits{"京东=京东"});
  CHECK(find({make_term("Contoso")}, "我们用Contoso的产品。", "zh-CN") == Hits{"Contoso=Contoso"});
  // Japanese: halfwidth katakana in the text maps back to the original halfwidth bytes.
  CHECK(find({make_term("コンピューター")}, "新しいｺﾝﾋﾟｭｰﾀｰを買いました。", "ja-JP") ==
        Hits{"コンピューター=ｺﾝﾋﾟｭｰﾀｰ"});
}

TEST_CASE("a hit records segment, role and time offset from word timings or by proportion") {
  const std::vector<TrackedTerm> terms{make_term("Contoso", {}, TermKind::competitor)};
  const parley::TrackedTermMatcher matcher(terms);
  auto call = make_call({{Role::seller, "Hello there."}, {Role::customer, "We use Contoso today"}});
  // Segment 1 spans 5000..10000 ms; without word timings: "We use " is 7 of 20 characters,
  // 5000 + 5000 * 7 / 20 = 6750.
  auto hits = matcher.find_hits(call);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].segment == 1);
  CHECK(hits[0].role == Role::customer);
  CHECK(hits[0].offset_ms == 6750);
  // With word timings the hit takes the start of its word.
  call.segments[1].words = {{5000, 5200, "We", {}},
                            {5200, 5500, "use", {}},
                            {5600, 6100, "Contoso", {}},
                            {6100, 6500, "today", {}}};
  hits = matcher.find_hits(call);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].offset_ms == 5600);
  // A hit inside a timed word (a CJK word timing covering "用Contoso") is interpolated by
  // characters: 1 of 8 characters into 1000..1800 ms -> 1000 + 800 * 1 / 8 = 1100.
  auto cjk = make_call({{Role::customer, "我们用Contoso"}}, "zh-CN");
  cjk.segments[0].words = {{0, 1000, "我们", {}}, {1000, 1800, "用Contoso", {}}};
  hits = matcher.find_hits(cjk);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].offset_ms == 1100);
}

TEST_CASE("per call counts by term and by role") {
  const std::vector<TrackedTerm> terms{make_term("Contoso", {}, TermKind::competitor), make_term("discount"),
                                       make_term("budget")};
  const parley::TrackedTermMatcher matcher(terms);
  const auto call = make_call({{Role::seller, "Contoso is not cheaper."},
                               {Role::customer, "Contoso offered a discount. Contoso again!"},
                               {Role::other, "Recording: Contoso call."}});
  const auto counts = parley::count_term_hits(matcher, matcher.find_hits(call));
  // Contoso: seller 1, customer 2, other 1 = 4; discount: customer 1; budget: none (not listed).
  REQUIRE(counts.terms.size() == 2);
  CHECK(counts.terms[0].name == "Contoso");
  CHECK(counts.terms[0].kind == TermKind::competitor);
  CHECK(counts.terms[0].total == 4);
  CHECK(counts.terms[0].by_seller == 1);
  CHECK(counts.terms[0].by_customer == 2);
  CHECK(counts.terms[0].by_other == 1);
  CHECK(counts.terms[1].name == "discount");
  CHECK(counts.terms[1].total == 1);
  CHECK(counts.terms[1].by_customer == 1);
  CHECK(counts.total == 5);
  CHECK(counts.by_seller == 1);
  CHECK(counts.by_customer == 3);
  CHECK(counts.by_other == 1);
  CHECK(
      parley::to_json(counts) ==
      R"({"by_customer":3,"by_other":1,"by_seller":1,"terms":[{"by_customer":2,"by_other":1,"by_seller":1,"kind":"competitor","name":"Contoso","term":0,"total":4},{"by_customer":1,"by_other":0,"by_seller":0,"kind":"keyword","name":"discount","term":1,"total":1}],"total":5})");
}

TEST_CASE("filters: said by our side, by the customer, or as part of a question") {
  TrackedTerm by_customer = make_term("discount");
  by_customer.said_by = parley::SpeakerFilter::customer;
  TrackedTerm by_seller = make_term("roadmap");
  by_seller.said_by = parley::SpeakerFilter::seller;
  TrackedTerm in_question = make_term("budget");
  in_question.only_in_questions = true;
  const std::vector<TrackedTerm> terms{by_customer, by_seller, in_question};
  const parley::TrackedTermMatcher matcher(terms);
  const auto call = make_call(
      {{Role::seller, "No discount, but our roadmap is clear. What is your budget?"},
       {Role::customer, "Any discount? The roadmap? Our budget is fixed. Budget 1.5 million, ok?"}});
  CHECK(hits_as_text(matcher, call) ==
        Hits{"roadmap=roadmap", "budget=budget", "discount=discount", "budget=Budget"});
  const auto hits = matcher.find_hits(call);
  REQUIRE(hits.size() == 4);
  CHECK(hits[1].in_question);
  CHECK(hits[2].in_question);
  CHECK(hits[3].in_question);  // "1.5" is a decimal point, not the end of the sentence
  // "Any discount? The roadmap? Our budget is fixed. Budget 1.5 million, ok?" has 71 characters,
  // 4 before "discount": 5000 + 5000 * 4 / 71 = 5281 ms.
  CHECK(
      parley::to_json(hits[2]) ==
      R"({"begin":4,"end":12,"in_question":true,"offset_ms":5281,"role":"customer","segment":1,"term":0,"variant":0})");
}

TEST_CASE("bad terms: empty, punctuation only, invalid UTF-8, too many") {
  auto expect_error = [](std::vector<TrackedTerm> terms, parley::ErrorCode code, const std::string& message,
                         parley::TermMatcherOptions options = {}) {
    try {
      parley::TrackedTermMatcher matcher(terms, options);
      FAIL("expected an error");
    } catch (const parley::Error& error) {
      CHECK(error.code() == code);
      CHECK(error.message() == message);
    }
  };
  expect_error({make_term("Contoso"), make_term("")}, parley::ErrorCode::invalid_argument,
               "term 1: empty name");
  expect_error({make_term("   ")}, parley::ErrorCode::invalid_argument, "term 0: empty name");
  expect_error({make_term("Contoso", {"C360", ""})}, parley::ErrorCode::invalid_argument,
               "term 0 ('Contoso'): empty variant 2");
  expect_error({make_term("?!")}, parley::ErrorCode::invalid_argument,
               "term 0: name '?!' has no letter or digit");
  expect_error({make_term("Contoso", {"C\xFF"})}, parley::ErrorCode::invalid_utf8,
               "term 0 ('Contoso'): variant 1 is not valid UTF-8 (byte offset 1)");
  parley::TermMatcherOptions small;
  small.max_terms = 1;
  expect_error({make_term("a"), make_term("b")}, parley::ErrorCode::limit_exceeded,
               "term list of 2 terms exceeds the limit of 1", small);
  // An empty list compiles and finds nothing.
  const parley::TrackedTermMatcher empty(std::vector<TrackedTerm>{});
  CHECK(empty.find_hits(make_call({{Role::customer, "anything"}})).empty());
}

TEST_CASE("bad text: invalid UTF-8 in a segment names the segment") {
  const std::vector<TrackedTerm> terms{make_term("Contoso")};
  const parley::TrackedTermMatcher matcher(terms);
  try {
    (void)matcher.find_hits(make_call({{Role::seller, "fine"}, {Role::customer, "caf\xC3 Contoso"}}));
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_utf8);
    CHECK(error.message() == "segment 1: invalid UTF-8 at byte offset 3");
  }
}

TEST_CASE("a term list of 10,000 entries compiles and matches") {
  std::vector<TrackedTerm> terms;
  for (int i = 0; i < 10'000; ++i) terms.push_back(make_term("product " + std::to_string(i) + " suite"));
  const parley::TrackedTermMatcher matcher(terms);
  CHECK(matcher.term_count() == 10'000);
  CHECK(find(terms, "We bought product 9999 suite and product 12 suites.") ==
        Hits{"product 9999 suite=product 9999 suite"});
}

TEST_CASE("a 50 MB single segment is matched in one piece") {
  // 50 MiB of "Contoso or Contosoft? " (22 bytes, one whole-word Contoso): 2,383,127 repetitions.
  const std::string unit = "Contoso or Contosoft? ";
  const std::size_t repetitions = (50u << 20) / unit.size();
  std::string text;
  text.reserve(repetitions * unit.size());
  for (std::size_t i = 0; i < repetitions; ++i) text += unit;
  const std::vector<TrackedTerm> terms{make_term("Contoso")};
  const parley::TrackedTermMatcher matcher(terms);
  const auto hits = matcher.find_hits(make_call({{Role::customer, text}}));
  REQUIRE(hits.size() == repetitions);
  CHECK(hits.back().begin == (repetitions - 1) * unit.size());
  CHECK(hits.back().in_question);
}

TEST_CASE("property: the matcher agrees with a naive whole-word search on random ASCII text") {
  // Independent method: lower-case the text, find every occurrence, keep those with non-letters
  // on both sides, then apply leftmost-longest by hand.
  const std::vector<std::string> vocabulary{"contoso", "contoso 360", "fabrikam", "tailspin", "renew",
                                            "360",     "contosoft",   "price",    "the",      "deal",
                                            "Contoso", "FABRIKAM",    ",",        "."};
  const std::vector<TrackedTerm> terms{make_term("contoso"), make_term("contoso 360"), make_term("fabrikam"),
                                       make_term("price"), make_term("360")};
  const parley::TrackedTermMatcher matcher(terms);
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, vocabulary.size() - 1);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int w = 0; w < 12; ++w) text += vocabulary[pick(rng)] + (pick(rng) % 3 == 0 ? "" : " ");
    std::string lower = text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    struct Found {
      std::size_t begin, end;
    };
    std::vector<Found> found;
    for (const auto& term : terms) {
      for (std::size_t at = lower.find(term.name); at != std::string::npos;
           at = lower.find(term.name, at + 1)) {
        const std::size_t end = at + term.name.size();
        const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
        const bool right = end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end]));
        if (left && right) found.push_back({at, end});
      }
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
    });
    std::size_t expected = 0, last_end = 0;
    for (const Found& f : found) {
      if (expected > 0 && f.begin < last_end) continue;
      ++expected;
      last_end = f.end;
    }
    CAPTURE(text);
    CHECK(matcher.count_in_normalized(lower) == expected);
    CHECK(matcher.find_hits(make_call({{Role::customer, text}})).size() == expected);
  }
}

TEST_CASE("property: hits do not depend on how segments are batched, and threads share a matcher") {
  const std::vector<TrackedTerm> terms{make_term("Contoso"), make_term("华为"), related("renew")};
  const parley::TrackedTermMatcher matcher(terms);
  std::vector<std::pair<Role, std::string>> turns;
  for (int i = 0; i < 200; ++i) {
    turns.push_back({i % 2 ? Role::seller : Role::customer,
                     "Turn " + std::to_string(i) + ": Contoso, 华为 and the renewal" + (i % 3 ? "." : "?")});
  }
  const auto call = make_call(turns);
  const auto all = matcher.find_hits(call);
  CHECK(all.size() == 600);  // three hits per turn
  std::size_t one_by_one = 0;
  for (const auto& turn : turns) one_by_one += matcher.find_hits(make_call({turn})).size();
  CHECK(one_by_one == all.size());
  std::vector<std::size_t> per_thread(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < per_thread.size(); ++t) {
    threads.emplace_back([&, t] { per_thread[t] = matcher.find_hits(call).size(); });
  }
  for (auto& thread : threads) thread.join();
  for (const std::size_t n : per_thread) CHECK(n == 600);
}

TEST_CASE("dictionary boundaries stay right when runs repeat across segments, calls and scans") {
  // Segmentations of unspaced runs are reused by later scans of the same matcher: a repeated run
  // must give the same verdict as the first time, and a different run must not take its verdict.
  const std::vector<TrackedTerm> terms{make_term("京东"), make_term("华为")};
  const parley::TrackedTermMatcher matcher(terms);
  std::vector<std::pair<Role, std::string>> turns;
  for (int i = 0; i < 50; ++i) {
    turns.push_back({Role::customer, i % 2 ? "我们在比较华为和阿里巴巴的价格。" : "他住在北京东路。"});
  }
  const auto call = make_call(turns, "zh-CN");
  // 25 turns name 华为 between other Chinese words (one hit each); 京东 inside 北京东路 never counts.
  for (int round = 0; round < 3; ++round) {
    const auto hits = matcher.find_hits(call);
    REQUIRE(hits.size() == 25);
    for (const auto& hit : hits) CHECK(hit.term == 1);
  }
  // The same runs in one normalized buffer: 2 x 华为, 0 x 京东; then 京东 standing alone once.
  CHECK(matcher.count_in_normalized(
            "他住在北京东路。我们在比较华为和阿里巴巴的价格。他住在北京东路。比较华为和") == 2);
  CHECK(matcher.count_in_normalized("他住在北京东路。京东。") == 1);
}

TEST_CASE("term list file: the documented format loads") {
  const auto terms = parley::load_term_list(std::string(PARLEY_TEST_DATA_DIR) + "/terms/terms.tsv");
  REQUIRE(terms.size() == 9);
  CHECK(terms[0].name == "Contoso 360");
  CHECK(terms[0].kind == TermKind::competitor);
  CHECK(terms[0].variants == std::vector<std::string>{"Contoso", "C360"});
  CHECK(terms[0].scope.level == parley::TermScope::Level::organisation);
  CHECK(terms[3].match_related_forms);
  CHECK(terms[4].said_by == parley::SpeakerFilter::customer);
  CHECK(terms[5].only_in_questions);
  CHECK(terms[6].scope.level == parley::TermScope::Level::team);
  CHECK(terms[6].scope.team_id == "dach");
  CHECK(
      parley::to_json_value(terms[6]).dump() ==
      R"({"kind":"keyword","match_related_forms":true,"name":"Preisnachlass","only_in_questions":false,"said_by":"anyone","scope":{"level":"team","team_id":"dach"},"variants":["Rabatt"]})");
}

TEST_CASE("terms for a seller: organisation-wide plus their teams', repeated names merged") {
  const auto terms = parley::load_term_list(std::string(PARLEY_TEST_DATA_DIR) + "/terms/terms.tsv");
  const std::vector<std::string> emea{"emea-smb"};
  const auto chosen = parley::terms_for_seller(terms, emea);
  // 6 organisation-wide terms + "licence"; the team's "Contoso 360" merges into the organisation's,
  // adding its variant "Contoso Cloud".
  REQUIRE(chosen.size() == 7);
  CHECK(chosen[0].name == "Contoso 360");
  CHECK(chosen[0].scope.level == parley::TermScope::Level::organisation);
  CHECK(chosen[0].variants == std::vector<std::string>{"Contoso", "C360", "Contoso Cloud"});
  CHECK(chosen[6].name == "licence");
  const std::vector<std::string> no_team;
  CHECK(parley::terms_for_seller(terms, no_team).size() == 6);
}

TEST_CASE("term list file errors name the file and line") {
  auto expect = [](const std::string& text, const std::string& message) {
    try {
      (void)parley::parse_term_list(text, "terms.tsv");
      FAIL("expected an error");
    } catch (const parley::Error& error) {
      CHECK(error.code() == parley::ErrorCode::parse);
      CHECK(error.message() == message);
    }
  };
  expect("competitr\tContoso\n", "terms.tsv:1: unknown kind 'competitr' (expected keyword or competitor)");
  expect("# header\nkeyword\n",
         "terms.tsv:2: expected at least 2 tab-separated fields (kind, name), found 1");
  expect("keyword\t \n", "terms.tsv:1: empty term name");
  expect("keyword\tprice\tcost||fee\n", "terms.tsv:1: empty variant 2 of 'price'");
  expect("keyword\tprice\t\tdepartment\n",
         "terms.tsv:1: unknown scope 'department' (expected organisation or team:<team id>)");
  expect("keyword\tprice\t\t\tstemming\n",
         "terms.tsv:1: unknown option 'stemming' (expected related_forms, only_in_questions, said_by=seller, "
         "said_by=customer or said_by=anyone)");
  expect(
      "keyword\tprice\t\t\t\textra\n",
      "terms.tsv:1: expected at most 5 tab-separated fields (kind, name, variants, scope, options), found 6");
  expect("keyword\tpri\xC3\n", "terms.tsv:1: invalid UTF-8 at byte 12 of the line");
  const std::string dir = std::string(PARLEY_TEST_DATA_DIR) + "/terms/";
  auto expect_file = [&](const std::string& name, const std::string& message) {
    try {
      (void)parley::load_term_list(dir + name);
      FAIL("expected an error");
    } catch (const parley::Error& error) {
      CHECK(error.message() == dir + name + message);
    }
  };
  expect_file("bad_duplicate.tsv", ":3: duplicate term 'CONTOSO' (first on line 1 in the same scope)");
  expect_file("bad_conflict.tsv",
              ":3: term 'contoso' is a keyword here but a competitor on line 2 in the same scope");
  expect_file("bad_empty.tsv", ":2: empty term name");
  try {
    (void)parley::load_term_list(dir + "missing.tsv");
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::io);
    CHECK(error.message() == dir + "missing.tsv: cannot open the term list");
  }
}
