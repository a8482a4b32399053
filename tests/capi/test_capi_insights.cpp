// The C ABI's insights: the pages as JSON and as text, on the fixture of capi_store_fixture.hpp
// (November 2026 in UTC, compared with October, which has no calls).
#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>

#include "capi_store_fixture.hpp"

using namespace capi_store_test;
using nlohmann::json;

namespace {

std::string options(
    const std::string& period = R"({"kind": "this_month", "time_zone": "UTC", "locale": "en-US"})") {
  return R"({"period": )" + period + R"(, "now_utc_ms": )" + std::to_string(now) + "}";
}

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos || text.rfind(line + "\n", 0) == 0;
}

}  // namespace

TEST_CASE("insights: the home page counts the team's recorded calls and hours, as JSON and as text") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  // s2 won a deal of 1,200 on 2026-11-12.
  const std::string deals = R"([{"id": "opp-1", "owner_id": "s2", "status": "won", "estimated_revenue": 1000,
    "actual_revenue": 1200, "created_ms": )" +
                            std::to_string(utc(2026, 10, 1)) + R"(, "closed_ms": )" +
                            std::to_string(utc(2026, 11, 12)) + "}]";
  CAPI_REQUIRE_OK(parley_store_put_opportunities(store, &admin, deals.c_str(), deals.size()));
  const std::string opts = options();
  OwnedString page;
  CAPI_REQUIRE_OK(parley_insights_home_page(store, &manager, "m1", PARLEY_NUL_TERMINATED, opts.c_str(),
                                            opts.size(), PARLEY_FORMAT_JSON, page.out()));
  const json home = json_of(page);
  CHECK(home.at("team_manager_id") == "m1");
  CHECK(home.at("team_manager_name") == "Mia Manager");
  CHECK(home.at("sellers") == 2);
  CHECK(home.at("period").at("current") ==
        json({{"start_ms", utc(2026, 11, 1)}, {"end_ms", utc(2026, 12, 1)}}));
  // Two calls of 30 and 60 minutes: 1.5 hours; none in October, so no growth figure.
  CHECK(home.at("recording").at("calls_recorded") ==
        json({{"current", 2.0}, {"previous", 0.0}, {"growth", nullptr}}));
  CHECK(home.at("recording").at("hours_recorded").at("current").get<double>() == doctest::Approx(1.5));
  CHECK(home.at("recording").at("calls_with_keywords").at("current") == 2.0);
  // call-1 names Contoso and Litware, call-2 Litware; Litware was first said this month.
  CHECK(home.at("recording").at("calls_with_competitors_or_brands").at("current") == 2.0);
  REQUIRE(home.at("customers").at("new_brands").size() == 1);
  CHECK(home.at("customers").at("new_brands")[0].at("term") == "Litware Inc");
  CHECK(home.at("customers").at("new_brands")[0].at("mentions") == 2);
  CHECK(home.at("basic").at("won_revenue") == 1200.0);
  CHECK(home.at("basic").at("deals_won") == 1);
  CHECK(home.at("basic").at("win_rate") == 1.0);

  CAPI_REQUIRE_OK(parley_insights_home_page(store, &manager, "m1", PARLEY_NUL_TERMINATED, opts.c_str(),
                                            opts.size(), PARLEY_FORMAT_TEXT, page.out()));
  const std::string text = page.str();
  CHECK(text.rfind("HOME PAGE - team of Mia Manager (2 sellers)\n", 0) == 0);
  CHECK(has_line(
      text, "Period: this_month 2026-11-01 .. 2026-12-01 (UTC), compared with 2026-10-01 .. 2026-11-01"));
  CHECK(has_line(text, fmt::format("  {:<32} {:>10} {:>10} {:>8}", "Calls recorded", "2", "0", "new")));
  CHECK(has_line(text, fmt::format("  {:<32} {:>10} {:>10} {:>8}", "Hours recorded", "1.5", "0.0", "new")));

  // An empty team_manager_id is the viewer's whole scope: the same two sellers.
  CAPI_REQUIRE_OK(parley_insights_home_page(store, &manager, nullptr, 0, opts.c_str(), opts.size(),
                                            PARLEY_FORMAT_JSON, page.out()));
  CHECK(json_of(page).at("team_manager_id").is_null());
  CHECK(json_of(page).at("recording").at("calls_recorded").at("current") == 2.0);

  CHECK(parley_insights_home_page(store, &manager, "m1", PARLEY_NUL_TERMINATED, opts.c_str(), opts.size(),
                                  static_cast<parley_output_format>(7),
                                  page.out()) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(page.get() == nullptr);
  CHECK(last_error() == "argument 'format' is 7: not a parley_output_format");
  // The time-spent model is the relationship options' "time_spent", checked the same way.
  const std::string bad_model = R"({"now_utc_ms": 1, "time_spent": {"email_read_minutes": -2}})";
  CHECK(parley_insights_home_page(store, &manager, "m1", PARLEY_NUL_TERMINATED, bad_model.c_str(),
                                  bad_model.size(), PARLEY_FORMAT_JSON, page.out()) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "InsightOptions.time_spent.email_read_minutes = -2: must be finite and >= 0");
  const std::string unknown = R"({"now_utc_ms": 1, "time_spent": {"email_minutes": 2}})";
  CHECK(parley_insights_home_page(store, &manager, "m1", PARLEY_NUL_TERMINATED, unknown.c_str(),
                                  unknown.size(), PARLEY_FORMAT_JSON, page.out()) == PARLEY_E_PARSE);
  CHECK(last_error() ==
        "insight_options_json: time_spent: unknown member 'email_minutes' (known: call_per_participant, "
        "email_read_minutes, email_write_minutes, meeting_per_attendee)");
  CHECK(parley_insights_home_page(store, &seller_1, "m1", PARLEY_NUL_TERMINATED, opts.c_str(), opts.size(),
                                  PARLEY_FORMAT_JSON, page.out()) == PARLEY_E_NOT_PERMITTED);
  CHECK(parley_insights_home_page(nullptr, &manager, "m1", PARLEY_NUL_TERMINATED, opts.c_str(), opts.size(),
                                  PARLEY_FORMAT_JSON, page.out()) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'store' is NULL");
}

TEST_CASE("insights: a seller's details, and the same refusal for another seller and a missing one") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  const std::string opts = options();
  OwnedString page;
  CAPI_REQUIRE_OK(parley_insights_seller_details(store, &seller_1, "s1", PARLEY_NUL_TERMINATED, opts.c_str(),
                                                 opts.size(), PARLEY_FORMAT_JSON, page.out()));
  const json details = json_of(page);
  CHECK(details.at("seller").at("id") == "s1");
  CHECK(details.at("kpis").at("calls") == 1);
  CHECK(details.at("kpis").at("recorded_ms") == 30 * 60'000);
  CHECK(details.at("kpis").at("talk_ratio").get<double>() == doctest::Approx(19.0 / 37.0));
  CHECK(details.at("previous_kpis").at("calls") == 0);
  REQUIRE(details.at("call_history").size() == 1);
  CHECK(details.at("call_history")[0].at("id") == "call-1");
  // Said by the customer: "budget" once, "Contoso" once.
  REQUIRE(details.at("top_keywords").size() == 1);
  CHECK(details.at("top_keywords")[0].at("term") == "budget");
  CHECK(details.at("top_keywords")[0].at("mentions") == 1);
  REQUIRE(details.at("top_competitors").size() == 1);
  CHECK(details.at("top_competitors")[0].at("term") == "Contoso");

  CAPI_REQUIRE_OK(parley_insights_seller_details(store, &manager, "s1", PARLEY_NUL_TERMINATED, opts.c_str(),
                                                 opts.size(), PARLEY_FORMAT_TEXT, page.out()));
  const std::string text = page.str();
  CHECK(text.rfind("SELLER DETAILS - Sam Seller (s1)\n", 0) == 0);
  CHECK(has_line(text, fmt::format("  {:<30} {:>11} {:>10}", "Calls", "1", "0")));
  CHECK(has_line(text, fmt::format("  {:<30} {:>11} {:>10}", "Talk / listen", "51% / 49%", "- / -")));

  CHECK(parley_insights_seller_details(store, &seller_1, "s2", PARLEY_NUL_TERMINATED, opts.c_str(),
                                       opts.size(), PARLEY_FORMAT_JSON,
                                       page.out()) == PARLEY_E_NOT_PERMITTED);
  CHECK(page.get() == nullptr);
  std::string existing = last_error();
  CHECK(parley_insights_seller_details(store, &seller_1, "s9", PARLEY_NUL_TERMINATED, opts.c_str(),
                                       opts.size(), PARLEY_FORMAT_JSON,
                                       page.out()) == PARLEY_E_NOT_PERMITTED);
  std::string missing = last_error();
  REQUIRE(existing.find("'s2'") != std::string::npos);
  existing.replace(existing.find("'s2'"), 4, "'<id>'");
  REQUIRE(missing.find("'s9'") != std::string::npos);
  missing.replace(missing.find("'s9'"), 4, "'<id>'");
  CHECK(existing == missing);
}

TEST_CASE("insights: the team view lists each seller beside the team average") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  const std::string opts = options();
  OwnedString page;
  CAPI_REQUIRE_OK(parley_insights_team_view(store, &manager, "m1", PARLEY_NUL_TERMINATED, opts.c_str(),
                                            opts.size(), PARLEY_FORMAT_JSON, page.out()));
  const json view = json_of(page);
  REQUIRE(view.at("members").size() == 2);
  CHECK(view.at("members")[0].at("seller").at("display_name") == "Sam Seller");
  CHECK(view.at("members")[0].at("kpis").at("calls") == 1);
  CHECK(view.at("members")[1].at("seller").at("display_name") == "Sue Seller");
  CHECK(view.at("members")[1].at("kpis").at("recorded_ms") == 60 * 60'000);
  CHECK(view.at("team_average").at("calls") == 2);
  CHECK(view.at("team_average").at("recorded_ms") == 90 * 60'000);
  // Switches per call: (2 + 1) / 2.
  CHECK(view.at("team_average").at("switches_per_call").get<double>() == doctest::Approx(1.5));

  CAPI_REQUIRE_OK(parley_insights_team_view(store, &manager, "m1", PARLEY_NUL_TERMINATED, opts.c_str(),
                                            opts.size(), PARLEY_FORMAT_TEXT, page.out()));
  const std::string text = page.str();
  CHECK(text.rfind("TEAM - m1\n", 0) == 0);
  CHECK(text.find("\n  Sam Seller ") != std::string::npos);
  CHECK(text.find("\n  Team average ") != std::string::npos);

  CHECK(parley_insights_team_view(store, &seller_1, "m1", PARLEY_NUL_TERMINATED, opts.c_str(), opts.size(),
                                  PARLEY_FORMAT_JSON, page.out()) == PARLEY_E_NOT_PERMITTED);
  CHECK(parley_insights_team_view(store, &manager, "m1", PARLEY_NUL_TERMINATED, opts.c_str(), opts.size(),
                                  PARLEY_FORMAT_JSON, nullptr) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'out_page' is NULL");
}

TEST_CASE("insights: processing counts over the period, and the options document's errors") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  const std::string received = R"({"call_id": "call-3", "seller_id": "s1", "status": "received", "at_ms": )" +
                               std::to_string(now - 60'000) + "}";
  CAPI_REQUIRE_OK(parley_store_log_processing(store, &seller_1, received.c_str(), received.size()));
  const std::string opts = options();
  OwnedString out;
  CAPI_REQUIRE_OK(parley_insights_processing_counts(store, &manager, opts.c_str(), opts.size(), out.out()));
  const json counts = json_of(out);
  CHECK(counts.at("received") == 3);
  CHECK(counts.at("analysed") == 2);
  CHECK(counts.at("failed") == 0);
  CHECK(counts.at("pending") == 1);  // call-3
  CHECK(counts.at("failure_reasons") == json::array());
  CHECK(counts.at("period").at("kind") == "this_month");
  // Last month (October) had none.
  const std::string october = options(R"({"kind": "last_month"})");
  CAPI_REQUIRE_OK(
      parley_insights_processing_counts(store, &admin, october.c_str(), october.size(), out.out()));
  CHECK(json_of(out).at("received") == 0);

  CHECK(parley_insights_processing_counts(store, &admin, nullptr, 0, out.out()) == PARLEY_E_PARSE);
  CHECK(last_error() == "insight_options_json: missing member 'now_utc_ms'");
  const std::string bad_kind = options(R"({"kind": "this_year"})");
  CHECK(parley_insights_processing_counts(store, &admin, bad_kind.c_str(), bad_kind.size(), out.out()) ==
        PARLEY_E_PARSE);
  CHECK(last_error() ==
        "insight_options_json: period.kind: unknown value \"this_year\" (expected last_24_hours, "
        "last_7_days, this_month, last_month, this_week, last_week, all_time or custom)");
  const std::string bad_bucket = R"({"now_utc_ms": 0, "bucket": "hour"})";
  CHECK(parley_insights_processing_counts(store, &admin, bad_bucket.c_str(), bad_bucket.size(), out.out()) ==
        PARLEY_E_PARSE);
  CHECK(last_error() == "insight_options_json: bucket: unknown value \"hour\" (expected day, week or month)");
  const std::string bad_zone = options(R"({"time_zone": "Mars/Olympus"})");
  CHECK(parley_insights_processing_counts(store, &admin, bad_zone.c_str(), bad_zone.size(), out.out()) ==
        PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error().find("Mars/Olympus") != std::string::npos);
  CHECK(parley_insights_processing_counts(store, &admin, R"({"now_utc_ms": 1, "top": 3})",
                                          PARLEY_NUL_TERMINATED, out.out()) == PARLEY_E_PARSE);
  CHECK(last_error().find("insight_options_json: unknown member 'top'") == 0);
  const parley_viewer stranger = viewer("s9", PARLEY_VIEWER_SELLER);
  CHECK(parley_insights_processing_counts(store, &stranger, opts.c_str(), opts.size(), out.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(out.get() == nullptr);
  CHECK(last_error() == "not permitted: viewer 's9' is not a known user");
  // A manager's depth is checked by the store.
  const parley_viewer no_depth = viewer("m1", PARLEY_VIEWER_MANAGER, 0);
  CHECK(parley_insights_processing_counts(store, &no_depth, opts.c_str(), opts.size(), out.out()) ==
        PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "viewer 'm1': hierarchy_depth must be at least 1, got 0");
}
