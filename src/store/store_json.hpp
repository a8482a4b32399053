#pragma once
// Internal interface of the store area (for the areas above it; never installed): JSON forms of the
// store's and CRM's result structs, which insights reuses (nlohmann stays out of public headers).
#include <nlohmann/json.hpp>

#include "parley/store.hpp"

namespace parley {

nlohmann::json to_json_value(const User& user);
nlohmann::json to_json_value(const Opportunity& opportunity);
nlohmann::json to_json_value(const Activity& activity);
nlohmann::json to_json_value(const Comment& comment);
nlohmann::json to_json_value(const CallMetricsRecord& metrics);
nlohmann::json to_json_value(const SentimentRecord& sentiment);
nlohmann::json to_json_value(const CallSummary& summary);
nlohmann::json to_json_value(const TermList& list);
nlohmann::json to_json_value(const ProcessingSummary& summary);
nlohmann::json to_json_value(const DeletionReport& report);
nlohmann::json to_json_value(const CallTotals& totals);
nlohmann::json to_json_value(const MentionSummary& summary);
nlohmann::json to_json_value(const ActivityTotals& totals);

}  // namespace parley
