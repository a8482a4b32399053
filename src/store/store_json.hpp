#pragma once
// Internal interface of the store area (for the areas above it and the C ABI; never installed): JSON
// forms of the store's structs (the CRM records' are crm/crm_json.hpp), which insights reuses, and the
// readers of the documents a host passes in (records and filters; nlohmann stays out of public headers).
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/crm_json.hpp"
#include "json/json_input.hpp"
#include "parley/store.hpp"

namespace parley {

nlohmann::json to_json_value(const CallMetricsRecord& metrics);
nlohmann::json to_json_value(const SentimentRecord& sentiment);
nlohmann::json to_json_value(const CallSummary& summary);
nlohmann::json to_json_value(const TermList& list);
nlohmann::json to_json_value(const ProcessingSummary& summary);
nlohmann::json to_json_value(const DeletionReport& report);
nlohmann::json to_json_value(const CallTotals& totals);
nlohmann::json to_json_value(const MentionSummary& summary);
nlohmann::json to_json_value(const ActivityTotals& totals);
nlohmann::json to_json_value(const TermHitRecord& hit);
nlohmann::json to_json_value(const BrandMentionRecord& brand);
nlohmann::json to_json_value(const PriceMentionRecord& price);
nlohmann::json to_json_value(const ActionItemRecord& item);
nlohmann::json to_json_value(const CallAnalysisRecord& record);
nlohmann::json to_json_value(const TermHitRow& row);
nlohmann::json to_json_value(const StoredTermCount& count);
nlohmann::json to_json_value(const BrandMentionRow& row);
nlohmann::json to_json_value(const StoredBrandFirstMention& mention);
nlohmann::json to_json_value(const CallSpan& span);
nlohmann::json to_json_value(const RetentionPolicy& policy);
nlohmann::json to_json_value(const PurgeReport& report);
nlohmann::json to_json_value(const ProcessingEvent& event);

// A JSON array of the items' forms.
template <typename T>
nlohmann::json to_json_array(const std::vector<T>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const T& item : items) out.push_back(to_json_value(item));
  return out;
}

// Readers: each accepts what the writer above writes (an optional member may be absent or null:
// its default), refuses unknown members, and fails with Error(parse) naming the JSON path. The
// identifying member ("id", a comment's "call_id"...) is required; values are checked by the store.
// {"id", "name", "scope", "terms"}: a term without a "scope" member takes the list's.
TermList term_list_from_json(const JsonField& field);
RetentionPolicy retention_policy_from_json(const JsonField& field);
ProcessingEvent processing_event_from_json(const JsonField& field);
CallFilter call_filter_from_json(const JsonField& field);
ActivityFilter activity_filter_from_json(const JsonField& field);
OpportunityFilter opportunity_filter_from_json(const JsonField& field);

}  // namespace parley
