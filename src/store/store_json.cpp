// JSON forms of call summaries, term lists, query rows and store reports, and the readers of the
// term lists, policies, events and filters a host passes in.
#include "store/store_json.hpp"

#include "model/enum_names.hpp"
#include "terms/terms_json.hpp"

namespace parley {
namespace {

constexpr ProcessingStatus processing_statuses[] = {ProcessingStatus::received, ProcessingStatus::analysed,
                                                    ProcessingStatus::failed};

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

constexpr detail::EnumName<CallOrder> call_order_names[] = {
    {CallOrder::newest_first, "newest_first"}, {CallOrder::most_negative_first, "most_negative_first"}};

}  // namespace

nlohmann::json to_json_value(const CallMetricsRecord& m) {
  return {{"talk_ratio", optional_number(m.talk_ratio)},
          {"seller_talk_ms", m.seller_talk_ms},
          {"customer_talk_ms", m.customer_talk_ms},
          {"switches", m.switches},
          {"switch_rate_per_hour", optional_number(m.switch_rate_per_hour)},
          {"average_pause_ms", optional_number(m.average_pause_ms)},
          {"patience_ms", optional_number(m.patience_ms)},
          {"seller_longest_monologue_ms", m.seller_longest_monologue_ms},
          {"customer_longest_monologue_ms", m.customer_longest_monologue_ms},
          {"seller_words_per_minute", optional_number(m.seller_words_per_minute)},
          {"customer_words_per_minute", optional_number(m.customer_words_per_minute)},
          {"seller_questions", m.seller_questions},
          {"customer_questions", m.customer_questions},
          {"seller_question_rate_per_hour", optional_number(m.seller_question_rate_per_hour)},
          {"interactivity", optional_number(m.interactivity)},
          {"interruptions", m.interruptions},
          {"seller_filler_words_per_minute", optional_number(m.seller_filler_words_per_minute)}};
}

nlohmann::json to_json_value(const SentimentRecord& s) {
  return {{"score", optional_number(s.score)}, {"label", s.label}};
}

nlohmann::json to_json_value(const CallSummary& c) {
  return {{"id", c.id},
          {"start_time_ms", c.start_time_ms},
          {"duration_ms", c.duration_ms},
          {"language", c.language},
          {"seller_id", c.seller_id},
          {"account_id", c.account_id},
          {"contact_id", c.contact_id},
          {"lead_id", c.lead_id},
          {"opportunity_id", c.opportunity_id},
          {"segment_count", c.segment_count},
          {"participant_count", c.participant_count},
          {"metrics", to_json_value(c.metrics)},
          {"customer_sentiment", to_json_value(c.customer_sentiment)},
          {"seller_sentiment", to_json_value(c.seller_sentiment)},
          {"keyword_mentions", c.keyword_mentions},
          {"competitor_mentions", c.competitor_mentions},
          {"brand_mentions", c.brand_mentions}};
}

nlohmann::json to_json_value(const CallTotals& t) {
  nlohmann::json metrics = nlohmann::json::object();
  const std::pair<const char*, const MetricTotal*> named[] = {
      {"talk_ratio", &t.talk_ratio},
      {"seller_words_per_minute", &t.seller_words_per_minute},
      {"switches", &t.switches},
      {"switch_rate_per_hour", &t.switch_rate_per_hour},
      {"average_pause_ms", &t.average_pause_ms},
      {"patience_ms", &t.patience_ms},
      {"seller_longest_monologue_ms", &t.seller_longest_monologue_ms},
      {"customer_longest_monologue_ms", &t.customer_longest_monologue_ms},
      {"seller_question_rate_per_hour", &t.seller_question_rate_per_hour},
      {"customer_sentiment", &t.customer_sentiment}};
  for (const auto& [name, total] : named) metrics[name] = {{"sum", total->sum}, {"count", total->count}};
  return {{"seller_id", t.seller_id},
          {"bucket", t.bucket},
          {"calls", t.calls},
          {"duration_ms", t.duration_ms},
          {"first_start_ms", t.first_start_ms},
          {"last_start_ms", t.last_start_ms},
          {"metrics", metrics},
          {"positive_calls", t.positive_calls},
          {"neutral_calls", t.neutral_calls},
          {"negative_calls", t.negative_calls},
          {"calls_with_keywords", t.calls_with_keywords},
          {"calls_with_competitors", t.calls_with_competitors},
          {"calls_with_brands", t.calls_with_brands},
          {"calls_with_competitors_or_brands", t.calls_with_competitors_or_brands}};
}

nlohmann::json to_json_value(const MentionSummary& summary) {
  auto role = [](const std::optional<Role>& r) {
    return r ? nlohmann::json(role_name(*r)) : nlohmann::json(nullptr);
  };
  nlohmann::json totals = nlohmann::json::array();
  for (const auto& t : summary.totals) {
    totals.push_back({{"kind", mention_kind_name(t.kind)},
                      {"name", t.name},
                      {"role", role(t.role)},
                      {"seller_id", t.seller_id},
                      {"bucket", t.bucket},
                      {"mentions", t.mentions},
                      {"calls", t.calls}});
  }
  nlohmann::json subjects = nlohmann::json::array();
  for (const auto& s : summary.subjects) {
    subjects.push_back({{"kind", mention_kind_name(s.kind)},
                        {"name", s.name},
                        {"role", role(s.role)},
                        {"display_name", s.display_name},
                        {"recent_call_ids", s.recent_call_ids}});
  }
  return {{"totals", totals}, {"subjects", subjects}};
}

nlohmann::json to_json_value(const ActivityTotals& t) {
  return {{"owner_id", t.owner_id},
          {"type", activity_type_name(t.type)},
          {"direction", activity_direction_name(t.direction)},
          {"activities", t.activities},
          {"duration_ms", t.duration_ms}};
}

nlohmann::json to_json_value(const TermList& list) {
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& term : list.terms) terms.push_back(to_json_value(term));
  return {{"id", list.id}, {"name", list.name}, {"scope", to_json_value(list.scope)}, {"terms", terms}};
}

nlohmann::json to_json_value(const ProcessingSummary& s) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& [reason, calls] : s.failure_reasons) {
    reasons.push_back({{"reason", reason}, {"calls", calls}});
  }
  return {
      {"received", s.received}, {"analysed", s.analysed}, {"failed", s.failed}, {"failure_reasons", reasons}};
}

nlohmann::json to_json_value(const DeletionReport& r) {
  return {{"calls_deleted", r.calls_deleted},
          {"comments_deleted", r.comments_deleted},
          {"activities_deleted", r.activities_deleted},
          {"activity_participations_removed", r.activity_participations_removed},
          {"call_participations_anonymised", r.call_participations_anonymised},
          {"opportunities_deleted", r.opportunities_deleted},
          {"term_lists_deleted", r.term_lists_deleted},
          {"users_deleted", r.users_deleted}};
}

nlohmann::json to_json_value(const TermHitRecord& h) {
  return {{"term", h.term},
          {"kind", term_kind_name(h.kind)},
          {"role", role_name(h.role)},
          {"segment_index", h.segment_index},
          {"offset_ms", h.offset_ms}};
}

nlohmann::json to_json_value(const BrandMentionRecord& b) {
  return {{"normalized_name", b.normalized_name}, {"display_name", b.display_name}, {"count", b.count}};
}

nlohmann::json to_json_value(const PriceMentionRecord& p) {
  return {{"amount", p.amount},
          {"currency", p.currency},
          {"text", p.text},
          {"segment_index", p.segment_index},
          {"offset_ms", p.offset_ms}};
}

nlohmann::json to_json_value(const ActionItemRecord& a) {
  return {{"segment_index", a.segment_index}, {"text", a.text}};
}

nlohmann::json to_json_value(const CallAnalysisRecord& r) {
  nlohmann::json extra = nlohmann::json::array();
  for (const auto& [name, value] : r.extra_metrics) extra.push_back({{"name", name}, {"value", value}});
  return {{"metrics", to_json_value(r.metrics)},
          {"extra_metrics", extra},
          {"customer_sentiment", to_json_value(r.customer_sentiment)},
          {"seller_sentiment", to_json_value(r.seller_sentiment)},
          {"term_hits", to_json_array(r.term_hits)},
          {"brands", to_json_array(r.brands)},
          {"prices", to_json_array(r.prices)},
          {"action_items", to_json_array(r.action_items)},
          {"segment_translations", r.segment_translations},
          {"translation_language", r.translation_language}};
}

nlohmann::json to_json_value(const TermHitRow& row) {
  return {{"call_id", row.call_id},
          {"seller_id", row.seller_id},
          {"call_start_ms", row.call_start_ms},
          {"hit", to_json_value(row.hit)}};
}

nlohmann::json to_json_value(const StoredTermCount& c) {
  return {{"term", c.term}, {"kind", term_kind_name(c.kind)}, {"mentions", c.mentions}, {"calls", c.calls}};
}

nlohmann::json to_json_value(const BrandMentionRow& row) {
  return {{"call_id", row.call_id},
          {"seller_id", row.seller_id},
          {"call_start_ms", row.call_start_ms},
          {"brand", to_json_value(row.brand)}};
}

nlohmann::json to_json_value(const StoredBrandFirstMention& m) {
  return {{"normalized_name", m.normalized_name},
          {"display_name", m.display_name},
          {"first_call_id", m.first_call_id},
          {"first_call_start_ms", m.first_call_start_ms},
          {"mentions", m.mentions}};
}

nlohmann::json to_json_value(const CallSpan& span) {
  return {
      {"calls", span.calls}, {"first_start_ms", span.first_start_ms}, {"last_start_ms", span.last_start_ms}};
}

nlohmann::json to_json_value(const RetentionPolicy& policy) {
  return {{"scope", to_json_value(policy.scope)}, {"days", policy.days}};
}

nlohmann::json to_json_value(const PurgeReport& report) { return {{"calls_deleted", report.calls_deleted}}; }

nlohmann::json to_json_value(const ProcessingEvent& e) {
  return {{"call_id", e.call_id},
          {"seller_id", e.seller_id},
          {"status", processing_status_name(e.status)},
          {"reason", e.reason},
          {"at_ms", e.at_ms}};
}

TermList term_list_from_json(const JsonField& field) {
  JsonObject object = field.object();
  TermList list;
  list.id = object.require("id").string();
  object.read("name", list.name);
  if (std::optional<JsonField> scope = object.find("scope")) list.scope = term_scope_from_json(*scope);
  if (std::optional<JsonField> terms = object.find("terms")) {
    list.terms = tracked_terms_from_json(*terms);
    // A term written without a scope has its list's (the store requires the two to agree).
    for (std::size_t i = 0; i < list.terms.size(); ++i) {
      const nlohmann::json& term = terms->value()[i];
      if (term.is_object() && !term.contains("scope")) list.terms[i].scope = list.scope;
    }
  }
  object.finish();
  return list;
}

RetentionPolicy retention_policy_from_json(const JsonField& field) {
  JsonObject object = field.object();
  RetentionPolicy policy;
  if (std::optional<JsonField> scope = object.find("scope")) policy.scope = term_scope_from_json(*scope);
  policy.days = object.require("days").int64();
  object.finish();
  return policy;
}

ProcessingEvent processing_event_from_json(const JsonField& field) {
  JsonObject object = field.object();
  ProcessingEvent e;
  e.call_id = object.require("call_id").string();
  object.read("seller_id", e.seller_id);
  if (std::optional<JsonField> status = object.find("status"))
    e.status = status->name_among(processing_statuses, processing_status_name);
  object.read("reason", e.reason);
  object.read("at_ms", e.at_ms);
  object.finish();
  return e;
}

CallFilter call_filter_from_json(const JsonField& field) {
  JsonObject object = field.object();
  CallFilter f;
  object.read("seller_ids", f.seller_ids);
  object.read("from_ms", f.from_ms);
  object.read("to_ms", f.to_ms);
  object.read("account_id", f.account_id);
  object.read("contact_id", f.contact_id);
  object.read("lead_id", f.lead_id);
  object.read("opportunity_id", f.opportunity_id);
  object.read("customer_sentiment_below", f.customer_sentiment_below);
  object.read("limit", f.limit);
  object.read_name("order", f.order, call_order_names);
  object.finish();
  return f;
}

ActivityFilter activity_filter_from_json(const JsonField& field) {
  JsonObject object = field.object();
  ActivityFilter f;
  object.read("owner_ids", f.owner_ids);
  object.read("account_id", f.account_id);
  object.read("contact_id", f.contact_id);
  object.read("lead_id", f.lead_id);
  object.read("opportunity_id", f.opportunity_id);
  object.read("from_ms", f.from_ms);
  object.read("to_ms", f.to_ms);
  object.finish();
  return f;
}

OpportunityFilter opportunity_filter_from_json(const JsonField& field) {
  JsonObject object = field.object();
  OpportunityFilter f;
  object.read("owner_ids", f.owner_ids);
  object.read("account_id", f.account_id);
  object.read("from_ms", f.from_ms);
  object.read("to_ms", f.to_ms);
  object.finish();
  return f;
}

std::vector<User> users_from_json(std::string_view json_text, std::string_view name) {
  const nlohmann::json document = parse_json_text(json_text, name);
  return array_from_json(JsonField(document, std::string(name)), user_from_json);
}

std::string to_json(const User& v) { return to_json_value(v).dump(); }
std::string to_json(const Opportunity& v) { return to_json_value(v).dump(); }
std::string to_json(const Activity& v) { return to_json_value(v).dump(); }
std::string to_json(const Comment& v) { return to_json_value(v).dump(); }
std::string to_json(const CallSummary& v) { return to_json_value(v).dump(); }
std::string to_json(const TermList& v) { return to_json_value(v).dump(); }
std::string to_json(const ProcessingSummary& v) { return to_json_value(v).dump(); }
std::string to_json(const DeletionReport& v) { return to_json_value(v).dump(); }
std::string to_json(const CallTotals& v) { return to_json_value(v).dump(); }
std::string to_json(const MentionSummary& v) { return to_json_value(v).dump(); }
std::string to_json(const ActivityTotals& v) { return to_json_value(v).dump(); }
std::string to_json(const CallAnalysisRecord& v) { return to_json_value(v).dump(); }
std::string to_json(const TermHitRow& v) { return to_json_value(v).dump(); }
std::string to_json(const StoredTermCount& v) { return to_json_value(v).dump(); }
std::string to_json(const BrandMentionRow& v) { return to_json_value(v).dump(); }
std::string to_json(const StoredBrandFirstMention& v) { return to_json_value(v).dump(); }
std::string to_json(const CallSpan& v) { return to_json_value(v).dump(); }
std::string to_json(const RetentionPolicy& v) { return to_json_value(v).dump(); }
std::string to_json(const PurgeReport& v) { return to_json_value(v).dump(); }
std::string to_json(const ProcessingEvent& v) { return to_json_value(v).dump(); }

}  // namespace parley
