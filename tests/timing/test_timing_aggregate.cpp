// Aggregation over calls and the JSON documents.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "json_compare.hpp"
#include "parley/timing.hpp"
#include "timing/timing_fixtures.hpp"

namespace {

const parley::MetricSummary& summary_of(const parley::TimingAggregate& aggregate, std::string_view name) {
  for (const auto& metric : aggregate.metrics) {
    if (metric.name == name) return metric.summary;
  }
  FAIL("no metric " << name);
  static const parley::MetricSummary none;
  return none;
}

}  // namespace

// Five calls; talk ratio 0.2, 0.9, 0.4, undefined, 0.5 -> 4 values, sorted 0.2 0.4 0.5 0.9.
// mean = 2.0 / 4 = 0.5; median: h = 3 * 0.5 = 1.5 -> 0.4 + 0.5 * (0.5 - 0.4) = 0.45;
// p90: h = 3 * 0.9 = 2.7 -> 0.5 + 0.7 * (0.9 - 0.5) = 0.78.
// Switches 10, 20, 30, 40, 50 (defined on every call): mean 30, median 30, p90: h = 3.6 -> 40 + 0.6 * 10
// = 46.
TEST_CASE("aggregate: mean, median and p90 with calls lacking a metric left out") {
  std::vector<parley::CallTiming> calls(5);
  const std::optional<double> ratios[] = {0.2, 0.9, 0.4, std::nullopt, 0.5};
  for (std::size_t i = 0; i < calls.size(); ++i) {
    calls[i].talk_ratio = ratios[i];
    calls[i].switches = static_cast<std::uint32_t>(10 * (i + 1));
  }
  const parley::TimingAggregate aggregate = parley::aggregate_timing(calls);
  CHECK(aggregate.calls == 5);
  const parley::MetricSummary& ratio = summary_of(aggregate, "talk_ratio");
  CHECK(ratio.count == 4);
  CHECK(ratio.mean == doctest::Approx(0.5));
  CHECK(ratio.median == doctest::Approx(0.45));
  CHECK(ratio.p90 == doctest::Approx(0.78));
  const parley::MetricSummary& switches = summary_of(aggregate, "switches");
  CHECK(switches.count == 5);
  CHECK(switches.mean == doctest::Approx(30.0));
  CHECK(switches.median == doctest::Approx(30.0));
  CHECK(switches.p90 == doctest::Approx(46.0));
  CHECK(summary_of(aggregate, "patience_ms").count == 0);
  // Every named per-call metric is summarised, in the same order.
  const auto names = parley::timing_metric_values(calls[0]);
  REQUIRE(aggregate.metrics.size() == names.size());
  for (std::size_t i = 0; i < names.size(); ++i) CHECK(aggregate.metrics[i].name == names[i].name);
}

TEST_CASE("aggregate: one call and no call") {
  std::vector<parley::CallTiming> one(1);
  one[0].talk_ratio = 0.3;
  const auto single = summary_of(parley::aggregate_timing(one), "talk_ratio");
  CHECK(single.count == 1);
  CHECK(single.mean == doctest::Approx(0.3));
  CHECK(single.median == doctest::Approx(0.3));
  CHECK(single.p90 == doctest::Approx(0.3));
  const parley::TimingAggregate empty = parley::aggregate_timing({});
  CHECK(empty.calls == 0);
  CHECK(summary_of(empty, "talk_ratio").count == 0);
  const auto doc = nlohmann::json::parse(parley::to_json(empty));
  CHECK(doc["metrics"]["talk_ratio"]["count"] == 0);
  CHECK(doc["metrics"]["talk_ratio"]["median"].is_null());
}

TEST_CASE("metric values name each figure of a call") {
  const parley::CallTiming t = parley::compute_timing(timing_test::load_fixture("renewal_call.json"));
  const auto values = parley::timing_metric_values(t);
  const auto find = [&](std::string_view name) -> std::optional<double> {
    for (const auto& v : values) {
      if (v.name == name) return v.value;
    }
    FAIL("no metric " << name);
    return std::nullopt;
  };
  CHECK(find("talk_ms").value() == 178600.0);
  CHECK(find("customer_longest_monologue_ms").value() == 70000.0);
  CHECK(find("seller_questions").value() == 4.0);
  CHECK(find("interruptions").value() == 1.0);
  CHECK_FALSE(find("participation_gini").has_value());
  CHECK_FALSE(find("low_confidence_share").has_value());
}

// The renewal call's figures as worked out by hand in test_timing_call.cpp ("renewal call: every
// metric worked out by hand"), written out as the whole expected document. Without text counts no
// fillers are counted: 0 per minute of talk, null for a role that never spoke.
TEST_CASE("JSON of a call timing") {
  const parley::CallTiming t = parley::compute_timing(timing_test::load_fixture("renewal_call.json"));
  const nlohmann::json actual = nlohmann::json::parse(parley::to_json(t));
  const double seller_wpm = 6'360'000.0 / 84'500, customer_wpm = 5'940'000.0 / 96'900;
  const nlohmann::json expected = {{"duration_ms", 190'000},
                                   {"talk_ms", 178'600},
                                   {"silence_ms", 11'400},
                                   {"overlap_ms", 2'800},
                                   {"talk_ratio_denominator", "speech_time"},
                                   {"talk_ratio", 84'500 / 181'400.0},
                                   {"listen_ratio", 96'900 / 181'400.0},
                                   {"turns", 13},
                                   {"switches", 9},
                                   {"switch_rate_per_hour", 32'400'000 / 190'000.0},
                                   {"interactivity", 90 / 19.0},
                                   {"pauses", 9},
                                   {"average_pause_ms", 1'000.0},
                                   {"patience_pauses", 4},
                                   {"patience_ms", 1'000.0},
                                   {"longest_monologue_ms", 70'000},
                                   {"words", 205},
                                   {"questions", 6},
                                   {"participation_gini", nullptr},
                                   {"has_confidence", false},
                                   {"low_confidence_ms", 0},
                                   {"low_confidence_share", nullptr},
                                   {"seller",
                                    {{"participants", 1},
                                     {"talk_ms", 84'500},
                                     {"turns", 7},
                                     {"words", 106},
                                     {"words_per_minute", seller_wpm},
                                     {"questions", 4},
                                     {"question_rate_per_hour", 4 * 3'600 / 190.0},
                                     {"filler_words", 0},
                                     {"filler_words_per_minute", 0.0},
                                     {"longest_monologue_ms", 50'500},
                                     {"overlap_ms", 2'800},
                                     {"interruptions_made", 0},
                                     {"interruptions_suffered", 1}}},
                                   {"customer",
                                    {{"participants", 1},
                                     {"talk_ms", 96'900},
                                     {"turns", 6},
                                     {"words", 99},
                                     {"words_per_minute", customer_wpm},
                                     {"questions", 2},
                                     {"question_rate_per_hour", 2 * 3'600 / 190.0},
                                     {"filler_words", 0},
                                     {"filler_words_per_minute", 0.0},
                                     {"longest_monologue_ms", 70'000},
                                     {"overlap_ms", 2'800},
                                     {"interruptions_made", 1},
                                     {"interruptions_suffered", 0}}},
                                   {"other",
                                    {{"participants", 0},
                                     {"talk_ms", 0},
                                     {"turns", 0},
                                     {"words", 0},
                                     {"words_per_minute", nullptr},
                                     {"questions", 0},
                                     {"question_rate_per_hour", 0.0},
                                     {"filler_words", 0},
                                     {"filler_words_per_minute", nullptr},
                                     {"longest_monologue_ms", 0},
                                     {"overlap_ms", 0},
                                     {"interruptions_made", 0},
                                     {"interruptions_suffered", 0}}},
                                   {"participants",
                                    {{{"participant", 0},
                                      {"participant_id", "maya.rep@contoso.com"},
                                      {"role", "seller"},
                                      {"talk_ms", 84'500},
                                      {"talk_share", 84'500 / 181'400.0},
                                      {"turns", 7},
                                      {"words", 106},
                                      {"words_per_minute", seller_wpm},
                                      {"questions", 4},
                                      {"filler_words", 0},
                                      {"filler_words_per_minute", 0.0},
                                      {"longest_monologue_ms", 50'500},
                                      {"overlap_ms", 2'800},
                                      {"interruptions_made", 0},
                                      {"interruptions_suffered", 1}},
                                     {{"participant", 1},
                                      {"participant_id", "dana"},
                                      {"role", "customer"},
                                      {"talk_ms", 96'900},
                                      {"talk_share", 96'900 / 181'400.0},
                                      {"turns", 6},
                                      {"words", 99},
                                      {"words_per_minute", customer_wpm},
                                      {"questions", 2},
                                      {"filler_words", 0},
                                      {"filler_words_per_minute", 0.0},
                                      {"longest_monologue_ms", 70'000},
                                      {"overlap_ms", 2'800},
                                      {"interruptions_made", 1},
                                      {"interruptions_suffered", 0}}}},
                                   {"interruptions",
                                    {{{"interrupter", 1},
                                      {"interrupter_id", "dana"},
                                      {"interrupted", 0},
                                      {"interrupted_id", "maya.rep@contoso.com"},
                                      {"at_ms", 109'000}}}}};
  parley_test::check_json(actual, expected);
}

TEST_CASE("JSON of an aggregate") {
  std::vector<parley::CallTiming> calls = {
      parley::compute_timing(timing_test::load_fixture("renewal_call.json")), parley::CallTiming{}};
  const nlohmann::json doc = nlohmann::json::parse(parley::to_json(parley::aggregate_timing(calls)));
  CHECK(doc["calls"] == 2);
  CHECK(doc["metrics"]["talk_ratio"]["count"] == 1);
  CHECK(doc["metrics"]["turns"]["count"] == 2);
  CHECK(doc["metrics"]["turns"]["mean"].get<double>() == doctest::Approx(6.5));  // (13 + 0) / 2
}
