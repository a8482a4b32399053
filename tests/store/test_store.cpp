// Round trips, re-ingestion, queries, comments, term lists, processing log, migrations and bad input.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "store_test_support.hpp"

using namespace parley;
using namespace store_test;

TEST_CASE("store: a call and its analysis round-trip exactly") {
  TempDir dir;
  auto store = open_fresh(dir);
  auto item = make_call("c1", "s1", t0, 7);
  item.call.lead_id = "lead-9";
  item.call.segments[2].confidence = 0.75;
  item.analysis.segment_translations.assign(7, "translated");
  item.analysis.segment_translations[3] = "";
  item.analysis.translation_language = "en";
  item.analysis.metrics.patience_ms = 820.5;
  item.analysis.metrics.interactivity = 6.5;
  store->ingest_calls(admin, std::span(&item, 1), t0 + 10);

  CallWithAnalysis back = store->load_call(Viewer::seller("s1"), "c1");
  const Call& a = item.call;
  const Call& b = back.call;
  CHECK(b.id == a.id);
  CHECK(b.start_time_ms == a.start_time_ms);
  CHECK(b.duration_ms == a.duration_ms);
  CHECK(b.language == a.language);
  CHECK(b.owner_seller_id == a.owner_seller_id);
  CHECK(b.account_id == a.account_id);
  CHECK(b.contact_id == a.contact_id);
  CHECK(b.lead_id == "lead-9");
  CHECK(b.opportunity_id.empty());
  REQUIRE(b.participants.size() == 2);
  CHECK(b.participants[1].id == "spk_1");
  CHECK(b.participants[1].role == Role::customer);
  CHECK(b.participants[1].crm_id == "contact-1");
  REQUIRE(b.segments.size() == 7);
  for (std::size_t i = 0; i < 7; ++i) {
    CHECK(b.segments[i].speaker == a.segments[i].speaker);
    CHECK(b.segments[i].start_ms == a.segments[i].start_ms);
    CHECK(b.segments[i].end_ms == a.segments[i].end_ms);
    CHECK(b.segments[i].text == a.segments[i].text);
    CHECK(b.segments[i].confidence == a.segments[i].confidence);
  }
  REQUIRE(b.segments[0].words.size() == 2);
  CHECK(b.segments[0].words[0].text == "segment");
  CHECK(b.segments[0].words[0].end_ms == 500);
  CHECK(b.segments[0].words[0].confidence == 0.9);
  CHECK_FALSE(b.segments[0].words[1].confidence.has_value());

  const CallAnalysisRecord& x = item.analysis;
  const CallAnalysisRecord& y = back.analysis;
  CHECK(y.metrics.talk_ratio == x.metrics.talk_ratio);
  CHECK(y.metrics.seller_talk_ms == 950 * 7);
  CHECK(y.metrics.switches == 6);
  CHECK(y.metrics.patience_ms == 820.5);
  CHECK(y.metrics.interactivity == 6.5);
  CHECK_FALSE(y.metrics.customer_words_per_minute.has_value());
  CHECK(y.customer_sentiment.score == 0.25);
  CHECK(y.customer_sentiment.label == "positive");
  CHECK(y.seller_sentiment.label == "neutral");
  // 7 segments: hits at segments 1 and 4 (every third from 1).
  REQUIRE(y.term_hits.size() == 2);
  CHECK(y.term_hits[1].segment_index == 4);
  CHECK(y.term_hits[1].offset_ms == 8000);
  CHECK(y.term_hits[1].role == Role::customer);
  REQUIRE(y.brands.size() == 1);
  CHECK(y.brands[0].count == 2);
  REQUIRE(y.prices.size() == 1);
  CHECK(y.prices[0].amount == 1200.0);
  CHECK(y.prices[0].text == "$1,200");
  REQUIRE(y.action_items.size() == 1);
  CHECK(y.action_items[0].text == "I'll send you the proposal");
  CHECK(y.extra_metrics == x.extra_metrics);
  CHECK(y.segment_translations == x.segment_translations);
  CHECK(y.translation_language == "en");

  auto summaries = store->call_summaries(Viewer::seller("s1"), {});
  REQUIRE(summaries.size() == 1);
  CHECK(summaries[0].segment_count == 7);
  CHECK(summaries[0].participant_count == 2);
  CHECK(summaries[0].metrics.average_pause_ms == 100.0);
}

TEST_CASE("store: re-ingesting a call id replaces it and keeps anchored comments") {
  TempDir dir;
  auto store = open_fresh(dir);
  auto first = make_call("c1", "s1", t0, 9);
  store->ingest_calls(admin, std::span(&first, 1), t0);
  Comment early{"", "c1", "", t0 + 1, 1000, 1, "keep me"};
  Comment late{"", "c1", "", t0 + 2, 16000, 8, "anchor disappears"};
  Comment loose{"", "c1", "", t0 + 3, 500, std::nullopt, "no segment anchor"};
  store->add_comment(Viewer::manager("m1"), early);
  store->add_comment(Viewer::manager("m1"), late);
  store->add_comment(Viewer::seller("s1"), loose);

  auto second = make_call("c1", "s1", t0 + 100, 4);  // segments 0..3 only
  store->ingest_calls(admin, std::span(&second, 1), t0 + 1000);
  auto back = store->load_call(admin, "c1");
  CHECK(back.call.start_time_ms == t0 + 100);
  CHECK(back.call.segments.size() == 4);
  // 4 segments: one hit, at segment 1.
  CHECK(back.analysis.term_hits.size() == 1);
  CHECK(store->call_summaries(admin, {}).size() == 1);
  auto comments = store->comments_for_call(admin, "c1");
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].text == "keep me");
  CHECK(comments[0].author_id == "m1");
  CHECK(comments[1].text == "no segment anchor");
  CHECK(comments[1].author_id == "s1");
  // Two `analysed` events for one call: it counts once.
  auto summary = store->processing_summary(admin, 0, t0 + day_ms);
  CHECK(summary.received == 1);
  CHECK(summary.analysed == 1);
}

TEST_CASE("store: a failing call rolls back the whole batch") {
  TempDir dir;
  auto store = open_fresh(dir);
  std::vector<CallWithAnalysis> batch = {make_call("c1", "s1", t0), make_call("c2", "s1", t0 + 1)};
  batch[1].analysis.term_hits[0].segment_index = 99;
  auto [code, message] = error_of([&] { store->ingest_calls(admin, batch, t0); });
  CHECK(code == ErrorCode::invalid_argument);
  CHECK(message == "call 'c2': term hit 0: segment 99 does not exist (the call has 6 segments)");
  CHECK(store->call_summaries(admin, {}).empty());
  CHECK(store->processing_summary(admin, 0, t0 + day_ms).received == 0);

  batch = {make_call("c3", "nobody", t0)};
  std::tie(code, message) = error_of([&] { store->ingest_calls(admin, batch, t0); });
  CHECK(code == ErrorCode::not_found);
  CHECK(message == "call 'c3': seller 'nobody' does not exist");

  batch = {make_call("c4", "s1", t0)};
  batch[0].call.segments[2].text = "bad \xff byte";
  std::tie(code, message) = error_of([&] { store->ingest_calls(admin, batch, t0); });
  CHECK(code == ErrorCode::invalid_utf8);

  batch = {make_call("c5", "s1", t0)};
  batch[0].analysis.segment_translations = {"only one"};
  std::tie(code, message) = error_of([&] { store->ingest_calls(admin, batch, t0); });
  CHECK(message == "call 'c5': 1 segment translations for 6 segments");
}

TEST_CASE("store: filters, counts and first brand mentions") {
  TempDir dir;
  auto store = open_fresh(dir);
  // s1: c1 (day 0, contoso), c2 (day 2, fabrikam + contoso), s2: c3 (day 1, fabrikam).
  std::vector<CallWithAnalysis> calls = {make_call("c1", "s1", t0, 6, "contact-1", "contoso"),
                                         make_call("c2", "s1", t0 + 2 * day_ms, 3, "contact-2", "fabrikam"),
                                         make_call("c3", "s2", t0 + day_ms, 6, "contact-1", "fabrikam")};
  calls[1].analysis.brands.push_back({"contoso", "Contoso", 1});
  calls[1].analysis.term_hits.push_back({"Contoso 360", TermKind::competitor, Role::seller, 0, 10});
  store->ingest_calls(admin, calls, t0 + 3 * day_ms);

  CallFilter filter;
  filter.from_ms = t0 + day_ms;
  CHECK(store->call_summaries(admin, filter).size() == 2);
  filter.limit = 1;
  auto newest = store->call_summaries(admin, filter);
  REQUIRE(newest.size() == 1);
  CHECK(newest[0].id == "c2");
  CallFilter by_contact;
  by_contact.contact_id = "contact-1";
  CHECK(store->call_summaries(admin, by_contact).size() == 2);

  // Hits: c1 2 (segments 1, 4), c2 1 pricing (segment 1) + 1 competitor, c3 2.
  auto counts = store->term_counts(admin, {}, std::nullopt);
  REQUIRE(counts.size() == 2);
  CHECK(counts[0].term == "pricing");
  CHECK(counts[0].mentions == 5);
  CHECK(counts[0].calls == 3);
  CHECK(counts[1].term == "Contoso 360");
  CHECK(counts[1].kind == TermKind::competitor);
  CHECK(store->term_counts(admin, {}, Role::seller).size() == 1);
  CHECK(store->term_counts(admin, {}, Role::customer)[0].mentions == 5);

  // First mentions over everything: contoso in c1 (day 0), fabrikam in c3 (day 1).
  auto first = store->brand_first_mentions(admin, {});
  REQUIRE(first.size() == 2);
  CHECK(first[0].normalized_name == "contoso");
  CHECK(first[0].first_call_id == "c1");
  CHECK(first[0].mentions == 3);  // 2 in c1 + 1 in c2
  CHECK(first[1].normalized_name == "fabrikam");
  CHECK(first[1].first_call_id == "c3");
  // For s1 alone fabrikam first appears in c2 (day 2).
  CallFilter s1_only;
  s1_only.seller_ids = {"s1"};
  s1_only.from_ms = t0 + day_ms;
  auto s1_new = store->brand_first_mentions(admin, s1_only);
  REQUIRE(s1_new.size() == 1);
  CHECK(s1_new[0].first_call_id == "c2");
  // A range ending before fabrikam's first call (c3, day 1) keeps only contoso; its mentions still
  // count all time: 2 in c1 + 1 in c2 (day 2, after the range) = 3.
  CallFilter first_day;
  first_day.to_ms = t0 + day_ms;
  auto day0 = store->brand_first_mentions(admin, first_day);
  REQUIRE(day0.size() == 1);
  CHECK(day0[0].normalized_name == "contoso");
  CHECK(day0[0].mentions == 3);
  // Contact 2 has only c2, so both brands are first mentioned there (same start: by name), and
  // contoso's total is c2's single mention.
  CallFilter contact_2;
  contact_2.contact_id = "contact-2";
  contact_2.from_ms = t0 + day_ms;
  auto by_contact_2 = store->brand_first_mentions(admin, contact_2);
  REQUIRE(by_contact_2.size() == 2);
  CHECK(by_contact_2[0].normalized_name == "contoso");
  CHECK(by_contact_2[0].first_call_id == "c2");
  CHECK(by_contact_2[0].mentions == 1);
  CHECK(by_contact_2[1].normalized_name == "fabrikam");
  CHECK(by_contact_2[1].first_call_id == "c2");
  CHECK(store->brand_mentions(admin, {}).size() == 4);
}

TEST_CASE("store: summaries newest first and term hits oldest call first, ties by id, hits in record order") {
  TempDir dir;
  auto store = open_fresh(dir);
  // Ingested in an order unlike the expected one: c-b and c-a start together (day 1), c-z on day 0.
  // Six segments give hits at segments 1 and 4; c-b gets an extra first hit at segment 5.
  std::vector<CallWithAnalysis> calls = {make_call("c-b", "s1", t0 + day_ms),
                                         make_call("c-a", "s2", t0 + day_ms), make_call("c-z", "s1", t0)};
  auto& b_hits = calls[0].analysis.term_hits;
  b_hits.insert(b_hits.begin(), {"pricing", TermKind::keyword, Role::customer, 5, 10000});
  store->ingest_calls(admin, calls, t0 + 2 * day_ms);

  auto summaries = store->call_summaries(admin, {});
  REQUIRE(summaries.size() == 3);
  CHECK(summaries[0].id == "c-a");
  CHECK(summaries[1].id == "c-b");
  CHECK(summaries[2].id == "c-z");

  auto hits = store->term_hits(admin, {});
  const std::vector<std::pair<std::string, std::uint32_t>> expected = {
      {"c-z", 1}, {"c-z", 4}, {"c-a", 1}, {"c-a", 4}, {"c-b", 5}, {"c-b", 1}, {"c-b", 4}};
  REQUIRE(hits.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(hits[i].call_id == expected[i].first);
    CHECK(hits[i].hit.segment_index == expected[i].second);
  }
  CHECK(hits[2].seller_id == "s2");
  CHECK(hits[0].call_start_ms == t0);
}

TEST_CASE("store: term lists, opportunities, activities and the processing log round-trip") {
  TempDir dir;
  auto store = open_fresh(dir);
  // Every option of a TrackedTerm away from its default on the first term, the defaults on the
  // second; one list may hold both kinds.
  TrackedTerm contoso;
  contoso.name = "Contoso 360";
  contoso.kind = TermKind::competitor;
  contoso.variants = {"Contoso", "C360"};
  contoso.scope = team_scope("m1");
  contoso.match_related_forms = true;
  contoso.said_by = SpeakerFilter::customer;
  contoso.only_in_questions = true;
  TrackedTerm fabrikam;
  fabrikam.name = "Fabrikam";
  fabrikam.scope = team_scope("m1");
  TrackedTerm renew;
  renew.name = "renew";
  renew.scope = team_scope("m1");
  renew.said_by = SpeakerFilter::seller;
  TermList list{"tl", "Team m1 terms", team_scope("m1"), {contoso, fabrikam, renew}};
  store->put_term_list(Viewer::manager("m1"), list);
  auto lists = store->term_lists(Viewer::manager("m1"));
  REQUIRE(lists.size() == 1);
  CHECK(lists[0].id == "tl");
  CHECK(lists[0].name == "Team m1 terms");
  CHECK(lists[0].scope.level == TermScope::Level::team);
  CHECK(lists[0].scope.team_id == "m1");
  REQUIRE(lists[0].terms.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const TrackedTerm& put = list.terms[i];
    const TrackedTerm& read = lists[0].terms[i];
    CAPTURE(put.name);
    CHECK(read.name == put.name);
    CHECK(read.kind == put.kind);
    CHECK(read.variants == put.variants);
    CHECK(read.scope.level == put.scope.level);
    CHECK(read.scope.team_id == put.scope.team_id);
    CHECK(read.match_related_forms == put.match_related_forms);
    CHECK(read.said_by == put.said_by);
    CHECK(read.only_in_questions == put.only_in_questions);
  }
  // The JSON form carries every option (terms as docs/terms.md writes a TrackedTerm).
  const auto json = nlohmann::json::parse(to_json(lists[0]));
  CHECK(json["scope"] == nlohmann::json{{"level", "team"}, {"team_id", "m1"}});
  CHECK(json["terms"][0] == nlohmann::json{{"name", "Contoso 360"},
                                           {"kind", "competitor"},
                                           {"variants", {"Contoso", "C360"}},
                                           {"scope", {{"level", "team"}, {"team_id", "m1"}}},
                                           {"match_related_forms", true},
                                           {"said_by", "customer"},
                                           {"only_in_questions", true}});
  auto [code, message] = error_of([&] {
    TermList bad = term_list("x", "x", team_scope("m1"), TermKind::keyword, {{"a", {"b\nc"}}});
    store->put_term_list(admin, bad);
  });
  CHECK(message == "term list 'x': term 0: a variant contains a newline");
  // A list's scope is its terms' scope: a term that says otherwise is refused, by name.
  std::tie(code, message) = error_of([&] {
    TermList mixed = term_list("x", "x", team_scope("m1"), TermKind::keyword, {{"a", {}}, {"b", {}}});
    mixed.terms[1].scope = {};
    store->put_term_list(admin, mixed);
  });
  CHECK(code == ErrorCode::invalid_argument);
  CHECK(message ==
        "term list 'x': term 1 ('b'): its scope (organisation) differs from the list's (team 'm1'); a list's "
        "terms share its scope");
  std::tie(code, message) = error_of([&] { store->put_term_list(admin, {"x", "x", {{}, "m1"}, {}}); });
  CHECK(code == ErrorCode::invalid_argument);
  CHECK(message == "term list 'x': the organisation scope names no team_id (got 'm1')");
  CHECK(store->term_lists(admin).size() == 1);  // nothing of the refused lists was stored

  Opportunity won{"o1", "Won deal", "acc", "s1", OpportunityStatus::won, 1000, 1200, "EUR", t0, t0 + day_ms};
  Opportunity old{"o2",  "Old deal",       "acc",           "s1", OpportunityStatus::lost, 500, 0,
                  "EUR", t0 - 90 * day_ms, t0 - 60 * day_ms};
  std::vector<Opportunity> opportunities = {won, old};
  store->put_opportunities(Viewer::seller("s1"), opportunities);
  OpportunityFilter recent;
  recent.from_ms = t0 - day_ms;
  auto found = store->opportunities(Viewer::manager("m1"), recent);
  REQUIRE(found.size() == 1);
  CHECK(found[0].actual_revenue == 1200);
  CHECK(found[0].closed_ms == t0 + day_ms);
  CHECK(store->opportunities(admin, {}).size() == 2);

  Activity email;
  email.id = "e1";
  email.type = ActivityType::email;
  email.direction = ActivityDirection::received;
  email.owner_id = "s1";
  email.initiator_id = "contact-1";
  email.our_side = {{"s1", "Sam", "sam@example.com", "Europe/Berlin"}};
  email.customer_side = {{"contact-1", "Carla", "carla@customer.example", ""},
                         {"contact-2", "Chris", "", ""}};
  email.timestamp_ms = t0;
  email.subject = "Re: proposal";
  email.thread_id = "thread-1";
  email.message_id = "<m2@customer.example>";
  email.in_reply_to = "<m1@example.com>";
  email.references = {"<m0@example.com>", "<m1@example.com>"};
  email.tracked = true;
  email.attachment_count = 2;
  email.engagement = {{EngagementKind::opened, t0 + 5}, {EngagementKind::link_clicked, t0 + 9}};
  email.opportunity_id = "o1";
  store->put_activities(Viewer::seller("s1"), std::span(&email, 1));
  ActivityFilter by_opportunity;
  by_opportunity.opportunity_id = "o1";
  auto activities = store->activities(admin, by_opportunity);
  REQUIRE(activities.size() == 1);
  const Activity& a = activities[0];
  CHECK(a.direction == ActivityDirection::received);
  CHECK(a.customer_side.size() == 2);
  CHECK(a.our_side[0].time_zone == "Europe/Berlin");
  CHECK(a.references == email.references);
  REQUIRE(a.engagement.size() == 2);
  CHECK(a.engagement[1].kind == EngagementKind::link_clicked);
  CHECK(a.tracked);
  CHECK(a.attachment_count == 2);
  CHECK(a.in_reply_to == "<m1@example.com>");

  // Processing: c1 received then analysed; c2 received then failed; c3 failed then analysed.
  Viewer s1 = Viewer::seller("s1");
  store->log_processing(s1, {"c1", "s1", ProcessingStatus::received, "", t0});
  store->log_processing(s1, {"c1", "s1", ProcessingStatus::analysed, "", t0 + 1});
  store->log_processing(s1, {"c2", "s1", ProcessingStatus::received, "", t0 + 2});
  store->log_processing(s1, {"c2", "s1", ProcessingStatus::failed, "invalid UTF-8", t0 + 3});
  store->log_processing(s1, {"c3", "s1", ProcessingStatus::failed, "no speakers", t0 + 4});
  store->log_processing(s1, {"c3", "s1", ProcessingStatus::analysed, "", t0 + 5});
  store->log_processing(s1, {"c4", "s1", ProcessingStatus::failed, "invalid UTF-8", t0 + 6});
  auto summary = store->processing_summary(Viewer::manager("m1"), t0, t0 + day_ms);
  CHECK(summary.received == 4);
  CHECK(summary.analysed == 2);  // c1, c3
  CHECK(summary.failed == 2);    // c2, c4 (c3 recovered)
  REQUIRE(summary.failure_reasons.size() == 1);
  CHECK(summary.failure_reasons[0] == std::pair<std::string, std::int64_t>{"invalid UTF-8", 2});
  CHECK(store->processing_events(s1, t0, t0 + day_ms).size() == 7);
  CHECK(to_json(summary) ==
        R"({"analysed":2,"failed":2,"failure_reasons":[{"calls":2,"reason":"invalid UTF-8"}],"received":4})");
}

TEST_CASE("store: users and hierarchy validation") {
  TempDir dir;
  SqliteStoreOptions options;
  options.durable_commits = false;
  auto store = open_sqlite_store(dir.file("org.db"), options);
  // Bootstrap: no administrator yet, so an administrator viewer may create the users.
  auto users = organisation();
  store->put_users(admin, users);
  // After that, only the stored administrator is one.
  auto [code, message] = error_of([&] { store->users(Viewer::administrator("intruder")); });
  CHECK(code == ErrorCode::not_permitted);
  CHECK(message == "not permitted: 'intruder' is not an administrator");

  std::vector<User> cycle = {{"m1", "Mia", "", UserRole::manager, "s1", ""}};
  std::tie(code, message) = error_of([&] { store->put_users(admin, cycle); });
  CHECK(code == ErrorCode::invalid_argument);
  CHECK(message == "user 'm1': the manager hierarchy has a cycle");
  CHECK(store->user(admin, "m1").manager_id == "dir");  // rolled back

  std::vector<User> orphan = {{"s9", "Nine", "", UserRole::seller, "ghost", ""}};
  std::tie(code, message) = error_of([&] { store->put_users(admin, orphan); });
  CHECK(code == ErrorCode::not_found);
  CHECK(message == "manager 'ghost' of user 's9' does not exist");

  // A manager and their new report in one batch, in any order.
  std::vector<User> team = {{"s5", "Five", "", UserRole::seller, "m3", ""},
                            {"m3", "Three", "", UserRole::manager, "dir", ""}};
  store->put_users(admin, team);
  CHECK(store->scope_user_ids(Viewer::manager("m3")) == std::vector<std::string>{"m3", "s5"});
  CHECK(to_json(store->user(admin, "s5")) ==
        R"({"display_name":"Five","email":"","id":"s5","manager_id":"m3","role":"seller","time_zone":""})");
}

TEST_CASE("store: schema version, pragmas and reopening") {
  TempDir dir;
  std::string path = dir.file("org.db");
  {
    auto store = open_fresh(dir);
    auto call = make_call("c1", "s1", t0);
    store->ingest_calls(admin, std::span(&call, 1), t0);
  }
  {
    // Reopen: no migration runs again, data is there.
    auto store = open_sqlite_store(path);
    CHECK(store->load_call(admin, "c1").call.segments.size() == 6);
  }
  sqlite3* raw = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
  auto scalar = [&](const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(raw, sql, -1, &stmt, nullptr);
    sqlite3_step(stmt);
    std::string value = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return value;
  };
  CHECK(scalar("PRAGMA journal_mode") == "wal");
  CHECK(scalar("PRAGMA user_version") == std::to_string(sqlite_schema_version));
  // A file from a newer parley is refused, not damaged.
  sqlite3_exec(raw, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  auto [code, message] = error_of([&] { open_sqlite_store(path); });
  CHECK(code == ErrorCode::storage);
  CHECK(message == "the store's schema version 99 is newer than this parley's (4)");

  SqliteStoreOptions no_create;
  no_create.create_if_missing = false;
  std::tie(code, message) = error_of([&] { open_sqlite_store(dir.file("missing.db"), no_create); });
  CHECK(code == ErrorCode::not_found);
  CHECK(message == "store file '" + dir.file("missing.db") + "' does not exist");
}
