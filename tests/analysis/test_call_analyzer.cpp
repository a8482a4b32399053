// CallAnalyzer end to end: one small call whose every figure is worked out by hand from the
// definitions in docs/ (metrics.md, signals.md, terms.md, sentiment.md) and the bundled English
// data, and the same analyzer shared by several threads.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "json_compare.hpp"
#include "parley/analysis.hpp"
#include "sample_org.hpp"

namespace {

using nlohmann::json;

// Maya (seller) and Dana (customer), 20 s, one hand-over gap of 1, 1.5 and 2 s between turns:
//   0  Maya   0 -  4 000  "The plan costs $1,200 per year."
//   1  Dana   5 000 -  8 500  "Um, does that include the discount?"
//   2  Maya  10 000 - 14 500  "Yes, the support is great."
//   3  Dana  16 500 - 19 000  "Sounds good, thank you."
parley::Call small_call() {
  parley::Call call;
  call.id = "hand-1";
  call.start_time_ms = 1'767'225'600'000;  // 2026-01-01T00:00Z
  call.duration_ms = 20'000;
  call.language = "en-US";
  call.participants = {{"maya", "Maya Rep", parley::Role::seller, "u-maya"},
                       {"dana", "Dana Buyer", parley::Role::customer, ""}};
  call.segments = {{0, 0, 4'000, "The plan costs $1,200 per year.", {}, {}},
                   {1, 5'000, 8'500, "Um, does that include the discount?", {}, {}},
                   {0, 10'000, 14'500, "Yes, the support is great.", {}, {}},
                   {1, 16'500, 19'000, "Sounds good, thank you.", {}, {}}};
  return call;
}

std::vector<parley::TrackedTerm> small_terms() {
  parley::TrackedTerm discount;
  discount.name = "discount";
  discount.variants = {"rebate"};
  parley::TrackedTerm contoso;  // never said: no count entry
  contoso.name = "Contoso";
  contoso.kind = parley::TermKind::competitor;
  return {discount, contoso};
}

// VADER's normalisation of a valence sum (docs/sentiment.md): S / sqrt(S^2 + 15).
double normalised(double sum) { return sum / std::sqrt(sum * sum + 15.0); }

json expected_document() {
  // Sentiment (data/sentiment/en.tsv, en.rules.tsv): segments 0 and 1 hold no rated word.
  // Segment 2: yes 1.7 + support 1.7 + great 3.1 = 6.5 over 5 tokens.
  // Segment 3: good 1.9 + the phrase "thank you" 1.5 = 3.4 over 4 tokens (the phrase is one term).
  // The lexicon keeps valences in single precision: 1.9f is 1.9 - 2.4e-8, which moves the score by
  // 2.6e-9.
  const double s2 = normalised(double{1.7f} + double{1.7f} + double{3.1f});
  const double s3 = normalised(double{1.9f} + double{1.5f});
  const auto summary = [](double score, const char* label, int segments, int words) {
    return json{{"score", score}, {"label", label}, {"segments", segments}, {"words", words}};
  };
  const auto segment = [](double score, const char* label, int words, int matched) {
    return json{{"score", score}, {"label", label}, {"word_count", words}, {"matched_terms", matched}};
  };
  // Word-weighted means: customer (6 x 0 + 4 x s3) / 10 = 0.264, seller (6 x 0 + 5 x s2) / 11 = 0.391,
  // all (5 x s2 + 4 x s3) / 21. Customer thirds by segment midpoint over 20 s: 6 750 ms -> middle,
  // 17 750 ms -> end.
  const json sentiment = {{"customer", summary(4 * s3 / 10, "positive", 2, 10)},
                          {"seller", summary(5 * s2 / 11, "positive", 2, 11)},
                          {"overall", summary((5 * s2 + 4 * s3) / 21, "positive", 4, 21)},
                          {"customer_trajectory",
                           {{"start", summary(0, "neutral", 0, 0)},
                            {"middle", summary(0, "neutral", 1, 6)},
                            {"end", summary(s3, "positive", 1, 4)}}},
                          {"segments",
                           {segment(0, "neutral", 6, 0), segment(0, "neutral", 6, 0),
                            segment(s2, "positive", 5, 3), segment(s3, "positive", 4, 2)}},
                          {"no_lexicon", false}};

  // Timing (docs/metrics.md). Seller talk 4 000 + 4 500 = 8 500 ms, customer 3 500 + 2 500 = 6 000,
  // no overlap: talk 14 500, silence 5 500. Four turns (no two of one speaker without the other
  // between), none shorter than the 2 s backchannel limit, so every turn ends the monologue before it.
  // Words (ICU: "$1,200" is the number 1,200): 6, 6, 5, 4. Questions: segment 1.
  // Hand-overs: 5 000 - 4 000, 10 000 - 8 500, 16 500 - 14 500 = 1 000, 1 500, 2 000 ms; the one
  // from customer to seller (1 500) is patience. Switches 3 in 1/3 minute = 9 per minute, over the
  // full scale of 6: interactivity 10; per hour 3 x 180 = 540.
  const double seller_wpm = 11 * 60'000.0 / 8'500, customer_wpm = 10 * 60'000.0 / 6'000;
  const auto role = [](int participants, int talk_ms, int turns, int words, json wpm, int questions,
                       double question_rate, int longest, int fillers, json fillers_per_minute) {
    return json{{"participants", participants},
                {"talk_ms", talk_ms},
                {"turns", turns},
                {"words", words},
                {"words_per_minute", wpm},
                {"questions", questions},
                {"question_rate_per_hour", question_rate},
                {"filler_words", fillers},
                {"filler_words_per_minute", fillers_per_minute},
                {"longest_monologue_ms", longest},
                {"overlap_ms", 0},
                {"interruptions_made", 0},
                {"interruptions_suffered", 0}};
  };
  const auto participant = [](int index, const char* id, const char* role_name, int talk_ms, int turns,
                              int words, double wpm, int questions, int longest, int fillers,
                              double fillers_per_minute) {
    return json{{"participant", index},
                {"participant_id", id},
                {"role", role_name},
                {"talk_ms", talk_ms},
                {"talk_share", talk_ms / 14'500.0},
                {"turns", turns},
                {"words", words},
                {"words_per_minute", wpm},
                {"questions", questions},
                {"filler_words", fillers},
                {"filler_words_per_minute", fillers_per_minute},
                {"longest_monologue_ms", longest},
                {"overlap_ms", 0},
                {"interruptions_made", 0},
                {"interruptions_suffered", 0}};
  };
  const json timing = {{"duration_ms", 20'000},
                       {"talk_ms", 14'500},
                       {"silence_ms", 5'500},
                       {"overlap_ms", 0},
                       {"talk_ratio_denominator", "speech_time"},
                       {"talk_ratio", 8'500 / 14'500.0},
                       {"listen_ratio", 6'000 / 14'500.0},
                       {"turns", 4},
                       {"switches", 3},
                       {"switch_rate_per_hour", 540.0},
                       {"interactivity", 10.0},
                       {"pauses", 3},
                       {"average_pause_ms", 1'500.0},
                       {"patience_pauses", 1},
                       {"patience_ms", 1'500.0},
                       {"longest_monologue_ms", 4'500},
                       {"words", 21},
                       {"questions", 1},
                       {"participation_gini", nullptr},  // two participants: only from three up
                       {"has_confidence", false},
                       {"low_confidence_ms", 0},
                       {"low_confidence_share", nullptr},
                       {"seller", role(1, 8'500, 2, 11, seller_wpm, 0, 0.0, 4'500, 0, 0.0)},
                       {"customer", role(1, 6'000, 2, 10, customer_wpm, 1, 180.0, 3'500, 1, 10.0)},
                       {"other", role(0, 0, 0, 0, nullptr, 0, 0.0, 0, 0, nullptr)},
                       {"participants",
                        {participant(0, "maya", "seller", 8'500, 2, 11, seller_wpm, 0, 4'500, 0, 0.0),
                         participant(1, "dana", "customer", 6'000, 2, 10, customer_wpm, 1, 3'500, 1, 10.0)}},
                       {"interruptions", json::array()}};

  // Signals (docs/signals.md, data/signals/en): "$1,200" is a price ("$" is USD in English) at
  // bytes 15..21 of segment 0; "Um" is Dana's one filler: 1 per 6 s of talk = 10 per minute. No
  // capitalised name of two words, no action-item phrase. Filler rates are timing's (per minute of
  // the speaker's talk time): seller 0 in 8.5 s, customer 1 in 6 s.
  const json signals = {
      {"language", "en"},
      {"prices",
       {{{"segment", 0},
         {"role", "seller"},
         {"offset_ms", 0},
         {"begin", 15},
         {"end", 21},
         {"amount", "1200"},
         {"value", 1200.0},
         {"currency", "USD"},
         {"text", "$1,200"}}}},
      {"brands", json::array()},
      {"brand_counts", json::array()},
      {"action_items", json::array()},
      {"questions_per_segment", {0, 1, 0, 0}},
      {"fillers_per_segment", {0, 1, 0, 0}},
      {"seller_questions", 0},
      {"customer_questions", 1},
      {"other_questions", 0},
      {"fillers",
       {{{"participant", 0}, {"role", "seller"}, {"count", 0}, {"by_phrase", json::array()}},
        {{"participant", 1},
         {"role", "customer"},
         {"count", 1},
         {"by_phrase", {{{"phrase", "um"}, {"count", 1}}}}}}}};

  // Terms (docs/terms.md): "discount" in segment 1 at bytes 26..34, inside the question; no word
  // timings, so its time is 5 000 + 3 500 x 26 / 35 characters = 7 600 ms.
  const json term_hits = {{{"term", 0},
                           {"term_name", "discount"},
                           {"variant", 0},
                           {"segment", 1},
                           {"role", "customer"},
                           {"offset_ms", 7'600},
                           {"begin", 26},
                           {"end", 34},
                           {"in_question", true}}};
  const json term_counts = {{"terms",
                             {{{"term", 0},
                               {"name", "discount"},
                               {"kind", "keyword"},
                               {"total", 1},
                               {"by_seller", 0},
                               {"by_customer", 1},
                               {"by_other", 0}}}},
                            {"total", 1},
                            {"by_seller", 0},
                            {"by_customer", 1},
                            {"by_other", 0}};

  return {{"call_id", "hand-1"},
          {"start_time_ms", 1'767'225'600'000},
          {"duration_ms", 20'000},
          {"language", "en-US"},
          {"segments", 4},
          {"participants",
           {{{"id", "maya"}, {"display_name", "Maya Rep"}, {"role", "seller"}, {"crm_id", "u-maya"}},
            {{"id", "dana"}, {"display_name", "Dana Buyer"}, {"role", "customer"}, {"crm_id", ""}}}},
          {"timing", timing},
          {"signals", signals},
          {"term_hits", term_hits},
          {"term_counts", term_counts},
          {"sentiment", sentiment}};
}

}  // namespace

TEST_CASE("the JSON of a small call agrees with the figures worked out by hand") {
  const parley::CallAnalyzer analyzer({}, small_terms());
  const parley::Call call = small_call();
  const json actual = json::parse(parley::to_json(call, analyzer.analyze(call)));
  parley_test::check_json(actual, expected_document());
}

TEST_CASE("one analyzer shared by several threads gives byte-identical JSON") {
  // Calls in six languages from the sample organisation, plus the small call; a competitor, a
  // multi-word keyword and a related-forms term so every area has work.
  parley::SampleOrganisationOptions options;
  options.call_count = 24;
  const parley::SampleOrganisation org = parley::generate_sample_organisation(17, options);
  std::vector<parley::Call> calls = org.calls;
  calls.push_back(small_call());
  std::vector<parley::TrackedTerm> terms = small_terms();
  parley::TrackedTerm pricing;
  pricing.name = "price";
  pricing.variants = {"pricing", "Preis", "prix", "precio", "pris"};
  pricing.match_related_forms = true;
  terms.push_back(pricing);
  parley::TrackedTerm security;
  security.name = "single sign-on";
  security.variants = {"SSO", "security"};
  terms.push_back(security);
  parley::AnalysisOptions analysis_options;
  analysis_options.terms.languages = {"en", "de", "da", "fr", "es"};
  const parley::CallAnalyzer analyzer(analysis_options, terms);

  std::vector<std::string> single;
  for (const parley::Call& call : calls) single.push_back(parley::to_json(call, analyzer.analyze(call)));

  // Each thread analyses every call three times over, starting at a different one, and notes every
  // document that differs from the single-threaded run.
  constexpr std::size_t thread_count = 6;
  std::vector<std::vector<std::string>> differing(thread_count);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < thread_count; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (std::size_t k = 0; k < calls.size(); ++k) {
          const std::size_t i = (k + t * 5) % calls.size();
          if (parley::to_json(calls[i], analyzer.analyze(calls[i])) != single[i]) {
            differing[t].push_back(calls[i].id);
          }
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::size_t hits = 0;
  for (const std::string& document : single) hits += json::parse(document)["term_hits"].size();
  CHECK(hits > 10);  // the terms were found (18 hits): the comparison covers the matcher
  for (std::size_t t = 0; t < thread_count; ++t) {
    CAPTURE(t);
    CHECK(differing[t].size() == 0);
  }
}
