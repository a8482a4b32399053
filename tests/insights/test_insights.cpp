#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "fixture.hpp"
#include "parley/error.hpp"
#include "parley/insights.hpp"

using fixture::utc;
using parley::Viewer;

namespace {

const parley::TermInsight* find_term(const std::vector<parley::TermInsight>& terms, const std::string& name) {
  for (const auto& term : terms) {
    if (term.term == name) return &term;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("seller details of s1 for this month, by hand") {
  fixture::FixtureStore db("seller_details");
  const auto d = parley::seller_details(*db.store, Viewer::manager("m1"), "s1", fixture::this_month());
  CHECK(d.seller.display_name == "Alice Berg");
  CHECK(d.period.current == parley::Period{utc(2026, 11, 1), utc(2026, 12, 1)});
  CHECK(d.period.previous == parley::Period{utc(2026, 10, 1), utc(2026, 11, 1)});
  // This month: c1 and c2.
  const auto& k = d.kpis;
  CHECK(k.calls == 2);
  CHECK(k.recorded_ms == 50 * fixture::minute);         // 30 + 20 min
  CHECK(k.talk_ratio.value() == doctest::Approx(0.5));  // (0.6 + 0.4) / 2
  CHECK(k.listen_ratio.value() == doctest::Approx(0.5));
  CHECK(k.seller_words_per_minute.value() == doctest::Approx(160));           // (150 + 170) / 2
  CHECK(k.switches_per_call.value() == doctest::Approx(15));                  // (20 + 10) / 2
  CHECK(k.switch_rate_per_hour.value() == doctest::Approx(35));               // (40 + 30) / 2
  CHECK(k.average_pause_ms.value() == doctest::Approx(700));                  // (800 + 600) / 2
  CHECK(k.patience_ms.value() == doctest::Approx(1200));                      // (1000 + 1400) / 2
  CHECK(k.customer_longest_monologue_ms.value() == doctest::Approx(40'000));  // (30 + 50 s) / 2
  CHECK(k.seller_question_rate_per_hour.value() == doctest::Approx(12));      // (10 + 14) / 2
  CHECK(k.customer_sentiment.value() == doctest::Approx(0.05));               // (0.5 - 0.4) / 2
  CHECK(k.negative_share.value() == doctest::Approx(0.5));                    // c2 of 2
  // Previous month: c3 alone.
  CHECK(d.previous_kpis.calls == 1);
  CHECK(d.previous_kpis.talk_ratio.value() == doctest::Approx(0.7));
  REQUIRE(d.trends.size() == 12);
  CHECK(d.trends[1].kpi == "talk_ratio");
  CHECK(d.trends[1].change.value() == doctest::Approx(-0.2));  // 0.5 - 0.7
  // Donut: one positive, one negative.
  CHECK(d.sentiment.calls == 2);
  CHECK(d.sentiment.positive == 1);
  CHECK(d.sentiment.negative == 1);
  CHECK(d.sentiment.neutral_share.value() == doctest::Approx(0.0));
  // Day buckets over November (30 days); c1 on the 3rd (index 2), c2 on the 10th (index 9).
  CHECK(d.buckets.size == parley::BucketSize::day);
  REQUIRE(d.sentiment_over_time.size() == 30);
  CHECK(d.sentiment_over_time[2].local_date == "2026-11-03");
  CHECK(d.sentiment_over_time[2].calls == 1);
  CHECK(d.sentiment_over_time[2].average_customer_sentiment.value() == doctest::Approx(0.5));
  CHECK(d.sentiment_over_time[9].negative == 1);
  CHECK_FALSE(d.sentiment_over_time[0].average_customer_sentiment.has_value());
  // Call history, newest first.
  REQUIRE(d.call_history.size() == 2);
  CHECK(d.call_history[0].id == "c2");
  CHECK(d.call_history[1].id == "c1");
  // Customer keywords: pricing 2 (c1) + 1 (c2) = 3, previous 1 (c3): growth (3 - 1) / 1 = +200%;
  // security 1, previous 0: no growth figure. The seller's own "ROI" is not a customer mention.
  REQUIRE(d.top_keywords.size() == 2);
  CHECK(d.top_keywords[0].term == "pricing");
  CHECK(d.top_keywords[0].mentions == 3);
  CHECK(d.top_keywords[0].calls == 2);
  CHECK(d.top_keywords[0].previous_mentions == 1);
  CHECK(d.top_keywords[0].growth.value() == doctest::Approx(2.0));
  CHECK(d.top_keywords[0].call_ids == std::vector<std::string>{"c2", "c1"});
  CHECK(d.top_keywords[0].over_time[2] == 2);
  CHECK(d.top_keywords[0].over_time[9] == 1);
  CHECK(d.top_keywords[1].term == "security");
  CHECK_FALSE(d.top_keywords[1].growth.has_value());
  REQUIRE(d.top_competitors.size() == 1);
  CHECK(d.top_competitors[0].term == "Contoso 360");
  CHECK(d.top_competitors[0].kind == parley::MentionKind::competitor);
  // Comments on this month's calls only (c1's, not c3's).
  REQUIRE(d.comments.size() == 1);
  CHECK(d.comments[0].call_id == "c1");
}

TEST_CASE("team view of m1, by hand") {
  fixture::FixtureStore db("team_view");
  const auto view = parley::team_view(*db.store, Viewer::manager("m1"), "", fixture::this_month());
  REQUIRE(view.members.size() == 2);
  CHECK(view.members[0].seller.id == "s1");  // by display name: Alice, Bruno
  CHECK(view.members[1].seller.id == "s2");
  CHECK(view.members[0].kpis.calls == 2);
  CHECK(view.members[1].kpis.calls == 1);
  CHECK(view.members[1].kpis.talk_ratio.value() == doctest::Approx(0.8));
  CHECK_FALSE(view.members[1].kpis.patience_ms.has_value());  // c4 has none
  // Team average over c1, c2, c4 (call-weighted): talk (0.6 + 0.4 + 0.8) / 3 = 0.6; patience over
  // the two calls that have one: (1000 + 1400) / 2 = 1200.
  CHECK(view.team_average.calls == 3);
  CHECK(view.team_average.talk_ratio.value() == doctest::Approx(0.6));
  CHECK(view.team_average.patience_ms.value() == doctest::Approx(1200));
  CHECK(view.team_average.recorded_ms == 110 * fixture::minute);
}

TEST_CASE("home page of m1's team, by hand") {
  fixture::FixtureStore db("home_page");
  const auto page = parley::home_page(*db.store, Viewer::manager("m1"), "", fixture::this_month());
  CHECK(page.sellers == 2);
  REQUIRE(page.team.size() == 2);
  CHECK(page.team[0].display_name == "Alice Berg");  // by display name
  CHECK(page.team[1].id == "s2");
  CHECK(page.team_manager_name.empty());  // the viewer's whole scope, no team named
  const auto& b = page.basic;
  // 1 Dec 00:00 - 20 Nov 12:00 = 10.5 days.
  CHECK(b.time_left_ms.value() == 10LL * 86'400'000 + 12 * 3'600'000);
  CHECK(b.won_revenue == doctest::Approx(40'000));  // o1 30,000 + o3 10,000 (o6 is m2's)
  CHECK(b.deals_won == 2);
  CHECK(b.deals_lost == 1);  // o2
  CHECK(b.win_rate.value() == doctest::Approx(2.0 / 3.0));
  CHECK(b.average_revenue_per_deal.value() == doctest::Approx(20'000));
  CHECK(b.open_estimated_revenue == doctest::Approx(75'000));  // o4 50,000 + o7 25,000
  CHECK(b.open_deals == 2);
  CHECK(b.previous_won_revenue == doctest::Approx(20'000));  // o5
  CHECK(b.previous_deals_won == 1);
  CHECK(b.previous_win_rate.value() == doctest::Approx(1.0));

  const auto& c = page.customers;
  CHECK(c.sentiment.calls == 3);  // c1 positive, c2 negative, c4 neutral
  CHECK(c.sentiment.positive == 1);
  CHECK(c.sentiment.neutral == 1);
  CHECK(c.sentiment.negative == 1);
  // Average (0.5 - 0.4 + 0.1) / 3 = 0.0667; threshold 0.0667 - 0.1 = -0.0333: only c2 (-0.4).
  CHECK(c.average_customer_sentiment.value() == doctest::Approx(0.2 / 3.0));
  CHECK(c.more_negative_than_average_calls == 1);
  CHECK(c.more_negative_than_average_share.value() == doctest::Approx(1.0 / 3.0));
  CHECK(c.more_negative_call_ids == std::vector<std::string>{"c2"});
  // Keywords (customer): pricing 3 (prev 1: c3), security 3 (c2 1 + c4 2; prev 1: c5). Tie: by name.
  REQUIRE(c.top_keywords.size() == 2);
  CHECK(c.top_keywords[0].term == "pricing");
  CHECK(c.top_keywords[1].term == "security");
  CHECK(c.top_keywords[1].mentions == 3);
  CHECK(c.top_keywords[1].growth.value() == doctest::Approx(2.0));
  CHECK(c.top_keywords[1].call_ids == std::vector<std::string>{"c2", "c4"});
  REQUIRE(c.top_competitors.size() == 1);
  CHECK(c.top_competitors[0].mentions == 1);
  // Brands: Litware 1 now (c1) against 2 (c5): -50%, not new; Relecloud first mentioned in c4: new.
  const auto* litware = find_term(c.top_brands, "Litware");
  REQUIRE(litware != nullptr);
  CHECK(litware->mentions == 1);
  CHECK(litware->previous_mentions == 2);
  CHECK(litware->growth.value() == doctest::Approx(-0.5));
  CHECK_FALSE(litware->is_new);
  REQUIRE(c.new_brands.size() == 1);
  CHECK(c.new_brands[0].term == "Relecloud");
  CHECK(c.new_brands[0].is_new);

  // Top sellers: revenue s1 30,000, s2 10,000; average 20,000: s1 alone is above.
  const auto& t = page.top_sellers;
  CHECK(t.team_average_revenue == doctest::Approx(20'000));
  CHECK(t.top_seller_ids == std::vector<std::string>{"s1"});
  CHECK(t.top_sellers.talk_ratio.value() == doctest::Approx(0.5));  // c1, c2
  CHECK(t.team.talk_ratio.value() == doctest::Approx(0.6));         // c1, c2, c4
  CHECK(t.top_sellers.negative_share.value() == doctest::Approx(0.5));
  CHECK(t.team.negative_share.value() == doctest::Approx(1.0 / 3.0));
  CHECK(t.top_sellers.switch_rate_per_hour.value() == doctest::Approx(35));    // (40 + 30) / 2
  CHECK(t.team.switch_rate_per_hour.value() == doctest::Approx(100.0 / 3.0));  // (40 + 30 + 30) / 3
  // Seller mentions per call: ROI top 1 / 2 calls = 0.5 against team 1 / 3; pricing (said by s2)
  // top 0 against team 1 / 3 is not a best practice.
  REQUIRE(t.best_practice_keywords.size() == 1);
  CHECK(t.best_practice_keywords[0].term == "ROI");
  CHECK(t.best_practice_keywords[0].top_sellers_per_call == doctest::Approx(0.5));
  CHECK(t.best_practice_keywords[0].team_per_call == doctest::Approx(1.0 / 3.0));
  // Engagement per seller up to now (a5 on 25 Nov is scheduled, not counted).
  // s1: emails 5 + 2.5 min = 0.125 h, phone 0.5 h, recorded 50 min; s2: meeting 1 h, recorded 60 min.
  CHECK(t.top_sellers_engagement.email == doctest::Approx(0.125));
  CHECK(t.top_sellers_engagement.phone_call == doctest::Approx(0.5));
  CHECK(t.top_sellers_engagement.meeting == doctest::Approx(0.0));
  CHECK(t.top_sellers_engagement.recorded_calls == doctest::Approx(50.0 / 60.0));
  CHECK(t.team_engagement.email == doctest::Approx(0.0625));
  CHECK(t.team_engagement.meeting == doctest::Approx(0.5));
  CHECK(t.team_engagement.phone_call == doctest::Approx(0.25));
  CHECK(t.team_engagement.recorded_calls == doctest::Approx(110.0 / 60.0 / 2.0));

  // Recording: 3 calls now (c1, c2, c4) against 2 (c3, c5): +50%; hours 110 min against 40 min.
  const auto& r = page.recording;
  CHECK(r.calls_recorded.current == 3);
  CHECK(r.calls_recorded.previous == 2);
  CHECK(r.calls_recorded.growth.value() == doctest::Approx(0.5));
  CHECK(r.hours_recorded.current == doctest::Approx(110.0 / 60.0));
  CHECK(r.hours_recorded.growth.value() == doctest::Approx((110.0 - 40.0) / 40.0));
  CHECK(r.calls_with_keywords.current == 3);                // c1, c2, c4
  CHECK(r.calls_with_keywords.previous == 2);               // c3, c5
  CHECK(r.calls_with_competitors_or_brands.current == 2);   // c1 (Contoso, Litware), c4 (Relecloud)
  CHECK(r.calls_with_competitors_or_brands.previous == 1);  // c5 (Litware)
  CHECK(r.calls_with_competitors_or_brands.growth.value() == doctest::Approx(1.0));
}

TEST_CASE("home page engagement follows the relationship time-spent model") {
  fixture::FixtureStore db("home_page_time_spent");
  parley::InsightOptions options = fixture::this_month();
  options.time_spent.email_write_minutes = 12;
  options.time_spent.email_read_minutes = 6;
  options.time_spent.meeting_per_attendee = false;  // a seller is one attendee: no change
  const auto page = parley::home_page(*db.store, Viewer::manager("m1"), "", options);
  // s1 sent one email and received one: 12 + 6 = 18 min = 0.3 h; s2 none: team (0.3 + 0) / 2.
  CHECK(page.top_sellers.top_sellers_engagement.email == doctest::Approx(0.3));
  CHECK(page.top_sellers.team_engagement.email == doctest::Approx(0.15));
  CHECK(page.top_sellers.team_engagement.meeting == doctest::Approx(0.5));  // s2's 1 h meeting / 2

  options.time_spent.email_read_minutes = -1;
  CHECK_THROWS_WITH_AS(parley::home_page(*db.store, Viewer::manager("m1"), "", options),
                       "InsightOptions.time_spent.email_read_minutes = -1: must be finite and >= 0",
                       parley::Error);
}

TEST_CASE("processing counts, by hand") {
  fixture::FixtureStore db("processing");
  // s1: c1, c2, c3 analysed, c-bad failed.
  const auto s1 = parley::processing_counts(*db.store, Viewer::seller("s1"), fixture::this_month());
  CHECK(s1.received == 4);
  CHECK(s1.analysed == 3);
  CHECK(s1.failed == 1);
  CHECK(s1.pending == 0);
  REQUIRE(s1.failure_reasons.size() == 1);
  CHECK(s1.failure_reasons[0].first == "unsupported language");
  // m1 sees s1 and s2: 5 analysed + 1 failed; the administrator all 6 + 1.
  CHECK(parley::processing_counts(*db.store, Viewer::manager("m1"), fixture::this_month()).received == 6);
  CHECK(parley::processing_counts(*db.store, Viewer::administrator("adm"), fixture::this_month()).received ==
        7);
  // Last month nothing was processed.
  auto last_month = fixture::this_month();
  last_month.period.kind = parley::PeriodKind::last_month;
  CHECK(parley::processing_counts(*db.store, Viewer::administrator("adm"), last_month).received == 0);
}

TEST_CASE("all time and an empty period") {
  fixture::FixtureStore db("all_time");
  auto options = fixture::this_month();
  options.period.kind = parley::PeriodKind::all_time;
  const auto page = parley::home_page(*db.store, Viewer::manager("m1"), "", options);
  CHECK_FALSE(page.basic.time_left_ms.has_value());
  CHECK(page.recording.calls_recorded.current == 5);              // c1..c5
  CHECK_FALSE(page.recording.calls_recorded.growth.has_value());  // no previous period
  CHECK(page.basic.won_revenue == doctest::Approx(60'000));       // o1 + o3 + o5
  // From 15 Oct (c3) to now: weeks (37 days > 31).
  CHECK(page.customers.buckets.size == parley::BucketSize::week);
  CHECK(page.customers.buckets.starts_ms.front() == utc(2026, 10, 11));  // Sunday before 15 Oct (en-US)

  options.period.kind = parley::PeriodKind::custom;
  options.period.custom_start_utc_ms = utc(2025, 1, 1);
  options.period.custom_end_utc_ms = utc(2025, 2, 1);
  const auto empty = parley::seller_details(*db.store, Viewer::seller("s1"), "s1", options);
  CHECK(empty.kpis.calls == 0);
  CHECK_FALSE(empty.kpis.talk_ratio.has_value());
  CHECK_FALSE(empty.sentiment.positive_share.has_value());
  CHECK(empty.top_keywords.empty());
  CHECK(empty.sentiment_over_time.size() == 31);  // January 2025, by day
}

TEST_CASE("insights JSON has the documented fields") {
  fixture::FixtureStore db("json");
  const auto page = parley::home_page(*db.store, Viewer::manager("m1"), "", fixture::this_month());
  const auto json = nlohmann::json::parse(parley::to_json(page));
  CHECK(json["period"]["kind"] == "this_month");
  CHECK(json["period"]["current"]["start_ms"] == utc(2026, 11, 1));
  CHECK(json["basic"]["won_revenue"] == 40'000.0);
  CHECK(json["basic"]["win_rate"].get<double>() == doctest::Approx(2.0 / 3.0));
  CHECK(json["customers"]["top_keywords"][0]["term"] == "pricing");
  CHECK(json["customers"]["top_competitors"][0]["growth"].is_null());
  CHECK(json["top_sellers"]["top_seller_ids"][0] == "s1");
  CHECK(json["recording"]["calls_recorded"]["growth"].get<double>() == doctest::Approx(0.5));

  const auto details = nlohmann::json::parse(
      parley::to_json(parley::seller_details(*db.store, Viewer::seller("s1"), "s1", fixture::this_month())));
  CHECK(details["seller"]["id"] == "s1");
  CHECK(details["kpis"]["talk_ratio"].get<double>() == doctest::Approx(0.5));
  CHECK(details["call_history"][0]["id"] == "c2");
  CHECK(details["comments"].size() == 1);

  auto all = fixture::this_month();
  all.period.kind = parley::PeriodKind::all_time;
  const auto team =
      nlohmann::json::parse(parley::to_json(parley::team_view(*db.store, Viewer::manager("m1"), "", all)));
  CHECK(team["period"]["current"]["start_ms"].is_null());
  CHECK(team["period"]["previous"].is_null());
  CHECK(team["members"].size() == 2);
  const auto counts = nlohmann::json::parse(
      parley::to_json(parley::processing_counts(*db.store, Viewer::seller("s1"), fixture::this_month())));
  CHECK(counts["failure_reasons"][0]["reason"] == "unsupported language");
}

TEST_CASE("text pages name the figures") {
  fixture::FixtureStore db("text");
  const auto page = parley::home_page(*db.store, Viewer::manager("m1"), "", fixture::this_month());
  const std::string home = parley::render_home_page_text(page);
  CHECK(home.find("Won revenue                      40,000") != std::string::npos);
  CHECK(home.find("Win rate                         67% of 3 closed") != std::string::npos);
  CHECK(home.find("Period: this_month 2026-11-01 .. 2026-12-01 (UTC)") != std::string::npos);
  // People by name: s1 (Alice Berg) is the one top seller; the team by its manager's name.
  CHECK(home.find("Top sellers: Alice Berg\n") != std::string::npos);
  const std::string team_home = parley::render_home_page_text(
      parley::home_page(*db.store, Viewer::manager("dir", 2), "m1", fixture::this_month()));
  CHECK(team_home.find("HOME PAGE - team of Mads Manager (2 sellers)") != std::string::npos);
  const std::string seller = parley::render_seller_details_text(
      parley::seller_details(*db.store, Viewer::seller("s1"), "s1", fixture::this_month()));
  CHECK(seller.find("SELLER DETAILS - Alice Berg (s1)") != std::string::npos);
  const auto talk_line = seller.find("Talk / listen");
  REQUIRE(talk_line != std::string::npos);
  CHECK(seller.substr(talk_line, seller.find('\n', talk_line) - talk_line).find("50% / 50%") !=
        std::string::npos);
  const std::string team = parley::render_team_view_text(
      parley::team_view(*db.store, Viewer::manager("m1"), "", fixture::this_month()));
  CHECK(team.find("Bruno Costa") != std::string::npos);
}

TEST_CASE("insight options are checked") {
  fixture::FixtureStore db("options");
  parley::InsightOptions options;  // now_utc_ms left 0
  try {
    (void)parley::home_page(*db.store, Viewer::manager("m1"), "", options);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_argument);
    CHECK(error.message() == "insights: options.now_utc_ms must be set (it is 0)");
  }
}
