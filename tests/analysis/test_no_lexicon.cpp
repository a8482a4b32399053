// A call in a language without a valence lexicon gets the honest answer (docs/sentiment.md): neutral,
// flagged no_lexicon, never another language's words. (Not in tests/sentiment: that program
// replaces operator delete to count allocations, which the analyzer's stable_sort trips under ASan.)
#include <doctest/doctest.h>

#include <string>

#include "parley/analysis.hpp"
#include "parley/sentiment.hpp"

using namespace parley;

TEST_CASE("analysis: a language without a valence lexicon is answered neutral, flagged no_lexicon") {
  Call call;
  call.language = "ko-KR";  // parley bundles nothing for Korean
  call.participants = {{"S", "Seller", Role::seller, ""}, {"C", "Customer", Role::customer, ""}};
  call.segments = {{0, 0, 1000, "좋아요 :)", {}, {}}, {1, 1000, 2000, "great, I love it", {}, {}}};
  const CallAnalysis analysis = CallAnalyzer(AnalysisOptions{}).analyze(call);
  REQUIRE(analysis.sentiment);
  CHECK(analysis.sentiment->no_lexicon);
  CHECK(analysis.sentiment->customer.words == 0);  // never English words scored as Korean
  CHECK(analysis.sentiment->customer.label == SentimentLabel::neutral);
  REQUIRE(analysis.sentiment->segments.size() == 2);
  CHECK(analysis.sentiment->segments[1].score == 0);
  CHECK(to_json(*analysis.sentiment).find("\"no_lexicon\":true") != std::string::npos);
  // Every bundled language has one.
  for (const std::string& language : bundled_sentiment_languages(std::string())) {
    CAPTURE(language);
#if PARLEY_SHARE_ALIKE_DATA
    CHECK(bundled_sentiment_lexicon(language).has_valence_lexicon());
#endif
  }
  CHECK_FALSE(SentimentLexicon().has_valence_lexicon());
}
