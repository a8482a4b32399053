// Relationship health (SPEC 7): recency, frequency against an expected contact frequency,
// reciprocity and responsiveness, each 0..1, weighted into a 0-100 score; its weekly history,
// trend and the components that moved it (docs/relationship.md, "Health").
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "model/enum_names.hpp"
#include "parley/error.hpp"
#include "relationship/relationship_internal.hpp"

namespace parley {
namespace {

using relationship_detail::Entry;

constexpr detail::EnumName<HealthBand> health_band_names[] = {
    {HealthBand::good, "good"}, {HealthBand::fair, "fair"}, {HealthBand::poor, "poor"}};
constexpr detail::EnumName<HealthTrend> health_trend_names[] = {
    {HealthTrend::up, "up"}, {HealthTrend::down, "down"}, {HealthTrend::steady, "steady"}};

constexpr double ms_per_day = 86'400'000;
constexpr std::array<std::string_view, 4> component_names = {"recency", "frequency", "reciprocity",
                                                             "responsiveness"};

std::string format_number(double value, const char* format) {
  std::array<char, 64> text{};
  std::snprintf(text.data(), text.size(), format, value);
  return text.data();
}

double type_weight(const HealthOptions& o, ActivityType type) {
  switch (type) {
    case ActivityType::email: return o.email_weight;
    case ActivityType::meeting: return o.meeting_weight;
    case ActivityType::phone_call: return o.phone_call_weight;
  }
  return 0;
}

struct Snapshot {
  std::array<double, 4> values{};
  std::array<std::string, 4> explanations;
  std::optional<InteractionRef> last;
};

// The record prepared and threaded at one instant (`as_of`), with the trace that lets a snapshot
// at an earlier instant be read from its prefix (prepare_record and ThreadingTrace say why).
struct ThreadedRecord {
  relationship_detail::PreparedRecord record;
  relationship_detail::ThreadingTrace trace;
  std::vector<double> response_seconds;  // per trace response

  ThreadedRecord(const std::vector<Activity>& activities, const RelationshipOptions& options,
                 std::int64_t as_of, relationship_detail::ZoneCalendars& calendars)
      : record(relationship_detail::prepare_record(activities, options, as_of)) {
    const Threading threading = relationship_detail::thread_prepared(record, options, calendars, &trace);
    response_seconds.reserve(threading.responses.size());
    for (const ResponsePair& pair : threading.responses) response_seconds.push_back(pair.seconds);
  }

  // Whether the prefix up to `as_of` is what prepare_record and thread_prepared give at `as_of`.
  bool settled_at(std::int64_t as_of) const {
    return std::none_of(trace.unsettled.begin(), trace.unsettled.end(),
                        [as_of](const auto& range) { return range.first <= as_of && as_of < range.second; });
  }
};

// The health components at `as_of`, from the kept activities up to it.
Snapshot snapshot(const ThreadedRecord& threaded, const HealthOptions& o, std::int64_t as_of) {
  const std::vector<Entry>& kept = threaded.record.kept;
  const auto end = static_cast<std::size_t>(
      std::partition_point(kept.begin(), kept.end(),
                           [as_of](const Entry& e) { return e.activity->timestamp_ms <= as_of; }) -
      kept.begin());
  const std::string window = "in the last " + std::to_string(o.window_days) + " days";
  const double window_start = static_cast<double>(as_of) - o.window_days * ms_per_day;  // exclusive
  const auto begin = static_cast<std::size_t>(
      std::partition_point(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(end),
                           [window_start](const Entry& e) {
                             return static_cast<double>(e.activity->timestamp_ms) <= window_start;
                           }) -
      kept.begin());
  Snapshot s;

  // Recency.
  if (end == 0) {
    s.values[0] = 0;
    s.explanations[0] = "no interaction yet";
  } else {
    const Activity& last = *kept[end - 1].activity;
    s.last = InteractionRef{last.id, last.type, last.timestamp_ms};
    const double days = relationship_detail::ms_between(last.timestamp_ms, as_of) / ms_per_day;
    s.values[0] = days <= o.recency_full_days ? 1.0
                  : days >= o.recency_zero_days
                      ? 0.0
                      : (o.recency_zero_days - days) / (o.recency_zero_days - o.recency_full_days);
    const auto whole = static_cast<long long>(days);
    s.explanations[0] = "last interaction " +
                        (whole == 0 ? std::string("less than a day")
                                    : std::to_string(whole) + (whole == 1 ? " day" : " days")) +
                        " ago";
  }

  // Frequency and reciprocity over the window's weighted interactions.
  double weighted_ours = 0;
  double weighted_customer = 0;
  std::int64_t our_emails = 0;
  auto our_email = [&kept](std::size_t i) {
    const Entry& entry = kept[i];
    return entry.activity->type == ActivityType::email && entry.side == Side::ours &&
           !entry.activity->customer_side.empty();
  };
  for (std::size_t i = begin; i < end; ++i) {
    const Entry& entry = kept[i];
    const double weight = type_weight(o, entry.activity->type);
    (entry.side == Side::ours ? weighted_ours : weighted_customer) += weight;
    if (our_email(i)) ++our_emails;
  }
  const double weighted = weighted_ours + weighted_customer;
  const double expected = o.expected_weighted_per_week * o.window_days / 7.0;
  s.values[1] = std::min(1.0, weighted / expected);
  s.explanations[1] = format_number(weighted, "%g") + " weighted interactions " + window + " against " +
                      format_number(expected, "%g") + " expected";
  if (weighted <= 0) {
    s.values[2] = 0;
    s.explanations[2] = "no interaction " + window;
  } else {
    const double customer_share = weighted_customer / weighted;
    s.values[2] = std::min(1.0, customer_share / 0.5);
    s.explanations[2] = "the customer initiated " + format_number(customer_share * 100.0, "%.0f") +
                        "% of the weighted interactions " + window;
  }

  // Responsiveness: the customer's responses (up to as_of) to our emails of the window, and their speed.
  std::vector<double> seconds;
  for (std::size_t r = 0; r < threaded.trace.responses.size(); ++r) {
    const auto [parent, reply] = threaded.trace.responses[r];
    if (reply < end && kept[reply].side == Side::customer && parent >= begin && our_email(parent))
      seconds.push_back(threaded.response_seconds[r]);
  }
  if (our_emails == 0) {
    s.values[3] = 0.5;
    s.explanations[3] = "no email of ours to answer " + window + " (neutral)";
  } else {
    const double rate = static_cast<double>(seconds.size()) / static_cast<double>(our_emails);
    double speed = 1;
    std::string text = "the customer responded to " + std::to_string(seconds.size()) + " of our " +
                       std::to_string(our_emails) + (our_emails == 1 ? " email " : " emails ") + window;
    if (!seconds.empty()) {
      std::sort(seconds.begin(), seconds.end());
      const std::size_t mid = seconds.size() / 2;
      const double median = seconds.size() % 2 == 1 ? seconds[mid] : (seconds[mid - 1] + seconds[mid]) / 2.0;
      const double target = o.response_target_hours * 3600.0;
      if (median > target) speed = target / median;
      text += ", median " + relationship_detail::format_duration(median);
    }
    s.values[3] = rate * speed;
    s.explanations[3] = std::move(text);
  }
  return s;
}

std::array<double, 4> weight_shares(const HealthOptions& o) {
  const std::array<double, 4> weights = {o.recency_weight, o.frequency_weight, o.reciprocity_weight,
                                         o.responsiveness_weight};
  const double sum = weights[0] + weights[1] + weights[2] + weights[3];
  return {weights[0] / sum, weights[1] / sum, weights[2] / sum, weights[3] / sum};
}

double points_of(const Snapshot& s, const std::array<double, 4>& shares, std::size_t i) {
  return 100.0 * shares[i] * s.values[i];
}

std::int32_t score_of(const Snapshot& s, const std::array<double, 4>& shares) {
  double sum = 0;
  for (std::size_t i = 0; i < 4; ++i) sum += points_of(s, shares, i);
  return static_cast<std::int32_t>(std::lround(std::clamp(sum, 0.0, 100.0)));
}

}  // namespace

std::string_view health_band_name(HealthBand band) noexcept {
  return detail::name_of(health_band_names, band);
}
std::string_view health_trend_name(HealthTrend trend) noexcept {
  return detail::name_of(health_trend_names, trend);
}

RelationshipHealth relationship_health(const std::vector<Activity>& activities,
                                       const RelationshipOptions& options,
                                       const HealthOptions& health_options, std::int64_t now_utc_ms) {
  options.validate();
  health_options.validate();
  // Health reads elapsed response times only: no replier zone is needed.
  RelationshipOptions threading_options = options;
  threading_options.business_hours_only = false;
  relationship_detail::ZoneCalendars calendars;
  const std::array<double, 4> shares = weight_shares(health_options);

  // The snapshots' dates, earliest first (the last one is now).
  std::vector<std::int64_t> dates;
  for (std::int32_t week = health_options.trend_weeks; week >= 0; --week) {
    const double as_of = static_cast<double>(now_utc_ms) - week * 7.0 * ms_per_day;
    dates.push_back(static_cast<std::int64_t>(std::max(as_of, -9.2e18)));
  }
  // Prepared and threaded once, at now; each earlier snapshot reads the prefix up to its date,
  // unless a reply's parent there depends on a Message-ID not yet seen (then it starts afresh).
  const ThreadedRecord at_now(activities, threading_options, dates.back(), calendars);
  RelationshipHealth health;
  Snapshot first;
  Snapshot now;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    Snapshot s = at_now.settled_at(dates[i])
                     ? snapshot(at_now, health_options, dates[i])
                     : snapshot(ThreadedRecord(activities, threading_options, dates[i], calendars),
                                health_options, dates[i]);
    health.history.push_back({dates[i], score_of(s, shares)});
    if (i == 0) first = s;
    if (i + 1 == dates.size()) now = std::move(s);
  }
  health.score = health.history.back().score;
  health.band = health.score >= health_options.good_from   ? HealthBand::good
                : health.score >= health_options.fair_from ? HealthBand::fair
                                                           : HealthBand::poor;
  const double change = health.history.back().score - health.history.front().score;
  health.trend = change > health_options.steady_points    ? HealthTrend::up
                 : change < -health_options.steady_points ? HealthTrend::down
                                                          : HealthTrend::steady;
  for (std::size_t i = 0; i < 4; ++i) {
    health.components.push_back({std::string(component_names[i]), now.values[i], shares[i],
                                 points_of(now, shares, i), now.explanations[i]});
    const double moved = points_of(now, shares, i) - points_of(first, shares, i);
    // A move that rounds to 0 points says nothing ("raised the score by 0 points").
    if (std::lround(std::fabs(moved)) == 0) continue;
    std::string text = std::string(component_names[i]);
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
    text += (moved > 0 ? " raised the score by " : " lowered the score by ") +
            format_number(std::fabs(moved), "%.0f") +
            (std::lround(std::fabs(moved)) == 1 ? " point: " : " points: ") + now.explanations[i] + " (" +
            std::to_string(health_options.trend_weeks) +
            (health_options.trend_weeks == 1 ? " week earlier: " : " weeks earlier: ") +
            first.explanations[i] + ")";
    health.signals.push_back({std::string(component_names[i]), moved, std::move(text)});
  }
  std::stable_sort(
      health.signals.begin(), health.signals.end(),
      [](const HealthSignal& a, const HealthSignal& b) { return std::fabs(a.points) > std::fabs(b.points); });
  health.last_interaction = now.last;
  if (!at_now.record.scheduled.empty()) {
    const Activity& next = *at_now.record.scheduled.front();
    health.next_interaction = InteractionRef{next.id, next.type, next.timestamp_ms};
  }
  return health;
}

}  // namespace parley
