// The C ABI's similar won opportunities: the opportunities and activities the viewer may see, read
// through the store, with distances worked by hand.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "capi_store_fixture.hpp"

using namespace capi_store_test;
using capi_test::check_error;
using nlohmann::json;

namespace {

json opportunity(const char* id, const char* owner, const char* status, std::int64_t created, json closed,
                 double estimated, double actual) {
  return {{"id", id},
          {"name", id},
          {"account_id", "fabrikam"},
          {"owner_id", owner},
          {"status", status},
          {"estimated_revenue", estimated},
          {"actual_revenue", actual},
          {"created_ms", created},
          {"closed_ms", std::move(closed)}};
}

// Seller s1's opportunities, now = 2026-11-20 12:00 UTC:
//   o-open  open, created 1 Nov: 19.5 days, estimate 5000
//   o-w1    won 1 Oct -> 11 Oct: 10 days, actual 1000; one email of s1 (5 min written), no reply
//   o-w2    won 1 Oct -> 31 Oct: 30 days, actual 3000; no activities
// and s2's won o-w3, which s1 cannot see.
void put_opportunities(StoreFixture& fixture) {
  const std::string opportunities =
      json::array({opportunity("o-open", "s1", "open", utc(2026, 11, 1), nullptr, 5000, 0),
                   opportunity("o-w1", "s1", "won", utc(2026, 10, 1), utc(2026, 10, 11), 900, 1000),
                   opportunity("o-w2", "s1", "won", utc(2026, 10, 1), utc(2026, 10, 31), 2500, 3000),
                   opportunity("o-w3", "s2", "won", utc(2026, 9, 1), utc(2026, 9, 2), 10, 10)})
          .dump();
  CAPI_REQUIRE_OK(
      parley_store_put_opportunities(fixture.store(), &admin, opportunities.data(), opportunities.size()));
  const std::string activities = json::array({{{"id", "e1"},
                                               {"type", "email"},
                                               {"direction", "sent"},
                                               {"owner_id", "s1"},
                                               {"initiator_id", "s1"},
                                               {"our_side", json::array({{{"id", "s1"}}})},
                                               {"customer_side", json::array({{{"id", "c-marco"}}})},
                                               {"timestamp_ms", utc(2026, 10, 5, 9)},
                                               {"subject", "Terms"},
                                               {"opportunity_id", "o-w1"}}})
                                     .dump();
  CAPI_REQUIRE_OK(parley_store_put_activities(fixture.store(), &admin, activities.data(), activities.size()));
}

}  // namespace

TEST_CASE("similar won: the nearest won opportunities the viewer may see, through the C ABI") {
  StoreFixture fixture;
  put_opportunities(fixture);
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_similar_won(fixture.store(), &seller_1, "o-open", PARLEY_NUL_TERMINATED,
                                           nullptr, 0, 5, now, out.out()));
  const json result = json_of(out);
  // Over s1's two won deals (o-w3 is s2's):
  //   emails       w1 1, w2 0: mean 0.5, sd 0.5; z w1 1, w2 -1; open 0: z -1
  //   hours_spent  w1 5/60, w2 0: z w1 1, w2 -1; open 0: z -1
  //   duration     10, 30: mean 20, sd 10; open 19.5: z -0.05; w1 -1, w2 1
  //   amount       1000, 3000: mean 2000, sd 1000; open 5000: z 3; w1 -1, w2 1
  //   meetings, calls 0 in both (zero variance); our response hours absent in both; the customer's
  //   rate w1 0, w2 absent -> 0: zero variance.
  // d(w2)^2 = 0 + 0 + 1.05^2 + 2^2 = 5.1025; d(w1)^2 = 2^2 + 2^2 + 0.95^2 + 4^2 = 24.9025.
  CHECK(result.at("used_won_deals") == 2);
  CHECK(result.at("scales").size() == 4);
  const json& similar = result.at("similar");
  REQUIRE(similar.size() == 2);
  CHECK(similar[0].at("opportunity_id") == "o-w2");
  CHECK(similar[0].at("distance").get<double>() == doctest::Approx(std::sqrt(5.1025)));
  CHECK(similar[1].at("opportunity_id") == "o-w1");
  CHECK(similar[1].at("distance").get<double>() == doctest::Approx(std::sqrt(24.9025)));
  CHECK(similar[1].at("features").at("emails") == 1.0);
  CHECK(similar[1].at("features").at("amount") == 1000.0);
  CHECK(result.at("open").at("features").at("duration_days").get<double>() == doctest::Approx(19.5));
  CHECK(result.at("note").get<std::string>().rfind("Compared with 2 won opportunities on 4 features.", 0) ==
        0);

  // k = 1, and the administrator sees s2's won deal too.
  CAPI_REQUIRE_OK(parley_store_similar_won(fixture.store(), &admin, "o-open", PARLEY_NUL_TERMINATED,
                                           R"({"time_zone": "Europe/Warsaw"})", PARLEY_NUL_TERMINATED, 1, now,
                                           out.out()));
  CHECK(json_of(out).at("used_won_deals") == 3);
  CHECK(json_of(out).at("similar").size() == 1);

  check_error(parley_store_similar_won(fixture.store(), &seller_2, "o-open", PARLEY_NUL_TERMINATED, nullptr,
                                       0, 5, now, out.out()),
              PARLEY_E_NOT_FOUND, {"o-open"});
  CHECK(out.get() == nullptr);
  check_error(parley_store_similar_won(fixture.store(), &seller_1, "o-w1", PARLEY_NUL_TERMINATED, nullptr, 0,
                                       5, now, out.out()),
              PARLEY_E_INVALID_ARGUMENT, {"o-w1", "is won, not open"});
  check_error(
      parley_store_similar_won(fixture.store(), &seller_1, "o-open", PARLEY_NUL_TERMINATED,
                               R"({"time_zone": "Mars/Base"})", PARLEY_NUL_TERMINATED, 5, now, out.out()),
      PARLEY_E_INVALID_ARGUMENT, {"Mars/Base"});
  check_error(
      parley_store_similar_won(fixture.store(), &seller_1, "o-open", PARLEY_NUL_TERMINATED,
                               R"({"top_contacts": "many"})", PARLEY_NUL_TERMINATED, 5, now, out.out()),
      PARLEY_E_PARSE, {"relationship_options_json: top_contacts"});
}
