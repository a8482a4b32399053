// Aggregation over calls and the JSON documents.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "timing/timing_json.hpp"
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

TEST_CASE("JSON of a call timing") {
  const parley::CallTiming t = parley::compute_timing(timing_test::load_fixture("renewal_call.json"));
  const nlohmann::json doc = nlohmann::json::parse(parley::to_json(t));
  CHECK(doc == parley::to_json_value(t));
  CHECK(doc["talk_ms"] == 178600);
  CHECK(doc["talk_ratio_denominator"] == "speech_time");
  CHECK(doc["patience_ms"].get<double>() == doctest::Approx(1000.0));
  CHECK(doc["participation_gini"].is_null());
  CHECK(doc["seller"]["longest_monologue_ms"] == 50500);
  CHECK(doc["customer"]["questions"] == 2);
  REQUIRE(doc["participants"].size() == 2);
  CHECK(doc["participants"][1]["participant_id"] == "dana");
  CHECK(doc["participants"][1]["role"] == "customer");
  REQUIRE(doc["interruptions"].size() == 1);
  CHECK(doc["interruptions"][0]["interrupter_id"] == "dana");
  CHECK(doc["interruptions"][0]["interrupted_id"] == "maya.rep@contoso.com");
  CHECK(doc["interruptions"][0]["at_ms"] == 109000);
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
