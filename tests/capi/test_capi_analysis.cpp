// The C ABI's analysis (parley.h, "Tracked terms" and "Analysis"): figures worked out by hand on a
// call built through the C ABI, the sample call giving what the C++ CallAnalyzer gives, the options
// and term documents read field by field, batches and threads giving the single-threaded results.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "capi_test.hpp"
#include "parley/analysis.hpp"
#include "parley/ingest.hpp"
#include "parley/readers.hpp"

using capi_test::AnalysisPtr;
using capi_test::AnalyzerPtr;
using capi_test::CallPtr;
using capi_test::check_error;
using capi_test::OwnedString;
using capi_test::source_path;
using nlohmann::json;

namespace {

constexpr double no_confidence = std::numeric_limits<double>::quiet_NaN();

AnalyzerPtr make_analyzer(const std::string& options = "", const std::string& terms = "") {
  parley_analyzer* analyzer = nullptr;
  CAPI_REQUIRE_OK(
      parley_analyzer_create(options.data(), options.size(), terms.data(), terms.size(), &analyzer));
  return AnalyzerPtr(analyzer);
}

AnalysisPtr analyse(const parley_analyzer* analyzer, const parley_call* call) {
  parley_analysis* analysis = nullptr;
  CAPI_REQUIRE_OK(parley_analyzer_analyze(analyzer, call, &analysis));
  return AnalysisPtr(analysis);
}

std::string analysis_json(const parley_analysis* analysis) {
  OwnedString out;
  CAPI_REQUIRE_OK(parley_analysis_to_json(analysis, out.out()));
  return out.str();
}

parley_call_metrics metrics_of(const parley_analysis* analysis) {
  parley_call_metrics metrics{};
  metrics.struct_size = sizeof metrics;
  CAPI_REQUIRE_OK(parley_analysis_get_metrics(analysis, &metrics));
  return metrics;
}

parley_call_sentiment sentiment_of(const parley_analysis* analysis) {
  parley_call_sentiment sentiment{};
  sentiment.struct_size = sizeof sentiment;
  CAPI_REQUIRE_OK(parley_analysis_get_sentiment(analysis, &sentiment));
  return sentiment;
}

CallPtr read_sample() {
  const std::string path = source_path("samples/discovery-call.vtt");
  parley_call* call = nullptr;
  CAPI_REQUIRE_OK(parley_call_read_file(path.data(), path.size(), "", 0, nullptr, 0, &call));
  const std::string rules = R"({"by_name": {"Dana Whitfield": "seller", "Marco Rossi": "customer"}})";
  CAPI_REQUIRE_OK(parley_call_assign_roles(call, rules.data(), rules.size(), nullptr));
  return CallPtr(call);
}

parley::Call read_sample_cpp() {
  parley::Call call = parley::read_transcript(source_path("samples/discovery-call.vtt"));
  parley::RoleRules rules;
  rules.by_name = {{"Dana Whitfield", parley::Role::seller}, {"Marco Rossi", parley::Role::customer}};
  parley::assign_roles(call, rules);
  return call;
}

std::string sample_terms_json() {
  const std::string path = source_path("samples/terms.tsv");
  OwnedString terms;
  CAPI_REQUIRE_OK(parley_terms_read_file(path.data(), path.size(), terms.out()));
  return terms.str();
}

// Seller 0-30 s (10 words, one question), customer 30-40 s (4 words): every figure by hand.
CallPtr hand_call(const char* language = "en") {
  parley_call* call = nullptr;
  CAPI_REQUIRE_OK(parley_call_create("hand-1", PARLEY_NUL_TERMINATED, &call));
  CallPtr owned(call);
  CAPI_REQUIRE_OK(parley_call_set_field(call, PARLEY_CALL_LANGUAGE, language, PARLEY_NUL_TERMINATED));
  parley_participant people[2] = {};
  people[0] = {sizeof(parley_participant), "maya", 4, "", 0, PARLEY_ROLE_SELLER, nullptr, 0};
  people[1] = {sizeof(parley_participant), "dana", 4, "", 0, PARLEY_ROLE_CUSTOMER, nullptr, 0};
  CAPI_REQUIRE_OK(parley_call_add_participant(call, &people[0], nullptr));
  CAPI_REQUIRE_OK(parley_call_add_participant(call, &people[1], nullptr));
  const char* seller_text = "Hello, thanks for joining today. What does your team need?";
  const char* customer_text = "We need better reporting.";
  parley_segment segments[2] = {};
  segments[0] = {sizeof(parley_segment), 0, 0, 30'000, seller_text, std::strlen(seller_text), no_confidence};
  segments[1] = {sizeof(parley_segment), 1, 30'000, 40'000, customer_text, std::strlen(customer_text),
                 no_confidence};
  CAPI_REQUIRE_OK(parley_call_add_segments(call, segments, 2));
  return owned;
}

}  // namespace

TEST_CASE("the metrics of a call built by hand are the figures worked out by hand") {
  const AnalyzerPtr analyzer = make_analyzer();
  const CallPtr call = hand_call();
  const AnalysisPtr analysis = analyse(analyzer.get(), call.get());
  const parley_call_metrics m = metrics_of(analysis.get());
  CHECK(m.duration_ms == 40'000);
  CHECK(m.seller_talk_ms == 30'000);
  CHECK(m.customer_talk_ms == 10'000);
  CHECK(m.talk_ratio == doctest::Approx(0.75));  // 30 / (30 + 10)
  CHECK(m.switches == 1);
  CHECK(m.switch_rate_per_hour == doctest::Approx(90.0));  // 1 switch in 40 s
  CHECK(m.average_pause_ms == doctest::Approx(0.0));       // the customer starts as the seller stops
  CHECK(std::isnan(m.patience_ms));                        // no customer -> seller hand-over
  CHECK(m.seller_longest_monologue_ms == 30'000);
  CHECK(m.customer_longest_monologue_ms == 10'000);
  CHECK(m.seller_words_per_minute == doctest::Approx(20.0));    // 10 words in half a minute
  CHECK(m.customer_words_per_minute == doctest::Approx(24.0));  // 4 words in 10 s
  CHECK(m.seller_questions == 1);
  CHECK(m.customer_questions == 0);
  CHECK(m.seller_question_rate_per_hour == doctest::Approx(90.0));
  CHECK(m.interactivity == doctest::Approx(2.5));  // 10 * (1.5 switches per minute / 6)
  CHECK(m.interruptions == 0);
  CHECK(m.seller_filler_words_per_minute == doctest::Approx(0.0));

  // Talk ratio over the whole call (silence included) once the options say so: 30 s of 80 s.
  CAPI_REQUIRE_OK(parley_call_set_times(call.get(), 0, 80'000));
  const AnalyzerPtr by_duration = make_analyzer(R"({"timing": {"talk_ratio_denominator": "call_duration"}})");
  const parley_call_metrics over_call = metrics_of(analyse(by_duration.get(), call.get()).get());
  CHECK(over_call.duration_ms == 80'000);
  CHECK(over_call.talk_ratio == doctest::Approx(0.375));
  // The earlier analysis still describes the call as it was analysed (the call was copied).
  CHECK(metrics_of(analysis.get()).duration_ms == 40'000);
}

TEST_CASE("the analysis of the sample call is the C++ CallAnalyzer's, document, metrics and terms") {
  const std::string terms = sample_terms_json();
  const AnalyzerPtr analyzer = make_analyzer("", terms);
  const CallPtr call = read_sample();
  const AnalysisPtr analysis = analyse(analyzer.get(), call.get());

  const parley::Call cpp_call = read_sample_cpp();
  const std::vector<parley::TrackedTerm> cpp_terms = parley::load_term_list(source_path("samples/terms.tsv"));
  const parley::CallAnalyzer cpp_analyzer({}, cpp_terms);
  const parley::CallAnalysis expected = cpp_analyzer.analyze(cpp_call);
  CHECK(json::parse(analysis_json(analysis.get())) == json::parse(parley::to_json(cpp_call, expected)));

  const parley::CallMetricsRecord record = parley::make_analysis_record(expected, cpp_terms).metrics;
  const parley_call_metrics m = metrics_of(analysis.get());
  CHECK(m.duration_ms == cpp_call.effective_duration_ms());
  CHECK(m.talk_ratio == *record.talk_ratio);
  CHECK(m.seller_talk_ms == record.seller_talk_ms);
  CHECK(m.customer_talk_ms == record.customer_talk_ms);
  CHECK(m.switches == record.switches);
  CHECK(m.patience_ms == *record.patience_ms);
  CHECK(m.customer_words_per_minute == *record.customer_words_per_minute);
  CHECK(m.seller_questions == record.seller_questions);
  CHECK(m.interactivity == *record.interactivity);

  // Term counts: the mentioned terms in the analyzer's term order, names owned by the analysis.
  size_t size = 99;
  CAPI_REQUIRE_OK(parley_analysis_term_count_size(analysis.get(), &size));
  REQUIRE(size == expected.term_counts.terms.size());
  REQUIRE(size > 1);
  for (size_t i = 0; i < size; ++i) {
    parley_term_count count{};
    count.struct_size = sizeof count;
    CAPI_REQUIRE_OK(parley_analysis_get_term_count(analysis.get(), i, &count));
    const parley::TermCount& want = expected.term_counts.terms[i];
    CHECK(std::string(count.name) == want.name);
    CHECK(static_cast<int>(count.kind) == static_cast<int>(want.kind));
    CHECK(count.total == want.total);
    CHECK(count.by_seller == want.by_seller);
    CHECK(count.by_customer == want.by_customer);
    CHECK(count.by_other == want.by_other);
    CHECK(count.total == count.by_seller + count.by_customer + count.by_other);
  }

  // Sentiment: the C++ call sentiment, summary by summary.
  const parley_call_sentiment s = sentiment_of(analysis.get());
  REQUIRE(expected.sentiment.has_value());
  CHECK(s.has_sentiment == 1);
  CHECK(s.customer.score == expected.sentiment->customer.score);
  CHECK(static_cast<int>(s.customer.label) == static_cast<int>(expected.sentiment->customer.label));
  CHECK(s.customer.words == expected.sentiment->customer.words);
  CHECK(s.seller.segments == expected.sentiment->seller.segments);
  CHECK(s.overall.score == expected.sentiment->overall.score);
  for (int third = 0; third < 3; ++third) {
    CHECK(s.customer_trajectory[third].score == expected.sentiment->customer_trajectory[third].score);
    CHECK(s.customer_trajectory[third].words == expected.sentiment->customer_trajectory[third].words);
  }
  CHECK(s.customer.words > 0);
}

TEST_CASE("sentiment of a call: by role, and absent for a language without a lexicon") {
  const AnalyzerPtr analyzer = make_analyzer();
  const CallPtr call = hand_call();
  const parley_call_sentiment s = sentiment_of(analyse(analyzer.get(), call.get()).get());
  CHECK(s.has_sentiment == 1);
  CHECK(s.seller.words == 10);
  CHECK(s.customer.words == 4);
  CHECK(s.customer.segments == 1);
  CHECK(s.overall.words == 14);
  // "thanks" is the seller's one rated word; "better" the customer's.
  CHECK(s.seller.score > 0);
  CHECK(s.seller.label == PARLEY_SENTIMENT_POSITIVE);
  CHECK(s.customer.label == PARLEY_SENTIMENT_POSITIVE);
  CHECK(s.customer_trajectory[2].words == 4);  // the customer speaks in the last third only
  CHECK(s.customer_trajectory[0].words == 0);

  const CallPtr russian = hand_call("ru");  // parley ships no sentiment data for Russian
  const parley_call_sentiment none = sentiment_of(analyse(analyzer.get(), russian.get()).get());
  CHECK(none.has_sentiment == 0);
  CHECK(none.customer.words == 0);
  CHECK(none.overall.score == 0.0);
}

TEST_CASE("term lists read from files and text are the term objects the analyzer takes") {
  const json terms = json::parse(sample_terms_json());
  REQUIRE(terms.size() == 7);
  CHECK(terms[0] == json{{"name", "Contoso 360"},
                         {"kind", "competitor"},
                         {"variants", {"Contoso", "C360"}},
                         {"scope", {{"level", "organisation"}}},
                         {"match_related_forms", false},
                         {"said_by", "anyone"},
                         {"only_in_questions", false}});
  CHECK(terms[2]["match_related_forms"] == true);

  const std::string text = "keyword\tdiscount\trebate\tteam:emea\tsaid_by=customer,only_in_questions\n";
  OwnedString parsed;
  CAPI_REQUIRE_OK(
      parley_terms_parse(text.data(), text.size(), "inline.tsv", PARLEY_NUL_TERMINATED, parsed.out()));
  CHECK(json::parse(parsed.str()) == json::array({json{{"name", "discount"},
                                                       {"kind", "keyword"},
                                                       {"variants", {"rebate"}},
                                                       {"scope", {{"level", "team"}, {"team_id", "emea"}}},
                                                       {"match_related_forms", false},
                                                       {"said_by", "customer"},
                                                       {"only_in_questions", true}}}));

  // What the writer writes the analyzer reads back; absent members take TrackedTerm's defaults.
  const std::string written = parsed.str();
  const AnalyzerPtr analyzer = make_analyzer("", written);
  const std::string minimal = R"([{"name": "reporting"}])";
  const AnalyzerPtr minimal_analyzer = make_analyzer("", minimal);
  const CallPtr call = hand_call();
  const AnalysisPtr analysis = analyse(minimal_analyzer.get(), call.get());
  parley_term_count count{};
  count.struct_size = sizeof count;
  CAPI_REQUIRE_OK(parley_analysis_get_term_count(analysis.get(), 0, &count));
  CHECK(std::string(count.name) == "reporting");
  CHECK(count.kind == PARLEY_TERM_KEYWORD);
  CHECK(count.total == 1);
  CHECK(count.by_customer == 1);
  // "discount" is never said: no count entry.
  size_t size = 99;
  CAPI_REQUIRE_OK(parley_analysis_term_count_size(analyse(analyzer.get(), call.get()).get(), &size));
  CHECK(size == 0);

  const std::string bad = "keyword\tpricing\nflavour\tvanilla\n";
  check_error(parley_terms_parse(bad.data(), bad.size(), "inline.tsv", 10, parsed.out()), PARLEY_E_PARSE,
              {"inline.tsv:2: unknown kind 'flavour'"});
  CHECK(parsed.get() == nullptr);
  const std::string missing = source_path("samples/no-such-terms.tsv");
  check_error(parley_terms_read_file(missing.data(), missing.size(), parsed.out()), PARLEY_E_IO,
              {"no-such-terms.tsv"});
  check_error(parley_terms_read_file(nullptr, 0, parsed.out()), PARLEY_E_INVALID_ARGUMENT,
              {"'path' is empty"});
  check_error(parley_terms_parse(bad.data(), bad.size(), "x", 1, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_terms_json' is NULL"});
  check_error(parley_terms_parse(nullptr, 1, "x", 1, parsed.out()), PARLEY_E_INVALID_ARGUMENT,
              {"'text' is NULL"});
}

TEST_CASE("analyzer options: every field is read, and errors name the member, its path and the range") {
  // Every member of every options struct, each at a valid value.
  const std::string every = R"({
    "timing": {"turn_merge_gap_ms": 800, "backchannel_max_ms": 1500, "monologue_max_silence_ms": 4000,
               "backchannels_count_as_switches": false, "talk_ratio_denominator": "speech_time",
               "low_confidence_threshold": 0.4, "interactivity_full_scale_switches_per_minute": 5.0},
    "signals": {"fallback_language": "en", "gazetteer": [{"name": "Contoso Ltd", "variants": ["Contoso"]}],
                "brand_exclusions": ["Fabrikam"], "our_names": ["Brightwave"], "dictionary_dir": "",
                "min_name_words": 1, "max_name_words": 4,
                "detect_prices": true, "detect_brands": true, "detect_action_items": false,
                "detect_questions": true, "detect_fillers": false},
    "sentiment": {"positive_threshold": 0.1, "negative_threshold": -0.1, "negation_window": 2,
                  "booster_window": 2, "caps_increment": 0.7, "exclamation_increment": 0.3,
                  "max_exclamations": 3, "question_increment": 0.2, "contrast_before_weight": 0.4,
                  "normalization_alpha": 14.0, "replace_invalid_utf8": true},
    "terms": {"languages": ["en", "de"], "strip_accents": true,
              "dictionary_boundaries_for_unspaced_scripts": false, "max_terms": 50},
    "limits": {"max_segments": 1000, "max_participants": 10, "max_segment_text_bytes": 100000,
               "max_words_per_segment": 5000, "max_call_duration_ms": 86400000},
    "default_language": "en", "data_dir": ""})";
  const AnalyzerPtr analyzer = make_analyzer(every);
  // The limits are the analyzer's: a call of more than 10 participants is refused.
  parley_call* call = nullptr;
  CAPI_REQUIRE_OK(parley_call_create("many", 4, &call));
  const CallPtr many(call);
  for (int i = 0; i < 11; ++i) {
    std::string id = "p";  // appending, not "p" + std::to_string(i): false -Wrestrict, g++ 12 -O3
    id += std::to_string(i);
    const parley_participant p{sizeof(parley_participant), id.data(), id.size(), "", 0,
                               PARLEY_ROLE_OTHER,          "",        0};
    CAPI_REQUIRE_OK(parley_call_add_participant(call, &p, nullptr));
  }
  parley_analysis* analysis = reinterpret_cast<parley_analysis*>(0x1);
  check_error(parley_analyzer_analyze(analyzer.get(), call, &analysis), PARLEY_E_LIMIT_EXCEEDED,
              {"call 'many'", "11 participants", "limit of 10"});
  CHECK(analysis == nullptr);

  // The sentiment options are the analyzer's: with a positive threshold above 1 nothing is positive.
  const AnalyzerPtr strict = make_analyzer(R"({"sentiment": {"positive_threshold": 1.0}})");
  const CallPtr hand = hand_call();
  CHECK(sentiment_of(analyse(strict.get(), hand.get()).get()).seller.label == PARLEY_SENTIMENT_NEUTRAL);

  parley_analyzer* out = reinterpret_cast<parley_analyzer*>(0x1);
  const auto create = [&](const std::string& options, const std::string& terms = "") {
    return parley_analyzer_create(options.data(), options.size(), terms.data(), terms.size(), &out);
  };
  check_error(create(R"({"timing": {"turn_merge_gap": 5}})"), PARLEY_E_PARSE,
              {"options_json: timing: unknown member 'turn_merge_gap'", "turn_merge_gap_ms"});
  CHECK(out == nullptr);
  check_error(create(R"({"timing": {"turn_merge_gap_ms": -1}})"), PARLEY_E_INVALID_ARGUMENT,
              {"options_json.timing.turn_merge_gap_ms = -1: must be >= 0"});
  check_error(create(R"({"timing": {"turn_merge_gap_ms": "1s"}})"), PARLEY_E_PARSE,
              {"options_json: timing.turn_merge_gap_ms: expected an integer, found string"});
  check_error(
      create(R"({"timing": {"talk_ratio_denominator": "call"}})"), PARLEY_E_PARSE,
      {"timing.talk_ratio_denominator: unknown value \"call\" (expected speech_time or call_duration)"});
  check_error(create(R"({"signals": {"gazetteer": [{"name": "A", "variant": []}]}})"), PARLEY_E_PARSE,
              {"options_json: signals.gazetteer[0]: unknown member 'variant'"});
  check_error(create(R"({"signals": {"min_name_words": 0}})"), PARLEY_E_INVALID_ARGUMENT,
              {"options_json.signals.min_name_words = 0"});
  check_error(create(R"({"sentiment": {"negation_window": 65}})"), PARLEY_E_INVALID_ARGUMENT,
              {"options_json.sentiment.negation_window = 65: must be <= 64"});
  check_error(create(R"({"sentiment": {"negation_window": -3}})"), PARLEY_E_PARSE,
              {"options_json: sentiment.negation_window: expected an integer >= 0"});
  check_error(create(R"({"terms": {"languages": ["xx-nope"]}})"), PARLEY_E_INVALID_ARGUMENT,
              {"options_json.terms.languages"});
  check_error(create(R"({"limits": {"max_segments": 0}})"), PARLEY_E_INVALID_ARGUMENT,
              {"options_json.limits.max_segments = 0: must be > 0"});
  check_error(create(R"({"default_language": "klingon"})"), PARLEY_E_INVALID_ARGUMENT,
              {"options_json.default_language = 'klingon'"});
  check_error(create(R"({"colour": "blue"})"), PARLEY_E_PARSE,
              {"options_json: unknown member 'colour'", "timing"});
  check_error(create("[1, 2]"), PARLEY_E_PARSE, {"options_json: expected an object, found array"});
  check_error(create("{"), PARLEY_E_PARSE, {"options_json:1:"});
  check_error(create("", R"([{"name": "x", "said_by": "boss"}])"), PARLEY_E_PARSE,
              {"terms_json: [0].said_by: unknown value \"boss\" (expected anyone, seller or customer)"});
  check_error(create("", R"([{"kind": "keyword"}])"), PARLEY_E_PARSE,
              {"terms_json: [0]: missing member 'name'"});
  check_error(create("", R"([{"name": "x", "scope": {"level": "team"}}])"), PARLEY_E_PARSE,
              {"terms_json: [0].scope: a team scope needs a non-empty team_id"});
  check_error(create("", R"([{"name": "x", "scope": {"level": "organisation", "team_id": "t"}}])"),
              PARLEY_E_PARSE, {"terms_json: [0].scope.team_id"});
  check_error(create("", R"({"name": "x"})"), PARLEY_E_PARSE, {"terms_json: expected an array"});
  check_error(create("", R"([{"name": "x", "colour": 1}])"), PARLEY_E_PARSE,
              {"terms_json: [0]: unknown member 'colour'"});
  check_error(create("", R"([{"name": "pilot", "variants": ["Pilot"]}])"), PARLEY_E_INVALID_ARGUMENT,
              {"pilot"});
  check_error(parley_analyzer_create(nullptr, 0, nullptr, 0, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_analyzer' is NULL"});
  check_error(parley_analyzer_create(nullptr, 7, nullptr, 0, &out), PARLEY_E_INVALID_ARGUMENT,
              {"'options_json' is NULL with length 7"});
  check_error(parley_analyzer_create(nullptr, 0, "[]", PARLEY_MAX_INPUT_BYTES + 1, &out),
              PARLEY_E_LIMIT_EXCEEDED, {"'terms_json'"});
  CHECK(out == nullptr);
}

TEST_CASE("analysis errors: invalid calls, NULL handles, out-of-range term indexes, small structs") {
  const AnalyzerPtr analyzer = make_analyzer();
  const CallPtr call = hand_call();
  // A segment that ends before it starts: the call is refused when analysed, naming the segment.
  parley_segment reversed{sizeof(parley_segment), 0, 50'000, 45'000, "Backwards.", 10, no_confidence};
  const CallPtr bad = hand_call();
  CAPI_REQUIRE_OK(parley_call_add_segments(bad.get(), &reversed, 1));
  parley_analysis* out = reinterpret_cast<parley_analysis*>(0x1);
  check_error(parley_analyzer_analyze(analyzer.get(), bad.get(), &out), PARLEY_E_INVALID_ARGUMENT,
              {"call 'hand-1'", "segment 2"});
  CHECK(out == nullptr);
  check_error(parley_analyzer_analyze(nullptr, call.get(), &out), PARLEY_E_INVALID_ARGUMENT,
              {"'analyzer' is NULL"});
  check_error(parley_analyzer_analyze(analyzer.get(), nullptr, &out), PARLEY_E_INVALID_ARGUMENT,
              {"'call' is NULL"});
  check_error(parley_analyzer_analyze(analyzer.get(), call.get(), nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_analysis' is NULL"});

  const AnalysisPtr analysis = analyse(analyzer.get(), call.get());
  OwnedString text;
  check_error(parley_analysis_to_json(nullptr, text.out()), PARLEY_E_INVALID_ARGUMENT,
              {"'analysis' is NULL"});
  check_error(parley_analysis_to_json(analysis.get(), nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_json' is NULL"});
  parley_call_metrics metrics{};
  check_error(parley_analysis_get_metrics(analysis.get(), &metrics), PARLEY_E_INVALID_ARGUMENT,
              {"'out_metrics'", "struct_size 0"});
  metrics.struct_size = sizeof metrics;
  check_error(parley_analysis_get_metrics(nullptr, &metrics), PARLEY_E_INVALID_ARGUMENT,
              {"'analysis' is NULL"});
  check_error(parley_analysis_get_metrics(analysis.get(), nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_metrics' is NULL"});
  parley_call_sentiment sentiment{};
  sentiment.struct_size = 4;
  check_error(parley_analysis_get_sentiment(analysis.get(), &sentiment), PARLEY_E_INVALID_ARGUMENT,
              {"'out_sentiment'", "struct_size 4"});
  check_error(parley_analysis_get_sentiment(nullptr, &sentiment), PARLEY_E_INVALID_ARGUMENT,
              {"'analysis' is NULL"});
  size_t size = 0;
  check_error(parley_analysis_term_count_size(nullptr, &size), PARLEY_E_INVALID_ARGUMENT,
              {"'analysis' is NULL"});
  check_error(parley_analysis_term_count_size(analysis.get(), nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_size' is NULL"});
  parley_term_count count{};
  count.struct_size = sizeof count;
  check_error(parley_analysis_get_term_count(analysis.get(), 0, &count), PARLEY_E_INVALID_ARGUMENT,
              {"'index' is 0", "0 term count(s)"});
  check_error(parley_analysis_get_term_count(nullptr, 0, &count), PARLEY_E_INVALID_ARGUMENT,
              {"'analysis' is NULL"});

  // The document is the C++ to_json of the same call and analysis.
  OwnedString call_text;
  CAPI_REQUIRE_OK(parley_call_to_json(call.get(), call_text.out()));
  const parley::Call cpp_call =
      parley::parse_transcript(call_text.str(), parley::TranscriptFormat::parley_json, "hand.json");
  CHECK(json::parse(analysis_json(analysis.get())) ==
        json::parse(parley::to_json(cpp_call, parley::CallAnalyzer().analyze(cpp_call))));
}

TEST_CASE("a batch on threads gives each call the single-threaded analysis, and names the failures") {
  const AnalyzerPtr analyzer = make_analyzer("", sample_terms_json());
  const CallPtr sample = read_sample();
  const CallPtr hand = hand_call();
  const CallPtr german = hand_call("de");
  const CallPtr bad = hand_call();
  CAPI_REQUIRE_OK(parley_call_set_field(bad.get(), PARLEY_CALL_ID, "bad-1", 5));
  parley_segment reversed{sizeof(parley_segment), 1, 50'000, 45'000, "Backwards.", 10, no_confidence};
  CAPI_REQUIRE_OK(parley_call_add_segments(bad.get(), &reversed, 1));

  const std::vector<const parley_call*> calls = {sample.get(), hand.get(), bad.get(), german.get(),
                                                 sample.get(), nullptr,    hand.get()};
  std::vector<std::string> expected;
  for (const parley_call* call : calls) {
    parley_analysis* analysis = nullptr;
    if (call != nullptr && parley_analyzer_analyze(analyzer.get(), call, &analysis) == PARLEY_OK) {
      expected.push_back(analysis_json(analysis));
      parley_analysis_free(analysis);
    } else {
      expected.emplace_back();
    }
  }
  for (const size_t threads : {size_t{1}, size_t{3}, size_t{0}, size_t{64}}) {
    CAPTURE(threads);
    std::vector<parley_analysis*> analyses(calls.size(), reinterpret_cast<parley_analysis*>(0x1));
    std::vector<parley_status> statuses(calls.size(), PARLEY_E_INTERNAL);
    check_error(parley_analyzer_analyze_batch(analyzer.get(), calls.data(), calls.size(), threads,
                                              analyses.data(), statuses.data()),
                PARLEY_E_INVALID_ARGUMENT, {"calls[2] (call 'bad-1')", "segment 2"});
    for (size_t i = 0; i < calls.size(); ++i) {
      CAPTURE(i);
      const bool fails = i == 2 || i == 5;
      CHECK(statuses[i] == (fails ? PARLEY_E_INVALID_ARGUMENT : PARLEY_OK));
      CHECK((analyses[i] == nullptr) == fails);
      if (analyses[i] != nullptr) CHECK(analysis_json(analyses[i]) == expected[i]);
      parley_analysis_free(analyses[i]);
    }
  }

  // Every call good: PARLEY_OK; statuses may be left out; an empty batch is fine.
  std::vector<parley_analysis*> analyses(2);
  const parley_call* good[] = {hand.get(), sample.get()};
  CAPI_REQUIRE_OK(parley_analyzer_analyze_batch(analyzer.get(), good, 2, 2, analyses.data(), nullptr));
  CHECK(analysis_json(analyses[1]) == expected[0]);
  for (parley_analysis* analysis : analyses) parley_analysis_free(analysis);
  CAPI_REQUIRE_OK(parley_analyzer_analyze_batch(analyzer.get(), nullptr, 0, 0, nullptr, nullptr));

  // Only a NULL first call in a batch of one: its message names it.
  const parley_call* only_null[] = {nullptr};
  parley_analysis* one = nullptr;
  check_error(parley_analyzer_analyze_batch(analyzer.get(), only_null, 1, 1, &one, nullptr),
              PARLEY_E_INVALID_ARGUMENT, {"'calls[0]' is NULL"});
  check_error(parley_analyzer_analyze_batch(nullptr, good, 2, 2, analyses.data(), nullptr),
              PARLEY_E_INVALID_ARGUMENT, {"'analyzer' is NULL"});
  check_error(parley_analyzer_analyze_batch(analyzer.get(), nullptr, 2, 2, analyses.data(), nullptr),
              PARLEY_E_INVALID_ARGUMENT, {"'calls' is NULL with count 2"});
  check_error(parley_analyzer_analyze_batch(analyzer.get(), good, 2, 2, nullptr, nullptr),
              PARLEY_E_INVALID_ARGUMENT, {"'out_analyses' is NULL with count 2"});
}

TEST_CASE(
    "one analyzer used by 4 threads at once, on the same and on different calls, gives the same "
    "results") {
  const AnalyzerPtr analyzer = make_analyzer("", sample_terms_json());
  const CallPtr sample = read_sample();
  const CallPtr hand = hand_call();
  const CallPtr german = hand_call("de");
  const parley_call* calls[] = {sample.get(), hand.get(), german.get()};
  std::vector<std::string> expected;
  for (const parley_call* call : calls)
    expected.push_back(analysis_json(analyse(analyzer.get(), call).get()));

  constexpr int rounds = 6;
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < rounds; ++round) {
        // Threads 0 and 1 always take the sample call (the same call at once); 2 and 3 go round.
        const parley_call* call = t < 2 ? calls[0] : calls[(t + round) % 3];
        parley_analysis* analysis = nullptr;
        std::string document;
        if (parley_analyzer_analyze(analyzer.get(), call, &analysis) == PARLEY_OK) {
          char* text = nullptr;
          if (parley_analysis_to_json(analysis, &text) == PARLEY_OK) document = text;
          parley_string_free(text);
        }
        parley_analysis_free(analysis);
        results[t].push_back(document);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 4; ++t) {
    for (int round = 0; round < rounds; ++round) {
      CAPTURE(t);
      CAPTURE(round);
      CHECK(results[t][round] == expected[t < 2 ? 0 : (t + round) % 3]);
    }
  }
}

TEST_CASE("signals through the C ABI: our own company is never a brand; action items carry owner and due") {
  parley_call* raw = nullptr;
  CAPI_REQUIRE_OK(parley_call_create("signals-1", PARLEY_NUL_TERMINATED, &raw));
  const CallPtr call(raw);
  CAPI_REQUIRE_OK(parley_call_set_field(raw, PARLEY_CALL_LANGUAGE, "en", PARLEY_NUL_TERMINATED));
  // 2026-03-04 10:00 UTC, a Wednesday: "by Friday" is 2026-03-06.
  CAPI_REQUIRE_OK(parley_call_set_times(raw, 1'772'618'400'000, 0));
  parley_participant people[2] = {};
  people[0] = {sizeof(parley_participant), "greta", 5, "Greta Lindqvist", 15, PARLEY_ROLE_SELLER, nullptr, 0};
  people[1] = {sizeof(parley_participant), "sam", 3, "Sam Lee", 7, PARLEY_ROLE_CUSTOMER, nullptr, 0};
  CAPI_REQUIRE_OK(parley_call_add_participant(raw, &people[0], nullptr));
  CAPI_REQUIRE_OK(parley_call_add_participant(raw, &people[1], nullptr));
  const char* texts[3] = {"Today Greta from Brightwave and I compared Zendesk with what we have.",
                          "I'll send you the proposal by Friday.", "Could you share it with your team?"};
  parley_segment segments[3] = {};
  for (int i = 0; i < 3; ++i) {
    segments[i] = {sizeof(parley_segment), static_cast<uint32_t>(i == 2 ? 1 : 0), i * 10'000, i * 10'000 + 9'000,
                   texts[i], std::strlen(texts[i]), no_confidence};
  }
  CAPI_REQUIRE_OK(parley_call_add_segments(raw, segments, 3));
  const AnalyzerPtr analyzer = make_analyzer(R"({"signals": {"our_names": ["Brightwave Solutions"]}})");
  const nlohmann::json signals =
      nlohmann::json::parse(analysis_json(analyse(analyzer.get(), raw).get()))["signals"];
  INFO(signals.dump());
  REQUIRE(signals["brands"].size() == 1);  // not Greta (a participant), not Brightwave (ours)
  CHECK(signals["brands"][0]["key"] == "zendesk");
  REQUIRE(signals["action_items"].size() == 2);
  CHECK(signals["action_items"][0]["owner"] == "speaker");
  CHECK(signals["action_items"][0]["due_date"] == "2026-03-06");
  CHECK(signals["action_items"][1]["owner"] == "other_side");
  CHECK(signals["action_items"][1]["due_date"] == "");
}
