// The dashboard aggregates (call_totals, mention_totals, activity_totals), the sentiment filter
// and order of call_summaries, and the schema migrations (1 -> 2 for the aggregates' read model,
// 2 -> 3 for tracked terms), each tested on an older file built by hand.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <random>

#include "store_test_support.hpp"

using namespace parley;
using namespace store_test;

namespace {

constexpr std::int64_t hour_ms = 3'600'000;

// Runs statements on the store's file directly (as another program could), checking each.
void run_sql(const std::string& path, std::initializer_list<const char*> statements) {
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  for (const char* sql : statements)
    CHECK_MESSAGE(sqlite3_exec(raw, sql, nullptr, nullptr, nullptr) == SQLITE_OK, sql);
  sqlite3_close(raw);
}

CallWithAnalysis call_with(const std::string& id, const std::string& seller, std::int64_t start, int segments,
                           std::optional<double> talk_ratio, SentimentRecord sentiment,
                           const std::string& brand) {
  CallWithAnalysis item = make_call(id, seller, start, segments, "contact-1", brand);
  item.analysis.metrics.talk_ratio = talk_ratio;
  item.analysis.customer_sentiment = std::move(sentiment);
  return item;
}

// Edges t0, t0 + 1 day, t0 + 3 days: bucket 0 is the first day, bucket 1 the next two.
const std::vector<std::int64_t> edges = {t0, t0 + day_ms, t0 + 3 * day_ms};

// make_call: duration 2 s per segment, switches = segments - 1, a "pricing" keyword hit at
// segments 1, 4, 7..., brand count 2.
std::vector<CallWithAnalysis> totals_fixture() {
  std::vector<CallWithAnalysis> calls;
  calls.push_back(call_with("a", "s1", t0 - day_ms, 6, 0.9, {-0.5, "negative"}, "contoso"));   // s1, -1
  calls.push_back(call_with("b", "s1", t0 + hour_ms, 6, 0.4, {0.25, "positive"}, "contoso"));  // s1, 0
  calls.push_back(call_with("c", "s1", t0 + day_ms + hour_ms, 1, std::nullopt, {}, ""));       // s1, 1
  auto d = call_with("d", "s1", t0 + 2 * day_ms, 3, 0.6, {0.04, "neutral"}, "");               // s1, 1
  d.analysis.term_hits.push_back({"Contoso 360", TermKind::competitor, Role::customer, 2, 4000});
  d.analysis.metrics.customer_longest_monologue_ms = 2500;
  d.analysis.metrics.seller_question_rate_per_hour = 30.0;
  d.analysis.metrics.seller_filler_words_per_minute = 4.5;
  calls.push_back(std::move(d));
  calls.push_back(call_with("e", "s2", t0 + 2 * hour_ms, 6, 0.5, {0.25, "positive"}, "contoso"));  // s2, 0
  calls.push_back(
      call_with("f", "s2", t0 + 3 * day_ms, 6, 0.5, {0.25, "positive"}, "contoso"));  // s2, -1 (end)
  return calls;
}

// The totals fixture ingested into a closed store file in `dir`; returns its path.
std::string stored_totals_fixture(const TempDir& dir) {
  auto store = open_fresh(dir);
  auto calls = totals_fixture();
  store->ingest_calls(admin, calls, t0);
  return dir.file("org.db");
}

// Turns a current (version 4) file back into the version-3 form: activities without attachments.
void back_to_version_3(const std::string& path) {
  run_sql(path, {"ALTER TABLE activities DROP COLUMN attachment_count", "PRAGMA user_version = 3"});
}

// Turns a current file back into the version-2 form: term lists carry the kind, term_entries only
// names and variants, the seller's figures have their old column names.
void back_to_version_2(const std::string& path) {
  back_to_version_3(path);
  run_sql(path, {"ALTER TABLE calls RENAME COLUMN seller_longest_monologue_ms TO longest_monologue_ms",
                 "ALTER TABLE calls RENAME COLUMN customer_longest_monologue_ms TO "
                 "longest_customer_monologue_ms",
                 "ALTER TABLE calls RENAME COLUMN seller_question_rate_per_hour TO question_rate_per_hour",
                 "ALTER TABLE calls RENAME COLUMN seller_filler_words_per_minute TO filler_words_per_minute",
                 "ALTER TABLE term_lists RENAME COLUMN team_id TO team_manager_id",
                 "ALTER TABLE term_lists ADD COLUMN kind INTEGER NOT NULL DEFAULT 0",
                 "UPDATE term_lists SET kind = COALESCE((SELECT MAX(t.kind) FROM tracked_terms t WHERE "
                 "t.list_id = term_lists.id), 0)",
                 "ALTER TABLE tracked_terms DROP COLUMN kind",
                 "ALTER TABLE tracked_terms DROP COLUMN match_related_forms",
                 "ALTER TABLE tracked_terms DROP COLUMN said_by",
                 "ALTER TABLE tracked_terms DROP COLUMN only_in_questions",
                 "ALTER TABLE tracked_terms RENAME TO term_entries", "PRAGMA user_version = 2"});
}

void check_same_totals(const std::vector<CallTotals>& x, const std::vector<CallTotals>& y) {
  REQUIRE(x.size() == y.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    CHECK(x[i].seller_id == y[i].seller_id);
    CHECK(x[i].bucket == y[i].bucket);
    CHECK(x[i].calls == y[i].calls);
    CHECK(x[i].duration_ms == y[i].duration_ms);
    CHECK(x[i].talk_ratio.sum == doctest::Approx(y[i].talk_ratio.sum));
    CHECK(x[i].talk_ratio.count == y[i].talk_ratio.count);
    CHECK(x[i].customer_sentiment.sum == doctest::Approx(y[i].customer_sentiment.sum));
    CHECK(x[i].positive_calls == y[i].positive_calls);
    CHECK(x[i].calls_with_keywords == y[i].calls_with_keywords);
  }
}

}  // namespace

TEST_CASE("aggregates: call totals by seller and bucket, by hand") {
  TempDir dir;
  auto store = open_fresh(dir);
  auto calls = totals_fixture();
  store->ingest_calls(admin, calls, t0);

  const std::vector<CallTotals> totals = store->call_totals(admin, {}, edges);
  REQUIRE(totals.size() == 5);
  // Ordered by seller, then bucket.
  const CallTotals& s1_before = totals[0];
  CHECK(s1_before.seller_id == "s1");
  CHECK(s1_before.bucket == -1);
  CHECK(s1_before.calls == 1);  // a
  CHECK(s1_before.duration_ms == 12000);
  CHECK(s1_before.negative_calls == 1);
  CHECK(s1_before.calls_with_brands == 1);

  const CallTotals& s1_first = totals[1];  // b
  CHECK(s1_first.bucket == 0);
  CHECK(s1_first.calls == 1);
  CHECK(s1_first.talk_ratio.sum == doctest::Approx(0.4));
  CHECK(s1_first.positive_calls == 1);

  const CallTotals& s1_second = totals[2];  // c and d
  CHECK(s1_second.seller_id == "s1");
  CHECK(s1_second.bucket == 1);
  CHECK(s1_second.calls == 2);
  CHECK(s1_second.duration_ms == 2000 + 6000);
  CHECK(s1_second.first_start_ms == t0 + day_ms + hour_ms);
  CHECK(s1_second.last_start_ms == t0 + 2 * day_ms);
  CHECK(s1_second.talk_ratio.sum == doctest::Approx(0.6));  // c has none
  CHECK(s1_second.talk_ratio.count == 1);
  CHECK(s1_second.switches.sum == doctest::Approx(0 + 2));  // segments - 1, always present
  CHECK(s1_second.switches.count == 2);
  CHECK(s1_second.customer_sentiment.sum == doctest::Approx(0.04));
  CHECK(s1_second.customer_sentiment.count == 1);
  CHECK(s1_second.positive_calls + s1_second.negative_calls == 0);
  CHECK(s1_second.neutral_calls == 1);
  CHECK(s1_second.calls_with_keywords == 1);     // d: a hit at segment 1; c has one segment, no hit
  CHECK(s1_second.calls_with_competitors == 1);  // d
  CHECK(s1_second.calls_with_brands == 0);
  CHECK(s1_second.calls_with_competitors_or_brands == 1);

  CHECK(totals[3].seller_id == "s2");
  CHECK(totals[3].bucket == -1);  // f starts at the last edge: outside every bucket
  CHECK(totals[3].calls == 1);
  CHECK(totals[4].bucket == 0);  // e
  CHECK(totals[4].calls_with_competitors_or_brands == 1);

  const auto json = nlohmann::json::parse(to_json(s1_second));
  CHECK(json["bucket"] == 1);
  CHECK(json["metrics"]["talk_ratio"]["count"] == 1);
  CHECK(json["metrics"]["switches"]["sum"].get<double>() == doctest::Approx(2.0));
  CHECK(json["calls_with_competitors_or_brands"] == 1);

  // No edges: one group per seller, every call in bucket -1.
  const auto per_seller = store->call_totals(admin, {}, {});
  REQUIRE(per_seller.size() == 2);
  CHECK(per_seller[0].calls == 4);
  CHECK(per_seller[0].talk_ratio.sum == doctest::Approx(0.9 + 0.4 + 0.6));
  CHECK(per_seller[0].talk_ratio.count == 3);
  CHECK(per_seller[1].calls == 2);

  // The filter applies: s2 only, first day only.
  CallFilter filter;
  filter.seller_ids = {"s2"};
  filter.from_ms = t0;
  filter.to_ms = t0 + day_ms;
  const auto filtered = store->call_totals(admin, filter, edges);
  REQUIRE(filtered.size() == 1);
  CHECK(filtered[0].calls == 1);
  CHECK(filtered[0].bucket == 0);
}

TEST_CASE("aggregates: call totals do not depend on ingestion order, and buckets add up") {
  TempDir dir;
  auto calls = totals_fixture();
  for (int i = 0; i < 20; ++i) {
    // Appending, not "g" + std::to_string(i): g++ 12 -O3 gives a false -Wrestrict on the latter.
    const std::string id = std::string("g").append(std::to_string(i));
    // Labels as the default thresholds give them (>= 0.05 positive, <= -0.05 negative).
    const double score = 0.1 * (i % 7) - 0.3;
    const char* label = score >= 0.05 ? "positive" : score <= -0.05 ? "negative" : "neutral";
    calls.push_back(call_with(id, i % 2 == 0 ? "s1" : "s2", t0 + i * 7 * hour_ms, 1 + i % 5, 0.05 * i,
                              {score, label}, i % 4 == 0 ? "fabrikam" : ""));
  }
  auto forward = open_fresh(dir, "forward.db");
  forward->ingest_calls(admin, calls, t0);
  std::shuffle(calls.begin(), calls.end(), std::mt19937(7));
  auto shuffled = open_fresh(dir, "shuffled.db");
  for (auto& call : calls) shuffled->ingest_calls(admin, std::span(&call, 1), t0);
  check_same_totals(forward->call_totals(admin, {}, edges), shuffled->call_totals(admin, {}, edges));

  // A filter on the call's other fields takes the joined path; every fixture call has account-1,
  // so it must agree with the seller-and-time path.
  CallFilter by_account;
  by_account.account_id = "account-1";
  check_same_totals(forward->call_totals(admin, {}, edges), forward->call_totals(admin, by_account, edges));
  const MentionSummary plain = forward->mention_totals(admin, {}, edges, 3);
  const MentionSummary joined = forward->mention_totals(admin, by_account, edges, 3);
  REQUIRE(plain.totals.size() == joined.totals.size());
  for (std::size_t i = 0; i < plain.totals.size(); ++i) {
    CHECK(plain.totals[i].name == joined.totals[i].name);
    CHECK(plain.totals[i].seller_id == joined.totals[i].seller_id);
    CHECK(plain.totals[i].bucket == joined.totals[i].bucket);
    CHECK(plain.totals[i].mentions == joined.totals[i].mentions);
    CHECK(plain.totals[i].calls == joined.totals[i].calls);
  }
  REQUIRE(plain.subjects.size() == joined.subjects.size());
  for (std::size_t i = 0; i < plain.subjects.size(); ++i) {
    CHECK(plain.subjects[i].display_name == joined.subjects[i].display_name);
    CHECK(plain.subjects[i].recent_call_ids == joined.subjects[i].recent_call_ids);
  }

  // Merging buckets 0 and 1 equals asking with their outer edges only.
  const std::vector<std::int64_t> merged_edges = {t0, t0 + 3 * day_ms};
  const auto fine = forward->call_totals(admin, {}, edges);
  const auto coarse = forward->call_totals(admin, {}, merged_edges);
  for (const std::string seller : {"s1", "s2"}) {
    std::int64_t calls_fine = 0, calls_coarse = 0, keyword_fine = 0, keyword_coarse = 0;
    double ratio_fine = 0, ratio_coarse = 0;
    for (const auto& t : fine) {
      if (t.seller_id != seller || t.bucket < 0) continue;
      calls_fine += t.calls;
      keyword_fine += t.calls_with_keywords;
      ratio_fine += t.talk_ratio.sum;
    }
    for (const auto& t : coarse) {
      if (t.seller_id != seller || t.bucket < 0) continue;
      CHECK(t.bucket == 0);
      calls_coarse += t.calls;
      keyword_coarse += t.calls_with_keywords;
      ratio_coarse += t.talk_ratio.sum;
    }
    CHECK(calls_fine == calls_coarse);
    CHECK(keyword_fine == keyword_coarse);
    CHECK(ratio_fine == doctest::Approx(ratio_coarse));
  }
}

TEST_CASE("aggregates: mention totals, distinct calls and the calls behind each name, by hand") {
  TempDir dir;
  auto store = open_fresh(dir);
  auto hit = [](const char* term, TermKind kind, Role role, std::uint32_t segment) {
    return TermHitRecord{term, kind, role, segment, 2000LL * segment};
  };
  std::vector<CallWithAnalysis> calls;
  auto m0 = make_call("m0", "s1", t0 - day_ms, 6, "contact-1", "");  // previous: bucket -1
  m0.analysis.term_hits = {hit("pricing", TermKind::keyword, Role::customer, 1)};
  m0.analysis.brands = {{"fabrikam", "fabrikam (old)", 2}};
  auto m1 = make_call("m1", "s1", t0 + hour_ms, 6, "contact-1", "");
  m1.analysis.term_hits = {hit("pricing", TermKind::keyword, Role::customer, 1),
                           hit("pricing", TermKind::keyword, Role::customer, 2),
                           hit("pricing", TermKind::keyword, Role::seller, 3),
                           hit("Contoso 360", TermKind::competitor, Role::customer, 2)};
  m1.analysis.brands = {{"fabrikam", "Fabrikam Inc", 3}};
  auto m2 = make_call("m2", "s1", t0 + hour_ms, 6, "contact-1", "");  // same start as m1
  m2.analysis.term_hits = {hit("pricing", TermKind::keyword, Role::customer, 4)};
  m2.analysis.brands = {{"fabrikam", "FABRIKAM", 1}};
  auto m3 = make_call("m3", "s2", t0 + day_ms + 1, 6, "contact-1", "");
  m3.analysis.term_hits = {hit("pricing", TermKind::keyword, Role::customer, 1)};
  for (auto* call : {&m3, &m2, &m0, &m1}) calls.push_back(std::move(*call));
  store->ingest_calls(admin, calls, t0);

  const MentionSummary summary = store->mention_totals(admin, {}, edges, 2);
  struct Expected {
    MentionKind kind;
    const char* name;
    std::optional<Role> role;
    const char* seller;
    int bucket;
    std::int64_t mentions, calls;
  };
  // By kind, name, role (seller before customer; none first), seller, bucket.
  const std::vector<Expected> expected = {
      {MentionKind::keyword, "pricing", Role::seller, "s1", 0, 1, 1},
      {MentionKind::keyword, "pricing", Role::customer, "s1", -1, 1, 1},
      {MentionKind::keyword, "pricing", Role::customer, "s1", 0, 3, 2},  // m1 twice, m2 once
      {MentionKind::keyword, "pricing", Role::customer, "s2", 1, 1, 1},
      {MentionKind::competitor, "Contoso 360", Role::customer, "s1", 0, 1, 1},
      {MentionKind::brand, "fabrikam", std::nullopt, "s1", -1, 2, 1},
      {MentionKind::brand, "fabrikam", std::nullopt, "s1", 0, 3 + 1, 2},
  };
  REQUIRE(summary.totals.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("group " << i);
    const MentionTotals& got = summary.totals[i];
    CHECK(got.kind == expected[i].kind);
    CHECK(got.name == expected[i].name);
    CHECK(got.role == expected[i].role);
    CHECK(got.seller_id == expected[i].seller);
    CHECK(got.bucket == expected[i].bucket);
    CHECK(got.mentions == expected[i].mentions);
    CHECK(got.calls == expected[i].calls);
  }
  REQUIRE(summary.subjects.size() == 4);
  CHECK(summary.subjects[0].name == "pricing");
  CHECK(summary.subjects[0].role == Role::seller);
  CHECK(summary.subjects[0].recent_call_ids == std::vector<std::string>{"m1"});
  // Customer "pricing" in buckets >= 0: m3 (newest), then m1 and m2 tied on start, by id; at most 2.
  CHECK(summary.subjects[1].role == Role::customer);
  CHECK(summary.subjects[1].display_name == "pricing");
  CHECK(summary.subjects[1].recent_call_ids == std::vector<std::string>{"m3", "m1"});
  CHECK(summary.subjects[2].name == "Contoso 360");
  CHECK(summary.subjects[2].recent_call_ids == std::vector<std::string>{"m1"});
  // The brand shows as written in its earliest call (m0, previous period), which is not "recent".
  CHECK(summary.subjects[3].kind == MentionKind::brand);
  CHECK(summary.subjects[3].display_name == "fabrikam (old)");
  CHECK(summary.subjects[3].recent_call_ids == std::vector<std::string>{"m1", "m2"});

  // JSON form: roles by name, brands without one.
  const auto json = nlohmann::json::parse(to_json(summary));
  CHECK(json["totals"][0]["role"] == "seller");
  CHECK(json["totals"][2]["mentions"] == 3);
  CHECK(json["totals"][6]["kind"] == "brand");
  CHECK(json["totals"][6]["role"].is_null());
  CHECK(json["subjects"][1]["recent_call_ids"] == nlohmann::json({"m3", "m1"}));

  // recent_calls = 0 lists none; the counts stay.
  const MentionSummary bare = store->mention_totals(admin, {}, edges, 0);
  CHECK(bare.totals.size() == expected.size());
  for (const auto& subject : bare.subjects) CHECK(subject.recent_call_ids.empty());
}

TEST_CASE("aggregates: bucket edges must ascend") {
  TempDir dir;
  auto store = open_fresh(dir);
  const std::vector<std::int64_t> flat = {t0, t0};
  auto [code, message] = error_of([&] { store->call_totals(admin, {}, flat); });
  CHECK(code == ErrorCode::invalid_argument);
  CHECK(message == "bucket_edges: edge 1 (" + std::to_string(t0) + ") is not after edge 0 (" +
                       std::to_string(t0) + "); edges must ascend strictly");
  std::tie(code, message) = error_of([&] {
    store->mention_totals(admin, {}, std::vector<std::int64_t>{3, 2, 1}, 1);
  });
  CHECK(code == ErrorCode::invalid_argument);
  CHECK(message == "bucket_edges: edge 1 (2) is not after edge 0 (3); edges must ascend strictly");
}

TEST_CASE("aggregates: activity totals by owner, type and direction") {
  TempDir dir;
  auto store = open_fresh(dir);
  auto activity = [](const char* id, const char* owner, ActivityType type, ActivityDirection direction,
                     std::int64_t at, std::int64_t duration) {
    Activity a;
    a.id = id;
    a.owner_id = owner;
    a.initiator_id = owner;
    a.type = type;
    a.direction = direction;
    a.timestamp_ms = at;
    a.duration_ms = duration;
    return a;
  };
  const std::int64_t minute = 60'000;
  std::vector<Activity> items = {
      activity("e1", "s1", ActivityType::email, ActivityDirection::sent, t0, 0),
      activity("e2", "s1", ActivityType::email, ActivityDirection::sent, t0 + 1, 0),
      activity("e3", "s1", ActivityType::email, ActivityDirection::received, t0 + 2, 0),
      activity("x1", "s1", ActivityType::meeting, ActivityDirection::sent, t0 + 3, 30 * minute),
      activity("x2", "s1", ActivityType::meeting, ActivityDirection::sent, t0 + 4, 45 * minute),
      activity("p1", "s2", ActivityType::phone_call, ActivityDirection::received, t0 + 5, 10 * minute),
      activity("late", "s2", ActivityType::phone_call, ActivityDirection::received, t0 + day_ms, 99 * minute),
  };
  store->put_activities(admin, items);
  ActivityFilter filter;
  filter.to_ms = t0 + day_ms;  // "late" is outside
  const auto totals = store->activity_totals(admin, filter);
  REQUIRE(totals.size() == 4);
  CHECK((totals[0].owner_id == "s1" && totals[0].type == ActivityType::email &&
         totals[0].direction == ActivityDirection::sent && totals[0].activities == 2));
  CHECK((totals[1].type == ActivityType::email && totals[1].direction == ActivityDirection::received &&
         totals[1].activities == 1));
  CHECK((totals[2].type == ActivityType::meeting && totals[2].activities == 2 &&
         totals[2].duration_ms == 75 * minute));
  CHECK((totals[3].owner_id == "s2" && totals[3].activities == 1 && totals[3].duration_ms == 10 * minute));
  const auto json = nlohmann::json::parse(to_json(totals[2]));
  CHECK(json["type"] == "meeting");
  CHECK(json["duration_ms"] == 75 * minute);
  // A seller sees only their own.
  const auto own = store->activity_totals(Viewer::seller("s2"), {});
  REQUIRE(own.size() == 1);
  CHECK(own[0].activities == 2);
  CHECK(own[0].duration_ms == 109 * minute);
}

TEST_CASE("call summaries: customer sentiment below a threshold, most negative first") {
  TempDir dir;
  auto store = open_fresh(dir);
  std::vector<CallWithAnalysis> calls = {
      call_with("n2", "s1", t0 + 1, 3, 0.5, {-0.5, "negative"}, ""),
      call_with("n1", "s1", t0 + 2, 3, 0.5, {-0.5, "negative"}, ""),
      call_with("low", "s1", t0 + 3, 3, 0.5, {0.04, "neutral"}, ""),
      call_with("high", "s1", t0 + 4, 3, 0.5, {0.25, "positive"}, ""),
      call_with("none", "s1", t0 + 5, 3, 0.5, {}, ""),
  };
  store->ingest_calls(admin, calls, t0);
  auto ids = [](const std::vector<CallSummary>& rows) {
    std::vector<std::string> out;
    for (const auto& row : rows) out.push_back(row.id);
    return out;
  };
  CallFilter filter;
  filter.order = CallOrder::most_negative_first;
  // Ties on score by id; calls without a score last.
  CHECK(ids(store->call_summaries(admin, filter)) ==
        std::vector<std::string>{"n1", "n2", "low", "high", "none"});
  filter.limit = 2;
  CHECK(ids(store->call_summaries(admin, filter)) == std::vector<std::string>{"n1", "n2"});
  filter.limit = 1;  // a tie at the cut: by id
  CHECK(ids(store->call_summaries(admin, filter)) == std::vector<std::string>{"n1"});
  filter.limit = 4;  // exactly the scored calls
  CHECK(ids(store->call_summaries(admin, filter)) == std::vector<std::string>{"n1", "n2", "low", "high"});
  filter.limit = 5;  // the call without a score fills the last place
  CHECK(ids(store->call_summaries(admin, filter)) ==
        std::vector<std::string>{"n1", "n2", "low", "high", "none"});
  filter.limit = 3;
  filter.account_id = "account-1";  // the joined path
  CHECK(ids(store->call_summaries(admin, filter)) == std::vector<std::string>{"n1", "n2", "low"});
  filter.account_id = "elsewhere";
  CHECK(store->call_summaries(admin, filter).empty());
  filter.account_id.clear();
  filter.limit = 0;
  filter.customer_sentiment_below = 0.2;  // 0.25 and "no score" do not match
  CHECK(ids(store->call_summaries(admin, filter)) == std::vector<std::string>{"n1", "n2", "low"});
  filter.order = CallOrder::newest_first;
  CHECK(ids(store->call_summaries(admin, filter)) == std::vector<std::string>{"low", "n1", "n2"});
  std::int64_t below = 0;
  for (const auto& t : store->call_totals(admin, filter, {})) below += t.calls;
  CHECK(below == 3);
  // call_span: the same count, and the first and last start of those calls (n2 at +1, low at +3).
  const CallSpan span = store->call_span(admin, filter);
  CHECK(span.calls == 3);
  CHECK(span.first_start_ms == t0 + 1);
  CHECK(span.last_start_ms == t0 + 3);
  filter.customer_sentiment_below.reset();
  filter.contact_id = "contact-1";
  CHECK(store->call_span(admin, filter).calls == 5);
  filter.contact_id = "nobody";
  const CallSpan none = store->call_span(admin, filter);
  CHECK(none.calls == 0);
  CHECK(none.first_start_ms == 0);
  CHECK(store->call_span(Viewer::seller("s2"), {}).calls == 0);
}

TEST_CASE("store: a schema-1 file is migrated to 2 with its mention counts") {
  TempDir dir;
  const std::string path = stored_totals_fixture(dir);
  // Turn the file back into a version-1 file: without what migrations 3 and 2 add, with the
  // version-1 index.
  back_to_version_2(path);
  run_sql(path, {"DROP TABLE call_mentions", "DROP INDEX calls_by_seller_time",
                 "DROP INDEX activities_by_owner_time", "ALTER TABLE calls DROP COLUMN keyword_mentions",
                 "ALTER TABLE calls DROP COLUMN competitor_mentions",
                 "ALTER TABLE calls DROP COLUMN brand_mentions",
                 "CREATE INDEX calls_by_seller_time ON calls(seller_id, start_time_ms)",
                 "CREATE INDEX activities_by_owner_time ON activities(owner_id, timestamp_ms)",
                 "PRAGMA user_version = 1"});

  auto store = open_sqlite_store(path);
  std::map<std::string, CallSummary> by_id;
  for (auto& summary : store->call_summaries(admin, {})) by_id.emplace(summary.id, summary);
  REQUIRE(by_id.size() == 6);
  // make_call: hits at segments 1, 4 (6 segments -> 2), none for 1 segment; brand count 2.
  CHECK(by_id["a"].keyword_mentions == 2);
  CHECK(by_id["a"].brand_mentions == 2);
  CHECK(by_id["c"].keyword_mentions == 0);
  CHECK(by_id["c"].brand_mentions == 0);
  CHECK(by_id["d"].keyword_mentions == 1);     // 3 segments -> segment 1
  CHECK(by_id["d"].competitor_mentions == 1);  // added by the fixture
  CHECK(by_id["d"].brand_mentions == 0);
  const auto totals = store->call_totals(admin, {}, edges);
  CHECK(totals[2].calls_with_competitors == 1);
  // call_mentions was filled from the hits: a's 2 "pricing" hits are one row with 2 mentions.
  const MentionSummary mentions = store->mention_totals(admin, {}, edges, 1);
  std::int64_t keyword = 0, competitor = 0, brand = 0;
  for (const auto& t : mentions.totals) {
    (t.kind == MentionKind::keyword      ? keyword
     : t.kind == MentionKind::competitor ? competitor
                                         : brand) += t.mentions;
  }
  CHECK(keyword == 2 + 2 + 0 + 1 + 2 + 2);  // a, b, c, d, e, f
  CHECK(competitor == 1);
  CHECK(brand == 2 * 4);  // a, b, e, f name contoso, count 2
}

TEST_CASE("store: a schema-2 file is migrated to 3: its term lists, calls and figures read back") {
  TempDir dir;
  const std::string path = stored_totals_fixture(dir);
  {
    auto store = open_sqlite_store(path);
    store->put_term_list(admin, term_list("org", "Competitors", {}, TermKind::competitor,
                                          {{"Contoso 360", {"Contoso"}}, {"Fabrikam", {}}}));
    store->put_term_list(admin, term_list("team-m1", "Team m1", team_scope("m1"), TermKind::keyword,
                                          {{"pricing", {"price", "prices"}}}));
  }
  back_to_version_2(path);
  // A list as version 2 wrote it: the kind on the list, variants newline-separated.
  run_sql(path, {"INSERT INTO term_lists (id, name, scope, team_manager_id, kind) VALUES ('raw', 'Raw', 1, "
                 "'m2', 1)",
                 "INSERT INTO term_entries (list_id, idx, name, variants) VALUES ('raw', 0, 'Litware', "
                 "'LW' || char(10) || 'Litware Inc')"});

  auto store = open_sqlite_store(path);
  const std::vector<TermList> lists = store->term_lists(admin);  // organisation first, then by id
  REQUIRE(lists.size() == 3);
  CHECK(lists[0].id == "org");
  CHECK(lists[0].scope.level == TermScope::Level::organisation);
  REQUIRE(lists[0].terms.size() == 2);
  CHECK(lists[0].terms[0].name == "Contoso 360");
  CHECK(lists[0].terms[0].variants == std::vector<std::string>{"Contoso"});
  CHECK(lists[0].terms[1].name == "Fabrikam");
  CHECK(lists[0].terms[1].variants.empty());
  for (const auto& term : lists[0].terms) CHECK(term.kind == TermKind::competitor);
  CHECK(lists[1].id == "raw");
  CHECK(lists[1].scope.level == TermScope::Level::team);
  CHECK(lists[1].scope.team_id == "m2");
  REQUIRE(lists[1].terms.size() == 1);
  const TrackedTerm& litware = lists[1].terms[0];
  CHECK(litware.name == "Litware");
  CHECK(litware.kind == TermKind::competitor);  // the version-2 list's kind
  CHECK(litware.variants == std::vector<std::string>{"LW", "Litware Inc"});
  CHECK(litware.scope.team_id == "m2");
  CHECK_FALSE(litware.match_related_forms);  // options version 2 did not keep take their defaults
  CHECK(litware.said_by == SpeakerFilter::anyone);
  CHECK_FALSE(litware.only_in_questions);
  CHECK(lists[2].id == "team-m1");
  REQUIRE(lists[2].terms.size() == 1);
  CHECK(lists[2].terms[0].kind == TermKind::keyword);
  CHECK(lists[2].terms[0].variants == std::vector<std::string>{"price", "prices"});
  CHECK(store->term_lists_for_seller(admin, "s3").size() == 2);  // org and raw (team m2)

  // The calls are untouched: d's competitor hit and every call's summary.
  CHECK(store->call_summaries(admin, {}).size() == 6);
  const CallWithAnalysis d = store->load_call(admin, "d");
  // The renamed figures keep their values (make_call: 1,900 ms seller monologue; the fixture's
  // call d has one more figure of each renamed kind, set below before the file was turned back).
  CHECK(d.analysis.metrics.seller_longest_monologue_ms == 1900);
  CHECK(d.analysis.metrics.customer_longest_monologue_ms == 2500);
  CHECK(d.analysis.metrics.seller_question_rate_per_hour == 30.0);
  CHECK(d.analysis.metrics.seller_filler_words_per_minute == 4.5);
  const auto totals = store->call_totals(admin, {}, {});
  REQUIRE(totals.size() == 2);  // s1, s2 in bucket -1
  CHECK(totals[0].seller_longest_monologue_ms.sum == 4 * 1900);
  CHECK(totals[0].seller_longest_monologue_ms.count == 4);
  REQUIRE(d.analysis.term_hits.size() == 2);
  CHECK(d.analysis.term_hits[1].term == "Contoso 360");
  CHECK(d.analysis.term_hits[1].kind == TermKind::competitor);
  // And the migrated file takes new lists with every option.
  TermList again = term_list("team-m1", "Team m1", team_scope("m1"), TermKind::keyword, {{"renewal", {}}});
  again.terms[0].match_related_forms = true;
  store->put_term_list(admin, again);
  CHECK(store->term_lists_for_seller(admin, "s1")[1].terms[0].match_related_forms);
}

TEST_CASE("store: a schema-3 file is migrated to 4: its activities read back with no attachments") {
  TempDir dir;
  const std::string path = stored_totals_fixture(dir);
  Activity email;
  email.id = "e1";
  email.owner_id = "s1";
  email.timestamp_ms = t0;
  email.subject = "Order form";
  email.attachment_count = 2;
  open_sqlite_store(path)->put_activities(admin, std::span(&email, 1));
  back_to_version_3(path);

  auto store = open_sqlite_store(path);
  std::vector<Activity> read = store->activities(admin, {});
  REQUIRE(read.size() == 1);
  CHECK(read[0].id == "e1");
  CHECK(read[0].subject == "Order form");
  CHECK(read[0].attachment_count == 0);  // version 3 had no column: counted as none
  email.id = "e2";
  store->put_activities(admin, std::span(&email, 1));  // the migrated file stores the count
  read = store->activities(admin, {});
  REQUIRE(read.size() == 2);
  CHECK(read[1].attachment_count == 2);
}

TEST_CASE("aggregates: a damaged call_mentions row is a storage error, not a crash") {
  TempDir dir;
  const std::string path = stored_totals_fixture(dir);
  // A length that runs past the end, then an unknown kind.
  run_sql(path, {"UPDATE call_mentions SET mentions = x'0001020000000900000061' WHERE call_key = "
                 "(SELECT call_key FROM calls WHERE id = 'a')"});
  auto store = open_sqlite_store(path);
  auto [code, message] = error_of([&] { store->mention_totals(admin, {}, edges, 1); });
  CHECK(code == ErrorCode::storage);
  CHECK(message == "corrupt call_mentions row: truncated entry");
  run_sql(path, {"UPDATE call_mentions SET mentions = x'0701' WHERE call_key = (SELECT call_key FROM calls "
                 "WHERE id = 'a')"});
  std::tie(code, message) = error_of([&] { store->mention_totals(admin, {}, edges, 1); });
  CHECK(code == ErrorCode::storage);
  CHECK(message == "corrupt call_mentions row: kind 7, role 1");
  // The other queries are unaffected.
  CHECK(store->call_totals(admin, {}, edges).size() == 5);
}
