#pragma once
// Insights and dashboards (SPEC 6), computed from a Store for a viewer and a period: seller
// details, the team view, the manager's home page and processing monitoring. Every figure's
// definition is in docs/insights.md.
//
// Access: every function runs on behalf of a Viewer and reads only through the Store's
// viewer-scoped queries. Asking for a seller or a team outside the viewer's scope throws
// Error(ErrorCode::not_permitted) and returns nothing. An unknown user is not_permitted too, except
// for an administrator, who gets not_found (the store's rule: scope before existence).
//
// Optional figures are absent (std::nullopt, JSON null) when nothing defines them (no calls, no
// closed deals, a previous count of zero for a growth rate...), never a made-up 0.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/crm.hpp"
#include "parley/period.hpp"
#include "parley/relationship.hpp"
#include "parley/store.hpp"

namespace parley {

// Every parameter of the insight functions, with its default.
struct InsightOptions {
  PeriodFilter period;  // kind, time zone, locale (and custom bounds)
  // The viewer's "now" (UTC ms): periods resolve around it. Required (no clock is read).
  std::int64_t now_utc_ms = 0;
  // Bucket size of "over time" series; absent = automatic: day for periods up to 31 days, week
  // up to 26 weeks, month beyond.
  std::optional<BucketSize> bucket;
  std::size_t top_terms = 20;            // top keywords / competitors / brands listed
  std::size_t calls_per_term = 10;       // "the calls behind it": most recent call ids per term
  std::size_t call_history_limit = 50;   // seller details: newest calls listed
  std::size_t best_practice_terms = 10;  // home page: best-practice keywords listed
  // A call is "more negative than average" when its customer sentiment score is below the mean
  // score of the period's calls minus this margin (scores are in [-1, 1]).
  double more_negative_margin = 0.1;
  // Engagement hours by mode: the relationship KPIs' time-spent model, applied to each seller
  // (validated by the home page).
  TimeSpentModel time_spent;
};

// The resolved period every insight reports.
struct PeriodInfo {
  PeriodKind kind = PeriodKind::this_month;
  Period current;
  Period previous;  // empty for all_time
  std::string time_zone;
  std::string locale;
};

// Conversation KPIs averaged over a set of calls: each figure is the mean of the per-call values
// of the calls that have one (`calls_with_...` says how many), absent when none has.
struct ConversationKpis {
  std::int64_t calls = 0;
  std::int64_t recorded_ms = 0;                   // sum of call durations
  std::optional<double> talk_ratio;               // seller share of speech, 0..1
  std::optional<double> listen_ratio;             // 1 - talk_ratio
  std::optional<double> seller_words_per_minute;  // talking speed
  std::optional<double> switches_per_call;
  std::optional<double> switch_rate_per_hour;
  std::optional<double> average_pause_ms;
  std::optional<double> patience_ms;
  std::optional<double> seller_longest_monologue_ms;
  std::optional<double> customer_longest_monologue_ms;  // "longest customer story"
  std::optional<double> seller_question_rate_per_hour;
  std::optional<double> customer_sentiment;  // mean customer sentiment score, -1..1
  std::optional<double> negative_share;      // share of calls labelled negative, 0..1
  std::int64_t calls_with_talk_ratio = 0;
  std::int64_t calls_with_customer_sentiment = 0;
};

// A KPI now against the previous period.
struct KpiTrend {
  std::string kpi;  // the ConversationKpis field name ("talk_ratio")
  std::optional<double> current;
  std::optional<double> previous;
  std::optional<double> change;  // current - previous (absolute, in the KPI's unit)
};

// The sentiment donut: customer sentiment labels of the calls in the period.
struct SentimentDonut {
  std::int64_t calls = 0;  // calls with a customer sentiment label
  std::int64_t positive = 0, neutral = 0, negative = 0;
  std::optional<double> positive_share, neutral_share, negative_share;  // of `calls`
};

// One bucket of a series over time (local day, week or month).
struct SentimentPoint {
  std::int64_t bucket_start_ms = 0;
  std::string local_date;  // the bucket's first local day, "YYYY-MM-DD"
  std::int64_t calls = 0;  // calls with a customer sentiment score
  std::optional<double> average_customer_sentiment;
  std::int64_t positive = 0, neutral = 0, negative = 0;
};

// A tracked term or brand with its mentions in the period, its growth and the calls behind it.
struct TermInsight {
  std::string term;  // canonical term name, or a brand's display name
  MentionKind kind = MentionKind::keyword;
  std::int64_t mentions = 0;            // in the current period
  std::int64_t calls = 0;               // distinct calls mentioning it
  std::int64_t previous_mentions = 0;   // in the previous period
  std::optional<double> growth;         // (mentions - previous) / previous; absent when previous = 0
  bool is_new = false;                  // brands: first mentioned (ever) in the current period
  std::vector<std::int64_t> over_time;  // mentions per bucket (see the owning struct's buckets)
  std::vector<std::string> call_ids;    // most recent first, at most calls_per_term
};

// The local buckets of the over-time series in a result.
struct TimeBuckets {
  BucketSize size = BucketSize::day;
  std::vector<std::int64_t> starts_ms;  // one per bucket
  std::vector<std::string> local_dates;
};

struct SellerDetails {
  PeriodInfo period;
  User seller;
  ConversationKpis kpis;
  ConversationKpis previous_kpis;
  std::vector<KpiTrend> trends;  // one per KPI, in ConversationKpis order
  SentimentDonut sentiment;
  TimeBuckets buckets;
  std::vector<SentimentPoint> sentiment_over_time;  // one per bucket
  std::vector<CallSummary> call_history;            // newest first, at most call_history_limit
  std::vector<TermInsight> top_keywords;            // said by customers, most mentioned first
  std::vector<TermInsight> top_competitors;
  std::vector<Comment> comments;  // on the seller's calls of the period, newest first
};

struct TeamMember {
  User seller;
  ConversationKpis kpis;
};

struct TeamView {
  PeriodInfo period;
  std::string team_manager_id;      // empty: the viewer's whole scope
  std::vector<TeamMember> members;  // every seller of the team, by display name
  ConversationKpis team_average;    // over all the team's calls (call-weighted)
};

// Sales figures of the period (opportunities owned by the team's sellers).
struct BasicKpis {
  std::optional<std::int64_t> time_left_ms;  // period end - now, >= 0; absent for all_time
  double won_revenue = 0;                    // actual revenue of deals won in the period
  double open_estimated_revenue = 0;         // estimated revenue of deals open now
  std::int64_t open_deals = 0;
  std::int64_t deals_won = 0;                      // closed as won in the period
  std::int64_t deals_lost = 0;                     // closed as lost in the period
  std::optional<double> win_rate;                  // won / (won + lost)
  std::optional<double> average_revenue_per_deal;  // won_revenue / deals_won
  // The same for the previous period, for trends.
  double previous_won_revenue = 0;
  std::int64_t previous_deals_won = 0;
  std::optional<double> previous_win_rate;
};

struct CustomerTopics {
  SentimentDonut sentiment;
  std::optional<double> average_customer_sentiment;
  std::int64_t more_negative_than_average_calls = 0;
  std::optional<double> more_negative_than_average_share;  // of calls with a sentiment score
  std::vector<std::string> more_negative_call_ids;         // most negative first, at most 20
  TimeBuckets buckets;
  std::vector<SentimentPoint> sentiment_over_time;
  std::vector<TermInsight> top_keywords;     // customer mentions
  std::vector<TermInsight> top_competitors;  // customer mentions
  std::vector<TermInsight> top_brands;       // mentions by anyone
  std::vector<TermInsight> new_brands;       // first ever mentioned in the period
};

// Hours per seller spent with customers, by mode.
struct EngagementHours {
  double email = 0;
  double meeting = 0;
  double phone_call = 0;      // logged phone-call activities
  double recorded_calls = 0;  // analysed call recordings
};

struct BestPracticeTerm {
  std::string term;
  double top_sellers_per_call = 0;  // seller mentions per call, top sellers
  double team_per_call = 0;         // seller mentions per call, whole team
};

struct TopSellerComparison {
  std::vector<std::string> top_seller_ids;               // revenue in the period above the team average
  double team_average_revenue = 0;                       // won revenue per seller of the team
  ConversationKpis top_sellers;                          // over the top sellers' calls
  ConversationKpis team;                                 // over all the team's calls
  std::vector<BestPracticeTerm> best_practice_keywords;  // most over-used by top sellers first
  EngagementHours top_sellers_engagement;                // per top seller
  EngagementHours team_engagement;                       // per team seller
};

// A count now and in the previous period.
struct CountTrend {
  double current = 0;
  double previous = 0;
  std::optional<double> growth;  // (current - previous) / previous; absent when previous = 0
};

struct CallRecordingKpis {
  CountTrend calls_recorded;
  CountTrend hours_recorded;
  CountTrend calls_with_keywords;
  CountTrend calls_with_competitors_or_brands;
};

struct HomePage {
  PeriodInfo period;
  std::string team_manager_id;    // empty: the viewer's whole scope
  std::string team_manager_name;  // the manager's display name; empty with no team_manager_id
  std::int64_t sellers = 0;       // sellers of the team
  std::vector<User> team;         // those sellers, by display name
  BasicKpis basic;
  CustomerTopics customers;
  TopSellerComparison top_sellers;
  CallRecordingKpis recording;
};

struct ProcessingCounts {
  PeriodInfo period;
  std::int64_t received = 0;
  std::int64_t analysed = 0;
  std::int64_t failed = 0;
  std::int64_t pending = 0;                                           // received - analysed - failed, >= 0
  std::vector<std::pair<std::string, std::int64_t>> failure_reasons;  // most calls first
};

// A seller's page. The seller must be in the viewer's scope (a seller may see only themself).
SellerDetails seller_details(Store& store, const Viewer& viewer, std::string_view seller_id,
                             const InsightOptions& options);

// Each seller's KPIs beside the team average. team_manager_id empty = every seller in the viewer's
// scope; otherwise the sellers below that manager, who must be the viewer or in their scope.
TeamView team_view(Store& store, const Viewer& viewer, std::string_view team_manager_id,
                   const InsightOptions& options);

// The manager's home page over a team (team_manager_id as for team_view).
HomePage home_page(Store& store, const Viewer& viewer, std::string_view team_manager_id,
                   const InsightOptions& options);

// Calls received, analysed and failed in the period, over the viewer's scope.
ProcessingCounts processing_counts(Store& store, const Viewer& viewer, const InsightOptions& options);

// Readable text pages for terminals and demos (English labels, figures rounded).
std::string render_home_page_text(const HomePage& page);
std::string render_seller_details_text(const SellerDetails& details);
std::string render_team_view_text(const TeamView& view);

// JSON forms (snake_case fields, times in ms, ratios 0..1, absent figures as null).
std::string to_json(const SellerDetails& details);
std::string to_json(const TeamView& view);
std::string to_json(const HomePage& page);
std::string to_json(const ProcessingCounts& counts);

}  // namespace parley
