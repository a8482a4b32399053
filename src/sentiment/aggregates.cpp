// Aggregates over sets of calls: label distribution (the donut), sentiment over time, and the calls
// more negative than average.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "parley/sentiment.hpp"

namespace parley {

namespace {

struct DistributionBuilder {
  std::uint64_t calls = 0, positive = 0, neutral = 0, negative = 0;
  double score_sum = 0;

  void add(double score, const SentimentOptions& options) noexcept {
    ++calls;
    score_sum += score;
    if (score >= options.positive_threshold)
      ++positive;
    else if (score <= options.negative_threshold)
      ++negative;
    else
      ++neutral;
  }
  SentimentDistribution finish(std::string group_id) const {
    SentimentDistribution out;
    out.group_id = std::move(group_id);
    out.calls = calls;
    out.positive = positive;
    out.neutral = neutral;
    out.negative = negative;
    if (calls > 0) {
      const auto total = static_cast<double>(calls);
      out.positive_share = static_cast<double>(positive) / total;
      out.neutral_share = static_cast<double>(neutral) / total;
      out.negative_share = static_cast<double>(negative) / total;
      out.mean_customer_score = score_sum / total;
    }
    return out;
  }
};

std::vector<SentimentDistribution> grouped(std::span<const CallSentimentRecord> records,
                                           const SentimentOptions& options,
                                           const std::string CallSentimentRecord::*group) {
  options.validate();
  std::map<std::string_view, DistributionBuilder> groups;  // sorted by id
  for (const auto& record : records) {
    if (!record.has_customer_score) continue;
    groups[record.*group].add(record.customer_score, options);
  }
  std::vector<SentimentDistribution> out;
  out.reserve(groups.size());
  for (const auto& [id, builder] : groups) out.push_back(builder.finish(std::string(id)));
  return out;
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard Hinnant's algorithms).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

constexpr std::int64_t day_ms = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

std::int64_t utc_bucket_start(BucketSize bucket, std::int64_t instant) noexcept {
  const std::int64_t days = floor_div(instant, day_ms);
  switch (bucket) {
    case BucketSize::day: return days * day_ms;
    case BucketSize::week: {
      // 1970-01-01 was a Thursday: Monday-based weekday = (days + 3) mod 7.
      const std::int64_t weekday = ((days + 3) % 7 + 7) % 7;
      return (days - weekday) * day_ms;
    }
    case BucketSize::month: {
      std::int64_t y;
      unsigned m, d;
      civil_from_days(days, y, m, d);
      return days_from_civil(y, m, 1) * day_ms;
    }
  }
  return days * day_ms;
}

std::string utc_date(std::int64_t instant) {
  std::int64_t y;
  unsigned m, d;
  civil_from_days(floor_div(instant, day_ms), y, m, d);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

template <typename StartOf, typename DateOf>
SentimentTrend trend(std::span<const CallSentimentRecord> records, BucketSize bucket,
                     const SentimentOptions& options, StartOf start_of, DateOf date_of) {
  options.validate();
  std::map<std::int64_t, DistributionBuilder> buckets;
  for (const auto& record : records) {
    if (!record.has_customer_score) continue;
    buckets[start_of(record.start_time_utc_ms)].add(record.customer_score, options);
  }
  SentimentTrend out;
  out.bucket = bucket;
  out.points.reserve(buckets.size());
  for (const auto& [start, builder] : buckets) {
    SentimentTimePoint point;
    point.bucket_start_utc_ms = start;
    point.local_date = date_of(start);
    point.distribution = builder.finish("");
    out.points.push_back(std::move(point));
  }
  return out;
}

}  // namespace

SentimentDistribution sentiment_distribution(std::span<const CallSentimentRecord> records,
                                             const SentimentOptions& options) {
  options.validate();
  DistributionBuilder builder;
  for (const auto& record : records) {
    if (record.has_customer_score) builder.add(record.customer_score, options);
  }
  return builder.finish("");
}

std::vector<SentimentDistribution> sentiment_distribution_by_seller(
    std::span<const CallSentimentRecord> records, const SentimentOptions& options) {
  return grouped(records, options, &CallSentimentRecord::seller_id);
}

std::vector<SentimentDistribution> sentiment_distribution_by_team(
    std::span<const CallSentimentRecord> records, const SentimentOptions& options) {
  return grouped(records, options, &CallSentimentRecord::team_id);
}

SentimentTrend sentiment_over_time(std::span<const CallSentimentRecord> records, BucketSize bucket,
                                   ZoneCalendar& calendar, const SentimentOptions& options) {
  return trend(
      records, bucket, options, [&](std::int64_t instant) { return calendar.start_of(bucket, instant); },
      [&](std::int64_t start) { return calendar.local_date(start); });
}

SentimentTrend sentiment_over_time(std::span<const CallSentimentRecord> records, BucketSize bucket,
                                   const SentimentOptions& options) {
  return trend(
      records, bucket, options, [&](std::int64_t instant) { return utc_bucket_start(bucket, instant); },
      [](std::int64_t start) { return utc_date(start); });
}

NegativeThanAverage more_negative_than_average(std::span<const CallSentimentRecord> records) {
  NegativeThanAverage out;
  double sum = 0;
  for (const auto& record : records) {
    if (!record.has_customer_score) continue;
    ++out.calls;
    sum += record.customer_score;
  }
  if (out.calls == 0) return out;
  out.mean_customer_score = sum / static_cast<double>(out.calls);
  for (const auto& record : records) {
    if (record.has_customer_score && record.customer_score < out.mean_customer_score) ++out.more_negative;
  }
  out.share = static_cast<double>(out.more_negative) / static_cast<double>(out.calls);
  return out;
}

}  // namespace parley
