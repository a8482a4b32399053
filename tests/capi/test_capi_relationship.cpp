// The C ABI's relationship analytics: a record's KPIs and health from the activities the viewer may
// see, with figures worked by hand.
#include <doctest/doctest.h>

#include <string>

#include "capi_store_fixture.hpp"

using namespace capi_store_test;
using capi_test::check_error;
using nlohmann::json;

namespace {

// Account "fabrikam", seller s1, contact Marco (c-marco), now = 2026-11-20 12:00 UTC:
//   e1  Marco -> s1, 2026-11-16 09:00, "Pricing question"
//   e2  s1 -> Marco, 2026-11-16 11:00, reply to e1 (In-Reply-To): our response after 2 h = 7,200 s
//   e3  s1 -> Marco, 2026-11-18 09:00, "Pilot plan": no reply
//   m1  meeting by s1 with Marco, 2026-11-25 10:00 (after now: the next interaction)
// An activity of s2 on another account stays out (filter), and s2's are outside s1's scope.
std::string relationship_activities() {
  const auto email = [](const char* id, const char* direction, const char* from, std::int64_t at,
                        const char* subject, const char* in_reply_to) {
    return json{{"id", id},
                {"type", "email"},
                {"direction", direction},
                {"owner_id", "s1"},
                {"initiator_id", from},
                {"our_side", json::array({{{"id", "s1"}, {"email", "sam@contoso.com"}}})},
                {"customer_side", json::array({{{"id", "c-marco"}, {"email", "marco@fabrikam.com"}}})},
                {"timestamp_ms", at},
                {"subject", subject},
                {"message_id", std::string(id) + "@mail"},
                {"in_reply_to", in_reply_to},
                {"account_id", "fabrikam"}};
  };
  json activities = json::array();
  activities.push_back(email("e1", "received", "c-marco", utc(2026, 11, 16, 9), "Pricing question", ""));
  activities.push_back(email("e2", "sent", "s1", utc(2026, 11, 16, 11), "Re: Pricing question", "e1@mail"));
  activities.push_back(email("e3", "sent", "s1", utc(2026, 11, 18, 9), "Pilot plan", ""));
  activities.push_back({{"id", "m1"},
                        {"type", "meeting"},
                        {"direction", "sent"},
                        {"owner_id", "s1"},
                        {"initiator_id", "s1"},
                        {"our_side", json::array({{{"id", "s1"}}})},
                        {"customer_side", json::array({{{"id", "c-marco"}}})},
                        {"timestamp_ms", utc(2026, 11, 25, 10)},
                        {"duration_ms", 30 * 60'000},
                        {"account_id", "fabrikam"}});
  return activities.dump();
}

}  // namespace

TEST_CASE("relationship: a record's KPIs and health through the C ABI, within the viewer's scope") {
  StoreFixture fixture;
  const std::string activities = relationship_activities();
  CAPI_REQUIRE_OK(parley_store_put_activities(fixture.store(), &admin, activities.data(), activities.size()));
  const std::string other = R"([{"id": "x1", "type": "email", "direction": "sent", "owner_id": "s2",
    "initiator_id": "s2", "timestamp_ms": 0, "account_id": "northwind"}])";
  CAPI_REQUIRE_OK(parley_store_put_activities(fixture.store(), &admin, other.data(), other.size()));

  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_relationship(fixture.store(), &seller_1, R"({"account_id": "fabrikam"})",
                                            PARLEY_NUL_TERMINATED, R"({"breakdown_days": 7})",
                                            PARLEY_NUL_TERMINATED, now, out.out()));
  const json result = json_of(out);
  const json& kpis = result.at("kpis");
  CHECK(kpis.at("activities") == 3);  // e1, e2, e3; m1 is after now
  CHECK(kpis.at("scheduled") == 1);
  CHECK(kpis.at("response_time_ours").at("responses") == 1);
  CHECK(kpis.at("response_time_ours").at("mean_seconds") == 7200.0);
  CHECK(kpis.at("response_rate_ours").at("rate") == 1.0);      // e1 answered
  CHECK(kpis.at("response_rate_customer").at("rate") == 0.0);  // e3 not (e2 answers, it is no question)
  CHECK(kpis.at("email_ratio").at("emails_by_us") == 2);
  CHECK(kpis.at("email_ratio").at("by_them") == 0.5);  // 1 customer email per 2 of ours
  CHECK(kpis.at("last_interaction").at("activity_id") == "e3");
  CHECK(kpis.at("next_interaction").at("activity_id") == "m1");
  CHECK(kpis.at("days").size() == 7);
  const json& health = result.at("health");
  CHECK(health.at("score").get<double>() >= 0);
  CHECK(health.at("score").get<double>() <= 100);

  // s2 sees none of s1's activities: an empty record, not an error.
  CAPI_REQUIRE_OK(parley_store_relationship(fixture.store(), &seller_2, R"({"account_id": "fabrikam"})",
                                            PARLEY_NUL_TERMINATED, nullptr, 0, now, out.out()));
  CHECK(json_of(out).at("kpis").at("activities") == 0);

  check_error(parley_store_relationship(fixture.store(), &seller_1, nullptr, 0,
                                        R"({"business_hours": {"working_days": [true]}})",
                                        PARLEY_NUL_TERMINATED, now, out.out()),
              PARLEY_E_PARSE,
              {"relationship_options_json: business_hours.working_days", "expected 7 booleans"});
  CHECK(out.get() == nullptr);
  check_error(
      parley_store_relationship(fixture.store(), &seller_1, nullptr, 0, R"({"time_zone": "Mars/Base"})",
                                PARLEY_NUL_TERMINATED, now, out.out()),
      PARLEY_E_INVALID_ARGUMENT, {"Mars/Base"});
  check_error(parley_store_relationship(fixture.store(), nullptr, nullptr, 0, nullptr, 0, now, out.out()),
              PARLEY_E_INVALID_ARGUMENT, {"'viewer' is NULL"});
}
