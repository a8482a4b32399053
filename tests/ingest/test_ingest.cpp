#include <doctest/doctest.h>

#include "parley/ingest.hpp"
#include "store/store_test_support.hpp"

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
  CHECK(record.metrics.customer_longest_monologue_ms == 30'000);

  REQUIRE(record.term_hits.size() == 1);
  CHECK(record.term_hits[0].term == "Contoso 360");  // stored by canonical name, not the variant said
  CHECK(record.term_hits[0].kind == parley::TermKind::competitor);
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

TEST_CASE("the terms of stored lists give the matcher the terms that were stored") {
  store_test::TempDir dir;
  auto store = store_test::open_fresh(dir);
  // One option of each kind per term, so that a lost option changes the hits below.
  parley::TrackedTerm contoso;  // a competitor the customer names, by its short name too
  contoso.name = "Contoso 360";
  contoso.kind = parley::TermKind::competitor;
  contoso.variants = {"Contoso"};
  contoso.said_by = parley::SpeakerFilter::customer;
  parley::TrackedTerm renew;  // other word forms count
  renew.name = "renew";
  renew.match_related_forms = true;
  parley::TrackedTerm budget;  // only asked about
  budget.name = "budget";
  budget.only_in_questions = true;
  budget.scope = store_test::team_scope("m1");
  parley::TermList organisation;  // member by member: g++ 12 -O3 misreads {} for the scope
  organisation.id = "org";
  organisation.name = "Organisation terms";
  organisation.terms = {contoso, renew};
  const parley::TermList team{"team-m1", "Team m1 terms", store_test::team_scope("m1"), {budget}};
  store->put_term_list(store_test::admin, organisation);
  store->put_term_list(store_test::admin, team);

  const auto stored = store->term_lists_for_seller(parley::Viewer::seller("s1"), "s1");
  const std::vector<parley::TrackedTerm> terms = parley::tracked_terms_from_lists(stored);
  const std::vector<parley::TrackedTerm> put = {contoso, renew, budget};
  REQUIRE(terms.size() == put.size());
  for (std::size_t i = 0; i < put.size(); ++i) {
    CAPTURE(put[i].name);
    CHECK(terms[i].name == put[i].name);
    CHECK(terms[i].kind == put[i].kind);
    CHECK(terms[i].variants == put[i].variants);
    CHECK(terms[i].scope.level == put[i].scope.level);
    CHECK(terms[i].scope.team_id == put[i].scope.team_id);
    CHECK(terms[i].match_related_forms == put[i].match_related_forms);
    CHECK(terms[i].said_by == put[i].said_by);
    CHECK(terms[i].only_in_questions == put[i].only_in_questions);
  }

  // The matcher built from the stored terms finds what the options say, by hand: the seller's
  // "Contoso" is not the customer's; "renewed" is a form of "renew"; "budget" counts only in the
  // question.
  parley::Call call;
  call.id = "terms-1";
  call.language = "en-US";
  call.participants = {{"s", "Sam", parley::Role::seller, {}}, {"c", "Carla", parley::Role::customer, {}}};
  call.segments = {{0, 0, 5'000, "We beat Contoso on budget.", {}, {}},
                   {1, 5'000, 10'000, "We renewed with Contoso last year. What is your budget?", {}, {}}};
  const parley::TrackedTermMatcher matcher(terms);
  const std::vector<parley::TermHit> hits = matcher.find_hits(call);
  REQUIRE(hits.size() == 3);
  CHECK(hits[0].term == 1);  // "renewed"
  CHECK(hits[0].segment == 1);
  CHECK(hits[1].term == 0);  // the customer's "Contoso"
  CHECK(hits[1].segment == 1);
  CHECK(hits[2].term == 2);  // "budget?" in the question
  CHECK(hits[2].segment == 1);
}
