#pragma once
// Internal interface of the insights area (for the C ABI; never installed): JSON forms of the period
// and insight result structs, and the reader of InsightOptions (nlohmann stays out of public headers).
#include <nlohmann/json.hpp>

#include "json/json_input.hpp"

#include "parley/insights.hpp"
#include "parley/period.hpp"

namespace parley {

nlohmann::json to_json_value(const Period& period);  // all-time bounds as null
nlohmann::json to_json_value(const PeriodInfo& period);
nlohmann::json to_json_value(const ConversationKpis& kpis);
nlohmann::json to_json_value(const KpiTrend& trend);
nlohmann::json to_json_value(const SentimentDonut& donut);
nlohmann::json to_json_value(const SentimentPoint& point);
nlohmann::json to_json_value(const TermInsight& term);
nlohmann::json to_json_value(const TimeBuckets& buckets);
nlohmann::json to_json_value(const SellerDetails& details);
nlohmann::json to_json_value(const TeamMember& member);
nlohmann::json to_json_value(const TeamView& view);
nlohmann::json to_json_value(const BasicKpis& basic);
nlohmann::json to_json_value(const CustomerTopics& topics);
nlohmann::json to_json_value(const EngagementHours& hours);
nlohmann::json to_json_value(const BestPracticeTerm& term);
nlohmann::json to_json_value(const TopSellerComparison& comparison);
nlohmann::json to_json_value(const CountTrend& trend);
nlohmann::json to_json_value(const CallRecordingKpis& kpis);
nlohmann::json to_json_value(const HomePage& page);
nlohmann::json to_json_value(const ProcessingCounts& counts);

// {"kind", "time_zone", "locale", "custom_start_utc_ms", "custom_end_utc_ms"}: absent members keep
// PeriodFilter's defaults. Values are checked where the period is resolved.
PeriodFilter period_filter_from_json(const JsonField& field);
// {"period", "now_utc_ms" (required), "bucket": "day"|"week"|"month" (null or absent: automatic),
// "top_terms", "calls_per_term", "call_history_limit", "best_practice_terms",
// "more_negative_margin", "time_spent" (relationship/relationship_json.hpp)}.
InsightOptions insight_options_from_json(const JsonField& field);

}  // namespace parley
