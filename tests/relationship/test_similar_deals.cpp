// Similar won opportunities: the features of opportunities from their activities (worked out by hand
// with the default TimeSpentModel: 5 min to write an email, 2.5 to read it per reader, meetings and
// calls per attendee) and the nearest won deals over z-scores (means, population standard deviations,
// z-scores and distances below, by hand).
#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/relationship.hpp"
#include "relationship/scenario.hpp"

namespace {

using namespace relationship_test;
using parley::OpportunityFeature;
using parley::OpportunityStatus;

parley::Opportunity opportunity(std::string id, OpportunityStatus status, std::int64_t created_ms,
                                std::optional<std::int64_t> closed_ms, double estimated, double actual) {
  parley::Opportunity o;
  o.id = std::move(id);
  o.name = o.id;
  o.account_id = "acc-nordlys";
  o.owner_id = "u-anna";
  o.status = status;
  o.created_ms = created_ms;
  o.closed_ms = closed_ms;
  o.estimated_revenue = estimated;
  o.actual_revenue = actual;
  return o;
}

parley::Activity for_opportunity(parley::Activity a, std::string opportunity_id) {
  a.opportunity_id = std::move(opportunity_id);
  return a;
}

std::optional<double> feature(const parley::OpportunityFeatures& row, OpportunityFeature f) {
  return row.value(f);
}

// A row of a hand-made matrix: emails, meetings, duration vary; phone calls 2, hours 10, our
// response 4 h, the customer's rate 0.5 and amount 1000 are the same everywhere (zero variance
// among the won deals) unless a test changes them.
parley::OpportunityFeatures row(std::string id, OpportunityStatus status, double emails, double meetings,
                                double duration_days) {
  parley::OpportunityFeatures r;
  r.opportunity_id = std::move(id);
  r.status = status;
  r.values = {emails, meetings, 2.0, 10.0, 4.0, 0.5, duration_days, 1000.0};
  return r;
}

void set(parley::OpportunityFeatures& r, OpportunityFeature f, std::optional<double> v) {
  r.values[static_cast<std::size_t>(f)] = v;
}

// Won w1..w4, open "open", and a lost deal with wild figures that must not count:
//          emails meetings duration
//   w1       2      1        10
//   w2       4      3        30
//   w3       6      1        20
//   w4       8      3        40
//   open     5      3        20
// emails: mean 5, deviations -3 -1 1 3, variance (9+1+1+9)/4 = 5, sd sqrt 5.
// meetings: mean 2, deviations -1 1 -1 1, variance 1, sd 1.
// duration: mean 25, deviations -15 5 -5 15, variance (225+25+25+225)/4 = 125, sd 5 sqrt 5.
// z(open) = (0, 1, -5 / (5 sqrt 5)) = (0, 1, -1/sqrt 5).
// z(w1) = (-3/sqrt5, -1, -3/sqrt5): d^2 = 9/5 + 4 + (2/sqrt5)^2 = 9/5 + 4 + 4/5 = 6.6
// z(w2) = (-1/sqrt5,  1,  1/sqrt5): d^2 = 1/5 + 0 + (2/sqrt5)^2 = 1/5 + 4/5 = 1
// z(w3) = ( 1/sqrt5, -1, -1/sqrt5): d^2 = 1/5 + 4 + 0 = 4.2
// z(w4) = ( 3/sqrt5,  1,  3/sqrt5): d^2 = 9/5 + 0 + (4/sqrt5)^2 = 9/5 + 16/5 = 5
// Nearest first: w2 (1), w3 (2.049), w4 (2.236), w1 (2.569).
parley::FeatureMatrix hand_matrix() {
  parley::FeatureMatrix m;
  m.rows.push_back(row("w3", OpportunityStatus::won, 6, 1, 20));
  m.rows.push_back(row("open", OpportunityStatus::open, 5, 3, 20));
  m.rows.push_back(row("w1", OpportunityStatus::won, 2, 1, 10));
  m.rows.push_back(row("lost", OpportunityStatus::lost, 500, 90, 900));
  m.rows.push_back(row("w4", OpportunityStatus::won, 8, 3, 40));
  m.rows.push_back(row("w2", OpportunityStatus::won, 4, 3, 30));
  return m;
}

}  // namespace

TEST_CASE("similar won: z-scores and distances worked by hand, zero-variance columns left out") {
  const parley::SimilarWon s = parley::similar_won(hand_matrix(), "open", 3);
  CHECK(s.opportunity_id == "open");
  CHECK(s.used_won_deals == 4);
  REQUIRE(s.scales.size() == 3);
  CHECK(s.scales[0].feature == "emails");
  CHECK(s.scales[0].mean == doctest::Approx(5));
  CHECK(s.scales[0].standard_deviation == doctest::Approx(std::sqrt(5.0)));
  CHECK(s.scales[1].feature == "meetings");
  CHECK(s.scales[1].mean == doctest::Approx(2));
  CHECK(s.scales[1].standard_deviation == doctest::Approx(1));
  CHECK(s.scales[2].feature == "duration_days");
  CHECK(s.scales[2].mean == doctest::Approx(25));
  CHECK(s.scales[2].standard_deviation == doctest::Approx(5 * std::sqrt(5.0)));
  // The constant columns, in column order.
  REQUIRE(s.left_out.size() == 5);
  const std::vector<std::string> constant = {"phone_calls", "hours_spent", "response_hours_ours",
                                             "response_rate_customer", "amount"};
  for (std::size_t i = 0; i < constant.size(); ++i) {
    CHECK(s.left_out[i].feature == constant[i]);
    CHECK(s.left_out[i].reason == "zero_variance");
  }
  REQUIRE(s.similar.size() == 3);
  CHECK(s.similar[0].opportunity_id == "w2");
  CHECK(s.similar[0].distance == doctest::Approx(1.0));
  CHECK(s.similar[1].opportunity_id == "w3");
  CHECK(s.similar[1].distance == doctest::Approx(std::sqrt(4.2)));
  CHECK(s.similar[2].opportunity_id == "w4");
  CHECK(s.similar[2].distance == doctest::Approx(std::sqrt(5.0)));
  // Each shown with its own (raw) features.
  CHECK(feature(s.similar[0].features, OpportunityFeature::emails) == 4.0);
  CHECK(feature(s.similar[0].features, OpportunityFeature::duration_days) == 30.0);
  CHECK(s.similar[0].imputed.empty());
  CHECK(s.imputed.empty());
  CHECK(s.note ==
        "Compared with 4 won opportunities on 3 features. Few won opportunities: treat the similarity as a "
        "rough guide. Left out (the same in every won opportunity): phone_calls, hours_spent, "
        "response_hours_ours, response_rate_customer, amount.");

  // k larger than the won deals: all four, w1 last (sqrt 6.6).
  const parley::SimilarWon all = parley::similar_won(hand_matrix(), "open", 10);
  REQUIRE(all.similar.size() == 4);
  CHECK(all.similar[3].opportunity_id == "w1");
  CHECK(all.similar[3].distance == doctest::Approx(std::sqrt(6.6)));
  CHECK(parley::similar_won(hand_matrix(), "open", 0).similar.empty());
}

TEST_CASE("similar won: missing figures take the won deals' mean and are flagged") {
  parley::FeatureMatrix m = hand_matrix();
  // Our response hours: w1 2, w2 absent, w3 4, w4 6, open absent. Mean of the present ones 4; w2
  // takes 4: values 2 4 4 6, variance (4 + 0 + 0 + 4) / 4 = 2, sd sqrt 2. z: w1 -sqrt2, w2 0,
  // w3 0, w4 sqrt2; the open deal takes the mean: z 0. Squared distances grow by 2 for w1 and w4:
  // w1 6.6 + 2 = 8.6, w2 1, w3 4.2, w4 5 + 2 = 7.
  for (auto& r : m.rows) {
    if (r.opportunity_id == "w1") set(r, OpportunityFeature::response_hours_ours, 2.0);
    if (r.opportunity_id == "w2" || r.opportunity_id == "open")
      set(r, OpportunityFeature::response_hours_ours, {});
    if (r.opportunity_id == "w4") set(r, OpportunityFeature::response_hours_ours, 6.0);
    // The customer's response rate: no won deal has it (left out as absent), the open one does.
    if (r.opportunity_id != "open") set(r, OpportunityFeature::response_rate_customer, {});
  }
  const parley::SimilarWon s = parley::similar_won(m, "open", 4);
  REQUIRE(s.scales.size() == 4);
  CHECK(s.scales[2].feature == "response_hours_ours");
  CHECK(s.scales[2].mean == doctest::Approx(4));
  CHECK(s.scales[2].standard_deviation == doctest::Approx(std::sqrt(2.0)));
  CHECK(s.scales[2].imputed_won_deals == 1);
  CHECK(s.imputed == std::vector<std::string>{"response_hours_ours"});
  bool absent_rate = false;
  for (const auto& l : s.left_out)
    absent_rate |= l.feature == "response_rate_customer" && l.reason == "absent";
  CHECK(absent_rate);
  REQUIRE(s.similar.size() == 4);
  CHECK(s.similar[0].opportunity_id == "w2");
  CHECK(s.similar[0].distance == doctest::Approx(1.0));
  CHECK(s.similar[0].imputed == std::vector<std::string>{"response_hours_ours"});
  // The shown features stay as they were: absent, not the imputed mean.
  CHECK_FALSE(feature(s.similar[0].features, OpportunityFeature::response_hours_ours).has_value());
  CHECK(s.similar[1].opportunity_id == "w3");
  CHECK(s.similar[1].distance == doctest::Approx(std::sqrt(4.2)));
  CHECK(s.similar[2].opportunity_id == "w4");
  CHECK(s.similar[2].distance == doctest::Approx(std::sqrt(7.0)));
  CHECK(s.similar[3].opportunity_id == "w1");
  CHECK(s.similar[3].distance == doctest::Approx(std::sqrt(8.6)));
  CHECK(s.note.find("taken as the won mean: response_hours_ours.") != std::string::npos);

  const auto json = nlohmann::json::parse(parley::to_json(s));
  CHECK(json["used_won_deals"] == 4);
  CHECK(json["open"]["features"]["response_hours_ours"].is_null());
  CHECK(json["open"]["imputed"][0] == "response_hours_ours");
  CHECK(json["similar"][0]["opportunity_id"] == "w2");
  CHECK(json["similar"][0]["distance"].get<double>() == doctest::Approx(1.0));
  CHECK(json["similar"][0]["features"]["emails"] == 4.0);
  CHECK(json["scales"][2]["imputed_won_deals"] == 1);
}

TEST_CASE("similar won: equal distances in id order; one won deal; no won deals") {
  // Emails 2 and 6 around the open deal's 4: mean 4, sd 2, z -1 and 1, open 0: both at distance 1.
  // Every other column is constant: 7 left out.
  parley::FeatureMatrix m;
  m.rows.push_back(row("won-b", OpportunityStatus::won, 6, 1, 10));
  m.rows.push_back(row("won-a", OpportunityStatus::won, 2, 1, 10));
  m.rows.push_back(row("o", OpportunityStatus::open, 4, 1, 10));
  const parley::SimilarWon tie = parley::similar_won(m, "o", 2);
  CHECK(tie.left_out.size() == 7);
  REQUIRE(tie.similar.size() == 2);
  CHECK(tie.similar[0].opportunity_id == "won-a");
  CHECK(tie.similar[1].opportunity_id == "won-b");
  CHECK(tie.similar[0].distance == doctest::Approx(1.0));
  CHECK(tie.similar[1].distance == doctest::Approx(1.0));

  // One won deal: every column has zero variance, nothing to measure: distance 0, said in the note.
  m.rows.erase(m.rows.begin());
  const parley::SimilarWon one = parley::similar_won(m, "o", 5);
  CHECK(one.used_won_deals == 1);
  CHECK(one.scales.empty());
  CHECK(one.left_out.size() == 8);
  REQUIRE(one.similar.size() == 1);
  CHECK(one.similar[0].distance == 0.0);
  CHECK(one.note.rfind("Compared with 1 won opportunity on 0 features.", 0) == 0);

  parley::FeatureMatrix none;
  none.rows.push_back(row("o", OpportunityStatus::open, 4, 1, 10));
  none.rows.push_back(row("l", OpportunityStatus::lost, 4, 1, 10));
  const parley::SimilarWon empty = parley::similar_won(none, "o", 5);
  CHECK(empty.used_won_deals == 0);
  CHECK(empty.similar.empty());
  CHECK(empty.note == "No won opportunities to compare with.");
  const auto json = nlohmann::json::parse(parley::to_json(empty));
  CHECK(json["used_won_deals"] == 0);
  CHECK(json["similar"].empty());
}

TEST_CASE("similar won: an unknown or closed opportunity is an error naming it") {
  const parley::FeatureMatrix m = hand_matrix();
  try {
    (void)parley::similar_won(m, "opp-missing", 3);
    FAIL("expected an error");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::ErrorCode::not_found);
    CHECK(std::string(e.what()) == "similar_won: opportunity \"opp-missing\" is not in the feature matrix");
  }
  try {
    (void)parley::similar_won(m, "w2", 3);
    FAIL("expected an error");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::ErrorCode::invalid_argument);
    CHECK(std::string(e.what()) == "similar_won: opportunity \"w2\" is won, not open");
  }
  CHECK_THROWS_AS((void)parley::similar_won(m, "lost", 3), parley::Error);
  CHECK_THROWS_AS((void)parley::similar_won(parley::FeatureMatrix{}, "", 3), parley::Error);
}

TEST_CASE("refresh features: every opportunity's figures from its activities, worked by hand") {
  const std::vector<parley::Opportunity> opportunities = {
      // Open since 1 Nov 00:00; now is 7 Dec 12:00: 36.5 days. Amount: the estimate, 5000.
      opportunity("opp-open", OpportunityStatus::open, utc(2026, 11, 1, 0, 0), std::nullopt, 5000, 0),
      // Won: 1 Oct -> 31 Oct = 30 days; amount: the actual revenue 12000, not the estimate.
      opportunity("opp-won", OpportunityStatus::won, utc(2026, 10, 1, 0, 0), utc(2026, 10, 31, 0, 0), 10000,
                  12000),
      // Won, no activities at all.
      opportunity("opp-quiet", OpportunityStatus::won, utc(2026, 9, 1, 0, 0), utc(2026, 9, 3, 12, 0), 0, 700),
  };
  std::vector<parley::Activity> activities;
  auto add = [&](parley::Activity a, const char* opp) {
    activities.push_back(for_opportunity(std::move(a), opp));
  };
  // opp-open: Anna -> Dana "Offer" (m1), Dana replies 2 h later; Dana asks a "Question" (m3), Anna
  // responds 3 h later; Anna's "Contract" gets no reply; a 60 min meeting (Anna, Ben; Dana) and a
  // 30 min call (Anna; Dana); an email scheduled after now (left out).
  add(email("e1", anna(), true, {dana()}, utc(2026, 11, 2, 9, 0), "Offer", "<m1@x>"), "opp-open");
  add(email("e2", dana(), false, {anna()}, utc(2026, 11, 2, 11, 0), "Re: Offer", "<m2@x>", "<m1@x>"),
      "opp-open");
  add(email("e3", dana(), false, {anna()}, utc(2026, 11, 3, 10, 0), "Question", "<m3@x>"), "opp-open");
  add(email("e4", anna(), true, {dana()}, utc(2026, 11, 3, 13, 0), "Re: Question", "<m4@x>", "<m3@x>"),
      "opp-open");
  add(email("e5", anna(), true, {dana()}, utc(2026, 11, 4, 8, 0), "Contract", "<m5@x>"), "opp-open");
  add(meeting_or_call("m1", parley::ActivityType::meeting, "u-anna", true, {anna(), ben()}, {dana()},
                      utc(2026, 11, 5, 14, 0), 60),
      "opp-open");
  add(meeting_or_call("c1", parley::ActivityType::phone_call, "u-anna", true, {anna()}, {dana()},
                      utc(2026, 11, 6, 10, 0), 30),
      "opp-open");
  add(email("e6", anna(), true, {dana()}, utc(2026, 12, 9, 9, 0), "Next steps", "<m6@x>"), "opp-open");
  // opp-won: a 45 min call, Anna with Dana and Erik.
  add(meeting_or_call("c2", parley::ActivityType::phone_call, "c-dana", false, {anna()}, {dana(), erik()},
                      utc(2026, 10, 10, 15, 0), 45),
      "opp-won");
  // Not linked to any listed opportunity: ignored.
  add(email("e7", anna(), true, {dana()}, utc(2026, 11, 2, 9, 0), "Other", "<m7@x>"), "opp-elsewhere");
  add(email("e8", anna(), true, {dana()}, utc(2026, 11, 2, 9, 0), "None", "<m8@x>"), "");

  const parley::FeatureMatrix m = parley::refresh_features(opportunities, activities, {}, now_ms);
  CHECK(m.now_ms == now_ms);
  REQUIRE(m.rows.size() == 3);
  const parley::OpportunityFeatures& open = m.rows[0];
  CHECK(open.opportunity_id == "opp-open");
  CHECK(open.status == OpportunityStatus::open);
  CHECK(open.activities == 7);  // e1..e5, m1, c1 (e6 is scheduled)
  CHECK(feature(open, OpportunityFeature::emails) == 5.0);
  CHECK(feature(open, OpportunityFeature::meetings) == 1.0);
  CHECK(feature(open, OpportunityFeature::phone_calls) == 1.0);
  // Our minutes: write e1 e4 e5 = 3 x 5 = 15; read e2 e3 (Anna alone) = 2 x 2.5 = 5; meeting 60 x 2
  // of ours = 120; call 30 x 1 = 30. 170 min = 170 / 60 h.
  CHECK(*feature(open, OpportunityFeature::hours_spent) == doctest::Approx(170.0 / 60.0));
  // Our one response: e4 to e3, 3 h.
  CHECK(*feature(open, OpportunityFeature::response_hours_ours) == doctest::Approx(3.0));
  // Our emails to the customer: e1, e4, e5; responded: e1 (by e2): 1 / 3.
  CHECK(*feature(open, OpportunityFeature::response_rate_customer) == doctest::Approx(1.0 / 3.0));
  CHECK(*feature(open, OpportunityFeature::duration_days) == doctest::Approx(36.5));
  CHECK(feature(open, OpportunityFeature::amount) == 5000.0);

  const parley::OpportunityFeatures& won = m.rows[1];
  CHECK(won.activities == 1);
  CHECK(feature(won, OpportunityFeature::emails) == 0.0);
  CHECK(feature(won, OpportunityFeature::phone_calls) == 1.0);
  CHECK(*feature(won, OpportunityFeature::hours_spent) == doctest::Approx(0.75));     // 45 min x 1 of ours
  CHECK_FALSE(feature(won, OpportunityFeature::response_hours_ours).has_value());     // no response of ours
  CHECK_FALSE(feature(won, OpportunityFeature::response_rate_customer).has_value());  // no email of ours
  CHECK(*feature(won, OpportunityFeature::duration_days) == doctest::Approx(30.0));
  CHECK(feature(won, OpportunityFeature::amount) == 12000.0);

  const parley::OpportunityFeatures& quiet = m.rows[2];
  CHECK(quiet.activities == 0);
  CHECK(feature(quiet, OpportunityFeature::hours_spent) == 0.0);
  CHECK(*feature(quiet, OpportunityFeature::duration_days) == doctest::Approx(2.5));
  CHECK(feature(quiet, OpportunityFeature::amount) == 700.0);

  const auto json = nlohmann::json::parse(parley::to_json(m));
  CHECK(json["columns"].size() == parley::opportunity_feature_count);
  CHECK(json["columns"][4] == "response_hours_ours");
  CHECK(json["rows"][1]["features"]["response_rate_customer"].is_null());
  CHECK(json["rows"][0]["status"] == "open");

  // And the nearest won deal of opp-open from this matrix: two won deals, the columns that differ
  // between them (phone calls 1 vs 0, hours 0.75 vs 0, duration 30 vs 2.5, amount 12000 vs 700)
  // have sd = half the difference, z = +-1 each; the open deal: calls 1 (z 1), hours 170/60
  // (z (2.8333 - 0.375) / 0.375 = 6.5556), duration 36.5 (z (36.5 - 16.25) / 13.75 = 1.4727),
  // amount 5000 (z (5000 - 6350) / 5650 = -0.2389). Emails and meetings are 0 in both (left out),
  // the two response figures absent in both (left out).
  const parley::SimilarWon s = parley::similar_won(m, "opp-open", 1);
  CHECK(s.used_won_deals == 2);
  REQUIRE(s.scales.size() == 4);
  REQUIRE(s.similar.size() == 1);
  CHECK(s.similar[0].opportunity_id == "opp-won");
  const double z_hours = (170.0 / 60.0 - 0.375) / 0.375;
  const double z_duration = (36.5 - 16.25) / 13.75;
  const double z_amount = (5000.0 - 6350.0) / 5650.0;
  const double to_won =
      std::sqrt(0.0 + std::pow(z_hours - 1, 2) + std::pow(z_duration - 1, 2) + std::pow(z_amount - 1, 2));
  CHECK(s.similar[0].distance == doctest::Approx(to_won));
}

TEST_CASE("refresh features: bad input is an error naming it; empty input is an empty matrix") {
  CHECK(parley::refresh_features({}, {}, {}, now_ms).rows.empty());
  const auto o = opportunity("dup", OpportunityStatus::open, 0, std::nullopt, 1, 0);
  try {
    (void)parley::refresh_features({o, o}, {}, {}, now_ms);
    FAIL("expected an error");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::ErrorCode::invalid_argument);
    CHECK(std::string(e.what()) == "refresh_features: opportunity \"dup\" is listed twice");
  }
  parley::RelationshipOptions bad;
  bad.time_zone = "Mars/Olympus";
  CHECK_THROWS_AS((void)parley::refresh_features({o}, {}, bad, now_ms), parley::Error);
  // Closed before it was created (bad data): duration 0, not negative.
  const auto backwards = opportunity("b", OpportunityStatus::won, 1000, 0, 1, 2);
  const parley::FeatureMatrix m = parley::refresh_features({backwards}, {}, {}, now_ms);
  CHECK(feature(m.rows[0], OpportunityFeature::duration_days) == 0.0);
}

TEST_CASE("similar won: non-finite and huge figures are absent or left out, never NaN distances") {
  parley::FeatureMatrix m = hand_matrix();
  for (auto& r : m.rows) {
    // Amounts of 1e300 and -1e300: their squares overflow, the column is left out as out_of_range.
    if (r.opportunity_id == "w1") set(r, OpportunityFeature::amount, 1e300);
    if (r.opportunity_id == "w2") set(r, OpportunityFeature::amount, -1e300);
    // A NaN meeting count on the open deal counts as absent: it takes the won mean (z 0).
    if (r.opportunity_id == "open") set(r, OpportunityFeature::meetings, std::nan(""));
  }
  const parley::SimilarWon s = parley::similar_won(m, "open", 4);
  bool amount_out = false;
  for (const auto& l : s.left_out) amount_out |= l.feature == "amount" && l.reason == "out_of_range";
  CHECK(amount_out);
  CHECK(s.imputed == std::vector<std::string>{"meetings"});
  // Meetings now add (z_w - 0)^2 = 1 for every won deal, instead of (z_w - 1)^2 (0 or 4):
  // w1 9/5 + 1 + 4/5 = 3.6, w2 1/5 + 1 + 4/5 = 2, w3 1/5 + 1 + 0 = 1.2, w4 9/5 + 1 + 16/5 = 6.
  REQUIRE(s.similar.size() == 4);
  CHECK(s.similar[0].opportunity_id == "w3");
  CHECK(s.similar[0].distance == doctest::Approx(std::sqrt(1.2)));
  CHECK(s.similar[1].opportunity_id == "w2");
  CHECK(s.similar[1].distance == doctest::Approx(std::sqrt(2.0)));
  CHECK(s.similar[2].opportunity_id == "w1");
  CHECK(s.similar[2].distance == doctest::Approx(std::sqrt(3.6)));
  CHECK(s.similar[3].opportunity_id == "w4");
  CHECK(s.similar[3].distance == doctest::Approx(std::sqrt(6.0)));
}
