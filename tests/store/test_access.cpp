// SPEC 8 access rules: every query kind, for a seller, managers at depth 1 and 2, an
// administrator, and viewers out of scope. The target is always seller s1 (team of m1, under dir).
#include <doctest/doctest.h>

#include <functional>
#include <set>
#include <stdexcept>

#include "store_test_support.hpp"

using namespace parley;
using namespace store_test;

namespace {

struct NamedViewer {
  std::string name;
  Viewer viewer;
};

// s1 is the target; s2 (same team) and m2 (other team) are out of scope; dir at depth 1 sees the
// managers but not their sellers; at depth 2 it sees s1.
const std::vector<NamedViewer> viewers = {
    {"s1", Viewer::seller("s1")},
    {"s2", Viewer::seller("s2")},
    {"m1", Viewer::manager("m1", 1)},
    {"m2", Viewer::manager("m2", 1)},
    {"dir1", Viewer::manager("dir", 1)},
    {"dir2", Viewer::manager("dir", 2)},
    {"admin", admin},
};

const std::set<std::string> sees_s1 = {"s1", "m1", "dir2", "admin"};
const std::set<std::string> changes_team_m1 = {"m1", "dir1", "dir2", "admin"};
const std::set<std::string> admin_only = {"admin"};
const std::set<std::string> deletes_s1 = {"m1", "dir2", "admin"};
const std::set<std::string> deletes_m1_comment = {"m1", "admin"};

struct Fixture {
  TempDir dir;
  std::unique_ptr<Store> store;
  std::string m1_comment;

  Fixture() {
    SqliteStoreOptions options;
    options.durable_commits = false;
    store = open_sqlite_store(dir.file("org.db"), options);
    auto users = organisation();
    store->put_users(admin, users);
    std::vector<CallWithAnalysis> calls = {make_call("c1", "s1", t0), make_call("c2", "s2", t0 + 1),
                                           make_call("c3", "s3", t0 + 2)};
    store->ingest_calls(admin, calls, t0 + day_ms);
    Comment note;
    note.call_id = "c1";
    note.created_ms = t0 + 5;
    note.offset_ms = 2000;
    note.segment_index = 1;
    note.text = "Good discovery question here.";
    m1_comment = store->add_comment(Viewer::manager("m1"), note);
    TermList team_list = term_list("tl-m1", "Team m1 keywords", team_scope("m1"), TermKind::keyword,
                                   {{"onboarding", {"on-boarding"}}});
    store->put_term_list(admin, team_list);
    TermList org_list =
        term_list("tl-org", "Competitors", {}, TermKind::competitor, {{"Contoso 360", {"Contoso"}}});
    store->put_term_list(admin, org_list);
    Opportunity o{"o1", "Big deal", "account-1", "s1", OpportunityStatus::open, 5000, 0, "EUR", t0, {}};
    store->put_opportunities(admin, std::span(&o, 1));
    Activity a;
    a.id = "a1";
    a.owner_id = "s1";
    a.initiator_id = "s1";
    a.timestamp_ms = t0;
    a.contact_id = "contact-1";
    a.our_side = {{"s1", "Sam", "sam@example.com", ""}};
    a.customer_side = {{"contact-1", "Carla", "carla@customer.example", ""}};
    store->put_activities(admin, std::span(&a, 1));
  }
};

using Query = std::function<void(Store&, const Viewer&, Fixture&)>;

void check_matrix(const std::string& kind, const std::set<std::string>& allowed, const Query& query,
                  bool fresh_store_each) {
  std::unique_ptr<Fixture> shared;
  for (const auto& [name, viewer] : viewers) {
    if (fresh_store_each || !shared) shared = std::make_unique<Fixture>();
    expect_access(allowed.count(name) > 0, kind + " by " + name,
                  [&] { query(*shared->store, viewer, *shared); });
  }
}

CallFilter of_s1() {
  CallFilter filter;
  filter.seller_ids = {"s1"};
  return filter;
}

}  // namespace

TEST_CASE("access: reads of one seller's data follow the hierarchy") {
  check_matrix(
      "user", sees_s1, [](Store& s, const Viewer& v, Fixture&) { s.user(v, "s1"); }, false);
  check_matrix(
      "load_call", sees_s1, [](Store& s, const Viewer& v, Fixture&) { s.load_call(v, "c1"); }, false);
  check_matrix(
      "call_summaries", sees_s1, [](Store& s, const Viewer& v, Fixture&) { s.call_summaries(v, of_s1()); },
      false);
  check_matrix(
      "term_hits", sees_s1, [](Store& s, const Viewer& v, Fixture&) { s.term_hits(v, of_s1()); }, false);
  check_matrix(
      "term_counts", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) { s.term_counts(v, of_s1(), Role::customer); }, false);
  check_matrix(
      "brand_mentions", sees_s1, [](Store& s, const Viewer& v, Fixture&) { s.brand_mentions(v, of_s1()); },
      false);
  check_matrix(
      "brand_first_mentions", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) { s.brand_first_mentions(v, of_s1()); }, false);
  check_matrix(
      "call_span", sees_s1, [](Store& s, const Viewer& v, Fixture&) { s.call_span(v, of_s1()); }, false);
  check_matrix(
      "call_totals", sees_s1, [](Store& s, const Viewer& v, Fixture&) { s.call_totals(v, of_s1(), {}); },
      false);
  check_matrix(
      "mention_totals", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) { s.mention_totals(v, of_s1(), {}, 5); }, false);
  check_matrix(
      "activity_totals", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) {
        ActivityFilter f;
        f.owner_ids = {"s1"};
        s.activity_totals(v, f);
      },
      false);
  check_matrix(
      "comments_for_call", sees_s1, [](Store& s, const Viewer& v, Fixture&) { s.comments_for_call(v, "c1"); },
      false);
  check_matrix(
      "comments_for_seller", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) { s.comments_for_seller(v, "s1", 0, t0 + day_ms); }, false);
  check_matrix(
      "term_lists_for_seller", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) { s.term_lists_for_seller(v, "s1"); }, false);
  check_matrix(
      "opportunities", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) {
        OpportunityFilter f;
        f.owner_ids = {"s1"};
        s.opportunities(v, f);
      },
      false);
  check_matrix(
      "activities", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) {
        ActivityFilter f;
        f.owner_ids = {"s1"};
        s.activities(v, f);
      },
      false);
}

TEST_CASE("access: writes on one seller's data follow the hierarchy") {
  check_matrix(
      "ingest_calls", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) {
        auto call = make_call("c9", "s1", t0 + 9);
        s.ingest_calls(v, std::span(&call, 1), t0 + day_ms);
      },
      true);
  check_matrix(
      "re-ingest existing call", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) {
        auto call = make_call("c1", "s1", t0 + 9);
        s.ingest_calls(v, std::span(&call, 1), t0 + day_ms);
      },
      true);
  check_matrix(
      "add_comment", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) {
        Comment note;
        note.call_id = "c1";
        note.text = "noted";
        s.add_comment(v, note);
      },
      true);
  check_matrix(
      "delete_comment", deletes_m1_comment,
      [](Store& s, const Viewer& v, Fixture& f) { s.delete_comment(v, f.m1_comment); }, true);
  check_matrix(
      "put_opportunities", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) {
        Opportunity o{"o2", "Deal", "account-1", "s1", OpportunityStatus::won, 10, 12, "EUR", t0, t0 + 1};
        s.put_opportunities(v, std::span(&o, 1));
      },
      true);
  check_matrix(
      "put_activities", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) {
        Activity a;
        a.id = "a2";
        a.owner_id = "s1";
        s.put_activities(v, std::span(&a, 1));
      },
      true);
  check_matrix(
      "log_processing", sees_s1,
      [](Store& s, const Viewer& v, Fixture&) {
        s.log_processing(v, {"c8", "s1", ProcessingStatus::failed, "unreadable audio", t0});
      },
      true);
  check_matrix(
      "put_term_list (team m1)", changes_team_m1,
      [](Store& s, const Viewer& v, Fixture&) {
        TermList list = term_list("tl-new", "New", team_scope("m1"), TermKind::keyword, {{"roadmap", {}}});
        s.put_term_list(v, list);
      },
      true);
  check_matrix(
      "replace term list (team m1)", changes_team_m1,
      [](Store& s, const Viewer& v, Fixture&) {
        TermList list{"tl-m1", "Renamed", team_scope("m1"), {}};
        s.put_term_list(v, list);
      },
      true);
  check_matrix(
      "delete_term_list (team m1)", changes_team_m1,
      [](Store& s, const Viewer& v, Fixture&) { s.delete_term_list(v, "tl-m1"); }, true);
  check_matrix(
      "put_term_list (organisation)", admin_only,
      [](Store& s, const Viewer& v, Fixture&) {
        TermList list{"tl-org2", "Org", {}, {}};
        s.put_term_list(v, list);
      },
      true);
  check_matrix(
      "delete_term_list (organisation)", admin_only,
      [](Store& s, const Viewer& v, Fixture&) { s.delete_term_list(v, "tl-org"); }, true);
}

TEST_CASE("access: administration, retention and deletion") {
  check_matrix(
      "put_users", admin_only,
      [](Store& s, const Viewer& v, Fixture&) {
        User u{"s4", "New Seller", "", UserRole::seller, "m1", ""};
        s.put_users(v, std::span(&u, 1));
      },
      true);
  check_matrix(
      "set_retention", admin_only,
      [](Store& s, const Viewer& v, Fixture&) {
        s.set_retention(v, {team_scope("m1"), 30});
      },
      true);
  check_matrix(
      "clear_retention", admin_only, [](Store& s, const Viewer& v, Fixture&) { s.clear_retention(v, {}); },
      true);
  check_matrix(
      "purge_expired", admin_only,
      [](Store& s, const Viewer& v, Fixture&) { s.purge_expired(v, t0 + 400 * day_ms); }, true);
  check_matrix(
      "delete_contact_data", admin_only,
      [](Store& s, const Viewer& v, Fixture&) { s.delete_contact_data(v, "contact-1"); }, true);
  check_matrix(
      "delete_seller_data", deletes_s1,
      [](Store& s, const Viewer& v, Fixture&) { s.delete_seller_data(v, "s1"); }, true);
}

TEST_CASE("access: unfiltered queries return exactly the viewer's scope") {
  Fixture f;
  Store& s = *f.store;
  auto call_ids = [&](const Viewer& v) {
    std::set<std::string> ids;
    for (const auto& c : s.call_summaries(v, {})) ids.insert(c.id);
    return ids;
  };
  // c1 of s1, c2 of s2 (both m1's team), c3 of s3 (m2's team).
  CHECK(call_ids(Viewer::seller("s1")) == std::set<std::string>{"c1"});
  CHECK(call_ids(Viewer::seller("s3")) == std::set<std::string>{"c3"});
  CHECK(call_ids(Viewer::manager("m1", 1)) == std::set<std::string>{"c1", "c2"});
  CHECK(call_ids(Viewer::manager("dir", 1)).empty());
  CHECK(call_ids(Viewer::manager("dir", 2)) == std::set<std::string>{"c1", "c2", "c3"});
  CHECK(call_ids(Viewer::manager("dir", Viewer::unlimited_depth)) == std::set<std::string>{"c1", "c2", "c3"});
  CHECK(call_ids(admin) == std::set<std::string>{"c1", "c2", "c3"});

  CHECK(s.scope_user_ids(Viewer::manager("dir", 1)) == std::vector<std::string>{"dir", "m1", "m2"});
  CHECK(s.scope_user_ids(Viewer::manager("dir", 2)) ==
        std::vector<std::string>{"dir", "m1", "m2", "s1", "s2", "s3"});
  CHECK(s.users(Viewer::seller("s2")).size() == 1);
  CHECK(s.users(admin).size() == 7);

  // Each seller's term hits: 6 segments -> hits at segments 1 and 4, so 2 per call.
  CHECK(s.term_hits(Viewer::seller("s1"), {}).size() == 2);
  CHECK(s.term_hits(Viewer::manager("m1"), {}).size() == 4);
  CHECK(s.term_hits(admin, {}).size() == 6);
  // The aggregates cover the same scope: one group per visible seller, 2 keyword mentions each.
  auto totals_sellers = [&](const Viewer& v) {
    std::set<std::string> ids;
    for (const auto& t : s.call_totals(v, {}, {})) ids.insert(t.seller_id);
    return ids;
  };
  CHECK(totals_sellers(Viewer::seller("s1")) == std::set<std::string>{"s1"});
  CHECK(totals_sellers(Viewer::manager("m1")) == std::set<std::string>{"s1", "s2"});
  CHECK(totals_sellers(Viewer::manager("dir", 1)).empty());
  CHECK(totals_sellers(admin) == std::set<std::string>{"s1", "s2", "s3"});
  auto keyword_mentions = [&](const Viewer& v) {
    std::int64_t mentions = 0;
    for (const auto& t : s.mention_totals(v, {}, {}, 0).totals) {
      if (t.kind == MentionKind::keyword) mentions += t.mentions;
    }
    return mentions;
  };
  CHECK(keyword_mentions(Viewer::seller("s1")) == 2);
  CHECK(keyword_mentions(Viewer::manager("m1")) == 4);
  CHECK(keyword_mentions(admin) == 6);

  // Term lists: the organisation's for everyone; team m1's for m1 and the director.
  auto list_ids = [&](const Viewer& v) {
    std::set<std::string> ids;
    for (const auto& l : s.term_lists(v)) ids.insert(l.id);
    return ids;
  };
  CHECK(list_ids(Viewer::seller("s1")) == std::set<std::string>{"tl-org"});
  CHECK(list_ids(Viewer::manager("m2")) == std::set<std::string>{"tl-org"});
  CHECK(list_ids(Viewer::manager("m1")) == std::set<std::string>{"tl-m1", "tl-org"});
  CHECK(list_ids(Viewer::manager("dir")) == std::set<std::string>{"tl-m1", "tl-org"});
  // A seller's applicable lists include their manager's team list; s3's do not.
  CHECK(s.term_lists_for_seller(Viewer::seller("s1"), "s1").size() == 2);
  CHECK(s.term_lists_for_seller(Viewer::seller("s3"), "s3").size() == 1);

  // Processing: s2 sees only their own events.
  s.log_processing(Viewer::seller("s1"), {"c8", "s1", ProcessingStatus::failed, "no audio", t0});
  CHECK(s.processing_summary(Viewer::seller("s2"), 0, t0 + 2 * day_ms).failed == 0);
  CHECK(s.processing_summary(Viewer::seller("s2"), 0, t0 + 2 * day_ms).received == 1);
  CHECK(s.processing_summary(Viewer::seller("s1"), 0, t0 + 2 * day_ms).failed == 1);
  CHECK(s.processing_events(Viewer::manager("m2"), 0, t0 + 2 * day_ms).size() == 1);
}

TEST_CASE("access: error messages name the viewer and the object") {
  Fixture f;
  Store& s = *f.store;
  auto [code, message] = error_of([&] { s.load_call(Viewer::seller("s2"), "c1"); });
  CHECK(code == ErrorCode::not_permitted);
  CHECK(message == "not permitted: seller 's2' may not see call 'c1'");

  std::tie(code, message) = error_of([&] { s.call_summaries(Viewer::manager("dir", 1), of_s1()); });
  CHECK(message == "not permitted: manager 'dir' (depth 1) may not see the calls of seller 's1'");

  std::tie(code, message) = error_of([&] { s.delete_comment(Viewer::seller("s1"), f.m1_comment); });
  CHECK(message == "not permitted: seller 's1' may not delete comment '" + f.m1_comment + "'");

  std::tie(code, message) = error_of([&] { s.purge_expired(Viewer::manager("m1"), t0); });
  CHECK(message == "not permitted: manager 'm1' (depth 1) may not purge expired calls");

  // Claiming a kind the stored user does not have.
  std::tie(code, message) = error_of([&] { s.call_summaries(Viewer::administrator("m1"), {}); });
  CHECK(code == ErrorCode::not_permitted);
  CHECK(message == "not permitted: 'm1' is not an administrator");
  std::tie(code, message) = error_of([&] { s.call_summaries(Viewer::manager("s1"), {}); });
  CHECK(message == "not permitted: 's1' is not a manager");
  std::tie(code, message) = error_of([&] { s.call_summaries(Viewer::seller("nobody"), {}); });
  CHECK(message == "not permitted: viewer 'nobody' is not a known user");
  std::tie(code, message) = error_of([&] { s.call_summaries(Viewer::manager("m1", 0), {}); });
  CHECK(code == ErrorCode::invalid_argument);
  CHECK(message == "viewer 'm1': hierarchy_depth must be at least 1, got 0");

  // A missing object is not_found for an administrator (who may see everything); any other viewer
  // gets the answer they get for an object outside their scope.
  std::tie(code, message) = error_of([&] { s.load_call(admin, "nope"); });
  CHECK(code == ErrorCode::not_found);
  CHECK(message == "call 'nope' does not exist");
  std::tie(code, message) = error_of([&] { s.load_call(Viewer::seller("s2"), "nope"); });
  CHECK(code == ErrorCode::not_permitted);
  CHECK(message == "not permitted: seller 's2' may not see call 'nope'");

  // Replacing an object outside the scope is refused without naming its owner.
  std::tie(code, message) = error_of([&] {
    auto call = make_call("c3", "s1", t0);
    s.ingest_calls(Viewer::seller("s1"), std::span(&call, 1), t0);
  });
  CHECK(message == "not permitted: seller 's1' may not replace call 'c3'");
  std::tie(code, message) = error_of([&] {
    Opportunity o{"o1", "Mine now", "account-1", "s3", OpportunityStatus::open, 1, 0, "EUR", t0, {}};
    s.put_opportunities(Viewer::manager("m2"), std::span(&o, 1));
  });
  CHECK(message == "not permitted: manager 'm2' (depth 1) may not replace opportunity 'o1'");
}

namespace {

// One method that takes an id, the id of an existing object that `viewers` may not reach, and an
// id that names nothing.
struct IdCase {
  std::string method;
  std::string existing;
  std::vector<std::string> viewers;
  std::function<void(Store&, const Viewer&, const std::string& id)> call;
};

// The message with every quoted occurrence of `id` after the viewer's description (which may name
// the same user) replaced by '<id>'.
std::string with_id_substituted(std::string message, const std::string& id) {
  const std::string quoted = "'" + id + "'";
  const auto action = message.find(" may not ");
  for (auto at = message.find(quoted, action == std::string::npos ? 0 : action); at != std::string::npos;
       at = message.find(quoted, at)) {
    message.replace(at, quoted.size(), "'<id>'");
  }
  return message;
}

const Viewer& viewer_named(const std::string& name) {
  for (const auto& v : viewers) {
    if (v.name == name) return v.viewer;
  }
  throw std::logic_error("no viewer " + name);
}

CallFilter of_seller(const std::string& id) {
  CallFilter filter;
  filter.seller_ids = {id};
  return filter;
}

}  // namespace

TEST_CASE("access: scope before existence, for every method that takes an id") {
  Fixture f;
  Store& s = *f.store;
  // Objects on the other side of the organisation: s3's (team m2).
  Comment note;
  note.call_id = "c3";
  note.text = "m2's note";
  const std::string m2_comment = s.add_comment(Viewer::manager("m2"), note);
  TermList m2_list = term_list("tl-m2", "Team m2", team_scope("m2"), TermKind::keyword, {{"renewal", {}}});
  s.put_term_list(admin, m2_list);
  Opportunity o3{"o3", "Deal", "account-1", "s3", OpportunityStatus::open, 1, 0, "EUR", t0, {}};
  s.put_opportunities(admin, std::span(&o3, 1));

  const std::string missing = "ghost";
  const std::vector<std::string> not_seeing_s3 = {"s1", "s2", "m1", "dir1"};
  const std::vector<std::string> not_seeing_m2 = {"s1", "s2", "m1"};
  const std::vector<std::string> non_admins = {"s1", "s2", "m1", "m2", "dir1", "dir2"};
  using Id = const std::string&;
  const std::vector<IdCase> cases = {
      {"user", "s3", not_seeing_s3, [](Store& st, const Viewer& v, Id id) { st.user(v, id); }},
      {"load_call", "c3", not_seeing_s3, [](Store& st, const Viewer& v, Id id) { st.load_call(v, id); }},
      {"comments_for_call", "c3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.comments_for_call(v, id); }},
      {"add_comment", "c3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) {
         Comment c;
         c.call_id = id;
         c.text = "hello";
         st.add_comment(v, c);
       }},
      {"delete_comment",
       m2_comment,
       {"s1", "s2", "m1", "dir1", "dir2"},
       [](Store& st, const Viewer& v, Id id) { st.delete_comment(v, id); }},
      {"comments_for_seller", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.comments_for_seller(v, id, 0, t0 + day_ms); }},
      {"term_lists_for_seller", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.term_lists_for_seller(v, id); }},
      {"delete_term_list", "tl-m2", not_seeing_m2,
       [](Store& st, const Viewer& v, Id id) { st.delete_term_list(v, id); }},
      {"put_term_list (team)", "m2", not_seeing_m2,
       [](Store& st, const Viewer& v, Id id) {
         st.put_term_list(v, {"tl-new", "New", team_scope(id), {}});
       }},
      {"delete_seller_data", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.delete_seller_data(v, id); }},
      {"set_retention (team)", "m2", non_admins,
       [](Store& st, const Viewer& v, Id id) {
         st.set_retention(v, {team_scope(id), 30});
       }},
      {"delete_contact_data", "contact-1", non_admins,
       [](Store& st, const Viewer& v, Id id) { st.delete_contact_data(v, id); }},
      {"ingest_calls (owner)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) {
         auto call = make_call("c9", id, t0);
         st.ingest_calls(v, std::span(&call, 1), t0);
       }},
      {"put_opportunities (owner)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) {
         Opportunity o{"o9", "Deal", "account-1", id, OpportunityStatus::open, 1, 0, "EUR", t0, {}};
         st.put_opportunities(v, std::span(&o, 1));
       }},
      {"put_activities (owner)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) {
         Activity a;
         a.id = "a9";
         a.owner_id = id;
         st.put_activities(v, std::span(&a, 1));
       }},
      {"log_processing (seller)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) {
         st.log_processing(v, {"c9", id, ProcessingStatus::failed, "no audio", t0});
       }},
      {"call_summaries (seller filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.call_summaries(v, of_seller(id)); }},
      {"term_hits (seller filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.term_hits(v, of_seller(id)); }},
      {"term_counts (seller filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.term_counts(v, of_seller(id), std::nullopt); }},
      {"brand_mentions (seller filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.brand_mentions(v, of_seller(id)); }},
      {"brand_first_mentions (seller filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.brand_first_mentions(v, of_seller(id)); }},
      {"call_span (seller filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.call_span(v, of_seller(id)); }},
      {"call_totals (seller filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.call_totals(v, of_seller(id), {}); }},
      {"mention_totals (seller filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) { st.mention_totals(v, of_seller(id), {}, 3); }},
      {"opportunities (owner filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) {
         OpportunityFilter filter;
         filter.owner_ids = {id};
         st.opportunities(v, filter);
       }},
      {"activities (owner filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) {
         ActivityFilter filter;
         filter.owner_ids = {id};
         st.activities(v, filter);
       }},
      {"activity_totals (owner filter)", "s3", not_seeing_s3,
       [](Store& st, const Viewer& v, Id id) {
         ActivityFilter filter;
         filter.owner_ids = {id};
         st.activity_totals(v, filter);
       }},
  };
  for (const IdCase& c : cases) {
    for (const std::string& name : c.viewers) {
      INFO(c.method << " by " << name);
      const Viewer& v = viewer_named(name);
      const auto [existing_code, existing_message] = error_of([&] { c.call(s, v, c.existing); });
      const auto [missing_code, missing_message] = error_of([&] { c.call(s, v, missing); });
      CHECK(existing_code == ErrorCode::not_permitted);
      CHECK(missing_code == existing_code);
      CHECK(with_id_substituted(missing_message, missing) ==
            with_id_substituted(existing_message, c.existing));
    }
  }
  // Nothing above changed the store: the objects are still there for those who may see them.
  CHECK(s.load_call(admin, "c3").call.owner_seller_id == "s3");
  CHECK(s.comments_for_call(admin, "c3").size() == 1);
  CHECK(s.term_lists_for_seller(admin, "s3").size() == 2);  // tl-org and tl-m2

  // An administrator may reach everything, so an unknown id is not_found, naming it.
  const std::vector<std::pair<std::string, std::function<void()>>> admin_lookups = {
      {"user 'ghost' does not exist", [&] { s.user(admin, missing); }},
      {"call 'ghost' does not exist", [&] { s.load_call(admin, missing); }},
      {"call 'ghost' does not exist", [&] { s.comments_for_call(admin, missing); }},
      {"call 'ghost' does not exist",
       [&] {
         Comment c;
         c.call_id = missing;
         s.add_comment(admin, c);
       }},
      {"comment 'ghost' does not exist", [&] { s.delete_comment(admin, missing); }},
      {"user 'ghost' does not exist", [&] { s.comments_for_seller(admin, missing, 0, t0); }},
      {"user 'ghost' does not exist", [&] { s.term_lists_for_seller(admin, missing); }},
      {"term list 'ghost' does not exist", [&] { s.delete_term_list(admin, missing); }},
      {"user 'ghost' does not exist",
       [&] {
         s.put_term_list(admin, {"tl-new", "New", team_scope(missing), {}});
       }},
      {"user 'ghost' does not exist", [&] { s.delete_seller_data(admin, missing); }},
      {"user 'ghost' does not exist",
       [&] {
         s.set_retention(admin, {team_scope(missing), 30});
       }},
  };
  for (const auto& [expected, lookup] : admin_lookups) {
    const auto [code, message] = error_of(lookup);
    CHECK(code == ErrorCode::not_found);
    CHECK(message == expected);
  }
}
