// Insights computed from the Store's viewer-scoped queries: one fetch per kind of row over the
// current and previous periods together, then single passes that aggregate in memory.
#include "parley/insights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "insights/insights_internal.hpp"
#include "parley/error.hpp"

namespace parley {

std::string_view mention_kind_name(MentionKind kind) noexcept {
  switch (kind) {
    case MentionKind::keyword: return "keyword";
    case MentionKind::competitor: return "competitor";
    case MentionKind::brand: return "brand";
  }
  return "unknown";
}

namespace insights {

namespace {

constexpr std::int64_t day_ms = 86'400'000;

void add_optional(double& sum, std::int64_t& count, const std::optional<double>& value) {
  if (value) {
    sum += *value;
    ++count;
  }
}

std::optional<double> mean(double sum, std::int64_t count) {
  if (count == 0) return std::nullopt;
  return sum / static_cast<double>(count);
}

}  // namespace

void KpiAccumulator::add(const CallSummary& call) {
  ++calls_;
  recorded_ms_ += call.duration_ms;
  const CallMetricsRecord& m = call.metrics;
  add_optional(sums_[0], counts_[0], m.talk_ratio);
  add_optional(sums_[1], counts_[1], m.seller_words_per_minute);
  add_optional(sums_[2], counts_[2], std::optional<double>(static_cast<double>(m.switches)));
  add_optional(sums_[3], counts_[3], m.switch_rate_per_hour);
  add_optional(sums_[4], counts_[4], m.average_pause_ms);
  add_optional(sums_[5], counts_[5], m.patience_ms);
  add_optional(sums_[6], counts_[6], std::optional<double>(static_cast<double>(m.longest_monologue_ms)));
  add_optional(sums_[7], counts_[7], std::optional<double>(static_cast<double>(m.longest_customer_monologue_ms)));
  add_optional(sums_[8], counts_[8], m.question_rate_per_hour);
  add_optional(sums_[9], counts_[9], call.customer_sentiment.score);
  if (!call.customer_sentiment.label.empty()) {
    ++labelled_;
    negative_ += call.customer_sentiment.label == "negative" ? 1 : 0;
  }
}

ConversationKpis KpiAccumulator::result() const {
  ConversationKpis k;
  k.calls = calls_;
  k.recorded_ms = recorded_ms_;
  k.talk_ratio = mean(sums_[0], counts_[0]);
  if (k.talk_ratio) k.listen_ratio = 1.0 - *k.talk_ratio;
  k.words_per_minute = mean(sums_[1], counts_[1]);
  k.switches_per_call = mean(sums_[2], counts_[2]);
  k.switch_rate_per_hour = mean(sums_[3], counts_[3]);
  k.average_pause_ms = mean(sums_[4], counts_[4]);
  k.patience_ms = mean(sums_[5], counts_[5]);
  k.longest_monologue_ms = mean(sums_[6], counts_[6]);
  k.longest_customer_monologue_ms = mean(sums_[7], counts_[7]);
  k.question_rate_per_hour = mean(sums_[8], counts_[8]);
  k.customer_sentiment = mean(sums_[9], counts_[9]);
  k.negative_share = mean(static_cast<double>(negative_), labelled_);
  k.calls_with_talk_ratio = counts_[0];
  k.calls_with_customer_sentiment = counts_[9];
  return k;
}

std::optional<double> growth(double current, double previous) {
  if (previous == 0) return std::nullopt;
  return (current - previous) / previous;
}

CountTrend count_trend(double current, double previous) { return {current, previous, growth(current, previous)}; }

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
    (void)store.user(viewer, team_manager_id);
    const bool in_scope = std::any_of(visible.begin(), visible.end(),
                                      [&](const User& u) { return u.id == team_manager_id; });
    if (!in_scope) {
      throw Error(ErrorCode::not_permitted, "insights: viewer '" + viewer.user_id + "' may not see the team of '" +
                                                std::string(team_manager_id) + "'");
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

TimeBuckets choose_buckets(const PeriodInfo& period, const InsightOptions& options,
                           std::int64_t first_data_ms, std::int64_t last_data_ms, ZoneCalendar& calendar,
                           Buckets& buckets) {
  Period range = period.current;
  if (range.start_utc_ms == all_time_start) {
    // All time: from the first call to now (or the last call, if later).
    if (first_data_ms > last_data_ms) {
      buckets = {};
      return {};
    }
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
  buckets = make_buckets(range, size, calendar);
  TimeBuckets result;
  result.size = size;
  for (std::size_t i = 0; i < buckets.count(); ++i) {
    result.starts_ms.push_back(buckets.starts[i]);
    result.local_dates.push_back(calendar.local_date(buckets.starts[i]));
  }
  return result;
}

void add_sentiment(SentimentDonut& donut, const SentimentRecord& sentiment) {
  if (sentiment.label.empty()) return;
  ++donut.calls;
  if (sentiment.label == "positive") ++donut.positive;
  else if (sentiment.label == "negative") ++donut.negative;
  else ++donut.neutral;
}

void finish_donut(SentimentDonut& donut) {
  if (donut.calls == 0) return;
  const auto total = static_cast<double>(donut.calls);
  donut.positive_share = static_cast<double>(donut.positive) / total;
  donut.neutral_share = static_cast<double>(donut.neutral) / total;
  donut.negative_share = static_cast<double>(donut.negative) / total;
}

std::vector<SentimentPoint> sentiment_series(const std::vector<const CallSummary*>& calls, const Buckets& buckets,
                                             const TimeBuckets& labels) {
  std::vector<SentimentPoint> points(buckets.count());
  std::vector<double> sums(buckets.count(), 0.0);
  for (std::size_t i = 0; i < points.size(); ++i) {
    points[i].bucket_start_ms = labels.starts_ms[i];
    points[i].local_date = labels.local_dates[i];
  }
  for (const CallSummary* call : calls) {
    const std::size_t index = buckets.index_of(call->start_time_ms);
    if (index >= points.size()) continue;
    SentimentPoint& point = points[index];
    if (call->customer_sentiment.score) {
      ++point.calls;
      sums[index] += *call->customer_sentiment.score;
    }
    const std::string& label = call->customer_sentiment.label;
    if (label == "positive") ++point.positive;
    else if (label == "negative") ++point.negative;
    else if (!label.empty()) ++point.neutral;
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points[i].calls > 0) points[i].average_customer_sentiment = sums[i] / static_cast<double>(points[i].calls);
  }
  return points;
}

namespace {

struct TermTally {
  std::string display;
  std::int64_t mentions = 0;
  std::int64_t previous = 0;
  std::vector<std::int64_t> over_time;
  std::vector<std::pair<std::int64_t, std::string>> calls;  // (start, id) of current-period mentions
};

std::vector<TermInsight> rank(std::unordered_map<std::string, TermTally>& tallies, MentionKind kind,
                              std::size_t limit, std::size_t calls_per_term) {
  std::vector<TermInsight> result;
  result.reserve(tallies.size());
  for (auto& [key, tally] : tallies) {
    if (tally.mentions == 0) continue;
    TermInsight insight;
    insight.term = tally.display;
    insight.kind = kind;
    insight.mentions = tally.mentions;
    insight.previous_mentions = tally.previous;
    insight.growth = growth(static_cast<double>(tally.mentions), static_cast<double>(tally.previous));
    insight.over_time = std::move(tally.over_time);
    auto& calls = tally.calls;
    std::sort(calls.begin(), calls.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    calls.erase(std::unique(calls.begin(), calls.end()), calls.end());
    insight.calls = static_cast<std::int64_t>(calls.size());
    for (std::size_t i = 0; i < calls.size() && i < calls_per_term; ++i) insight.call_ids.push_back(calls[i].second);
    result.push_back(std::move(insight));
  }
  std::sort(result.begin(), result.end(), [](const TermInsight& a, const TermInsight& b) {
    return a.mentions != b.mentions ? a.mentions > b.mentions : a.term < b.term;
  });
  if (result.size() > limit) result.resize(limit);
  return result;
}

}  // namespace

std::vector<TermInsight> term_insights(const std::vector<TermHitRow>& rows, StoredTermKind kind,
                                       std::optional<Role> role, const PeriodInfo& period, const Buckets& buckets,
                                       const InsightOptions& options) {
  std::unordered_map<std::string, TermTally> tallies;
  for (const auto& row : rows) {
    if (row.hit.kind != kind || (role && row.hit.role != *role)) continue;
    TermTally& tally = tallies[row.hit.term];
    if (tally.display.empty()) {
      tally.display = row.hit.term;
      tally.over_time.assign(buckets.count(), 0);
    }
    if (period.current.contains(row.call_start_ms)) {
      ++tally.mentions;
      const std::size_t index = buckets.index_of(row.call_start_ms);
      if (index < tally.over_time.size()) ++tally.over_time[index];
      // A call's hits are adjacent in the rows: keep one entry per run (rank() dedupes anyway).
      if (tally.calls.empty() || tally.calls.back().first != row.call_start_ms ||
          tally.calls.back().second != row.call_id) {
        tally.calls.emplace_back(row.call_start_ms, row.call_id);
      }
    } else if (period.previous.contains(row.call_start_ms)) {
      ++tally.previous;
    }
  }
  return rank(tallies, kind == StoredTermKind::competitor ? MentionKind::competitor : MentionKind::keyword,
              options.top_terms, options.calls_per_term);
}

std::vector<TermInsight> brand_insights(const std::vector<BrandMentionRow>& rows, const PeriodInfo& period,
                                        const Buckets& buckets, const InsightOptions& options,
                                        const std::unordered_set<std::string>& new_normalized_names) {
  std::unordered_map<std::string, TermTally> tallies;
  for (const auto& row : rows) {
    TermTally& tally = tallies[row.brand.normalized_name];
    if (tally.display.empty()) {
      tally.display = row.brand.display_name;
      tally.over_time.assign(buckets.count(), 0);
    }
    if (period.current.contains(row.call_start_ms)) {
      tally.mentions += row.brand.count;
      const std::size_t index = buckets.index_of(row.call_start_ms);
      if (index < tally.over_time.size()) tally.over_time[index] += row.brand.count;
      tally.calls.emplace_back(row.call_start_ms, row.call_id);
    } else if (period.previous.contains(row.call_start_ms)) {
      tally.previous += row.brand.count;
    }
  }
  std::unordered_set<std::string> new_displays;
  for (const auto& [key, tally] : tallies) {
    if (new_normalized_names.contains(key)) new_displays.insert(tally.display);
  }
  auto ranked = rank(tallies, MentionKind::brand, std::numeric_limits<std::size_t>::max(), options.calls_per_term);
  for (auto& brand : ranked) brand.is_new = new_displays.contains(brand.term);
  return ranked;
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
  add("words_per_minute", now.words_per_minute, before.words_per_minute);
  add("switches_per_call", now.switches_per_call, before.switches_per_call);
  add("switch_rate_per_hour", now.switch_rate_per_hour, before.switch_rate_per_hour);
  add("average_pause_ms", now.average_pause_ms, before.average_pause_ms);
  add("patience_ms", now.patience_ms, before.patience_ms);
  add("longest_monologue_ms", now.longest_monologue_ms, before.longest_monologue_ms);
  add("longest_customer_monologue_ms", now.longest_customer_monologue_ms, before.longest_customer_monologue_ms);
  add("question_rate_per_hour", now.question_rate_per_hour, before.question_rate_per_hour);
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
  const std::vector<CallSummary> summaries = store.call_summaries(viewer, filter);

  KpiAccumulator current, previous;
  std::vector<const CallSummary*> in_period;
  std::int64_t first = all_time_end, last = all_time_start;
  for (const auto& call : summaries) {
    if (period.current.contains(call.start_time_ms)) {
      current.add(call);
      in_period.push_back(&call);
      add_sentiment(details.sentiment, call.customer_sentiment);
      first = std::min(first, call.start_time_ms);
      last = std::max(last, call.start_time_ms);
      if (details.call_history.size() < options.call_history_limit) details.call_history.push_back(call);
    } else if (period.previous.contains(call.start_time_ms)) {
      previous.add(call);
    }
  }
  details.kpis = current.result();
  details.previous_kpis = previous.result();
  details.trends = kpi_trends(details.kpis, details.previous_kpis);
  finish_donut(details.sentiment);

  ZoneCalendar calendar(period.time_zone, period.locale);
  Buckets buckets;
  details.buckets = choose_buckets(period, options, first, last, calendar, buckets);
  details.sentiment_over_time = sentiment_series(in_period, buckets, details.buckets);

  const std::vector<TermHitRow> hits = store.term_hits(viewer, filter);
  details.top_keywords = term_insights(hits, StoredTermKind::keyword, Role::customer, period, buckets, options);
  details.top_competitors = term_insights(hits, StoredTermKind::competitor, Role::customer, period, buckets, options);
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
  const std::vector<CallSummary> summaries = store.call_summaries(viewer, filter);
  std::unordered_map<std::string, KpiAccumulator> per_seller;
  KpiAccumulator everyone;
  for (const auto& call : summaries) {
    per_seller[call.seller_id].add(call);
    everyone.add(call);
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
