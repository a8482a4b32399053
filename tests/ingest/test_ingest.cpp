#include <doctest/doctest.h>

#include "parley/ingest.hpp"

namespace {

// A seller speaks 0-10 s, the customer 12-42 s: talk ratio 10 / (10 + 30) = 0.25.
parley::Call two_party_call() {
  parley::Call call;
  call.id = "ingest-1";
  call.language = "en-US";
  call.participants = {{"dana", "Dana", parley::Role::seller, {}},
                       {"marco", "Marco", parley::Role::customer, {}}};
  call.segments.push_back({0, 0, 10'000, "I'll send you the proposal tomorrow.", {}, {}});
  call.segments.push_back(
      {1, 12'000, 42'000, "The Contoso rollout was terrible and cost us $500 a seat.", {}, {}});
  return call;
}

}  // namespace

TEST_CASE(
    "make_analysis_record carries timing, hits, prices, action items and sentiment into the store's form") {
  parley::TrackedTerm contoso;
  contoso.name = "Contoso 360";
  contoso.kind = parley::TermKind::competitor;
  contoso.variants = {"Contoso"};
  const parley::CallAnalyzer analyzer({}, {contoso});
  const parley::Call call = two_party_call();
  const parley::CallAnalysisRecord record =
      parley::make_analysis_record(analyzer.analyze(call), analyzer.tracked_terms());

  REQUIRE(record.metrics.talk_ratio.has_value());
  CHECK(*record.metrics.talk_ratio == doctest::Approx(0.25));
  CHECK(record.metrics.seller_talk_ms == 10'000);
  CHECK(record.metrics.customer_talk_ms == 30'000);
  CHECK(record.metrics.switches == 1);
  CHECK(record.metrics.longest_customer_monologue_ms == 30'000);

  REQUIRE(record.term_hits.size() == 1);
  CHECK(record.term_hits[0].term == "Contoso 360");  // stored by canonical name, not the variant said
  CHECK(record.term_hits[0].kind == parley::StoredTermKind::competitor);
  CHECK(record.term_hits[0].role == parley::Role::customer);
  CHECK(record.term_hits[0].segment_index == 1);

  REQUIRE(record.prices.size() == 1);
  CHECK(record.prices[0].amount == 500.0);
  CHECK(record.prices[0].currency == "USD");
  CHECK(record.prices[0].text == "$500");

  REQUIRE(record.action_items.size() == 1);
  CHECK(record.action_items[0].segment_index == 0);

  // "terrible" is negative in any rated English lexicon; nothing in the sentence offsets it.
  REQUIRE(record.customer_sentiment.score.has_value());
  CHECK(*record.customer_sentiment.score < 0);
  CHECK(record.customer_sentiment.label == "negative");
  // Tracked competitors are not reported again as "other brands".
  for (const parley::BrandMentionRecord& brand : record.brands)
    CHECK(brand.display_name.find("Contoso") == std::string::npos);
}

TEST_CASE("tracked_terms_from_lists keeps each list's kind and team scope") {
  parley::TermList competitors{"l1",
                               "Competitors",
                               parley::StoredTermKind::competitor,
                               parley::TermListScope::organisation,
                               "",
                               {{"Contoso 360", {"Contoso"}}}};
  parley::TermList team_keywords{"l2",
                                 "EMEA keywords",
                                 parley::StoredTermKind::keyword,
                                 parley::TermListScope::team,
                                 "mgr-1",
                                 {{"renewal", {}}, {"pilot", {"trial"}}}};
  const std::vector<parley::TermList> lists{competitors, team_keywords};
  const std::vector<parley::TrackedTerm> terms = parley::tracked_terms_from_lists(lists);
  REQUIRE(terms.size() == 3);
  CHECK(terms[0].name == "Contoso 360");
  CHECK(terms[0].kind == parley::TermKind::competitor);
  CHECK(terms[0].scope.level == parley::TermScope::Level::organisation);
  CHECK(terms[2].name == "pilot");
  CHECK(terms[2].variants == std::vector<std::string>{"trial"});
  CHECK(terms[2].kind == parley::TermKind::keyword);
  CHECK(terms[2].scope.level == parley::TermScope::Level::team);
  CHECK(terms[2].scope.team_id == "mgr-1");
}
