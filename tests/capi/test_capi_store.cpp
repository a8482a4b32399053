// The C ABI's store: opening, users, ingest, loading calls, call queries and aggregates, with
// figures worked out by hand from the fixture's two calls (capi_store_fixture.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <tuple>

#include "capi_store_fixture.hpp"

using namespace capi_store_test;
using nlohmann::json;

namespace {

// The message with `id` replaced by "<id>", to compare the shape of two messages.
std::string without_id(std::string message, const std::string& id) {
  const std::string quoted = "'" + id + "'";
  if (const std::size_t at = message.find(quoted); at != std::string::npos)
    message.replace(at, quoted.size(), "'<id>'");
  return message;
}

const json* find_by(const json& rows, const char* key, const std::string& value) {
  for (const json& row : rows) {
    if (row.at(key) == value) return &row;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("store: open refuses an empty path, bad options and a missing file without create_if_missing") {
  store_test::TempDir dir;
  parley_store* store = reinterpret_cast<parley_store*>(1);
  CHECK(parley_store_open("", 0, nullptr, 0, &store) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(store == nullptr);
  CHECK(last_error() == "argument 'path' is empty");
  const std::string path = dir.file("missing.db");
  CHECK(parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED, R"({"busy_timeout_ms": "soon"})",
                          PARLEY_NUL_TERMINATED, &store) == PARLEY_E_PARSE);
  CHECK(last_error() == "options_json: busy_timeout_ms: expected an integer, found string \"soon\"");
  CHECK(parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED, R"({"create_if_missing": false})",
                          PARLEY_NUL_TERMINATED, &store) == PARLEY_E_NOT_FOUND);
  CHECK(store == nullptr);
  CHECK(parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED, nullptr, 0, nullptr) ==
        PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'out_store' is NULL");
  CHECK(parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED,
                          R"({"sentiment_labels": {"positive_threshold": "high"}})", PARLEY_NUL_TERMINATED,
                          &store) == PARLEY_E_PARSE);
  CHECK(last_error() ==
        "options_json: sentiment_labels.positive_threshold: expected a number, found string \"high\"");
  // The store checks the thresholds when it opens: positive below negative is no labelling.
  CHECK(parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED,
                          R"({"sentiment_labels": {"positive_threshold": -0.5, "negative_threshold": 0.5}})",
                          PARLEY_NUL_TERMINATED, &store) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(store == nullptr);
  const std::string labelled = dir.file("labelled.db");
  CAPI_REQUIRE_OK(
      parley_store_open(labelled.c_str(), PARLEY_NUL_TERMINATED,
                        R"({"sentiment_labels": {"positive_threshold": 0.2, "negative_threshold": -0.2},
                                        "busy_timeout_ms": 500, "cache_size_kib": 1024})",
                        PARLEY_NUL_TERMINATED, &store));
  parley_store_close(store);
  // (NULL, 0) options are the defaults: the file is created.
  CAPI_REQUIRE_OK(parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED, nullptr, 0, &store));
  CHECK(store != nullptr);
  parley_store_close(store);
  parley_store_close(nullptr);
}

TEST_CASE("store: users are put and read back as written, within the viewer's scope") {
  StoreFixture fixture;
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_user(fixture.store(), &admin, "m1", PARLEY_NUL_TERMINATED, out.out()));
  CHECK(json_of(out) == json::parse(R"({"id": "m1", "display_name": "Mia Manager", "email": "mia@example.com",
                                      "role": "manager", "manager_id": null, "time_zone": "UTC"})"));
  // A manager sees themself first, then their sellers.
  CAPI_REQUIRE_OK(parley_store_users(fixture.store(), &manager, out.out()));
  std::vector<std::string> ids;
  for (const json& user : json_of(out)) ids.push_back(user.at("id"));
  REQUIRE(ids.size() == 3);
  CHECK(ids[0] == "m1");
  CHECK(std::set<std::string>(ids.begin(), ids.end()) == std::set<std::string>{"m1", "s1", "s2"});
  CAPI_REQUIRE_OK(parley_store_users(fixture.store(), &seller_1, out.out()));
  CHECK(json_of(out).size() == 1);
  CHECK(parley_store_users(fixture.store(), nullptr, out.out()) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(out.get() == nullptr);
  CHECK(last_error() == "argument 'viewer' is NULL");

  // A seller may not see another seller; an unknown id gives the same message.
  CHECK(parley_store_user(fixture.store(), &seller_1, "s2", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(out.get() == nullptr);
  const std::string existing = last_error();
  CHECK(parley_store_user(fixture.store(), &seller_1, "nobody", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(without_id(existing, "s2") == without_id(last_error(), "nobody"));
  CHECK(parley_store_user(fixture.store(), &admin, "nobody", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_NOT_FOUND);

  // A renamed user replaces the stored one.
  CAPI_REQUIRE_OK(parley_store_put_users(fixture.store(), &admin,
                                         R"([{"id": "s2", "display_name": "Sue Lee", "manager_id": "m1"}])",
                                         PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(parley_store_user(fixture.store(), &manager, "s2", PARLEY_NUL_TERMINATED, out.out()));
  CHECK(json_of(out).at("display_name") == "Sue Lee");
}

TEST_CASE("store: put_users names the JSON path of a bad member and refuses what is not an administrator's") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  CHECK(parley_store_put_users(store, &admin, R"([{"id": "s3"}, {"id": "s4", "role": "boss"}])",
                               PARLEY_NUL_TERMINATED) == PARLEY_E_PARSE);
  CHECK(last_error() ==
        "users_json: [1].role: unknown value \"boss\" (expected seller, manager or administrator)");
  CHECK(parley_store_put_users(store, &admin, R"([{"id": "s3", "team": "x"}])", PARLEY_NUL_TERMINATED) ==
        PARLEY_E_PARSE);
  CHECK(last_error().find("users_json: [0]: unknown member 'team'") == 0);
  CHECK(parley_store_put_users(store, &admin, R"([{"display_name": "No Id"}])", PARLEY_NUL_TERMINATED) ==
        PARLEY_E_PARSE);
  CHECK(last_error() == "users_json: [0]: missing member 'id'");
  CHECK(parley_store_put_users(store, &admin, R"([{"id": )", PARLEY_NUL_TERMINATED) == PARLEY_E_PARSE);
  CHECK(last_error().find("users_json:1:") == 0);
  CHECK(parley_store_put_users(store, &admin, nullptr, 0) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'users_json' is empty: a JSON array of users is required");
  CHECK(parley_store_put_users(store, &manager, R"([{"id": "s3", "manager_id": "m1"}])",
                               PARLEY_NUL_TERMINATED) == PARLEY_E_NOT_PERMITTED);
  CHECK(parley_store_put_users(nullptr, &admin, "[]", PARLEY_NUL_TERMINATED) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'store' is NULL");
  CHECK(parley_store_put_users(store, nullptr, "[]", PARLEY_NUL_TERMINATED) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'viewer' is NULL");
}

TEST_CASE("store: ingest takes each call with its own analysis, all or nothing") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  const parley_call* calls[] = {fixture.call(0), fixture.call(1)};
  const parley_analysis* swapped[] = {fixture.analysis(1), fixture.analysis(0)};
  CHECK(parley_store_ingest(store, &admin, calls, swapped, 2, now) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() ==
        "argument 'analyses[0]' was not made from calls[0] (call 'call-1'): pass each call's own analysis");
  // A call changed after its analysis is another call.
  CAPI_REQUIRE_OK(
      parley_call_set_field(fixture.call(1), PARLEY_CALL_LANGUAGE, "en-GB", PARLEY_NUL_TERMINATED));
  const parley_analysis* own[] = {fixture.analysis(0), fixture.analysis(1)};
  CHECK(parley_store_ingest(store, &admin, calls, own, 2, now) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error().find("argument 'analyses[1]' was not made from calls[1]") == 0);
  const parley_call* with_null[] = {fixture.call(0), nullptr};
  CHECK(parley_store_ingest(store, &admin, with_null, own, 2, now) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'calls[1]' is NULL");
  CHECK(parley_store_ingest(store, &admin, nullptr, own, 1, now) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'calls' is NULL with count 1");
  // s1 may not store s2's call; nothing of the batch is stored (call-1's comment-free row stays as it was).
  const parley_call* first[] = {fixture.call(0)};
  const parley_analysis* first_analysis[] = {fixture.analysis(0)};
  CHECK(parley_store_ingest(store, &seller_2, first, first_analysis, 1, now) == PARLEY_E_NOT_PERMITTED);
  // Re-ingesting call-1 as its seller replaces it: still two calls.
  CAPI_REQUIRE_OK(parley_store_ingest(store, &seller_1, first, first_analysis, 1, now));
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_call_span(store, &admin, nullptr, 0, out.out()));
  CHECK(json_of(out).at("calls") == 2);
  // Nothing to ingest is nothing done.
  CHECK(parley_store_ingest(store, &admin, nullptr, nullptr, 0, now) == PARLEY_OK);
}

TEST_CASE("store: load_call gives the transcript and the analysis record; a seller may not load another's") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  parley_call* call = nullptr;
  OwnedString analysis;
  CAPI_REQUIRE_OK(
      parley_store_load_call(store, &manager, "call-1", PARLEY_NUL_TERMINATED, &call, analysis.out()));
  REQUIRE(call != nullptr);
  const capi_test::CallPtr owned_call(call);
  parley_call_info info{};
  info.struct_size = sizeof info;
  CAPI_REQUIRE_OK(parley_call_get_info(call, &info));
  CHECK(std::string(info.id) == "call-1");
  CHECK(info.start_time_ms == call_1_start);
  CHECK(info.duration_ms == 30 * 60'000);
  CHECK(info.participant_count == 2);
  REQUIRE(info.segment_count == 3);
  OwnedString transcript;
  CAPI_REQUIRE_OK(parley_call_to_json(call, transcript.out()));
  const json document = json_of(transcript);
  CHECK(document.at("owner_seller_id") == "s1");
  CHECK(document.at("contact_id") == "contact-1");
  CHECK(document.at("segments")[1].at("speaker") == "spk_1");
  CHECK(document.at("segments")[1].at("start_ms") == 12'000);
  CHECK(document.at("segments")[1].at("text") ==
        "Our budget is small, and Contoso quoted less than Litware.");

  const json record = json_of(analysis);
  // Seller talk 10 s + 9 s, customer 18 s; two changes of speaker.
  CHECK(record.at("metrics").at("seller_talk_ms") == 19'000);
  CHECK(record.at("metrics").at("customer_talk_ms") == 18'000);
  CHECK(record.at("metrics").at("switches") == 2);
  CHECK(record.at("metrics").at("talk_ratio").get<double>() == doctest::Approx(19.0 / 37.0));
  // One question, the seller's ("What budget do you have?").
  CHECK(record.at("metrics").at("seller_questions") == 1);
  CHECK(record.at("metrics").at("customer_questions") == 0);
  std::multiset<std::tuple<std::string, std::string, std::string, int>> hits;
  for (const json& hit : record.at("term_hits"))
    hits.insert({hit.at("term").get<std::string>(), hit.at("kind").get<std::string>(),
                 hit.at("role").get<std::string>(), hit.at("segment_index").get<int>()});
  const std::multiset<std::tuple<std::string, std::string, std::string, int>> expected = {
      {"budget", "keyword", "seller", 0},
      {"budget", "keyword", "customer", 1},
      {"Contoso", "competitor", "customer", 1},
      {"pricing", "keyword", "seller", 2},
      {"Contoso", "competitor", "seller", 2}};
  CHECK(hits == expected);
  CHECK(record.at("segment_translations") == json::array());

  // Either out-parameter may be NULL.
  CAPI_REQUIRE_OK(
      parley_store_load_call(store, &seller_1, "call-1", PARLEY_NUL_TERMINATED, nullptr, analysis.out()));
  CHECK(json_of(analysis).at("metrics").at("switches") == 2);

  // Scope before existence: s1 asking for s2's call and for a call that does not exist.
  CHECK(parley_store_load_call(store, &seller_1, "call-2", PARLEY_NUL_TERMINATED, &call, analysis.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(call == nullptr);
  CHECK(analysis.get() == nullptr);
  const std::string existing = last_error();
  CHECK(existing.find("seller 's1' may not see call 'call-2'") != std::string::npos);
  CHECK(parley_store_load_call(store, &seller_1, "call-9", PARLEY_NUL_TERMINATED, &call, analysis.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(without_id(existing, "call-2") == without_id(last_error(), "call-9"));
  CHECK(parley_store_load_call(store, &admin, "call-9", PARLEY_NUL_TERMINATED, &call, nullptr) ==
        PARLEY_E_NOT_FOUND);
  CHECK(last_error() == "call 'call-9' does not exist");
  CHECK(parley_store_load_call(nullptr, &admin, "call-1", PARLEY_NUL_TERMINATED, &call, nullptr) ==
        PARLEY_E_INVALID_ARGUMENT);
  // C lets any int through as a parley_viewer_kind.
  parley_viewer bad_kind = admin;
  static_assert(sizeof bad_kind.kind == sizeof(int));
  const int seven = 7;
  std::memcpy(&bad_kind.kind, &seven, sizeof seven);
  CHECK(parley_store_load_call(store, &bad_kind, "call-1", PARLEY_NUL_TERMINATED, &call, nullptr) ==
        PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'viewer.kind' is 7: not a parley_viewer_kind");
}

TEST_CASE("store: call summaries follow the filter, its order and the viewer's scope") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_call_summaries(store, &admin, nullptr, 0, out.out()));
  const json all = json_of(out);
  REQUIRE(all.size() == 2);
  CHECK(all[0].at("id") == "call-2");  // newest first
  const json& first = all[1];
  CHECK(first.at("id") == "call-1");
  CHECK(first.at("start_time_ms") == call_1_start);
  CHECK(first.at("duration_ms") == 30 * 60'000);
  CHECK(first.at("seller_id") == "s1");
  CHECK(first.at("contact_id") == "contact-1");
  CHECK(first.at("segment_count") == 3);
  CHECK(first.at("participant_count") == 2);
  CHECK(first.at("keyword_mentions") == 3);     // budget twice, pricing once
  CHECK(first.at("competitor_mentions") == 2);  // Contoso twice
  const json& second = all[0];
  CHECK(second.at("duration_ms") == 60 * 60'000);
  CHECK(second.at("keyword_mentions") == 2);
  CHECK(second.at("competitor_mentions") == 0);
  CHECK(second.at("metrics").at("talk_ratio").get<double>() == doctest::Approx(0.5));  // 20 s and 20 s

  CAPI_REQUIRE_OK(parley_store_call_summaries(store, &manager, R"({"seller_ids": ["s1"], "limit": 5})",
                                              PARLEY_NUL_TERMINATED, out.out()));
  REQUIRE(json_of(out).size() == 1);
  CHECK(json_of(out)[0].at("id") == "call-1");
  // A time range that holds call-2 only: [2026-11-08, 2026-12-01).
  const std::string range = R"({"from_ms": )" + std::to_string(utc(2026, 11, 8)) + R"(, "to_ms": )" +
                            std::to_string(utc(2026, 12, 1)) + R"(, "order": "most_negative_first"})";
  CAPI_REQUIRE_OK(parley_store_call_summaries(store, &admin, range.c_str(), range.size(), out.out()));
  REQUIRE(json_of(out).size() == 1);
  CHECK(json_of(out)[0].at("id") == "call-2");
  // A seller's view holds their own calls only.
  CAPI_REQUIRE_OK(parley_store_call_summaries(store, &seller_2, nullptr, 0, out.out()));
  REQUIRE(json_of(out).size() == 1);
  CHECK(json_of(out)[0].at("id") == "call-2");

  CHECK(parley_store_call_summaries(store, &seller_1, R"({"seller_ids": ["s2"]})", PARLEY_NUL_TERMINATED,
                                    out.out()) == PARLEY_E_NOT_PERMITTED);
  CHECK(out.get() == nullptr);
  CHECK(parley_store_call_summaries(store, &admin, R"({"limit": "x"})", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_PARSE);
  CHECK(last_error() == "filter_json: limit: expected an integer, found string \"x\"");
  CHECK(parley_store_call_summaries(store, &admin, R"({"order": "oldest_first"})", PARLEY_NUL_TERMINATED,
                                    out.out()) == PARLEY_E_PARSE);
  CHECK(last_error() ==
        "filter_json: order: unknown value \"oldest_first\" (expected newest_first or most_negative_first)");
  CHECK(parley_store_call_summaries(store, &admin, R"({"sellers": []})", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_PARSE);
  CHECK(last_error().find("filter_json: unknown member 'sellers'") == 0);
  CHECK(parley_store_call_summaries(store, &admin, nullptr, 0, nullptr) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'out_json' is NULL");
}

TEST_CASE("store: term hits and term counts, by any speaker and by role") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  OwnedString out;
  CAPI_REQUIRE_OK(
      parley_store_term_hits(store, &manager, R"({"seller_ids": ["s2"]})", PARLEY_NUL_TERMINATED, out.out()));
  const json hits = json_of(out);
  REQUIRE(hits.size() == 2);  // "pricing" by the seller, then by the customer
  for (const json& row : hits) {
    CHECK(row.at("call_id") == "call-2");
    CHECK(row.at("seller_id") == "s2");
    CHECK(row.at("call_start_ms") == call_2_start);
    CHECK(row.at("hit").at("term") == "pricing");
  }
  std::multiset<std::string> roles;
  for (const json& row : hits) roles.insert(row.at("hit").at("role"));
  CHECK(roles == std::multiset<std::string>{"seller", "customer"});

  CAPI_REQUIRE_OK(parley_store_term_counts(store, &admin, nullptr, 0, nullptr, 0, out.out()));
  const json counts = json_of(out);
  REQUIRE(counts.size() == 3);
  CHECK(counts[0] == json::parse(R"({"term": "pricing", "kind": "keyword", "mentions": 3, "calls": 2})"));
  CHECK(*find_by(counts, "term", "budget") ==
        json::parse(R"({"term": "budget", "kind": "keyword", "mentions": 2, "calls": 1})"));
  CHECK(*find_by(counts, "term", "Contoso") ==
        json::parse(R"({"term": "Contoso", "kind": "competitor", "mentions": 2, "calls": 1})"));
  // Said by customers: budget and Contoso in call-1, pricing in call-2, once each.
  CAPI_REQUIRE_OK(
      parley_store_term_counts(store, &admin, nullptr, 0, "customer", PARLEY_NUL_TERMINATED, out.out()));
  REQUIRE(json_of(out).size() == 3);
  for (const json& count : json_of(out)) {
    CHECK(count.at("mentions") == 1);
    CHECK(count.at("calls") == 1);
  }
  CHECK(parley_store_term_counts(store, &admin, nullptr, 0, "boss", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() ==
        "argument 'role' is \"boss\": expected seller, customer or other (empty: any speaker)");
  CHECK(parley_store_term_hits(store, &seller_1, R"({"seller_ids": ["s2"]})", PARLEY_NUL_TERMINATED,
                               out.out()) == PARLEY_E_NOT_PERMITTED);
  CHECK(parley_store_term_hits(store, &admin, R"({"to_ms": null})", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_PARSE);
  CHECK(last_error() == "filter_json: to_ms: expected an integer, found null");
}

TEST_CASE("store: brand mentions and first mentions: Litware, once in each call") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_brand_mentions(store, &admin, nullptr, 0, out.out()));
  const json mentions = json_of(out);
  REQUIRE(mentions.size() == 2);
  std::set<std::string> calls;
  for (const json& row : mentions) {
    calls.insert(row.at("call_id").get<std::string>());
    CHECK(row.at("brand").at("display_name") == "Litware Inc");
    CHECK(row.at("brand").at("count") == 1);
  }
  CHECK(calls == std::set<std::string>{"call-1", "call-2"});
  CAPI_REQUIRE_OK(parley_store_call_summaries(store, &admin, nullptr, 0, out.out()));
  for (const json& row : json_of(out)) CHECK(row.at("brand_mentions") == 1);

  // First said in call-1 (Nov 3), twice in all.
  CAPI_REQUIRE_OK(parley_store_brand_first_mentions(store, &manager, nullptr, 0, out.out()));
  const json first = json_of(out);
  REQUIRE(first.size() == 1);
  CHECK(first[0].at("display_name") == "Litware Inc");
  CHECK(first[0].at("first_call_id") == "call-1");
  CHECK(first[0].at("first_call_start_ms") == call_1_start);
  CHECK(first[0].at("mentions") == 2);
  // From Nov 8 on, Litware is no longer new.
  const std::string later = R"({"from_ms": )" + std::to_string(utc(2026, 11, 8)) + "}";
  CAPI_REQUIRE_OK(parley_store_brand_first_mentions(store, &admin, later.c_str(), later.size(), out.out()));
  CHECK(json_of(out) == json::array());

  CHECK(parley_store_brand_mentions(store, &seller_1, R"({"seller_ids": ["s2"]})", PARLEY_NUL_TERMINATED,
                                    out.out()) == PARLEY_E_NOT_PERMITTED);
  CHECK(parley_store_brand_first_mentions(store, &admin, R"([])", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_PARSE);
  CHECK(last_error() == "filter_json: expected an object, found array []");
}

TEST_CASE("store: call span, call totals by bucket and mention totals") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_call_span(store, &admin, nullptr, 0, out.out()));
  CHECK(json_of(out) ==
        json({{"calls", 2}, {"first_start_ms", call_1_start}, {"last_start_ms", call_2_start}}));
  CAPI_REQUIRE_OK(parley_store_call_span(store, &seller_1, nullptr, 0, out.out()));
  CHECK(json_of(out).at("calls") == 1);

  // Two weekly-ish buckets: call-1 in [Nov 1, Nov 8), call-2 in [Nov 8, Dec 1).
  const int64_t edges[] = {utc(2026, 11, 1), utc(2026, 11, 8), utc(2026, 12, 1)};
  CAPI_REQUIRE_OK(parley_store_call_totals(store, &admin, nullptr, 0, edges, 3, out.out()));
  const json totals = json_of(out);
  REQUIRE(totals.size() == 2);
  CHECK(totals[0].at("seller_id") == "s1");
  CHECK(totals[0].at("bucket") == 0);
  CHECK(totals[0].at("calls") == 1);
  CHECK(totals[0].at("duration_ms") == 30 * 60'000);
  CHECK(totals[0].at("calls_with_keywords") == 1);
  CHECK(totals[0].at("calls_with_competitors") == 1);
  CHECK(totals[0].at("metrics").at("switches") == json({{"sum", 2.0}, {"count", 1}}));
  CHECK(totals[1].at("seller_id") == "s2");
  CHECK(totals[1].at("bucket") == 1);
  CHECK(totals[1].at("duration_ms") == 60 * 60'000);
  CHECK(totals[1].at("calls_with_competitors") == 0);
  // Without edges every call is in bucket -1.
  CAPI_REQUIRE_OK(parley_store_call_totals(store, &admin, nullptr, 0, nullptr, 0, out.out()));
  for (const json& row : json_of(out)) CHECK(row.at("bucket") == -1);

  const int64_t month[] = {utc(2026, 11, 1), utc(2026, 12, 1)};
  CAPI_REQUIRE_OK(parley_store_mention_totals(store, &manager, nullptr, 0, month, 2, 5, out.out()));
  const json summary = json_of(out);
  const json* seller_pricing = nullptr;
  for (const json& subject : summary.at("subjects")) {
    if (subject.at("name") == "pricing" && subject.at("role") == "seller") seller_pricing = &subject;
  }
  REQUIRE(seller_pricing != nullptr);
  CHECK(seller_pricing->at("kind") == "keyword");
  CHECK(seller_pricing->at("recent_call_ids") == json({"call-2", "call-1"}));  // newest first
  std::int64_t customer_budget = 0;
  for (const json& row : summary.at("totals")) {
    if (row.at("name") == "budget" && row.at("role") == "customer")
      customer_budget += row.at("mentions").get<int>();
  }
  CHECK(customer_budget == 1);

  CHECK(parley_store_call_totals(store, &admin, nullptr, 0, nullptr, 2, out.out()) ==
        PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'bucket_edges' is NULL with count 2");
  const int64_t descending[] = {utc(2026, 12, 1), utc(2026, 11, 1)};
  CHECK(parley_store_mention_totals(store, &admin, nullptr, 0, descending, 2, 5, out.out()) ==
        PARLEY_E_INVALID_ARGUMENT);
  CHECK(parley_store_call_span(store, &seller_1, R"({"seller_ids": ["s2"]})", PARLEY_NUL_TERMINATED,
                               out.out()) == PARLEY_E_NOT_PERMITTED);
}

TEST_CASE("store: one handle per thread on the same file: two writers and a reader at once") {
  // parley.h: a store handle is used by one thread at a time; threads open their own handles on the
  // same file. Each writer puts 25 sellers in 25 transactions while the reader lists users; every
  // call succeeds (busy waits are the store's) and all 4 + 2 x 25 users are there at the end.
  store_test::TempDir dir;
  const std::string path = dir.file("threads.db");
  const char* options = R"({"durable_commits": false, "busy_timeout_ms": 10000})";
  parley_store* first = nullptr;
  CAPI_REQUIRE_OK(parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED, options, PARLEY_NUL_TERMINATED, &first));
  CAPI_REQUIRE_OK(parley_store_put_users(first, &admin, users_json, PARLEY_NUL_TERMINATED));
  parley_store_close(first);

  std::atomic<int> failures{0};
  std::atomic<bool> writing{true};
  std::string first_failure;
  std::mutex failure_mutex;
  const auto fail = [&](const std::string& what) {
    const std::lock_guard lock(failure_mutex);
    if (failures++ == 0) first_failure = what + ": " + last_error();
  };
  const auto writer = [&](int w) {
    parley_store* store = nullptr;
    if (parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED, options, PARLEY_NUL_TERMINATED, &store) != PARLEY_OK)
      return fail("open");
    for (int i = 0; i < 25; ++i) {
      const std::string user = R"([{"id": "w)" + std::to_string(w) + "-" + std::to_string(i) +
                               R"(", "display_name": "Writer", "manager_id": "m1"}])";
      if (parley_store_put_users(store, &admin, user.data(), user.size()) != PARLEY_OK) fail("put_users");
    }
    parley_store_close(store);
  };
  const auto reader = [&] {
    parley_store* store = nullptr;
    if (parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED, options, PARLEY_NUL_TERMINATED, &store) != PARLEY_OK)
      return fail("open");
    while (writing) {
      OwnedString out;
      if (parley_store_users(store, &admin, out.out()) != PARLEY_OK) fail("users");
    }
    parley_store_close(store);
  };
  std::thread read(reader);
  std::thread write_0(writer, 0), write_1(writer, 1);
  write_0.join();
  write_1.join();
  writing = false;
  read.join();
  INFO(first_failure);
  CHECK(failures == 0);

  parley_store* last = nullptr;
  CAPI_REQUIRE_OK(parley_store_open(path.c_str(), PARLEY_NUL_TERMINATED, options, PARLEY_NUL_TERMINATED, &last));
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_users(last, &admin, out.out()));
  CHECK(json_of(out).size() == 4 + 2 * 25);
  parley_store_close(last);
}
