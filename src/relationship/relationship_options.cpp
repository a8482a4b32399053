// The relationship options' checks, in the message shape of every options struct
// (model/option_checks.hpp).
#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "model/option_checks.hpp"
#include "parley/relationship.hpp"

namespace parley {

double TimeSpentModel::person_minutes(ActivityType type, bool sender, std::int64_t duration_ms) const noexcept {
  if (type == ActivityType::email) return sender ? email_write_minutes : email_read_minutes;
  return static_cast<double>(std::max<std::int64_t>(0, duration_ms)) / 60'000.0;
}

void TimeSpentModel::validate(std::string_view where) const {
  option_checks::finite_at_least_zero(where, "email_write_minutes", email_write_minutes);
  option_checks::finite_at_least_zero(where, "email_read_minutes", email_read_minutes);
}

void RelationshipOptions::validate(std::string_view where) const {
  using namespace option_checks;
  at_least(where, "breakdown_days", breakdown_days, 1);
  at_most(where, "breakdown_days", breakdown_days, 3660);
  const std::string hours = std::string(where) + ".business_hours";
  at_least<std::int32_t>(hours, "start_minute", business_hours.start_minute, 0);
  at_most<std::int32_t>(hours, "end_minute", business_hours.end_minute, 24 * 60);
  if (business_hours.end_minute <= business_hours.start_minute) {
    fail(hours, "end_minute", business_hours.end_minute,
         fmt::format("must be > start_minute ({})", business_hours.start_minute));
  }
  time_spent.validate(std::string(where) + ".time_spent");
  at_least<std::int64_t>(where, "duplicate_window_ms", duplicate_window_ms, 0);
}

void HealthOptions::validate(std::string_view where) const {
  using namespace option_checks;
  finite_at_least_zero(where, "email_weight", email_weight);
  finite_at_least_zero(where, "meeting_weight", meeting_weight);
  finite_at_least_zero(where, "phone_call_weight", phone_call_weight);
  finite_at_least_zero(where, "recency_weight", recency_weight);
  finite_at_least_zero(where, "frequency_weight", frequency_weight);
  finite_at_least_zero(where, "reciprocity_weight", reciprocity_weight);
  finite_at_least_zero(where, "responsiveness_weight", responsiveness_weight);
  const double weights = recency_weight + frequency_weight + reciprocity_weight + responsiveness_weight;
  if (!(weights > 0)) {
    fail(where, "recency_weight + frequency_weight + reciprocity_weight + responsiveness_weight", weights,
         "must be > 0");
  }
  at_least(where, "window_days", window_days, 1);
  at_most(where, "window_days", window_days, 3660);
  finite_positive(where, "expected_weighted_per_week", expected_weighted_per_week);
  finite_at_least_zero(where, "recency_full_days", recency_full_days);
  if (!(std::isfinite(recency_zero_days) && recency_zero_days > recency_full_days)) {
    fail(where, "recency_zero_days", recency_zero_days,
         fmt::format("must be finite and > recency_full_days ({})", recency_full_days));
  }
  finite_positive(where, "response_target_hours", response_target_hours);
  at_least(where, "fair_from", fair_from, 0);
  at_most(where, "good_from", good_from, 100);
  if (fair_from > good_from)
    fail(where, "fair_from", fair_from, fmt::format("must be <= good_from ({})", good_from));
  at_least(where, "trend_weeks", trend_weeks, 0);
  at_most(where, "trend_weeks", trend_weeks, 520);
  finite_at_least_zero(where, "steady_points", steady_points);
}

}  // namespace parley
