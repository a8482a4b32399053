// JSON forms of users, CRM records, call summaries, term lists and store reports.
#include "store/store_json.hpp"

#include "terms/terms_json.hpp"

namespace parley {
namespace {

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json to_json_value(const User& user) {
  return {{"id", user.id},
          {"display_name", user.display_name},
          {"email", user.email},
          {"role", user_role_name(user.role)},
          {"manager_id", user.manager_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(user.manager_id)},
          {"time_zone", user.time_zone}};
}

nlohmann::json to_json_value(const Opportunity& o) {
  return {{"id", o.id},
          {"name", o.name},
          {"account_id", o.account_id},
          {"owner_id", o.owner_id},
          {"status", opportunity_status_name(o.status)},
          {"estimated_revenue", o.estimated_revenue},
          {"actual_revenue", o.actual_revenue},
          {"currency", o.currency},
          {"created_ms", o.created_ms},
          {"closed_ms", o.closed_ms ? nlohmann::json(*o.closed_ms) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json_value(const Activity& a) {
  auto parties = [](const std::vector<ActivityParty>& list) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : list) {
      out.push_back(
          {{"id", p.id}, {"display_name", p.display_name}, {"email", p.email}, {"time_zone", p.time_zone}});
    }
    return out;
  };
  nlohmann::json engagement = nlohmann::json::array();
  for (const auto& e : a.engagement) {
    engagement.push_back({{"kind", engagement_kind_name(e.kind)}, {"time_ms", e.time_ms}});
  }
  return {{"id", a.id},
          {"type", activity_type_name(a.type)},
          {"direction", activity_direction_name(a.direction)},
          {"owner_id", a.owner_id},
          {"initiator_id", a.initiator_id},
          {"our_side", parties(a.our_side)},
          {"customer_side", parties(a.customer_side)},
          {"timestamp_ms", a.timestamp_ms},
          {"duration_ms", a.duration_ms},
          {"subject", a.subject},
          {"thread_id", a.thread_id},
          {"message_id", a.message_id},
          {"in_reply_to", a.in_reply_to},
          {"references", a.references},
          {"automatic_reply", a.automatic_reply},
          {"tracked", a.tracked},
          {"engagement", engagement},
          {"account_id", a.account_id},
          {"contact_id", a.contact_id},
          {"lead_id", a.lead_id},
          {"opportunity_id", a.opportunity_id}};
}

nlohmann::json to_json_value(const Comment& c) {
  return {{"id", c.id},
          {"call_id", c.call_id},
          {"author_id", c.author_id},
          {"created_ms", c.created_ms},
          {"offset_ms", c.offset_ms},
          {"segment_index", c.segment_index ? nlohmann::json(*c.segment_index) : nlohmann::json(nullptr)},
          {"text", c.text}};
}

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

}  // namespace parley
