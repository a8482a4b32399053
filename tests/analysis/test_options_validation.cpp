// Options are validated when the object that takes them is built (CallAnalyzer, TrackedTermMatcher,
// SentimentScorer, SignalDetector; compute_timing per call), not when a call is analysed: every bad
// field is an Error(invalid_argument) naming the field by its path, its value and the allowed range.
// The expected messages are written out by hand from the rules documented beside each field.
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "parley/analysis.hpp"
#include "parley/error.hpp"
#include "parley/sentiment.hpp"
#include "parley/signals.hpp"
#include "parley/terms.hpp"
#include "parley/timing.hpp"

using parley::AnalysisOptions;
using parley::CallAnalyzer;
using parley::ErrorCode;
using parley::TrackedTerm;

namespace {

// The message of the parley::Error `action` throws; fails the test if it throws nothing or with
// another code.
template <typename Action>
std::string invalid_argument_message(Action&& action) {
  try {
    action();
  } catch (const parley::Error& error) {
    CHECK(parley::error_code_name(error.code()) == parley::error_code_name(ErrorCode::invalid_argument));
    return error.message();
  }
  FAIL_CHECK("expected Error(invalid_argument), but nothing was thrown");
  return {};
}

struct BadOption {
  std::function<void(AnalysisOptions&)> change;
  std::string message;
};

TrackedTerm term(std::string name, std::vector<std::string> variants) {
  TrackedTerm out;
  out.name = std::move(name);
  out.variants = std::move(variants);
  return out;
}

}  // namespace

TEST_CASE("CallAnalyzer rejects every bad option field when it is built, naming the field, value and range") {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  constexpr double inf = std::numeric_limits<double>::infinity();
  const std::vector<BadOption> cases = {
      {[](auto& o) { o.timing.turn_merge_gap_ms = -1; },
       "AnalysisOptions.timing.turn_merge_gap_ms = -1: must be >= 0"},
      {[](auto& o) { o.timing.backchannel_max_ms = -2000; },
       "AnalysisOptions.timing.backchannel_max_ms = -2000: must be >= 0"},
      {[](auto& o) { o.timing.monologue_max_silence_ms = -5; },
       "AnalysisOptions.timing.monologue_max_silence_ms = -5: must be >= 0"},
      {[](auto& o) { o.timing.talk_ratio_denominator = static_cast<parley::TalkRatioDenominator>(9); },
       "AnalysisOptions.timing.talk_ratio_denominator = 9: must be speech_time or call_duration"},
      {[](auto& o) { o.timing.low_confidence_threshold = 1.5; },
       "AnalysisOptions.timing.low_confidence_threshold = 1.5: must be in [0, 1]"},
      {[nan](auto& o) { o.timing.low_confidence_threshold = nan; },
       "AnalysisOptions.timing.low_confidence_threshold = nan: must be in [0, 1]"},
      {[](auto& o) { o.timing.interactivity_full_scale_switches_per_minute = 0; },
       "AnalysisOptions.timing.interactivity_full_scale_switches_per_minute = 0: must be finite and > 0"},
      {[inf](auto& o) { o.timing.interactivity_full_scale_switches_per_minute = inf; },
       "AnalysisOptions.timing.interactivity_full_scale_switches_per_minute = inf: must be finite and > 0"},

      {[](auto& o) { o.signals.min_name_words = 0; },
       "AnalysisOptions.signals.min_name_words = 0: must be >= 1"},
      {[](auto& o) {
         o.signals.min_name_words = 2;
         o.signals.max_name_words = 1;
       },
       "AnalysisOptions.signals.max_name_words = 1: must be >= min_name_words (2)"},
      {[](auto& o) {
         o.signals.gazetteer = {{"", {}}};
       },
       "AnalysisOptions.signals.gazetteer[0].name = '': must not be empty"},
      {[](auto& o) {
         o.signals.gazetteer = {{"Acme", {}}, {"Contoso", {"Contoso Ltd", "Contoso\xFF"}}};
       },
       "AnalysisOptions.signals.gazetteer[1].variants[1]: must be valid UTF-8 (byte 0xFF at offset 7 is "
       "not)"},
      {[](auto& o) {
         o.signals.gazetteer = {{"Acme", {""}}};
       },
       "AnalysisOptions.signals.gazetteer[0].variants[0] = '': must not be empty"},
      {[](auto& o) {
         o.signals.brand_exclusions = {"fine", "\xC3"};
       },
       "AnalysisOptions.signals.brand_exclusions[1]: must be valid UTF-8 (byte 0xC3 at offset 0 is not)"},
      {[](auto& o) { o.signals.fallback_language = "de"; },
       "AnalysisOptions.signals.fallback_language = 'de': must be default_language ('en'), which "
       "CallAnalyzer "
       "uses in every area"},

      {[](auto& o) { o.sentiment.positive_threshold = 2; },
       "AnalysisOptions.sentiment.positive_threshold = 2: must be in [-1, 1]"},
      {[](auto& o) { o.sentiment.negative_threshold = -1.5; },
       "AnalysisOptions.sentiment.negative_threshold = -1.5: must be in [-1, 1]"},
      {[](auto& o) { o.sentiment.negative_threshold = 0.5; },
       "AnalysisOptions.sentiment.negative_threshold = 0.5: must be below positive_threshold (0.05)"},
      {[](auto& o) { o.sentiment.negation_window = 65; },
       "AnalysisOptions.sentiment.negation_window = 65: must be <= 64"},
      {[](auto& o) { o.sentiment.booster_window = 100; },
       "AnalysisOptions.sentiment.booster_window = 100: must be <= 64"},
      {[](auto& o) { o.sentiment.caps_increment = -0.1; },
       "AnalysisOptions.sentiment.caps_increment = -0.1: must be finite and >= 0"},
      {[nan](auto& o) { o.sentiment.exclamation_increment = nan; },
       "AnalysisOptions.sentiment.exclamation_increment = nan: must be finite and >= 0"},
      {[](auto& o) { o.sentiment.question_increment = -1; },
       "AnalysisOptions.sentiment.question_increment = -1: must be finite and >= 0"},
      {[inf](auto& o) { o.sentiment.contrast_before_weight = inf; },
       "AnalysisOptions.sentiment.contrast_before_weight = inf: must be finite and >= 0"},
      {[](auto& o) { o.sentiment.normalization_alpha = 0; },
       "AnalysisOptions.sentiment.normalization_alpha = 0: must be finite and > 0"},

      {[](auto& o) {
         o.terms.languages = {"en", "klingon"};
       },
       "AnalysisOptions.terms.languages[1] = 'klingon': must be a BCP 47 tag of a known language, such as "
       "'en' or 'pt-BR'"},
      {[](auto& o) { o.terms.languages = {"xx-YY"}; },
       "AnalysisOptions.terms.languages[0] = 'xx-YY': must be a BCP 47 tag of a known language, such as 'en' "
       "or 'pt-BR'"},
      {[](auto& o) { o.terms.languages = {"de-"}; },
       "AnalysisOptions.terms.languages[0] = 'de-': must be a BCP 47 tag of a known language, such as 'en' "
       "or "
       "'pt-BR'"},
      {[](auto& o) { o.terms.max_terms = 0; }, "AnalysisOptions.terms.max_terms = 0: must be > 0"},

      {[](auto& o) { o.limits.max_segments = 0; }, "AnalysisOptions.limits.max_segments = 0: must be > 0"},
      {[](auto& o) { o.limits.max_participants = 0; },
       "AnalysisOptions.limits.max_participants = 0: must be > 0"},
      {[](auto& o) { o.limits.max_segment_text_bytes = 0; },
       "AnalysisOptions.limits.max_segment_text_bytes = 0: must be > 0"},
      {[](auto& o) { o.limits.max_words_per_segment = 0; },
       "AnalysisOptions.limits.max_words_per_segment = 0: must be > 0"},
      {[](auto& o) { o.limits.max_call_duration_ms = -1; },
       "AnalysisOptions.limits.max_call_duration_ms = -1: must be > 0"},

      {[](auto& o) { o.default_language = ""; },
       "AnalysisOptions.default_language = '': must be a BCP 47 tag of a known language, such as 'en' or "
       "'pt-BR'"},
      {[](auto& o) { o.default_language = "english"; },
       "AnalysisOptions.default_language = 'english': must be a BCP 47 tag of a known language, such as 'en' "
       "or 'pt-BR'"},
  };
  for (const BadOption& bad : cases) {
    AnalysisOptions options;
    bad.change(options);
    CAPTURE(bad.message);
    CHECK(invalid_argument_message([&] { CallAnalyzer analyzer(options); }) == bad.message);
  }
}

TEST_CASE("well-formed language tags of known languages pass, with '-' or '_'") {
  AnalysisOptions options;
  options.default_language = "pt-BR";
  options.terms.languages = {"en", "de-DE", "zh-Hant-TW", "nb_NO", "he", "fil"};
  options.signals.fallback_language = "pt-BR";
  const CallAnalyzer analyzer(options);
  CHECK(analyzer.tracked_terms().empty());
}

TEST_CASE("each area checks its own options where it takes them, named by the struct") {
  parley::TimingOptions timing;
  timing.turn_merge_gap_ms = -1;
  parley::Call call;
  call.participants.push_back({"a", "A", parley::Role::seller, {}});
  call.segments.push_back({0, 0, 1000, "hello", {}, {}});
  CHECK(invalid_argument_message([&] { parley::compute_timing(call, timing); }) ==
        "TimingOptions.turn_merge_gap_ms = -1: must be >= 0");

  parley::SignalOptions signals;
  signals.fallback_language = "xx";
  CHECK(
      invalid_argument_message([&] { parley::SignalDetector detector(parley::SignalPatterns{}, signals); }) ==
      "SignalOptions.fallback_language = 'xx': must be a BCP 47 tag of a known language, such as 'en' or "
      "'pt-BR'");

  parley::TermMatcherOptions terms;
  terms.languages = {"english"};
  const std::vector<TrackedTerm> list = {term("Contoso", {})};
  CHECK(invalid_argument_message([&] { parley::TrackedTermMatcher matcher(list, terms); }) ==
        "TermMatcherOptions.languages[0] = 'english': must be a BCP 47 tag of a known language, such as 'en' "
        "or 'pt-BR'");

  parley::SentimentOptions sentiment;
  sentiment.normalization_alpha = -15;
  CHECK(invalid_argument_message([&] {
          parley::SentimentScorer scorer(parley::SentimentLexicon{}, sentiment);
        }) == "SentimentOptions.normalization_alpha = -15: must be finite and > 0");
}

TEST_CASE("the same variant twice in one term is an error naming the term; across terms it stays a warning") {
  // Variants are compared as they are matched: after NFKC, case folding and whitespace collapsing.
  CHECK(invalid_argument_message([] {
          parley::TrackedTermMatcher matcher(std::vector{term("Contoso", {"Contoso Cloud", "contoso"})});
        }) == "term 0 ('Contoso'): variant 2 'contoso' is the same as the name");
  CHECK(invalid_argument_message([] {
          parley::TrackedTermMatcher matcher(
              std::vector{term("Acme", {}), term("Contoso", {"Contoso Cloud", "CONTOSO   cloud"})});
        }) == "term 1 ('Contoso'): variant 2 'CONTOSO   cloud' is the same as variant 1 ('Contoso Cloud')");
  // Fullwidth letters are the same word after NFKC.
  CHECK(invalid_argument_message([] {
          parley::TrackedTermMatcher matcher(std::vector{term("Contoso", {"\xEF\xBC\xA3ontoso"})});
        }) == "term 0 ('Contoso'): variant 1 '\xEF\xBC\xA3ontoso' is the same as the name");
  // The analyzer builds its matcher when it is built, so the error comes from its constructor.
  CHECK(invalid_argument_message([] { CallAnalyzer analyzer({}, {term("Renewal", {"renewal"})}); }) ==
        "term 0 ('Renewal'): variant 1 'renewal' is the same as the name");
  // One variant in two terms: the first term keeps it, and the matcher says so.
  const parley::TrackedTermMatcher shared(
      std::vector{term("Contoso", {}), term("Contoso Cloud", {"contoso"})});
  REQUIRE(shared.warnings().size() == 1);
  CHECK(shared.warnings()[0] ==
        "term 1 ('Contoso Cloud'): variant 1 'contoso' is the same as variant 0 of term 0 ('Contoso'), which "
        "keeps it");
}
