// The manager's home page: sales KPIs, what customers talk about, what top sellers do, and call
// recording KPIs, over one team and the current and previous periods.
#include <algorithm>
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
    basic.win_rate = static_cast<double>(basic.deals_won) / static_cast<double>(basic.deals_won + basic.deals_lost);
  }
  if (basic.deals_won > 0) basic.average_revenue_per_deal = basic.won_revenue / static_cast<double>(basic.deals_won);
  if (basic.previous_deals_won + previous_lost > 0) {
    basic.previous_win_rate = static_cast<double>(basic.previous_deals_won) /
                              static_cast<double>(basic.previous_deals_won + previous_lost);
  }
  return basic;
}

EngagementHours engagement_of(const std::vector<Activity>& activities, const std::unordered_set<std::string>& owners,
                              const std::unordered_map<std::string, std::int64_t>& recorded_ms,
                              const InsightOptions& options) {
  EngagementHours hours;
  if (owners.empty()) return hours;
  constexpr double hour_ms = 3'600'000.0;
  for (const auto& activity : activities) {
    if (!owners.contains(activity.owner_id)) continue;
    switch (activity.type) {
      case ActivityType::email:
        hours.email += (activity.direction == ActivityDirection::sent ? options.email_write_minutes
                                                                       : options.email_read_minutes) / 60.0;
        break;
      case ActivityType::meeting: hours.meeting += static_cast<double>(activity.duration_ms) / hour_ms; break;
      case ActivityType::phone_call: hours.phone_call += static_cast<double>(activity.duration_ms) / hour_ms; break;
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
  HomePage page;
  page.period = resolve_info(options);
  page.team_manager_id = std::string(team_manager_id);
  const PeriodInfo& period = page.period;
  const Team team = resolve_team(store, viewer, team_manager_id);
  page.sellers = static_cast<std::int64_t>(team.seller_ids.size());
  if (team.seller_ids.empty()) {
    if (period.current.start_utc_ms != all_time_start) {
      page.basic.time_left_ms = std::max<std::int64_t>(0, period.current.end_utc_ms - options.now_utc_ms);
    }
    return page;
  }

  // One fetch per kind of row, over both periods.
  const CallFilter filter = both_periods_filter(period, team.seller_ids);
  const std::vector<CallSummary> summaries = store.call_summaries(viewer, filter);
  const std::vector<TermHitRow> hits = store.term_hits(viewer, filter);
  const std::vector<BrandMentionRow> brand_rows = store.brand_mentions(viewer, filter);
  CallFilter current_filter = filter;
  current_filter.from_ms = period.current.start_utc_ms;
  const std::vector<StoredBrandFirstMention> first_mentions = store.brand_first_mentions(viewer, current_filter);
  OpportunityFilter opportunity_filter;
  opportunity_filter.owner_ids = team.seller_ids;
  opportunity_filter.from_ms = filter.from_ms;
  opportunity_filter.to_ms = filter.to_ms;
  const std::vector<Opportunity> opportunities = store.opportunities(viewer, opportunity_filter);
  ActivityFilter activity_filter;
  activity_filter.owner_ids = team.seller_ids;
  activity_filter.from_ms = period.current.start_utc_ms;
  activity_filter.to_ms = std::min(period.current.end_utc_ms, options.now_utc_ms);  // no scheduled ones
  const std::vector<Activity> activities = activity_filter.from_ms < activity_filter.to_ms
                                               ? store.activities(viewer, activity_filter)
                                               : std::vector<Activity>{};

  page.basic = basic_kpis(opportunities, period, options.now_utc_ms);

  // Calls of the period: sentiment, KPIs per seller, recording counts.
  CustomerTopics& customers = page.customers;
  std::vector<const CallSummary*> in_period;
  std::unordered_map<std::string, KpiAccumulator> per_seller;
  std::unordered_map<std::string, std::int64_t> recorded_ms;
  std::unordered_map<std::string, std::int64_t> calls_per_seller;
  std::int64_t first = all_time_end, last = all_time_start;
  double previous_calls = 0, previous_hours = 0, current_hours = 0;
  double score_sum = 0;
  std::int64_t scored = 0;
  for (const auto& call : summaries) {
    if (period.current.contains(call.start_time_ms)) {
      in_period.push_back(&call);
      per_seller[call.seller_id].add(call);
      recorded_ms[call.seller_id] += call.duration_ms;
      ++calls_per_seller[call.seller_id];
      add_sentiment(customers.sentiment, call.customer_sentiment);
      current_hours += static_cast<double>(call.duration_ms) / 3'600'000.0;
      if (call.customer_sentiment.score) {
        score_sum += *call.customer_sentiment.score;
        ++scored;
      }
      first = std::min(first, call.start_time_ms);
      last = std::max(last, call.start_time_ms);
    } else if (period.previous.contains(call.start_time_ms)) {
      previous_calls += 1;
      previous_hours += static_cast<double>(call.duration_ms) / 3'600'000.0;
    }
  }
  finish_donut(customers.sentiment);
  if (scored > 0) {
    const double average = score_sum / static_cast<double>(scored);
    customers.average_customer_sentiment = average;
    const double threshold = average - options.more_negative_margin;
    std::vector<std::pair<double, const CallSummary*>> negative;
    for (const CallSummary* call : in_period) {
      if (call->customer_sentiment.score && *call->customer_sentiment.score < threshold) {
        negative.emplace_back(*call->customer_sentiment.score, call);
      }
    }
    customers.more_negative_than_average_calls = static_cast<std::int64_t>(negative.size());
    customers.more_negative_than_average_share = static_cast<double>(negative.size()) / static_cast<double>(scored);
    std::sort(negative.begin(), negative.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
    });
    for (std::size_t i = 0; i < negative.size() && i < 20; ++i) customers.more_negative_call_ids.push_back(negative[i].second->id);
  }

  ZoneCalendar calendar(period.time_zone, period.locale);
  Buckets buckets;
  customers.buckets = choose_buckets(period, options, first, last, calendar, buckets);
  customers.sentiment_over_time = sentiment_series(in_period, buckets, customers.buckets);
  customers.top_keywords = term_insights(hits, StoredTermKind::keyword, Role::customer, period, buckets, options);
  customers.top_competitors = term_insights(hits, StoredTermKind::competitor, Role::customer, period, buckets, options);
  std::unordered_set<std::string> new_names;
  for (const auto& mention : first_mentions) new_names.insert(mention.normalized_name);
  std::vector<TermInsight> brands = brand_insights(brand_rows, period, buckets, options, new_names);
  for (const auto& brand : brands) {
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
  KpiAccumulator top_kpis, team_kpis;
  for (const CallSummary* call : in_period) {
    team_kpis.add(*call);
    if (top_ids.contains(call->seller_id)) top_kpis.add(*call);
  }
  top.top_sellers = top_kpis.result();
  top.team = team_kpis.result();
  // Best-practice keywords: seller mentions per call, top sellers against the whole team.
  std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> seller_mentions;  // term -> (top, team)
  for (const auto& row : hits) {
    if (row.hit.kind != StoredTermKind::keyword || row.hit.role != Role::seller ||
        !period.current.contains(row.call_start_ms)) {
      continue;
    }
    auto& counts = seller_mentions[row.hit.term];
    ++counts.second;
    if (top_ids.contains(row.seller_id)) ++counts.first;
  }
  if (top.top_sellers.calls > 0 && top.team.calls > 0) {
    for (const auto& [term, counts] : seller_mentions) {
      BestPracticeTerm item{term, static_cast<double>(counts.first) / static_cast<double>(top.top_sellers.calls),
                            static_cast<double>(counts.second) / static_cast<double>(top.team.calls)};
      if (item.top_sellers_per_call > item.team_per_call) top.best_practice_keywords.push_back(std::move(item));
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
  std::unordered_set<std::string> keyword_calls[2], other_calls[2];
  // A call's rows arrive together, so insert only when the call changes (the sets still dedupe).
  const std::string* last_call[2] = {nullptr, nullptr};  // keyword, competitor or brand
  auto note_call = [&](const std::string& call_id, std::int64_t start_ms, bool keyword) {
    const std::string*& last = last_call[keyword ? 0 : 1];
    if (last != nullptr && *last == call_id) return;
    last = &call_id;
    (keyword ? keyword_calls : other_calls)[period.current.contains(start_ms) ? 0 : 1].insert(call_id);
  };
  for (const auto& row : hits) note_call(row.call_id, row.call_start_ms, row.hit.kind == StoredTermKind::keyword);
  last_call[1] = nullptr;
  for (const auto& row : brand_rows) note_call(row.call_id, row.call_start_ms, false);
  page.recording.calls_recorded = count_trend(static_cast<double>(in_period.size()), previous_calls);
  page.recording.hours_recorded = count_trend(current_hours, previous_hours);
  page.recording.calls_with_keywords =
      count_trend(static_cast<double>(keyword_calls[0].size()), static_cast<double>(keyword_calls[1].size()));
  page.recording.calls_with_competitors_or_brands =
      count_trend(static_cast<double>(other_calls[0].size()), static_cast<double>(other_calls[1].size()));
  return page;
}

}  // namespace parley
