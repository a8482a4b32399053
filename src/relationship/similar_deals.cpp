// Similar won opportunities (docs/relationship.md, "Similar won opportunities"): the features of
// every opportunity from its activities, computed with the KPIs' own threading, time model and
// response figures, and the nearest won opportunities over z-scores, with Eigen.
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "parley/error.hpp"
#include "relationship/relationship_internal.hpp"

namespace parley {
namespace {

using relationship_detail::Entry;

constexpr double ms_per_day = 86'400'000.0;
constexpr double seconds_per_hour = 3600.0;

void set(OpportunityFeatures& row, OpportunityFeature feature, std::optional<double> value) {
  row.values[static_cast<std::size_t>(feature)] = value;
}

// The features of one opportunity from its activities.
OpportunityFeatures features_of(const Opportunity& opportunity, std::span<const Activity* const> activities,
                                const RelationshipOptions& options, std::int64_t now_utc_ms,
                                relationship_detail::ZoneCalendars& calendars) {
  OpportunityFeatures row;
  row.opportunity_id = opportunity.id;
  row.status = opportunity.status;
  const relationship_detail::PreparedRecord record =
      relationship_detail::prepare_record(activities, options, now_utc_ms);
  const Threading threading = relationship_detail::thread_prepared(record, options, calendars);
  row.activities = static_cast<std::int64_t>(record.kept.size());

  double emails = 0, meetings = 0, calls = 0, minutes_ours = 0;
  for (const Entry& entry : record.kept) {
    switch (entry.activity->type) {
      case ActivityType::email: ++emails; break;
      case ActivityType::meeting: ++meetings; break;
      case ActivityType::phone_call: ++calls; break;
    }
    minutes_ours += relationship_detail::minutes_spent(entry, options.time_spent)[0];
  }
  set(row, OpportunityFeature::emails, emails);
  set(row, OpportunityFeature::meetings, meetings);
  set(row, OpportunityFeature::phone_calls, calls);
  set(row, OpportunityFeature::hours_spent, minutes_ours / 60.0);

  const ResponseTime ours = relationship_detail::response_time(threading.responses, Side::ours);
  const std::optional<double> median_seconds =
      options.business_hours_only ? ours.business_median_seconds : ours.median_seconds;
  if (median_seconds) set(row, OpportunityFeature::response_hours_ours, *median_seconds / seconds_per_hour);
  const std::array<ResponseRate, 2> rates = relationship_detail::response_rates(record.kept, threading);
  set(row, OpportunityFeature::response_rate_customer, rates[static_cast<std::size_t>(Side::customer)].rate);

  const bool closed = opportunity.status != OpportunityStatus::open && opportunity.closed_ms.has_value();
  const std::int64_t end_ms = closed ? *opportunity.closed_ms : now_utc_ms;
  set(row, OpportunityFeature::duration_days,
      std::max(0.0, relationship_detail::ms_between(opportunity.created_ms, end_ms)) / ms_per_day);
  set(row, OpportunityFeature::amount,
      opportunity.status == OpportunityStatus::won ? opportunity.actual_revenue
                                                   : opportunity.estimated_revenue);
  return row;
}

// NaN and infinities (a host's bad figures) count as absent.
std::optional<double> finite(std::optional<double> value) {
  return value && std::isfinite(*value) ? value : std::nullopt;
}

std::string quote_id(std::string_view text) { return nlohmann::json(std::string(text)).dump(); }

std::string feature_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

std::string_view opportunity_feature_name(OpportunityFeature feature) noexcept {
  switch (feature) {
    case OpportunityFeature::emails: return "emails";
    case OpportunityFeature::meetings: return "meetings";
    case OpportunityFeature::phone_calls: return "phone_calls";
    case OpportunityFeature::hours_spent: return "hours_spent";
    case OpportunityFeature::response_hours_ours: return "response_hours_ours";
    case OpportunityFeature::response_rate_customer: return "response_rate_customer";
    case OpportunityFeature::duration_days: return "duration_days";
    case OpportunityFeature::amount: return "amount";
  }
  return "unknown";
}

FeatureMatrix refresh_features(const std::vector<Opportunity>& opportunities,
                               const std::vector<Activity>& activities, const RelationshipOptions& options,
                               std::int64_t now_utc_ms) {
  options.validate();
  relationship_detail::ZoneCalendars calendars;  // shared by every opportunity: one per zone
  calendars.get(options.time_zone, "the options' time_zone");

  std::unordered_map<std::string_view, std::size_t> row_of;
  row_of.reserve(opportunities.size());
  for (std::size_t i = 0; i < opportunities.size(); ++i) {
    if (!row_of.emplace(opportunities[i].id, i).second) {
      throw Error(ErrorCode::invalid_argument,
                  "refresh_features: opportunity " + quote_id(opportunities[i].id) + " is listed twice");
    }
  }
  // One pass over the activities: each opportunity's activities.
  std::vector<std::vector<const Activity*>> members(opportunities.size());
  for (const Activity& activity : activities) {
    if (activity.opportunity_id.empty()) continue;
    const auto found = row_of.find(activity.opportunity_id);
    if (found != row_of.end()) members[found->second].push_back(&activity);
  }

  FeatureMatrix matrix;
  matrix.now_ms = now_utc_ms;
  matrix.rows.reserve(opportunities.size());
  for (std::size_t row = 0; row < opportunities.size(); ++row) {
    matrix.rows.push_back(features_of(opportunities[row], members[row], options, now_utc_ms, calendars));
  }
  return matrix;
}

SimilarWon similar_won(const FeatureMatrix& matrix, std::string_view open_opportunity_id, std::size_t k) {
  const auto open_row =
      std::find_if(matrix.rows.begin(), matrix.rows.end(),
                   [&](const OpportunityFeatures& r) { return r.opportunity_id == open_opportunity_id; });
  if (open_row == matrix.rows.end()) {
    throw Error(ErrorCode::not_found, "similar_won: opportunity " + quote_id(open_opportunity_id) +
                                          " is not in the feature matrix");
  }
  if (open_row->status != OpportunityStatus::open) {
    throw Error(ErrorCode::invalid_argument,
                "similar_won: opportunity " + quote_id(open_opportunity_id) + " is " +
                    std::string(opportunity_status_name(open_row->status)) + ", not open");
  }
  SimilarWon result;
  result.opportunity_id = open_row->opportunity_id;
  result.features = *open_row;

  std::vector<const OpportunityFeatures*> won;
  for (const OpportunityFeatures& row : matrix.rows)
    if (row.status == OpportunityStatus::won) won.push_back(&row);
  result.used_won_deals = static_cast<std::int64_t>(won.size());
  if (won.empty()) {
    result.note = "No won opportunities to compare with.";
    return result;
  }

  // Won deals x features; an absent figure is imputed with the mean of the won deals that have it.
  const auto n = static_cast<Eigen::Index>(won.size());
  Eigen::MatrixXd values(n, static_cast<Eigen::Index>(opportunity_feature_count));
  std::vector<std::size_t> used;
  std::vector<std::string> zero_variance;
  Eigen::VectorXd means(static_cast<Eigen::Index>(opportunity_feature_count));
  Eigen::VectorXd deviations(static_cast<Eigen::Index>(opportunity_feature_count));
  for (std::size_t f = 0; f < opportunity_feature_count; ++f) {
    const auto col = static_cast<Eigen::Index>(f);
    const std::string name(opportunity_feature_name(static_cast<OpportunityFeature>(f)));
    double sum = 0;
    std::int64_t present = 0;
    for (Eigen::Index r = 0; r < n; ++r) {
      const std::optional<double> v = finite(won[static_cast<std::size_t>(r)]->values[f]);
      values(r, col) = v ? *v : std::numeric_limits<double>::quiet_NaN();
      if (v) {
        sum += *v;
        ++present;
      }
    }
    if (present == 0) {
      result.left_out.push_back({name, "absent"});
      continue;
    }
    const double mean = sum / static_cast<double>(present);
    for (Eigen::Index r = 0; r < n; ++r)
      if (std::isnan(values(r, col))) values(r, col) = mean;
    const double deviation =
        std::sqrt((values.col(col).array() - mean).square().sum() / static_cast<double>(n));
    if (!std::isfinite(mean) || !std::isfinite(deviation)) {  // values too large to square and sum
      result.left_out.push_back({name, "out_of_range"});
      continue;
    }
    // Relative to the values' size: equal values can leave rounding noise in the deviation.
    if (deviation <= 1e-12 * std::max(1.0, std::abs(mean))) {
      result.left_out.push_back({name, "zero_variance"});
      zero_variance.push_back(name);
      continue;
    }
    means(col) = mean;
    deviations(col) = deviation;
    used.push_back(f);
    result.scales.push_back({name, mean, deviation, n - present});
  }

  // z-scores of the used columns, and the open deal's (absent: the mean, z = 0).
  const auto columns = static_cast<Eigen::Index>(used.size());
  Eigen::MatrixXd z(n, columns);
  Eigen::RowVectorXd open_z(columns);
  for (Eigen::Index c = 0; c < columns; ++c) {
    const std::size_t f = used[static_cast<std::size_t>(c)];
    const auto col = static_cast<Eigen::Index>(f);
    z.col(c) = (values.col(col).array() - means(col)) / deviations(col);
    const std::optional<double> v = finite(open_row->values[f]);
    if (!v) result.imputed.emplace_back(opportunity_feature_name(static_cast<OpportunityFeature>(f)));
    open_z(c) = v ? (*v - means(col)) / deviations(col) : 0.0;
  }
  const Eigen::VectorXd distances = (z.rowwise() - open_z).rowwise().norm();

  std::vector<std::size_t> order(won.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double da = distances(static_cast<Eigen::Index>(a));
    const double db = distances(static_cast<Eigen::Index>(b));
    return da != db ? da < db : won[a]->opportunity_id < won[b]->opportunity_id;
  });
  order.resize(std::min(k, order.size()));
  for (const std::size_t i : order) {
    SimilarDeal deal;
    deal.opportunity_id = won[i]->opportunity_id;
    deal.distance = distances(static_cast<Eigen::Index>(i));
    deal.features = *won[i];
    for (const std::size_t f : used)
      if (!finite(won[i]->values[f]))
        deal.imputed.emplace_back(opportunity_feature_name(static_cast<OpportunityFeature>(f)));
    result.similar.push_back(std::move(deal));
  }

  const std::int64_t deals = result.used_won_deals;
  result.note = "Compared with " + std::to_string(deals) +
                (deals == 1 ? " won opportunity" : " won opportunities") + " on " +
                std::to_string(used.size()) + (used.size() == 1 ? " feature" : " features") + ".";
  if (deals < 30) result.note += " Few won opportunities: treat the similarity as a rough guide.";
  if (!zero_variance.empty())
    result.note += " Left out (the same in every won opportunity): " + feature_list(zero_variance) + ".";
  if (!result.imputed.empty())
    result.note +=
        " Not known for this opportunity, taken as the won mean: " + feature_list(result.imputed) + ".";
  return result;
}

namespace {

nlohmann::json features_json(const OpportunityFeatures& row) {
  nlohmann::json values = nlohmann::json::object();
  for (std::size_t f = 0; f < opportunity_feature_count; ++f) {
    const std::string name(opportunity_feature_name(static_cast<OpportunityFeature>(f)));
    values[name] = row.values[f] ? nlohmann::json(*row.values[f]) : nlohmann::json(nullptr);
  }
  return {{"opportunity_id", row.opportunity_id},
          {"status", opportunity_status_name(row.status)},
          {"activities", row.activities},
          {"features", std::move(values)}};
}

}  // namespace

std::string to_json(const OpportunityFeatures& features) { return features_json(features).dump(); }

std::string to_json(const FeatureMatrix& matrix) {
  nlohmann::json columns = nlohmann::json::array();
  for (std::size_t f = 0; f < opportunity_feature_count; ++f)
    columns.push_back(opportunity_feature_name(static_cast<OpportunityFeature>(f)));
  nlohmann::json rows = nlohmann::json::array();
  for (const OpportunityFeatures& row : matrix.rows) rows.push_back(features_json(row));
  return nlohmann::json{{"now_ms", matrix.now_ms}, {"columns", std::move(columns)}, {"rows", std::move(rows)}}
      .dump();
}

std::string to_json(const SimilarWon& similar) {
  nlohmann::json scales = nlohmann::json::array();
  for (const FeatureScale& s : similar.scales) {
    scales.push_back({{"feature", s.feature},
                      {"mean", s.mean},
                      {"standard_deviation", s.standard_deviation},
                      {"imputed_won_deals", s.imputed_won_deals}});
  }
  nlohmann::json left_out = nlohmann::json::array();
  for (const LeftOutFeature& l : similar.left_out)
    left_out.push_back({{"feature", l.feature}, {"reason", l.reason}});
  nlohmann::json deals = nlohmann::json::array();
  for (const SimilarDeal& d : similar.similar) {
    nlohmann::json deal = features_json(d.features);
    deal["distance"] = d.distance;
    deal["imputed"] = d.imputed;
    deals.push_back(std::move(deal));
  }
  nlohmann::json open = features_json(similar.features);
  open["imputed"] = similar.imputed;
  return nlohmann::json{{"opportunity_id", similar.opportunity_id},
                        {"open", std::move(open)},
                        {"used_won_deals", similar.used_won_deals},
                        {"scales", std::move(scales)},
                        {"left_out", std::move(left_out)},
                        {"similar", std::move(deals)},
                        {"note", similar.note}}
      .dump();
}

}  // namespace parley
