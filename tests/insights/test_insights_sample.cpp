// The home page over a generated sample organisation, checked against independent SQL queries on
// the store's file.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>

#include "parley/insights.hpp"
#include "parley/store.hpp"
#include "sample_org.hpp"
#include "store/store_test_support.hpp"

namespace {

struct SqliteCloser {
  void operator()(sqlite3* db) const noexcept { sqlite3_close(db); }
};
struct StatementCloser {
  void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};

// One row of an independent query, every column as double (NULL as -1e300).
std::vector<std::vector<double>> query(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) == SQLITE_OK);
  std::unique_ptr<sqlite3_stmt, StatementCloser> stmt(raw);
  std::vector<std::vector<double>> rows;
  while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
    std::vector<double> row;
    for (int i = 0; i < sqlite3_column_count(stmt.get()); ++i) {
      row.push_back(sqlite3_column_type(stmt.get(), i) == SQLITE_NULL ? -1e300
                                                                      : sqlite3_column_double(stmt.get(), i));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> query_text(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr) == SQLITE_OK);
  std::unique_ptr<sqlite3_stmt, StatementCloser> stmt(raw);
  std::vector<std::string> rows;
  while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
    rows.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0)));
  }
  return rows;
}

}  // namespace

TEST_CASE("home page over a sample organisation agrees with independent SQL") {
  parley::SampleOrganisationOptions options;
  options.call_count = 800;
  options.months = 3;
  const auto org = parley::generate_sample_organisation(11, options);
  const store_test::TempDir dir;
  const std::string path = dir.file("sample.sqlite");
  {
    auto store = parley::open_sqlite_store(path);
    parley::store_sample_organisation(*store, org);

    parley::InsightOptions insight;
    insight.period.kind = parley::PeriodKind::this_month;
    insight.now_utc_ms = org.end_utc_ms;  // 2026-11-23T00:00Z: November is the current period
    const auto page =
        parley::home_page(*store, parley::Viewer::manager("u-director", 2), "u-mgr-north", insight);
    store.reset();

    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    std::unique_ptr<sqlite3, SqliteCloser> db(raw);
    const std::string team = "(SELECT id FROM users WHERE manager_id = 'u-mgr-north' AND role = 0)";
    const std::string now = "start_time_ms >= " + std::to_string(page.period.current.start_utc_ms) +
                            " AND start_time_ms < " + std::to_string(page.period.current.end_utc_ms);
    const std::string before = "start_time_ms >= " + std::to_string(page.period.previous.start_utc_ms) +
                               " AND start_time_ms < " + std::to_string(page.period.previous.end_utc_ms);
    CHECK(page.sellers == 6);

    const auto calls_now = query(db.get(),
                                 "SELECT COUNT(*), SUM(duration_ms) / 3600000.0, AVG(talk_ratio), "
                                 "AVG(switch_rate_per_hour), SUM(customer_sentiment_label = 'negative') "
                                 "FROM calls WHERE seller_id IN " +
                                     team + " AND " + now)[0];
    REQUIRE(calls_now[0] > 50);
    CHECK(page.recording.calls_recorded.current == calls_now[0]);
    CHECK(page.recording.hours_recorded.current == doctest::Approx(calls_now[1]));
    CHECK(page.top_sellers.team.talk_ratio.value() == doctest::Approx(calls_now[2]));
    CHECK(page.top_sellers.team.switch_rate_per_hour.value() == doctest::Approx(calls_now[3]));
    CHECK(page.customers.sentiment.negative == calls_now[4]);
    const auto calls_before =
        query(db.get(), "SELECT COUNT(*) FROM calls WHERE seller_id IN " + team + " AND " + before)[0];
    CHECK(page.recording.calls_recorded.previous == calls_before[0]);

    const auto more_negative =
        query(db.get(),
              "SELECT COUNT(*) FROM calls WHERE seller_id IN " + team + " AND " + now +
                  " AND customer_sentiment < (SELECT AVG(customer_sentiment) FROM calls WHERE seller_id IN " +
                  team + " AND " + now + ") - 0.1")[0];
    CHECK(page.customers.more_negative_than_average_calls == more_negative[0]);

    // Customer keyword mentions (kind 0 = keyword, role 1 = customer), most first, ties by name.
    const auto keywords = query_text(
        db.get(),
        "SELECT term || ':' || COUNT(*) FROM term_hits h JOIN calls c ON c.call_key = h.call_key WHERE "
        "h.kind = 0 AND h.role = 1 AND c.seller_id IN " +
            team + " AND " + now + " GROUP BY term ORDER BY COUNT(*) DESC, term LIMIT 20");
    REQUIRE(keywords.size() == page.customers.top_keywords.size());
    for (std::size_t i = 0; i < keywords.size(); ++i) {
      const auto& term = page.customers.top_keywords[i];
      CHECK(keywords[i] == term.term + ":" + std::to_string(term.mentions));
    }
    const auto keyword_calls = query(db.get(),
                                     "SELECT COUNT(DISTINCT h.call_key) FROM term_hits h JOIN calls c ON "
                                     "c.call_key = h.call_key WHERE h.kind = 0 AND c.seller_id IN " +
                                         team + " AND " + now)[0];
    CHECK(page.recording.calls_with_keywords.current == keyword_calls[0]);

    // Sales: won (status 1) closed this month; lost (2); open (0).
    const std::string closed_now = "closed_ms >= " + std::to_string(page.period.current.start_utc_ms) +
                                   " AND closed_ms < " + std::to_string(page.period.current.end_utc_ms);
    const auto won = query(db.get(),
                           "SELECT COUNT(*), COALESCE(SUM(actual_revenue), 0) FROM opportunities WHERE "
                           "status = 1 AND owner_id IN " +
                               team + " AND " + closed_now)[0];
    const auto lost = query(db.get(), "SELECT COUNT(*) FROM opportunities WHERE status = 2 AND owner_id IN " +
                                          team + " AND " + closed_now)[0];
    const auto open = query(db.get(),
                            "SELECT COALESCE(SUM(estimated_revenue), 0) FROM opportunities WHERE status = 0 "
                            "AND owner_id IN " +
                                team)[0];
    CHECK(page.basic.deals_won == won[0]);
    CHECK(page.basic.won_revenue == doctest::Approx(won[1]));
    CHECK(page.basic.deals_lost == lost[0]);
    CHECK(page.basic.open_estimated_revenue == doctest::Approx(open[0]));

    // New brands: first mention over the team's calls (any time) lies in November.
    const auto new_brands = query_text(
        db.get(),
        "SELECT b.display_name FROM brand_mentions b JOIN calls c ON c.call_key = b.call_key WHERE "
        "c.seller_id IN " +
            team + " GROUP BY b.normalized_name HAVING MIN(c.start_time_ms) >= " +
            std::to_string(page.period.current.start_utc_ms) + " ORDER BY b.display_name");
    std::vector<std::string> ours;
    for (const auto& brand : page.customers.new_brands) ours.push_back(brand.term);
    std::sort(ours.begin(), ours.end());
    CHECK(ours == new_brands);
    CHECK(!ours.empty());  // the generator's recent brands
  }
}
