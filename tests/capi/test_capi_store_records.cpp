// The C ABI's store records: tracked-term lists, comments, CRM records, retention, deletion and the
// processing log, on the fixture of capi_store_fixture.hpp.
#include <doctest/doctest.h>

#include <string>

#include "capi_store_fixture.hpp"

using namespace capi_store_test;
using nlohmann::json;

namespace {

const char* const organisation_list = R"({"id": "org", "name": "Organisation terms",
  "scope": {"level": "organisation"},
  "terms": [{"name": "budget"}, {"name": "Contoso", "kind": "competitor", "variants": ["Contoso Ltd"]}]})";
const char* const team_list =
    R"({"id": "team-m1", "name": "Team m1 terms", "scope": {"level": "team", "team_id": "m1"},
  "terms": [{"name": "pricing"},
            {"name": "Contoso", "kind": "competitor", "variants": ["Contoso 360"],
             "scope": {"level": "team", "team_id": "m1"}}]})";

std::vector<std::string> ids_of(const json& rows) {
  std::vector<std::string> ids;
  for (const json& row : rows) ids.push_back(row.at("id"));
  return ids;
}

// Every member of an activity, as activities_json takes it and the store gives it back.
json full_activity(const std::string& id, const std::string& owner, const std::string& contact) {
  return json::parse(
      R"({"id": ")" + id + R"(", "type": "email", "direction": "sent", "owner_id": ")" + owner +
      R"(", "initiator_id": ")" + owner + R"(",
    "our_side": [{"id": ")" +
      owner + R"(", "display_name": "Sam Seller", "email": "sam@example.com", "time_zone": "UTC"},
                 {"id": ")" +
      (owner == "s2" ? std::string("s1") : std::string("s2")) + R"(", "display_name": "Colleague",
                  "email": "", "time_zone": ""}],
    "customer_side": [{"id": ")" +
      contact + R"(", "display_name": "Cara", "email": "cara@example.org",
                       "time_zone": "Europe/Copenhagen"}],
    "timestamp_ms": 1793786400000, "duration_ms": 0, "subject": "Pricing follow-up",
    "thread_id": "thread-1", "message_id": "<m2@example.com>", "in_reply_to": "<m1@example.com>",
    "references": ["<m0@example.com>", "<m1@example.com>"], "automatic_reply": false, "tracked": true,
    "attachment_count": 2,
    "engagement": [{"kind": "opened", "time_ms": 1793790000000}, {"kind": "link_clicked", "time_ms": 1793790060000}],
    "account_id": "acc-1", "contact_id": ")" +
      contact + R"(", "lead_id": "", "opportunity_id": "opp-1"})");
}

}  // namespace

TEST_CASE("store records: term lists by scope, and the terms that apply to a seller") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  CAPI_REQUIRE_OK(parley_store_put_term_list(store, &admin, organisation_list, PARLEY_NUL_TERMINATED));
  // The team's manager may set the team's list, not the organisation's.
  CAPI_REQUIRE_OK(parley_store_put_term_list(store, &manager, team_list, PARLEY_NUL_TERMINATED));
  CHECK(parley_store_put_term_list(store, &manager, organisation_list, PARLEY_NUL_TERMINATED) ==
        PARLEY_E_NOT_PERMITTED);
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_term_lists(store, &manager, out.out()));
  CHECK(ids_of(json_of(out)) == std::vector<std::string>{"org", "team-m1"});
  const json lists = json_of(out);
  const json& team = lists[1];
  CHECK(team.at("scope") == json::parse(R"({"level": "team", "team_id": "m1"})"));
  CHECK(team.at("terms")[1].at("variants") == json({"Contoso 360"}));
  // A list as the store writes it is a list put_term_list reads: putting it back changes nothing.
  const std::string written = team.dump();
  CAPI_REQUIRE_OK(parley_store_put_term_list(store, &admin, written.c_str(), written.size()));
  CAPI_REQUIRE_OK(parley_store_term_lists(store, &manager, out.out()));
  CHECK(json_of(out) == lists);

  // s1 is in m1's team: the organisation's terms first, then the team's, Contoso merged with the
  // team's variant added to the organisation's term.
  CAPI_REQUIRE_OK(parley_store_terms_for_seller(store, &seller_1, "s1", PARLEY_NUL_TERMINATED, out.out()));
  const json terms = json_of(out);
  REQUIRE(terms.size() == 3);
  CHECK(terms[0].at("name") == "budget");
  CHECK(terms[1].at("name") == "Contoso");
  CHECK(terms[1].at("variants") == json({"Contoso Ltd", "Contoso 360"}));
  CHECK(terms[1].at("scope").at("level") == "organisation");
  CHECK(terms[2].at("name") == "pricing");
  CHECK(terms[2].at("scope") == json::parse(R"({"level": "team", "team_id": "m1"})"));
  CHECK(parley_store_terms_for_seller(store, &seller_1, "s2", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(out.get() == nullptr);

  CHECK(parley_store_delete_term_list(store, &seller_1, "org", PARLEY_NUL_TERMINATED) ==
        PARLEY_E_NOT_PERMITTED);
  CAPI_REQUIRE_OK(parley_store_delete_term_list(store, &admin, "team-m1", PARLEY_NUL_TERMINATED));
  CHECK(parley_store_delete_term_list(store, &admin, "team-m1", PARLEY_NUL_TERMINATED) == PARLEY_E_NOT_FOUND);
  CAPI_REQUIRE_OK(parley_store_terms_for_seller(store, &admin, "s1", PARLEY_NUL_TERMINATED, out.out()));
  CHECK(json_of(out).size() == 2);

  CHECK(parley_store_put_term_list(store, &admin, R"({"id": "x", "colour": "red"})", PARLEY_NUL_TERMINATED) ==
        PARLEY_E_PARSE);
  CHECK(last_error().find("list_json: unknown member 'colour'") == 0);
  CHECK(parley_store_put_term_list(store, &admin, R"({"name": "No id"})", PARLEY_NUL_TERMINATED) ==
        PARLEY_E_PARSE);
  CHECK(last_error() == "list_json: missing member 'id'");
  CHECK(parley_store_put_term_list(store, &admin, R"({"id": "x", "terms": [{"name": 3}]})",
                                   PARLEY_NUL_TERMINATED) == PARLEY_E_PARSE);
  CHECK(last_error().find("list_json: terms[0].name: ") == 0);
  CHECK(parley_store_term_lists(nullptr, &admin, out.out()) == PARLEY_E_INVALID_ARGUMENT);
}

TEST_CASE("store records: a comment round-trips with its author, anchor and text") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  const std::string comment = R"({"call_id": "call-1", "offset_ms": 12000, "segment_index": 1,
    "text": "Budget objection: follow up", "created_ms": )" +
                              std::to_string(now) + "}";
  OwnedString id;
  CAPI_REQUIRE_OK(parley_store_add_comment(store, &seller_1, comment.c_str(), comment.size(), id.out()));
  REQUIRE(id.get() != nullptr);
  CHECK(!id.str().empty());
  OwnedString out;
  CAPI_REQUIRE_OK(
      parley_store_comments_for_call(store, &manager, "call-1", PARLEY_NUL_TERMINATED, out.out()));
  const json expected = {{"id", id.str()},
                         {"call_id", "call-1"},
                         {"author_id", "s1"},
                         {"created_ms", now},
                         {"offset_ms", 12'000},
                         {"segment_index", 1},
                         {"text", "Budget objection: follow up"}};
  CHECK(json_of(out) == json::array({expected}));
  CAPI_REQUIRE_OK(parley_store_comments_for_seller(store, &seller_1, "s1", PARLEY_NUL_TERMINATED,
                                                   utc(2026, 11, 1), utc(2026, 12, 1), out.out()));
  CHECK(json_of(out) == json::array({expected}));
  // Comments follow the call's start: call-1 started in November, not December.
  CAPI_REQUIRE_OK(parley_store_comments_for_seller(store, &admin, "s1", PARLEY_NUL_TERMINATED,
                                                   utc(2026, 12, 1), utc(2027, 1, 1), out.out()));
  CHECK(json_of(out) == json::array());

  // s2 may not comment on, read or delete s1's call's comments.
  CHECK(parley_store_add_comment(store, &seller_2, comment.c_str(), comment.size(), nullptr) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(parley_store_comments_for_call(store, &seller_2, "call-1", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(parley_store_comments_for_seller(store, &seller_2, "s1", PARLEY_NUL_TERMINATED, 0, now, out.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(parley_store_delete_comment(store, &seller_2, id.get(), PARLEY_NUL_TERMINATED) ==
        PARLEY_E_NOT_PERMITTED);
  CAPI_REQUIRE_OK(parley_store_delete_comment(store, &seller_1, id.get(), PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(
      parley_store_comments_for_call(store, &seller_1, "call-1", PARLEY_NUL_TERMINATED, out.out()));
  CHECK(json_of(out) == json::array());

  CHECK(parley_store_add_comment(store, &seller_1, R"({"call_id": "call-1", "segment_index": -1})",
                                 PARLEY_NUL_TERMINATED, id.out()) == PARLEY_E_PARSE);
  CHECK(id.get() == nullptr);
  CHECK(last_error() == "comment_json: segment_index: expected an integer >= 0, found -1");
  CHECK(parley_store_add_comment(store, &seller_1, R"({"text": "where?"})", PARLEY_NUL_TERMINATED, nullptr) ==
        PARLEY_E_PARSE);
  CHECK(last_error() == "comment_json: missing member 'call_id'");
  CHECK(parley_store_delete_comment(nullptr, &seller_1, "c", PARLEY_NUL_TERMINATED) ==
        PARLEY_E_INVALID_ARGUMENT);
}

TEST_CASE("store records: opportunities and activities round-trip with every field") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  const json opportunity = json::parse(R"({"id": "opp-1", "name": "Renewal", "account_id": "acc-1",
    "owner_id": "s2", "status": "won", "estimated_revenue": 1000.0, "actual_revenue": 1200.5, "currency": "EUR",
    "created_ms": 1790000000000, "closed_ms": 1794000000000})");
  const std::string opportunities = json::array({opportunity}).dump();
  CAPI_REQUIRE_OK(parley_store_put_opportunities(store, &admin, opportunities.c_str(), opportunities.size()));
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_opportunities(
      store, &manager, R"({"owner_ids": ["s2"], "account_id": "acc-1"})", PARLEY_NUL_TERMINATED, out.out()));
  CHECK(json_of(out) == json::array({opportunity}));
  CAPI_REQUIRE_OK(parley_store_opportunities(store, &seller_1, nullptr, 0, out.out()));
  CHECK(json_of(out) == json::array());  // s1 owns none

  const json activity = full_activity("act-1", "s1", "contact-1");
  const std::string activities = json::array({activity}).dump();
  CAPI_REQUIRE_OK(parley_store_put_activities(store, &seller_1, activities.c_str(), activities.size()));
  CAPI_REQUIRE_OK(parley_store_activities(store, &seller_1, nullptr, 0, out.out()));
  CHECK(json_of(out) == json::array({activity}));
  CAPI_REQUIRE_OK(parley_store_activity_totals(store, &manager, R"({"contact_id": "contact-1"})",
                                               PARLEY_NUL_TERMINATED, out.out()));
  CHECK(json_of(out) ==
        json::parse(R"([{"owner_id": "s1", "type": "email", "direction": "sent", "activities": 1,
                                       "duration_ms": 0}])"));
  CAPI_REQUIRE_OK(
      parley_store_activities(store, &admin, R"({"owner_ids": ["s2"]})", PARLEY_NUL_TERMINATED, out.out()));
  CHECK(json_of(out) == json::array());

  // Absent optional members take their defaults.
  CAPI_REQUIRE_OK(parley_store_put_activities(store, &seller_2,
                                              R"([{"id": "act-2", "owner_id": "s2", "type": "meeting",
    "timestamp_ms": 1793786400000, "duration_ms": 1800000}])",
                                              PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(parley_store_activity_totals(store, &seller_2, nullptr, 0, out.out()));
  CHECK(json_of(out) ==
        json::parse(R"([{"owner_id": "s2", "type": "meeting", "direction": "sent", "activities": 1,
                                       "duration_ms": 1800000}])"));

  CHECK(parley_store_put_opportunities(store, &seller_1, opportunities.c_str(), opportunities.size()) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(parley_store_put_activities(store, &seller_1,
                                    R"([{"id": "a3", "engagement": [{"kind": "forwarded"}]}])",
                                    PARLEY_NUL_TERMINATED) == PARLEY_E_PARSE);
  CHECK(last_error() ==
        "activities_json: [0].engagement[0].kind: unknown value \"forwarded\" (expected opened, "
        "replied, link_clicked or attachment_viewed)");
  CHECK(parley_store_put_opportunities(store, &admin, R"([{"id": "o2", "closed_ms": 1.5}])",
                                       PARLEY_NUL_TERMINATED) == PARLEY_E_PARSE);
  CHECK(last_error() == "opportunities_json: [0].closed_ms: expected an integer, found number 1.5");
  CHECK(parley_store_activities(store, &admin, R"({"owner_ids": "s1"})", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_PARSE);
  CHECK(last_error() == "activity_filter_json: owner_ids: expected an array, found string \"s1\"");
  CHECK(parley_store_opportunities(store, &admin, R"({"status": "won"})", PARLEY_NUL_TERMINATED, out.out()) ==
        PARLEY_E_PARSE);
  CHECK(last_error().find("opportunity_filter_json: unknown member 'status'") == 0);
  CHECK(parley_store_activity_totals(store, &seller_1, R"({"owner_ids": ["s2"]})", PARLEY_NUL_TERMINATED,
                                     out.out()) == PARLEY_E_NOT_PERMITTED);
  CHECK(parley_store_put_activities(store, &admin, nullptr, 0) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'activities_json' is empty: a JSON array of activities is required");
}

TEST_CASE("store records: a retention policy purges the calls older than its days") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  CHECK(parley_store_set_retention(store, &manager, R"({"scope": {"level": "organisation"}, "days": 30})",
                                   PARLEY_NUL_TERMINATED) == PARLEY_E_NOT_PERMITTED);
  CAPI_REQUIRE_OK(parley_store_set_retention(
      store, &admin, R"({"scope": {"level": "organisation"}, "days": 30})", PARLEY_NUL_TERMINATED));
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_retention_policies(store, &admin, out.out()));
  CHECK(json_of(out) == json::parse(R"([{"scope": {"level": "organisation"}, "days": 30}])"));
  // On 2026-12-08: call-1 (Nov 3) is 35 days old, call-2 (Nov 10) 28 days.
  CHECK(parley_store_purge_expired(store, &manager, utc(2026, 12, 8), out.out()) == PARLEY_E_NOT_PERMITTED);
  CAPI_REQUIRE_OK(parley_store_purge_expired(store, &admin, utc(2026, 12, 8), out.out()));
  CHECK(json_of(out) == json::parse(R"({"calls_deleted": 1})"));
  CAPI_REQUIRE_OK(parley_store_call_summaries(store, &admin, nullptr, 0, out.out()));
  REQUIRE(json_of(out).size() == 1);
  CHECK(json_of(out)[0].at("id") == "call-2");
  // A second purge the same day finds nothing more.
  CAPI_REQUIRE_OK(parley_store_purge_expired(store, &admin, utc(2026, 12, 8), out.out()));
  CHECK(json_of(out).at("calls_deleted") == 0);

  CAPI_REQUIRE_OK(
      parley_store_clear_retention(store, &admin, R"({"level": "organisation"})", PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(parley_store_retention_policies(store, &admin, out.out()));
  CHECK(json_of(out) == json::array());

  CHECK(parley_store_set_retention(store, &admin, R"({"scope": {"level": "organisation"}})",
                                   PARLEY_NUL_TERMINATED) == PARLEY_E_PARSE);
  CHECK(last_error() == "policy_json: missing member 'days'");
  CHECK(parley_store_set_retention(store, &admin, R"({"days": 0})", PARLEY_NUL_TERMINATED) ==
        PARLEY_E_INVALID_ARGUMENT);
  CHECK(parley_store_clear_retention(store, &admin, nullptr, 0) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'scope_json' is empty: a scope object is required");
  CHECK(parley_store_retention_policies(store, &admin, nullptr) == PARLEY_E_INVALID_ARGUMENT);
}

TEST_CASE("store records: deleting a seller's and a contact's data reports what went") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  const std::string opportunities = R"([{"id": "opp-1", "owner_id": "s2", "created_ms": 1790000000000}])";
  CAPI_REQUIRE_OK(parley_store_put_opportunities(store, &admin, opportunities.c_str(), opportunities.size()));
  // act-1 is s1's with s2 on our side; act-2 is s2's own.
  const std::string activities =
      json::array({full_activity("act-1", "s1", "contact-1"), full_activity("act-2", "s2", "contact-2")})
          .dump();
  CAPI_REQUIRE_OK(parley_store_put_activities(store, &admin, activities.c_str(), activities.size()));

  OwnedString report;
  CHECK(parley_store_delete_seller_data(store, &seller_1, "s2", PARLEY_NUL_TERMINATED, report.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CHECK(parley_store_delete_seller_data(store, &manager, "m1", PARLEY_NUL_TERMINATED, report.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CAPI_REQUIRE_OK(
      parley_store_delete_seller_data(store, &manager, "s2", PARLEY_NUL_TERMINATED, report.out()));
  CHECK(json_of(report) == json::parse(R"({"calls_deleted": 1, "comments_deleted": 0, "activities_deleted": 1,
    "activity_participations_removed": 1, "call_participations_anonymised": 0, "opportunities_deleted": 1,
    "term_lists_deleted": 0, "users_deleted": 1})"));

  // contact-1 spoke in call-1 and is act-1's contact.
  CHECK(parley_store_delete_contact_data(store, &manager, "contact-1", PARLEY_NUL_TERMINATED, report.out()) ==
        PARLEY_E_NOT_PERMITTED);
  CAPI_REQUIRE_OK(
      parley_store_delete_contact_data(store, &admin, "contact-1", PARLEY_NUL_TERMINATED, report.out()));
  CHECK(json_of(report) == json::parse(R"({"calls_deleted": 1, "comments_deleted": 0, "activities_deleted": 1,
    "activity_participations_removed": 0, "call_participations_anonymised": 0, "opportunities_deleted": 0,
    "term_lists_deleted": 0, "users_deleted": 0})"));
  OwnedString out;
  CAPI_REQUIRE_OK(parley_store_call_span(store, &admin, nullptr, 0, out.out()));
  CHECK(json_of(out).at("calls") == 0);
  CHECK(parley_store_delete_seller_data(store, &admin, "s2", PARLEY_NUL_TERMINATED, report.out()) ==
        PARLEY_E_NOT_FOUND);
  CHECK(parley_store_delete_contact_data(store, &admin, "contact-1", PARLEY_NUL_TERMINATED, nullptr) ==
        PARLEY_E_INVALID_ARGUMENT);
  CHECK(last_error() == "argument 'out_report_json' is NULL");
}

TEST_CASE("store records: the processing log counts received, analysed and failed calls") {
  StoreFixture fixture;
  parley_store* store = fixture.store();
  // Ingest logged call-1 and call-2 as analysed at `now`; call-3 arrives and fails.
  const std::string received = R"({"call_id": "call-3", "seller_id": "s1", "status": "received", "at_ms": )" +
                               std::to_string(now - 2'000) + "}";
  const std::string failed = R"({"call_id": "call-3", "seller_id": "s1", "status": "failed",
    "reason": "unreadable audio", "at_ms": )" +
                             std::to_string(now - 1'000) + "}";
  CAPI_REQUIRE_OK(parley_store_log_processing(store, &seller_1, received.c_str(), received.size()));
  CAPI_REQUIRE_OK(parley_store_log_processing(store, &seller_1, failed.c_str(), failed.size()));
  OwnedString out;
  CAPI_REQUIRE_OK(
      parley_store_processing_summary(store, &admin, utc(2026, 11, 1), utc(2026, 12, 1), out.out()));
  CHECK(json_of(out) == json::parse(R"({"received": 3, "analysed": 2, "failed": 1,
                                      "failure_reasons": [{"reason": "unreadable audio", "calls": 1}]})"));
  CAPI_REQUIRE_OK(
      parley_store_processing_summary(store, &seller_2, utc(2026, 11, 1), utc(2026, 12, 1), out.out()));
  CHECK(json_of(out).at("received") == 1);  // s2's call-2 only
  CAPI_REQUIRE_OK(
      parley_store_processing_events(store, &seller_1, utc(2026, 11, 1), utc(2026, 12, 1), out.out()));
  const json events = json_of(out);
  REQUIRE(events.size() == 3);
  int call_3_events = 0;
  for (const json& event : events) {
    if (event.at("call_id") == "call-1") {
      CHECK(event == json({{"call_id", "call-1"},
                           {"seller_id", "s1"},
                           {"status", "analysed"},
                           {"reason", ""},
                           {"at_ms", now}}));
    } else if (event.at("status") == "failed") {
      ++call_3_events;
      CHECK(event == json::parse(failed));
    } else {
      ++call_3_events;
      CHECK(event == json({{"call_id", "call-3"},
                           {"seller_id", "s1"},
                           {"status", "received"},
                           {"reason", ""},
                           {"at_ms", now - 2'000}}));
    }
  }
  CHECK(call_3_events == 2);

  CHECK(parley_store_log_processing(store, &seller_1, R"({"call_id": "c", "seller_id": "s2"})",
                                    PARLEY_NUL_TERMINATED) == PARLEY_E_NOT_PERMITTED);
  CHECK(parley_store_log_processing(store, &seller_1, R"({"call_id": "c", "status": "lost"})",
                                    PARLEY_NUL_TERMINATED) == PARLEY_E_PARSE);
  CHECK(last_error() == "event_json: status: unknown value \"lost\" (expected received, analysed or failed)");
  CHECK(parley_store_processing_events(store, nullptr, 0, now, out.out()) == PARLEY_E_INVALID_ARGUMENT);
  CHECK(parley_store_processing_summary(store, &admin, 0, now, nullptr) == PARLEY_E_INVALID_ARGUMENT);
}
