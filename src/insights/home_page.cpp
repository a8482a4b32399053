// The manager's home page: sales KPIs, what customers talk about, what top sellers do, and call
// recording KPIs, over one team and the current and previous periods.
#include <algorithm>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "insights/insights_internal.hpp"
#include "parley/insights.hpp"

namespace parley {

namespace {

using namespace insights;

BasicKpis basic_kpis(const std::vector<Opportunity>& opportunities, const PeriodInfo& period,
                     std::int64_t now_ms) {
  BasicKpis basic;
  if (period.current.start_utc_ms != all_time_start) {
    basic.time_left_ms = std::max<std::int64_t>(0, period.current.end_utc_ms - now_ms);
  }
  std::int64_t previous_lost = 0;
  for (const auto& opportunity : opportunities) {
    if (opportunity.status == OpportunityStatus::open) {
      if (opportunity.created_ms < period.current.end_utc_ms) {
        basic.open_estimated_revenue += opportunity.estimated_revenue;
        ++basic.open_deals;
      }
      continue;
    }
    if (!opportunity.closed_ms) continue;
    const std::int64_t closed = *opportunity.closed_ms;
    const bool won = opportunity.status == OpportunityStatus::won;
    if (period.current.contains(closed)) {
      if (won) {
        ++basic.deals_won;
        basic.won_revenue += opportunity.actual_revenue;
      } else {
        ++basic.deals_lost;
      }
    } else if (period.previous.contains(closed)) {
      if (won) {
        ++basic.previous_deals_won;
        basic.previous_won_revenue += opportunity.actual_revenue;
      } else {
        ++previous_lost;
      }
    }
  }
  if (basic.deals_won + basic.deals_lost > 0) {
    basic.win_rate =
        static_cast<double>(basic.deals_won) / static_cast<double>(basic.deals_won + basic.deals_lost);
  }
  if (basic.deals_won > 0)
    basic.average_revenue_per_deal = basic.won_revenue / static_cast<double>(basic.deals_won);
  if (basic.previous_deals_won + previous_lost > 0) {
    basic.previous_win_rate = static_cast<double>(basic.previous_deals_won) /
                              static_cast<double>(basic.previous_deals_won + previous_lost);
  }
  return basic;
}

EngagementHours engagement_of(const std::vector<ActivityTotals>& activities,
                              const std::unordered_set<std::string>& owners,
                              const std::unordered_map<std::string, std::int64_t>& recorded_ms,
                              const InsightOptions& options) {
  EngagementHours hours;
  if (owners.empty()) return hours;
  constexpr double hour_ms = 3'600'000.0;
  for (const auto& group : activities) {
    if (!owners.contains(group.owner_id)) continue;
    const auto count = static_cast<double>(group.activities);
    switch (group.type) {
      case ActivityType::email:
        hours.email +=
            count * options.time_spent.person_minutes(group.type, group.direction == ActivityDirection::sent, 0) /
            60.0;
        break;
      case ActivityType::meeting:
        hours.meeting += options.time_spent.person_minutes(group.type, false, group.duration_ms) / 60.0;
        break;
      case ActivityType::phone_call:
        hours.phone_call += options.time_spent.person_minutes(group.type, false, group.duration_ms) / 60.0;
        break;
    }
  }
  for (const auto& owner : owners) {
    const auto found = recorded_ms.find(owner);
    if (found != recorded_ms.end()) hours.recorded_calls += static_cast<double>(found->second) / hour_ms;
  }
  const auto n = static_cast<double>(owners.size());
  hours.email /= n;
  hours.meeting /= n;
  hours.phone_call /= n;
  hours.recorded_calls /= n;
  return hours;
}

}  // namespace

HomePage home_page(Store& store, const Viewer& viewer, std::string_view team_manager_id,
                   const InsightOptions& options) {
  options.time_spent.validate("InsightOptions.time_spent");
  HomePage page;
  page.period = resolve_info(options);
  page.team_manager_id = std::string(team_manager_id);
  const PeriodInfo& period = page.period;
  const Team team = resolve_team(store, viewer, team_manager_id);
  page.sellers = static_cast<std::int64_t>(team.seller_ids.size());
  page.team = team.sellers;
  if (team.manager) page.team_manager_name = team.manager->display_name;
  if (team.seller_ids.empty()) {
    if (period.current.start_utc_ms != all_time_start) {
      page.basic.time_left_ms = std::max<std::int64_t>(0, period.current.end_utc_ms - options.now_utc_ms);
    }
    return page;
  }

  // The store aggregates over both periods: calls by seller and bucket (bucket -1 = previous
  // period), mentions likewise, activities by owner and type.
  const CallFilter filter = both_periods_filter(period, team.seller_ids);
  const PeriodCalls calls = load_period_calls(store, viewer, filter, period, options);
  const MentionSummary mentions =
      store.mention_totals(viewer, filter, calls.plan.edges, options.calls_per_term);
  CallFilter current_filter = filter;
  current_filter.from_ms = period.current.start_utc_ms;
  // Over all time every brand mentioned is new; otherwise the store finds the first mentions.
  const bool all_time = period.current.start_utc_ms == all_time_start;
  const std::vector<StoredBrandFirstMention> first_mentions =
      all_time ? std::vector<StoredBrandFirstMention>{} : store.brand_first_mentions(viewer, current_filter);
  OpportunityFilter opportunity_filter;
  opportunity_filter.owner_ids = team.seller_ids;
  opportunity_filter.from_ms = filter.from_ms;
  opportunity_filter.to_ms = filter.to_ms;
  const std::vector<Opportunity> opportunities = store.opportunities(viewer, opportunity_filter);
  ActivityFilter activity_filter;
  activity_filter.owner_ids = team.seller_ids;
  activity_filter.from_ms = period.current.start_utc_ms;
  activity_filter.to_ms = std::min(period.current.end_utc_ms, options.now_utc_ms);  // no scheduled ones
  const std::vector<ActivityTotals> activities = activity_filter.from_ms < activity_filter.to_ms
                                                     ? store.activity_totals(viewer, activity_filter)
                                                     : std::vector<ActivityTotals>{};

  page.basic = basic_kpis(opportunities, period, options.now_utc_ms);

  // Calls of the period: sentiment, recording counts, recorded time per seller.
  CustomerTopics& customers = page.customers;
  std::unordered_map<std::string, std::int64_t> recorded_ms;
  KpiAccumulator all_current;
  CallTotals current, previous;  // summed over sellers and buckets
  auto add_counts = [](CallTotals& sum, const CallTotals& group) {
    sum.calls += group.calls;
    sum.duration_ms += group.duration_ms;
    sum.calls_with_keywords += group.calls_with_keywords;
    sum.calls_with_competitors_or_brands += group.calls_with_competitors_or_brands;
  };
  for (const auto& group : calls.totals) {
    if (group.bucket >= 0) {
      add_counts(current, group);
      all_current.add(group);
      recorded_ms[group.seller_id] += group.duration_ms;
      add_sentiment(customers.sentiment, group);
    } else {
      add_counts(previous, group);
    }
  }
  finish_donut(customers.sentiment);
  const ConversationKpis current_kpis = all_current.result();
  if (current_kpis.customer_sentiment) {
    const double average = *current_kpis.customer_sentiment;
    customers.average_customer_sentiment = average;
    // "More negative than average" (docs/sentiment.md): strictly below the mean minus the margin.
    CallFilter negative = current_filter;
    negative.customer_sentiment_below = average - options.more_negative_margin;
    const std::int64_t below = store.call_span(viewer, negative).calls;
    customers.more_negative_than_average_calls = below;
    customers.more_negative_than_average_share =
        static_cast<double>(below) / static_cast<double>(current_kpis.calls_with_customer_sentiment);
    negative.order = CallOrder::most_negative_first;
    negative.limit = 20;
    for (const auto& call : store.call_summaries(viewer, negative))
      customers.more_negative_call_ids.push_back(call.id);
  }

  customers.buckets = calls.plan.labels;
  customers.sentiment_over_time = sentiment_series(calls.totals, calls.plan);
  customers.top_keywords =
      mention_insights(mentions, MentionKind::keyword, Role::customer, calls.plan, options.top_terms);
  customers.top_competitors =
      mention_insights(mentions, MentionKind::competitor, Role::customer, calls.plan, options.top_terms);
  std::unordered_set<std::string> new_names;
  for (const auto& mention : first_mentions) new_names.insert(mention.normalized_name);
  std::unordered_set<std::string> new_displays;
  for (const auto& subject : mentions.subjects) {
    if (subject.kind == MentionKind::brand && (all_time || new_names.contains(subject.name))) {
      new_displays.insert(subject.display_name);
    }
  }
  std::vector<TermInsight> brands = mention_insights(mentions, MentionKind::brand, std::nullopt, calls.plan,
                                                     std::numeric_limits<std::size_t>::max());
  for (auto& brand : brands) {
    brand.is_new = new_displays.contains(brand.term);
    if (brand.is_new) customers.new_brands.push_back(brand);
  }
  if (brands.size() > options.top_terms) brands.resize(options.top_terms);
  customers.top_brands = std::move(brands);

  // Top sellers: won revenue in the period above the team's average per seller.
  TopSellerComparison& top = page.top_sellers;
  std::unordered_map<std::string, double> revenue;
  double total_revenue = 0;
  for (const auto& opportunity : opportunities) {
    if (opportunity.status == OpportunityStatus::won && opportunity.closed_ms &&
        period.current.contains(*opportunity.closed_ms)) {
      revenue[opportunity.owner_id] += opportunity.actual_revenue;
      total_revenue += opportunity.actual_revenue;
    }
  }
  top.team_average_revenue = total_revenue / static_cast<double>(team.seller_ids.size());
  std::unordered_set<std::string> top_ids, team_ids(team.seller_ids.begin(), team.seller_ids.end());
  for (const auto& id : team.seller_ids) {
    if (revenue[id] > top.team_average_revenue) {
      top.top_seller_ids.push_back(id);
      top_ids.insert(id);
    }
  }
  KpiAccumulator top_kpis;
  for (const auto& group : calls.totals) {
    if (group.bucket >= 0 && top_ids.contains(group.seller_id)) top_kpis.add(group);
  }
  top.top_sellers = top_kpis.result();
  top.team = current_kpis;
  // Best-practice keywords: seller mentions per call, top sellers against the whole team.
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> seller_mentions;  // term -> (top, team)
  for (const auto& group : mentions.totals) {
    if (group.kind != MentionKind::keyword || group.role != Role::seller || group.bucket < 0) continue;
    auto& counts = seller_mentions[group.name];
    counts.second += group.mentions;
    if (top_ids.contains(group.seller_id)) counts.first += group.mentions;
  }
  if (top.top_sellers.calls > 0 && top.team.calls > 0) {
    for (const auto& [term, counts] : seller_mentions) {
      BestPracticeTerm item{term,
                            static_cast<double>(counts.first) / static_cast<double>(top.top_sellers.calls),
                            static_cast<double>(counts.second) / static_cast<double>(top.team.calls)};
      if (item.top_sellers_per_call > item.team_per_call)
        top.best_practice_keywords.push_back(std::move(item));
    }
    std::sort(top.best_practice_keywords.begin(), top.best_practice_keywords.end(),
              [](const BestPracticeTerm& a, const BestPracticeTerm& b) {
                // Larger lift first: a.top / a.team > b.top / b.team, cross-multiplied (team > 0 here).
                const double left = a.top_sellers_per_call * b.team_per_call;
                const double right = b.top_sellers_per_call * a.team_per_call;
                return left != right ? left > right : a.term < b.term;
              });
    if (top.best_practice_keywords.size() > options.best_practice_terms) {
      top.best_practice_keywords.resize(options.best_practice_terms);
    }
  }
  top.top_sellers_engagement = engagement_of(activities, top_ids, recorded_ms, options);
  top.team_engagement = engagement_of(activities, team_ids, recorded_ms, options);

  // Call recording KPIs, this period against the previous one.
  constexpr double hour_ms = 3'600'000.0;
  page.recording.calls_recorded =
      count_trend(static_cast<double>(current.calls), static_cast<double>(previous.calls));
  page.recording.hours_recorded = count_trend(static_cast<double>(current.duration_ms) / hour_ms,
                                              static_cast<double>(previous.duration_ms) / hour_ms);
  page.recording.calls_with_keywords = count_trend(static_cast<double>(current.calls_with_keywords),
                                                   static_cast<double>(previous.calls_with_keywords));
  page.recording.calls_with_competitors_or_brands =
      count_trend(static_cast<double>(current.calls_with_competitors_or_brands),
                  static_cast<double>(previous.calls_with_competitors_or_brands));
  return page;
}

}  // namespace parley
