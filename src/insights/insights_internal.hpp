#pragma once
// Shared pieces of the insight computations (private to src/insights).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "parley/insights.hpp"
#include "parley/period.hpp"
#include "parley/store.hpp"

namespace parley::insights {

// Sums and counts of the per-call KPIs; result() takes the means.
class KpiAccumulator {
 public:
  void add(const CallSummary& call);
  ConversationKpis result() const;

 private:
  std::int64_t calls_ = 0;
  std::int64_t recorded_ms_ = 0;
  std::array<double, 10> sums_{};
  std::array<std::int64_t, 10> counts_{};
  std::int64_t labelled_ = 0;
  std::int64_t negative_ = 0;
};

// The sellers an insight covers.
struct Team {
  std::vector<User> sellers;  // by display name
  std::vector<std::string> seller_ids;
};

PeriodInfo resolve_info(const InsightOptions& options);
// Sellers below team_manager_id (empty: every seller in the viewer's scope). Throws not_found /
// not_permitted for a manager the viewer may not see.
Team resolve_team(Store& store, const Viewer& viewer, std::string_view team_manager_id);
// The calls of both periods: [previous start (or current start), current end).
CallFilter both_periods_filter(const PeriodInfo& period, std::vector<std::string> seller_ids);
TimeBuckets choose_buckets(const PeriodInfo& period, const InsightOptions& options, std::int64_t first_data_ms,
                           std::int64_t last_data_ms, ZoneCalendar& calendar, Buckets& buckets);
std::optional<double> growth(double current, double previous);
CountTrend count_trend(double current, double previous);
void add_sentiment(SentimentDonut& donut, const SentimentRecord& sentiment);
void finish_donut(SentimentDonut& donut);
std::vector<SentimentPoint> sentiment_series(const std::vector<const CallSummary*>& calls, const Buckets& buckets,
                                             const TimeBuckets& labels);
// Ranked tracked terms of one kind (optionally said by one role) over the current period, with
// previous-period counts and per-bucket series.
std::vector<TermInsight> term_insights(const std::vector<TermHitRow>& rows, StoredTermKind kind,
                                       std::optional<Role> role, const PeriodInfo& period, const Buckets& buckets,
                                       const InsightOptions& options);
// Every brand mentioned in the current period, ranked.
std::vector<TermInsight> brand_insights(const std::vector<BrandMentionRow>& rows, const PeriodInfo& period,
                                        const Buckets& buckets, const InsightOptions& options,
                                        const std::unordered_set<std::string>& new_normalized_names);
std::vector<KpiTrend> kpi_trends(const ConversationKpis& now, const ConversationKpis& before);

}  // namespace parley::insights
