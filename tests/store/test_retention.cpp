// Retention and deletion (SPEC 8): exactly the expected rows go, everything else is unchanged.
// The check is independent of the store: every table is read with plain SQLite before and after,
// and the rows that disappeared (or changed) are compared with what a predicate over the "before"
// rows says should go.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <functional>
#include <map>
#include <set>

#include "store_test_support.hpp"

using namespace parley;
using namespace store_test;

namespace {

using Row = std::map<std::string, std::string>;  // column -> value as text ("NULL" for null)
using Tables = std::map<std::string, std::vector<Row>>;

Tables snapshot(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  Tables tables;
  std::vector<std::string> names;
  {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1, &stmt,
                       nullptr);
    while (sqlite3_step(stmt) == SQLITE_ROW)
      names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
  }
  for (const auto& name : names) {
    sqlite3_stmt* stmt = nullptr;
    std::string sql = "SELECT * FROM \"" + name + "\"";
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    auto& rows = tables[name];
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      Row row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const auto* text = sqlite3_column_text(stmt, i);
        row[sqlite3_column_name(stmt, i)] = text ? reinterpret_cast<const char*>(text) : "NULL";
      }
      rows.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return tables;
}

std::multiset<Row> as_set(const std::vector<Row>& rows) { return {rows.begin(), rows.end()}; }

std::multiset<Row> minus(const std::multiset<Row>& a, const std::multiset<Row>& b) {
  std::multiset<Row> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

// Checks, table by table, that the rows gone are those `doomed` selects and that the only rows
// added are `changed` applied to rows it selects (an update shows as one row gone, one added).
void check_diff(const Tables& before, const Tables& after,
                const std::function<bool(const std::string&, const Row&)>& doomed,
                const std::function<std::optional<Row>(const std::string&, const Row&)>& changed = nullptr) {
  REQUIRE(before.size() == after.size());
  for (const auto& [table, rows] : before) {
    INFO("table " << table);
    std::multiset<Row> expected_gone, expected_added;
    for (const Row& row : rows) {
      if (doomed(table, row)) {
        expected_gone.insert(row);
      } else if (changed) {
        if (auto updated = changed(table, row)) {
          expected_gone.insert(row);
          expected_added.insert(*updated);
        }
      }
    }
    auto b = as_set(rows);
    auto a = as_set(after.at(table));
    CHECK(minus(b, a) == expected_gone);
    CHECK(minus(a, b) == expected_added);
  }
}

// call_key -> call id, from a snapshot.
std::map<std::string, std::string> call_ids(const Tables& tables) {
  std::map<std::string, std::string> out;
  for (const Row& row : tables.at("calls")) out[row.at("call_key")] = row.at("id");
  return out;
}

struct World {
  TempDir dir;
  std::string path = dir.file("org.db");
  std::unique_ptr<Store> store;
  std::int64_t now = t0 + 500 * day_ms;

  World() {
    SqliteStoreOptions options;
    options.durable_commits = false;
    store = open_sqlite_store(path, options);
    auto users = organisation();
    store->put_users(admin, users);
    auto at_age = [&](int days) { return now - days * day_ms; };
    std::vector<CallWithAnalysis> calls = {
        make_call("s1-10d", "s1", at_age(10), 6, "contact-1", "contoso"),
        make_call("s1-30d", "s1", at_age(30), 6, "contact-2", "fabrikam"),  // exactly at the limit
        make_call("s1-31d", "s1", at_age(31), 6, "contact-2", "contoso"),
        make_call("s2-29d", "s2", at_age(29), 6, "contact-2", "fabrikam"),
        make_call("s2-40d", "s2", at_age(40), 6, "contact-3", "contoso"),
        make_call("s3-40d", "s3", at_age(40), 6, "contact-3", "contoso"),
        make_call("s3-400d", "s3", at_age(400), 6, "contact-1", "contoso"),
        make_call("m1-50d", "m1", at_age(50), 6, "contact-3", ""),
    };
    // s1 joined s2's call as a colleague; contact-1 joined a call linked to contact-2.
    calls[3].call.participants.push_back({"spk_2", "Sam", Role::seller, "s1"});
    calls[1].call.participants.push_back({"spk_2", "Carla", Role::customer, "contact-1"});
    store->ingest_calls(admin, calls, now);
    auto note = [&](const Viewer& v, const std::string& call, const std::string& text) {
      Comment c;
      c.call_id = call;
      c.created_ms = now;
      c.text = text;
      store->add_comment(v, c);
    };
    note(Viewer::manager("m1"), "s1-31d", "on a call that expires");
    note(Viewer::manager("m1"), "s1-10d", "on a call that stays");
    note(Viewer::seller("s1"), "s1-10d", "s1's own note");
    store->log_processing(admin, {"s1-failed", "s1", ProcessingStatus::failed, "no audio", now});
    store->log_processing(admin, {"s2-failed", "s2", ProcessingStatus::failed, "no audio", now});
    TermList team = term_list("tl-m1", "m1 list", team_scope("m1"), TermKind::keyword, {{"x", {}}});
    store->put_term_list(admin, team);
    std::vector<Opportunity> opportunities = {
        {"o-s1", "s1 deal", "acc", "s1", OpportunityStatus::won, 10, 10, "EUR", now, now},
        {"o-s2", "s2 deal", "acc", "s2", OpportunityStatus::open, 20, 0, "EUR", now, {}}};
    store->put_opportunities(admin, opportunities);
    std::vector<Activity> activities(4);
    activities[0].id = "act-s1";
    activities[0].owner_id = "s1";
    activities[0].initiator_id = "s1";
    activities[0].our_side = {{"s1", "", "", ""}};
    activities[0].customer_side = {{"contact-2", "", "", ""}};
    activities[0].contact_id = "contact-2";
    activities[1].id = "act-s2-with-s1";
    activities[1].owner_id = "s2";
    activities[1].initiator_id = "s1";
    activities[1].our_side = {{"s2", "", "", ""}, {"s1", "", "", ""}};
    activities[1].customer_side = {{"contact-2", "", "", ""}, {"contact-1", "", "", ""}};
    activities[1].contact_id = "contact-2";
    activities[2].id = "act-contact-1";
    activities[2].owner_id = "s2";
    activities[2].initiator_id = "s2";
    activities[2].contact_id = "contact-1";
    activities[2].references = {"<a@x>"};
    activities[2].engagement = {{EngagementKind::opened, now}};
    activities[3].id = "act-from-contact-1";
    activities[3].owner_id = "s3";
    activities[3].initiator_id = "contact-1";
    activities[3].direction = ActivityDirection::received;
    activities[3].customer_side = {{"contact-1", "", "", ""}};
    activities[3].account_id = "acc";
    store->put_activities(admin, activities);
  }
};

bool is_call_row(const std::string& table) {
  static const std::set<std::string> tables = {"participants", "segments",       "call_metrics",
                                               "term_hits",    "brand_mentions", "price_mentions",
                                               "action_items", "comments",       "call_mentions"};
  return tables.count(table) > 0;
}

}  // namespace

TEST_CASE("retention: purge removes exactly the expired calls of each team") {
  World w;
  // Organisation 365 days; m1's team (m1, s1, s2) 30 days. s3 (team m2, no period) falls back to
  // the organisation's.
  w.store->set_retention(admin, {{}, 365});
  w.store->set_retention(admin, {team_scope("m1"), 30});
  w.store->set_retention(admin, {team_scope("m2"), 1000});
  w.store->clear_retention(admin, team_scope("m2"));
  CHECK(w.store->retention_policies(admin).size() == 2);
  CHECK(w.store->retention_policies(Viewer::manager("m2")).size() == 1);  // the organisation's only

  auto before = snapshot(w.path);
  auto report = w.store->purge_expired(admin, w.now);
  auto after = snapshot(w.path);
  // Expired: start + period < now. s1-31d, s2-40d, m1-50d (30 days) and s3-400d (365 days);
  // s1-30d sits exactly on the limit (start + 30 days == now) and stays.
  const std::set<std::string> expired = {"s1-31d", "s2-40d", "m1-50d", "s3-400d"};
  CHECK(report.calls_deleted == 4);
  auto ids = call_ids(before);
  check_diff(before, after, [&](const std::string& table, const Row& row) {
    if (table == "calls") return expired.count(row.at("id")) > 0;
    if (table == "processing_log") return expired.count(row.at("call_id")) > 0;
    if (is_call_row(table)) return expired.count(ids.at(row.at("call_key"))) > 0;
    return false;
  });
  // Purging again changes nothing.
  CHECK(w.store->purge_expired(admin, w.now).calls_deleted == 0);
  auto again = snapshot(w.path);
  CHECK(again == after);
}

TEST_CASE("retention: without any period nothing is purged") {
  World w;
  auto before = snapshot(w.path);
  CHECK(w.store->purge_expired(admin, w.now + 10000 * day_ms).calls_deleted == 0);
  CHECK(snapshot(w.path) == before);
  auto [code, message] = error_of([&] { w.store->set_retention(admin, {{}, 0}); });
  CHECK(code == ErrorCode::invalid_argument);
  CHECK(message == "retention period must be at least 1 day, got 0");
}

TEST_CASE("deletion: a seller's data goes everywhere, and nothing else") {
  World w;
  // fabrikam is first said in s1-30d (30 days ago), before s2-29d.
  auto first_before = w.store->brand_first_mentions(admin, {});
  REQUIRE(first_before.size() == 2);
  CHECK(first_before[1].normalized_name == "fabrikam");
  CHECK(first_before[1].first_call_id == "s1-30d");
  CHECK(first_before[1].mentions == 4);  // 2 each in s1-30d and s2-29d
  auto before = snapshot(w.path);
  auto report = w.store->delete_seller_data(Viewer::manager("m1"), "s1");
  auto after = snapshot(w.path);
  auto ids = call_ids(before);
  std::set<std::string> s1_calls;
  for (const Row& row : before.at("calls")) {
    if (row.at("seller_id") == "s1") s1_calls.insert(row.at("id"));
  }
  CHECK(s1_calls.size() == 3);
  std::set<std::string> s1_activity_keys;
  for (const Row& row : before.at("activities")) {
    if (row.at("owner_id") == "s1") s1_activity_keys.insert(row.at("activity_key"));
  }
  check_diff(
      before, after,
      [&](const std::string& table, const Row& row) {
        if (table == "users") return row.at("id") == "s1";
        if (table == "calls") return row.at("seller_id") == "s1";
        if (table == "comments" && row.at("author_id") == "s1") return true;
        if (is_call_row(table)) return s1_calls.count(ids.at(row.at("call_key"))) > 0;
        if (table == "processing_log") return row.at("seller_id") == "s1";
        if (table == "opportunities") return row.at("owner_id") == "s1";
        if (table == "activities") return row.at("owner_id") == "s1";
        if (table == "activity_parties") {
          return s1_activity_keys.count(row.at("activity_key")) > 0 || row.at("party_id") == "s1";
        }
        if (table.rfind("activity_", 0) == 0) return s1_activity_keys.count(row.at("activity_key")) > 0;
        return false;
      },
      [&](const std::string& table, const Row& row) -> std::optional<Row> {
        // s1 as a speaker in s2's call is anonymised; s1 as initiator of s2's activity is cleared.
        if (table == "participants" && row.at("crm_id") == "s1") {
          Row updated = row;
          updated["crm_id"] = "NULL";
          updated["display_name"] = "";
          updated["speaker_id"] = "deleted-" + row.at("idx");
          return updated;
        }
        if (table == "activities" && row.at("initiator_id") == "s1") {
          Row updated = row;
          updated["initiator_id"] = "";
          return updated;
        }
        return std::nullopt;
      });
  CHECK(report.calls_deleted == 3);
  CHECK(report.comments_deleted == 0);  // s1's notes were all on s1's calls (counted with them)
  CHECK(report.call_participations_anonymised == 1);
  CHECK(report.activities_deleted == 1);
  CHECK(report.activity_participations_removed == 2);  // a party row and an initiator
  CHECK(report.opportunities_deleted == 1);
  CHECK(report.users_deleted == 1);

  // Derived figures are computed from what is left: no brand's first mention is a deleted call.
  auto first = w.store->brand_first_mentions(admin, {});
  REQUIRE(first.size() == 2);
  CHECK(first[0].normalized_name == "contoso");
  CHECK(first[0].first_call_id == "s3-400d");
  CHECK(first[1].normalized_name == "fabrikam");
  CHECK(first[1].first_call_id == "s2-29d");
  CHECK(first[1].mentions == 2);
  auto pricing = w.store->term_counts(admin, {}, std::nullopt);
  REQUIRE(pricing.size() == 1);
  CHECK(pricing[0].calls == 5);      // 8 calls - s1's 3
  CHECK(pricing[0].mentions == 10);  // 2 hits per 6-segment call
  CHECK(w.store->call_summaries(admin, {}).size() == 5);
  CHECK(w.store->scope_user_ids(Viewer::manager("m1")) == std::vector<std::string>{"m1", "s2"});
}

TEST_CASE("deletion: a manager's reports move up to the manager's own manager") {
  World w;
  w.store->delete_seller_data(Viewer::manager("dir", 1), "m1");
  CHECK(w.store->user(admin, "s1").manager_id == "dir");
  CHECK(w.store->user(admin, "s2").manager_id == "dir");
  CHECK(w.store->term_lists(admin).empty());  // m1's team list went with m1
  // m1's notes went; s1's own note on the same call stayed.
  auto notes = w.store->comments_for_call(admin, "s1-10d");
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].author_id == "s1");
  CHECK(w.store->comments_for_call(admin, "s1-31d").empty());
  // dir at depth 1 now sees s1 and s2 directly.
  CHECK(w.store->scope_user_ids(Viewer::manager("dir", 1)) ==
        std::vector<std::string>{"dir", "m2", "s1", "s2"});
}

TEST_CASE("deletion: a contact's data goes everywhere, and nothing else") {
  World w;
  auto before = snapshot(w.path);
  auto report = w.store->delete_contact_data(admin, "contact-1");
  auto after = snapshot(w.path);
  auto ids = call_ids(before);
  // Linked to contact-1: s1-10d, s3-400d; contact-1 spoke in s1-30d (linked to contact-2).
  const std::set<std::string> doomed_calls = {"s1-10d", "s3-400d", "s1-30d"};
  std::set<std::string> doomed_activities;
  for (const Row& row : before.at("activities")) {
    if (row.at("contact_id") == "contact-1" || row.at("initiator_id") == "contact-1") {
      doomed_activities.insert(row.at("activity_key"));
    }
  }
  CHECK(doomed_activities.size() == 2);
  check_diff(before, after, [&](const std::string& table, const Row& row) {
    if (table == "calls") return doomed_calls.count(row.at("id")) > 0;
    if (table == "processing_log") return doomed_calls.count(row.at("call_id")) > 0;
    if (is_call_row(table)) return doomed_calls.count(ids.at(row.at("call_key"))) > 0;
    if (table == "activities") return doomed_activities.count(row.at("activity_key")) > 0;
    if (table == "activity_parties") {
      return doomed_activities.count(row.at("activity_key")) > 0 || row.at("party_id") == "contact-1";
    }
    if (table.rfind("activity_", 0) == 0) return doomed_activities.count(row.at("activity_key")) > 0;
    return false;
  });
  CHECK(report.calls_deleted == 3);
  CHECK(report.activities_deleted == 2);
  CHECK(report.activity_participations_removed == 1);  // contact-1 in act-s2-with-s1
  CallFilter by_contact;
  by_contact.contact_id = "contact-1";
  CHECK(w.store->call_summaries(admin, by_contact).empty());
}
