// JSON forms of the insight results: snake_case, times in ms, ratios 0..1, absent figures as null.
#include "insights/insights_json.hpp"

#include "relationship/relationship_json.hpp"
#include "store/store_json.hpp"

namespace parley {

namespace {

template <typename T>
nlohmann::json optional_value(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

constexpr PeriodKind period_kinds[] = {
    PeriodKind::last_24_hours, PeriodKind::last_7_days, PeriodKind::this_month, PeriodKind::last_month,
    PeriodKind::this_week,     PeriodKind::last_week,   PeriodKind::all_time,   PeriodKind::custom};
constexpr BucketSize bucket_sizes[] = {BucketSize::day, BucketSize::week, BucketSize::month};

}  // namespace

nlohmann::json to_json_value(const Period& period) {
  return {{"start_ms", period.start_utc_ms == all_time_start ? nlohmann::json(nullptr)
                                                             : nlohmann::json(period.start_utc_ms)},
          {"end_ms",
           period.end_utc_ms == all_time_end ? nlohmann::json(nullptr) : nlohmann::json(period.end_utc_ms)}};
}

nlohmann::json to_json_value(const PeriodInfo& period) {
  return {{"kind", period_kind_name(period.kind)},
          {"current", to_json_value(period.current)},
          {"previous", period.previous.empty() ? nlohmann::json(nullptr) : to_json_value(period.previous)},
          {"time_zone", period.time_zone},
          {"locale", period.locale}};
}

nlohmann::json to_json_value(const ConversationKpis& k) {
  return {{"calls", k.calls},
          {"recorded_ms", k.recorded_ms},
          {"talk_ratio", optional_value(k.talk_ratio)},
          {"listen_ratio", optional_value(k.listen_ratio)},
          {"seller_words_per_minute", optional_value(k.seller_words_per_minute)},
          {"switches_per_call", optional_value(k.switches_per_call)},
          {"switch_rate_per_hour", optional_value(k.switch_rate_per_hour)},
          {"average_pause_ms", optional_value(k.average_pause_ms)},
          {"patience_ms", optional_value(k.patience_ms)},
          {"seller_longest_monologue_ms", optional_value(k.seller_longest_monologue_ms)},
          {"customer_longest_monologue_ms", optional_value(k.customer_longest_monologue_ms)},
          {"seller_question_rate_per_hour", optional_value(k.seller_question_rate_per_hour)},
          {"customer_sentiment", optional_value(k.customer_sentiment)},
          {"negative_share", optional_value(k.negative_share)},
          {"calls_with_talk_ratio", k.calls_with_talk_ratio},
          {"calls_with_customer_sentiment", k.calls_with_customer_sentiment}};
}

nlohmann::json to_json_value(const KpiTrend& t) {
  return {{"kpi", t.kpi},
          {"current", optional_value(t.current)},
          {"previous", optional_value(t.previous)},
          {"change", optional_value(t.change)}};
}

nlohmann::json to_json_value(const SentimentDonut& d) {
  return {{"calls", d.calls},
          {"positive", d.positive},
          {"neutral", d.neutral},
          {"negative", d.negative},
          {"positive_share", optional_value(d.positive_share)},
          {"neutral_share", optional_value(d.neutral_share)},
          {"negative_share", optional_value(d.negative_share)}};
}

nlohmann::json to_json_value(const SentimentPoint& p) {
  return {{"bucket_start_ms", p.bucket_start_ms},
          {"local_date", p.local_date},
          {"calls", p.calls},
          {"average_customer_sentiment", optional_value(p.average_customer_sentiment)},
          {"positive", p.positive},
          {"neutral", p.neutral},
          {"negative", p.negative}};
}

nlohmann::json to_json_value(const TermInsight& t) {
  return {{"term", t.term},
          {"kind", mention_kind_name(t.kind)},
          {"mentions", t.mentions},
          {"calls", t.calls},
          {"previous_mentions", t.previous_mentions},
          {"growth", optional_value(t.growth)},
          {"is_new", t.is_new},
          {"over_time", t.over_time},
          {"call_ids", t.call_ids}};
}

nlohmann::json to_json_value(const TimeBuckets& b) {
  return {{"size", bucket_size_name(b.size)}, {"starts_ms", b.starts_ms}, {"local_dates", b.local_dates}};
}

nlohmann::json to_json_value(const SellerDetails& d) {
  return {{"period", to_json_value(d.period)},
          {"seller", to_json_value(d.seller)},
          {"kpis", to_json_value(d.kpis)},
          {"previous_kpis", to_json_value(d.previous_kpis)},
          {"trends", to_json_array(d.trends)},
          {"sentiment", to_json_value(d.sentiment)},
          {"buckets", to_json_value(d.buckets)},
          {"sentiment_over_time", to_json_array(d.sentiment_over_time)},
          {"call_history", to_json_array(d.call_history)},
          {"top_keywords", to_json_array(d.top_keywords)},
          {"top_competitors", to_json_array(d.top_competitors)},
          {"comments", to_json_array(d.comments)}};
}

nlohmann::json to_json_value(const TeamMember& m) {
  return {{"seller", to_json_value(m.seller)}, {"kpis", to_json_value(m.kpis)}};
}

nlohmann::json to_json_value(const TeamView& v) {
  return {{"period", to_json_value(v.period)},
          {"team_manager_id",
           v.team_manager_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(v.team_manager_id)},
          {"members", to_json_array(v.members)},
          {"team_average", to_json_value(v.team_average)}};
}

nlohmann::json to_json_value(const BasicKpis& b) {
  return {{"time_left_ms", optional_value(b.time_left_ms)},
          {"won_revenue", b.won_revenue},
          {"open_estimated_revenue", b.open_estimated_revenue},
          {"open_deals", b.open_deals},
          {"deals_won", b.deals_won},
          {"deals_lost", b.deals_lost},
          {"win_rate", optional_value(b.win_rate)},
          {"average_revenue_per_deal", optional_value(b.average_revenue_per_deal)},
          {"previous_won_revenue", b.previous_won_revenue},
          {"previous_deals_won", b.previous_deals_won},
          {"previous_win_rate", optional_value(b.previous_win_rate)}};
}

nlohmann::json to_json_value(const CustomerTopics& c) {
  return {{"sentiment", to_json_value(c.sentiment)},
          {"average_customer_sentiment", optional_value(c.average_customer_sentiment)},
          {"more_negative_than_average_calls", c.more_negative_than_average_calls},
          {"more_negative_than_average_share", optional_value(c.more_negative_than_average_share)},
          {"more_negative_call_ids", c.more_negative_call_ids},
          {"buckets", to_json_value(c.buckets)},
          {"sentiment_over_time", to_json_array(c.sentiment_over_time)},
          {"top_keywords", to_json_array(c.top_keywords)},
          {"top_competitors", to_json_array(c.top_competitors)},
          {"top_brands", to_json_array(c.top_brands)},
          {"new_brands", to_json_array(c.new_brands)}};
}

nlohmann::json to_json_value(const EngagementHours& h) {
  return {{"email", h.email},
          {"meeting", h.meeting},
          {"phone_call", h.phone_call},
          {"recorded_calls", h.recorded_calls}};
}

nlohmann::json to_json_value(const BestPracticeTerm& t) {
  return {
      {"term", t.term}, {"top_sellers_per_call", t.top_sellers_per_call}, {"team_per_call", t.team_per_call}};
}

nlohmann::json to_json_value(const TopSellerComparison& c) {
  return {{"top_seller_ids", c.top_seller_ids},
          {"team_average_revenue", c.team_average_revenue},
          {"top_sellers", to_json_value(c.top_sellers)},
          {"team", to_json_value(c.team)},
          {"best_practice_keywords", to_json_array(c.best_practice_keywords)},
          {"top_sellers_engagement_hours", to_json_value(c.top_sellers_engagement)},
          {"team_engagement_hours", to_json_value(c.team_engagement)}};
}

nlohmann::json to_json_value(const CountTrend& t) {
  return {{"current", t.current}, {"previous", t.previous}, {"growth", optional_value(t.growth)}};
}

nlohmann::json to_json_value(const CallRecordingKpis& k) {
  return {{"calls_recorded", to_json_value(k.calls_recorded)},
          {"hours_recorded", to_json_value(k.hours_recorded)},
          {"calls_with_keywords", to_json_value(k.calls_with_keywords)},
          {"calls_with_competitors_or_brands", to_json_value(k.calls_with_competitors_or_brands)}};
}

nlohmann::json to_json_value(const HomePage& p) {
  nlohmann::json team = nlohmann::json::array();
  for (const auto& seller : p.team)
    team.push_back({{"id", seller.id}, {"display_name", seller.display_name}});
  return {{"period", to_json_value(p.period)},
          {"team_manager_id",
           p.team_manager_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.team_manager_id)},
          {"team_manager_name",
           p.team_manager_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.team_manager_name)},
          {"sellers", p.sellers},
          {"team", team},
          {"basic", to_json_value(p.basic)},
          {"customers", to_json_value(p.customers)},
          {"top_sellers", to_json_value(p.top_sellers)},
          {"recording", to_json_value(p.recording)}};
}

nlohmann::json to_json_value(const ProcessingCounts& c) {
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& [reason, calls] : c.failure_reasons)
    reasons.push_back({{"reason", reason}, {"calls", calls}});
  return {{"period", to_json_value(c.period)},
          {"received", c.received},
          {"analysed", c.analysed},
          {"failed", c.failed},
          {"pending", c.pending},
          {"failure_reasons", reasons}};
}

PeriodFilter period_filter_from_json(const JsonField& field) {
  JsonObject object = field.object();
  PeriodFilter filter;
  if (std::optional<JsonField> kind = object.find("kind"))
    filter.kind = kind->name_among(period_kinds, period_kind_name);
  object.read("time_zone", filter.time_zone);
  object.read("locale", filter.locale);
  object.read("custom_start_utc_ms", filter.custom_start_utc_ms);
  object.read("custom_end_utc_ms", filter.custom_end_utc_ms);
  object.finish();
  return filter;
}

InsightOptions insight_options_from_json(const JsonField& field) {
  JsonObject object = field.object();
  InsightOptions options;
  if (std::optional<JsonField> period = object.find("period"))
    options.period = period_filter_from_json(*period);
  options.now_utc_ms = object.require("now_utc_ms").int64();
  if (std::optional<JsonField> bucket = object.find("bucket")) {
    if (bucket->is_null()) {
      options.bucket.reset();
    } else {
      options.bucket = bucket->name_among(bucket_sizes, bucket_size_name);
    }
  }
  object.read("top_terms", options.top_terms);
  object.read("calls_per_term", options.calls_per_term);
  object.read("call_history_limit", options.call_history_limit);
  object.read("best_practice_terms", options.best_practice_terms);
  object.read("more_negative_margin", options.more_negative_margin);
  if (std::optional<JsonField> model = object.find("time_spent")) options.time_spent = time_spent_from_json(*model);
  object.finish();
  return options;
}

std::string to_json(const SellerDetails& details) { return to_json_value(details).dump(); }
std::string to_json(const TeamView& view) { return to_json_value(view).dump(); }
std::string to_json(const HomePage& page) { return to_json_value(page).dump(); }
std::string to_json(const ProcessingCounts& counts) { return to_json_value(counts).dump(); }

}  // namespace parley
