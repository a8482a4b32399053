// Insights computed from the Store's viewer-scoped aggregates (call, mention and activity totals
// over the current and previous periods together), combined here into the pages' figures.
#include "parley/insights.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "insights/insights_internal.hpp"
#include "parley/error.hpp"

namespace parley {

namespace insights {

namespace {

constexpr std::int64_t day_ms = 86'400'000;

std::optional<double> mean(const MetricTotal& total) {
  if (total.count == 0) return std::nullopt;
  return total.sum / static_cast<double>(total.count);
}

}  // namespace

void KpiAccumulator::add(const CallTotals& group) {
  calls_ += group.calls;
  recorded_ms_ += group.duration_ms;
  const MetricTotal* metrics[10] = {&group.talk_ratio,
                                    &group.seller_words_per_minute,
                                    &group.switches,
                                    &group.switch_rate_per_hour,
                                    &group.average_pause_ms,
                                    &group.patience_ms,
                                    &group.seller_longest_monologue_ms,
                                    &group.customer_longest_monologue_ms,
                                    &group.seller_question_rate_per_hour,
                                    &group.customer_sentiment};
  for (std::size_t i = 0; i < totals_.size(); ++i) {
    totals_[i].sum += metrics[i]->sum;
    totals_[i].count += metrics[i]->count;
  }
  labelled_ += group.positive_calls + group.neutral_calls + group.negative_calls;
  negative_ += group.negative_calls;
}

ConversationKpis KpiAccumulator::result() const {
  ConversationKpis k;
  k.calls = calls_;
  k.recorded_ms = recorded_ms_;
  k.talk_ratio = mean(totals_[0]);
  if (k.talk_ratio) k.listen_ratio = 1.0 - *k.talk_ratio;
  k.seller_words_per_minute = mean(totals_[1]);
  k.switches_per_call = mean(totals_[2]);
  k.switch_rate_per_hour = mean(totals_[3]);
  k.average_pause_ms = mean(totals_[4]);
  k.patience_ms = mean(totals_[5]);
  k.seller_longest_monologue_ms = mean(totals_[6]);
  k.customer_longest_monologue_ms = mean(totals_[7]);
  k.seller_question_rate_per_hour = mean(totals_[8]);
  k.customer_sentiment = mean(totals_[9]);
  k.negative_share = mean(MetricTotal{static_cast<double>(negative_), labelled_});
  k.calls_with_talk_ratio = totals_[0].count;
  k.calls_with_customer_sentiment = totals_[9].count;
  return k;
}

std::optional<double> growth(double current, double previous) {
  if (previous == 0) return std::nullopt;
  return (current - previous) / previous;
}

CountTrend count_trend(double current, double previous) {
  return {current, previous, growth(current, previous)};
}

PeriodInfo resolve_info(const InsightOptions& options) {
  if (options.now_utc_ms == 0) {
    throw Error(ErrorCode::invalid_argument, "insights: options.now_utc_ms must be set (it is 0)");
  }
  PeriodInfo info;
  info.kind = options.period.kind;
  info.current = resolve_period(options.period, options.now_utc_ms);
  info.previous = previous_period(options.period, options.now_utc_ms);
  info.time_zone = options.period.time_zone;
  info.locale = options.period.locale;
  return info;
}

CallFilter both_periods_filter(const PeriodInfo& period, std::vector<std::string> seller_ids) {
  CallFilter filter;
  filter.seller_ids = std::move(seller_ids);
  filter.from_ms = period.previous.empty() ? period.current.start_utc_ms : period.previous.start_utc_ms;
  filter.to_ms = period.current.end_utc_ms;
  return filter;
}

Team resolve_team(Store& store, const Viewer& viewer, std::string_view team_manager_id) {
  Team team;
  std::vector<User> visible = store.users(viewer);
  if (!team_manager_id.empty()) {
    // The store decides not_found / not_permitted for the team's manager.
    team.manager = store.user(viewer, team_manager_id);
    const bool in_scope =
        std::any_of(visible.begin(), visible.end(), [&](const User& u) { return u.id == team_manager_id; });
    if (!in_scope) {
      throw Error(ErrorCode::not_permitted, "insights: viewer '" + viewer.user_id +
                                                "' may not see the team of '" + std::string(team_manager_id) +
                                                "'");
    }
  }
  std::unordered_map<std::string, const User*> by_id;
  for (const auto& user : visible) by_id.emplace(user.id, &user);
  auto below_manager = [&](const User& user) {
    if (team_manager_id.empty()) return true;
    const User* current = &user;
    for (std::size_t hops = 0; hops <= visible.size(); ++hops) {
      if (current->manager_id.empty()) return false;
      if (current->manager_id == team_manager_id) return true;
      const auto next = by_id.find(current->manager_id);
      if (next == by_id.end()) return false;
      current = next->second;
    }
    return false;
  };
  for (const auto& user : visible) {
    if (user.role == UserRole::seller && below_manager(user)) team.sellers.push_back(user);
  }
  std::sort(team.sellers.begin(), team.sellers.end(), [](const User& a, const User& b) {
    return a.display_name != b.display_name ? a.display_name < b.display_name : a.id < b.id;
  });
  for (const auto& seller : team.sellers) team.seller_ids.push_back(seller.id);
  return team;
}

namespace {

// Buckets over the current period (all time: from the first call to now, or the last call if
// later), and their edges for the store.
BucketPlan plan_buckets(const PeriodInfo& period, const InsightOptions& options, std::int64_t first_data_ms,
                        std::int64_t last_data_ms) {
  BucketPlan plan;
  Period range = period.current;
  if (range.start_utc_ms == all_time_start) {
    if (first_data_ms > last_data_ms) return plan;
    range = {first_data_ms, std::max(last_data_ms, options.now_utc_ms) + 1};
  }
  BucketSize size = BucketSize::day;
  if (options.bucket) {
    size = *options.bucket;
  } else if (range.length_ms() > 26 * 7 * day_ms) {
    size = BucketSize::month;
  } else if (range.length_ms() > 31 * day_ms) {
    size = BucketSize::week;
  }
  ZoneCalendar calendar(period.time_zone, period.locale);
  plan.buckets = make_buckets(range, size, calendar);
  plan.labels.size = size;
  for (std::size_t i = 0; i < plan.buckets.count(); ++i) {
    plan.labels.starts_ms.push_back(plan.buckets.starts[i]);
    plan.labels.local_dates.push_back(calendar.local_date(plan.buckets.starts[i]));
  }
  // Store edges: the current period's start, every bucket start inside it, its end. A bucket that
  // begins before the period (a week or month in progress) starts at the period's start here, so
  // previous-period calls stay in store bucket -1.
  const Period& current = period.current;
  plan.edges.push_back(current.start_utc_ms);
  for (const std::int64_t start : plan.buckets.starts) {
    if (start > current.start_utc_ms && start < current.end_utc_ms) plan.edges.push_back(start);
  }
  plan.edges.push_back(current.end_utc_ms);
  for (std::size_t j = 0; j + 1 < plan.edges.size(); ++j)
    plan.series.push_back(plan.buckets.index_of(plan.edges[j]));
  return plan;
}

}  // namespace

PeriodCalls load_period_calls(Store& store, const Viewer& viewer, const CallFilter& filter,
                              const PeriodInfo& period, const InsightOptions& options) {
  PeriodCalls calls;
  std::int64_t first = all_time_end, last = all_time_start;
  if (period.current.start_utc_ms == all_time_start) {
    // All time has no previous period: every call is current, and its range sets the buckets.
    const CallSpan span = store.call_span(viewer, filter);
    if (span.calls > 0) {
      first = span.first_start_ms;
      last = span.last_start_ms;
    }
    calls.plan = plan_buckets(period, options, first, last);
    if (calls.plan.edges.empty()) return calls;  // no calls at all
  } else {
    calls.plan = plan_buckets(period, options, first, last);
  }
  calls.totals = store.call_totals(viewer, filter, calls.plan.edges);
  return calls;
}

void add_sentiment(SentimentDonut& donut, const CallTotals& group) {
  donut.calls += group.positive_calls + group.neutral_calls + group.negative_calls;
  donut.positive += group.positive_calls;
  donut.neutral += group.neutral_calls;
  donut.negative += group.negative_calls;
}

void finish_donut(SentimentDonut& donut) {
  if (donut.calls == 0) return;
  const auto total = static_cast<double>(donut.calls);
  donut.positive_share = static_cast<double>(donut.positive) / total;
  donut.neutral_share = static_cast<double>(donut.neutral) / total;
  donut.negative_share = static_cast<double>(donut.negative) / total;
}

std::vector<SentimentPoint> sentiment_series(const std::vector<CallTotals>& totals, const BucketPlan& plan) {
  std::vector<SentimentPoint> points(plan.buckets.count());
  std::vector<double> sums(points.size(), 0.0);
  for (std::size_t i = 0; i < points.size(); ++i) {
    points[i].bucket_start_ms = plan.labels.starts_ms[i];
    points[i].local_date = plan.labels.local_dates[i];
  }
  for (const auto& group : totals) {
    const std::size_t index = plan.series_of(group.bucket);
    if (index >= points.size()) continue;
    SentimentPoint& point = points[index];
    point.calls += group.customer_sentiment.count;
    sums[index] += group.customer_sentiment.sum;
    point.positive += group.positive_calls;
    point.neutral += group.neutral_calls;
    point.negative += group.negative_calls;
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].calls > 0)
      points[i].average_customer_sentiment = sums[i] / static_cast<double>(points[i].calls);
  }
  return points;
}

std::vector<TermInsight> mention_insights(const MentionSummary& summary, MentionKind kind,
                                          std::optional<Role> role, const BucketPlan& plan,
                                          std::size_t limit) {
  // Totals and subjects are both ordered by (kind, name, role): walk them together.
  std::vector<TermInsight> result;
  auto total = summary.totals.begin();
  for (const MentionSubject& subject : summary.subjects) {
    auto same = [&](const MentionTotals& t) {
      return t.kind == subject.kind && t.name == subject.name && t.role == subject.role;
    };
    while (total != summary.totals.end() && !same(*total)) ++total;
    if (subject.kind != kind || subject.role != role) continue;
    TermInsight insight;
    insight.term = subject.display_name;
    insight.kind = kind;
    insight.over_time.assign(plan.buckets.count(), 0);
    for (; total != summary.totals.end() && same(*total); ++total) {
      if (total->bucket < 0) {
        insight.previous_mentions += total->mentions;
        continue;
      }
      insight.mentions += total->mentions;
      insight.calls += total->calls;
      const std::size_t index = plan.series_of(total->bucket);
      if (index < insight.over_time.size()) insight.over_time[index] += total->mentions;
    }
    if (insight.mentions == 0) continue;
    insight.growth =
        growth(static_cast<double>(insight.mentions), static_cast<double>(insight.previous_mentions));
    insight.call_ids = subject.recent_call_ids;
    result.push_back(std::move(insight));
  }
  std::sort(result.begin(), result.end(), [](const TermInsight& a, const TermInsight& b) {
    return a.mentions != b.mentions ? a.mentions > b.mentions : a.term < b.term;
  });
  if (result.size() > limit) result.resize(limit);
  return result;
}

std::vector<KpiTrend> kpi_trends(const ConversationKpis& now, const ConversationKpis& before) {
  std::vector<KpiTrend> trends;
  auto add = [&trends](const char* name, std::optional<double> a, std::optional<double> b) {
    KpiTrend trend{name, a, b, std::nullopt};
    if (a && b) trend.change = *a - *b;
    trends.push_back(std::move(trend));
  };
  add("calls", static_cast<double>(now.calls), static_cast<double>(before.calls));
  add("talk_ratio", now.talk_ratio, before.talk_ratio);
  add("seller_words_per_minute", now.seller_words_per_minute, before.seller_words_per_minute);
  add("switches_per_call", now.switches_per_call, before.switches_per_call);
  add("switch_rate_per_hour", now.switch_rate_per_hour, before.switch_rate_per_hour);
  add("average_pause_ms", now.average_pause_ms, before.average_pause_ms);
  add("patience_ms", now.patience_ms, before.patience_ms);
  add("seller_longest_monologue_ms", now.seller_longest_monologue_ms, before.seller_longest_monologue_ms);
  add("customer_longest_monologue_ms", now.customer_longest_monologue_ms,
      before.customer_longest_monologue_ms);
  add("seller_question_rate_per_hour", now.seller_question_rate_per_hour,
      before.seller_question_rate_per_hour);
  add("customer_sentiment", now.customer_sentiment, before.customer_sentiment);
  add("negative_share", now.negative_share, before.negative_share);
  return trends;
}

}  // namespace insights

using namespace insights;

SellerDetails seller_details(Store& store, const Viewer& viewer, std::string_view seller_id,
                             const InsightOptions& options) {
  SellerDetails details;
  details.period = resolve_info(options);
  details.seller = store.user(viewer, seller_id);  // not_found / not_permitted from the store
  const PeriodInfo& period = details.period;
  const CallFilter filter = both_periods_filter(period, {details.seller.id});
  const PeriodCalls calls = load_period_calls(store, viewer, filter, period, options);

  KpiAccumulator current, previous;
  for (const auto& group : calls.totals) {
    if (group.bucket >= 0) {
      current.add(group);
      add_sentiment(details.sentiment, group);
    } else {
      previous.add(group);
    }
  }
  details.kpis = current.result();
  details.previous_kpis = previous.result();
  details.trends = kpi_trends(details.kpis, details.previous_kpis);
  finish_donut(details.sentiment);
  details.buckets = calls.plan.labels;
  details.sentiment_over_time = sentiment_series(calls.totals, calls.plan);

  if (options.call_history_limit > 0) {
    CallFilter history = filter;
    history.from_ms = period.current.start_utc_ms;
    history.limit = options.call_history_limit;
    details.call_history = store.call_summaries(viewer, history);
  }
  const MentionSummary mentions =
      store.mention_totals(viewer, filter, calls.plan.edges, options.calls_per_term);
  details.top_keywords =
      mention_insights(mentions, MentionKind::keyword, Role::customer, calls.plan, options.top_terms);
  details.top_competitors =
      mention_insights(mentions, MentionKind::competitor, Role::customer, calls.plan, options.top_terms);
  details.comments = store.comments_for_seller(viewer, details.seller.id, period.current.start_utc_ms,
                                               period.current.end_utc_ms);
  return details;
}

TeamView team_view(Store& store, const Viewer& viewer, std::string_view team_manager_id,
                   const InsightOptions& options) {
  TeamView view;
  view.period = resolve_info(options);
  view.team_manager_id = std::string(team_manager_id);
  Team team = resolve_team(store, viewer, team_manager_id);
  if (team.seller_ids.empty()) return view;
  CallFilter filter;
  filter.seller_ids = team.seller_ids;
  filter.from_ms = view.period.current.start_utc_ms;
  filter.to_ms = view.period.current.end_utc_ms;
  std::unordered_map<std::string, KpiAccumulator> per_seller;
  KpiAccumulator everyone;
  for (const auto& group : store.call_totals(viewer, filter, {})) {
    per_seller[group.seller_id].add(group);
    everyone.add(group);
  }
  for (auto& seller : team.sellers) {
    TeamMember member;
    member.kpis = per_seller[seller.id].result();
    member.seller = std::move(seller);
    view.members.push_back(std::move(member));
  }
  view.team_average = everyone.result();
  return view;
}

ProcessingCounts processing_counts(Store& store, const Viewer& viewer, const InsightOptions& options) {
  ProcessingCounts counts;
  counts.period = resolve_info(options);
  const ProcessingSummary summary =
      store.processing_summary(viewer, counts.period.current.start_utc_ms, counts.period.current.end_utc_ms);
  counts.received = summary.received;
  counts.analysed = summary.analysed;
  counts.failed = summary.failed;
  counts.pending = std::max<std::int64_t>(0, summary.received - summary.analysed - summary.failed);
  counts.failure_reasons = summary.failure_reasons;
  return counts;
}

}  // namespace parley
