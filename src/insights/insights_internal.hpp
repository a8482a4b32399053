#pragma once
// Shared pieces of the insight computations (private to src/insights).
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/insights.hpp"
#include "parley/period.hpp"
#include "parley/store.hpp"

namespace parley::insights {

// Sums and counts of the per-call KPIs over groups of calls; result() takes the means.
class KpiAccumulator {
 public:
  void add(const CallTotals& group);
  ConversationKpis result() const;

 private:
  std::int64_t calls_ = 0;
  std::int64_t recorded_ms_ = 0;
  std::array<MetricTotal, 10> totals_{};
  std::int64_t labelled_ = 0;
  std::int64_t negative_ = 0;
};

// The sellers an insight covers.
struct Team {
  std::optional<User> manager;  // with a team_manager_id
  std::vector<User> sellers;    // by display name
  std::vector<std::string> seller_ids;
};

PeriodInfo resolve_info(const InsightOptions& options);
// Sellers below team_manager_id (empty: every seller in the viewer's scope). Throws not_found /
// not_permitted for a manager the viewer may not see.
Team resolve_team(Store& store, const Viewer& viewer, std::string_view team_manager_id);
// The calls of both periods: [previous start (or current start), current end).
CallFilter both_periods_filter(const PeriodInfo& period, std::vector<std::string> seller_ids);

// The time buckets of an insight and the Store's view of them: store bucket j is [edges[j],
// edges[j + 1]) within the current period, and series[j] is its index in `buckets` (or
// buckets.count() when it has none). Calls of the previous period are in store bucket -1.
struct BucketPlan {
  TimeBuckets labels;
  Buckets buckets;
  std::vector<std::int64_t> edges;
  std::vector<std::size_t> series;
  // The series index of a store bucket, or buckets.count() for none.
  std::size_t series_of(std::int32_t store_bucket) const noexcept {
    return store_bucket < 0 ? buckets.count() : series[static_cast<std::size_t>(store_bucket)];
  }
};

// The calls of `filter` (both periods) grouped by seller and bucket, and the buckets chosen for
// them (all time needs the data's range before it can choose).
struct PeriodCalls {
  std::vector<CallTotals> totals;
  BucketPlan plan;
};
PeriodCalls load_period_calls(Store& store, const Viewer& viewer, const CallFilter& filter,
                              const PeriodInfo& period, const InsightOptions& options);

std::optional<double> growth(double current, double previous);
CountTrend count_trend(double current, double previous);
void add_sentiment(SentimentDonut& donut, const CallTotals& group);
void finish_donut(SentimentDonut& donut);
std::vector<SentimentPoint> sentiment_series(const std::vector<CallTotals>& totals, const BucketPlan& plan);
// Ranked mentions of one kind said by one role (brands: no role) in the current period, with
// previous-period counts and per-bucket series. `limit` caps the list.
std::vector<TermInsight> mention_insights(const MentionSummary& summary, MentionKind kind,
                                          std::optional<Role> role, const BucketPlan& plan,
                                          std::size_t limit);
std::vector<KpiTrend> kpi_trends(const ConversationKpis& now, const ConversationKpis& before);

}  // namespace parley::insights
