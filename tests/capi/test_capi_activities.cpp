// The C ABI's activity readers: mail and calendars into the activities JSON the store takes, the
// options document read field by field, and the errors of arguments, options and files.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "capi_test.hpp"
#include "parley.h"

using capi_test::check_error;
using capi_test::OwnedString;
using capi_test::source_path;
using nlohmann::json;

namespace {

const char* const contoso_options = R"({"our_side": {"domains": ["contoso.com"]},
  "linking": {"ids_by_email": {"Dana@Contoso.com": "u-dana"}, "opportunity_id": "opp-7",
              "account_from_customer_domain": true}})";

// One meeting organised by Dana with Marco, 2026-12-07 09:00-09:45 UTC.
// 2026-12-07 is day 20,794 since 1970-01-01 (56 years with 14 leap days = 20,454 days to
// 2026-01-01, plus 340 days to 7 December): 20,794 x 86,400,000 + 9 h = 1,796,634,000,000 ms.
const char* const meeting_ics =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:m-1\r\n"
    "DTSTAMP:20261201T000000Z\r\nDTSTART:20261207T090000Z\r\nDTEND:20261207T094500Z\r\n"
    "SUMMARY:Pilot review\r\nORGANIZER;CN=Dana Berg:mailto:dana@contoso.com\r\n"
    "ATTENDEE;CN=Marco Rossi:mailto:marco.rossi@fabrikam.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

}  // namespace

TEST_CASE("activities: a mail file read through the C ABI, with the host's sides and links") {
  const std::string path = source_path("tests/data/activities/mail/multipart-attachment.eml");
  OwnedString result;
  CAPI_REQUIRE_OK(parley_activities_read_mail(path.data(), path.size(), contoso_options,
                                              PARLEY_NUL_TERMINATED, result.out()));
  const json read = json::parse(result.str());
  CHECK(read.at("errors").empty());
  CHECK(read.at("skipped") == 0);
  REQUIRE(read.at("activities").size() == 1);
  const json& mail = read["activities"][0];
  // The file's headers: Message-ID <CAF3k2mR9.7301@mail.fabrikam.com>, from Marco (theirs) to Dana.
  CHECK(mail.at("id") == "CAF3k2mR9.7301@mail.fabrikam.com");
  CHECK(mail.at("type") == "email");
  CHECK(mail.at("direction") == "received");
  CHECK(mail.at("owner_id") == "u-dana");               // ids_by_email, any case
  CHECK(mail.at("timestamp_ms") == 1'793'707'509'000);  // Tue, 03 Nov 2026 14:05:09 +0200
  CHECK(mail.at("account_id") == "fabrikam.com");
  CHECK(mail.at("opportunity_id") == "opp-7");
  CHECK(mail.at("attachment_count") == 1);  // order-form-signed.pdf
}

TEST_CASE("activities: mail and a calendar from memory; what nobody of ours took part in is skipped") {
  OwnedString result;
  const std::string message =
      "Message-ID: <a@fabrikam.com>\r\nDate: Mon, 07 Dec 2026 10:00:00 +0000\r\n"
      "From: marco.rossi@fabrikam.com\r\nTo: dana@contoso.com\r\nSubject: Hello\r\n\r\nHi\r\n";
  CAPI_REQUIRE_OK(parley_activities_parse_mail(message.data(), message.size(), "inbox", 5, contoso_options,
                                               PARLEY_NUL_TERMINATED, result.out()));
  json read = json::parse(result.str());
  REQUIRE(read.at("activities").size() == 1);
  CHECK(read["activities"][0].at("timestamp_ms") == 1'796'637'600'000);  // day 20,794 + 10 h

  CAPI_REQUIRE_OK(parley_activities_parse_calendar(meeting_ics, PARLEY_NUL_TERMINATED, "cal.ics", 7,
                                                   contoso_options, PARLEY_NUL_TERMINATED, result.out()));
  read = json::parse(result.str());
  REQUIRE(read.at("activities").size() == 1);
  const json& meeting = read["activities"][0];
  CHECK(meeting.at("type") == "meeting");
  CHECK(meeting.at("direction") == "sent");
  CHECK(meeting.at("initiator_id") == "u-dana");
  CHECK(meeting.at("timestamp_ms") == 1'796'634'000'000);
  CHECK(meeting.at("duration_ms") == 45 * 60'000);
  CHECK(meeting.at("subject") == "Pilot review");

  // Without our side nobody is ours: the meeting is skipped, not an error.
  CAPI_REQUIRE_OK(parley_activities_parse_calendar(meeting_ics, PARLEY_NUL_TERMINATED, nullptr, 0, nullptr, 0,
                                                   result.out()));
  read = json::parse(result.str());
  CHECK(read.at("activities").empty());
  CHECK(read.at("skipped") == 1);
}

TEST_CASE("activities: a broken event is an error in the result; bad options and missing paths fail") {
  OwnedString result;
  const std::string broken =
      std::string(meeting_ics).replace(std::string(meeting_ics).find("DTSTART:"), 8, "DTSTART:2026120");
  CAPI_REQUIRE_OK(parley_activities_parse_calendar(broken.data(), broken.size(), "broken.ics", 10,
                                                   contoso_options, PARLEY_NUL_TERMINATED, result.out()));
  const json read = json::parse(result.str());
  CHECK(read.at("activities").empty());
  REQUIRE(read.at("errors").size() == 1);
  CHECK(read["errors"][0].at("file") == "broken.ics");
  CHECK(read["errors"][0].at("where") == "VEVENT 1 (line 4)");

  check_error(parley_activities_parse_mail("x", 1, nullptr, 0, R"({"our_side": {"domain": []}})",
                                           PARLEY_NUL_TERMINATED, result.out()),
              PARLEY_E_PARSE, {"read_options_json: our_side", "unknown member 'domain'"});
  CHECK(result.get() == nullptr);
  check_error(parley_activities_parse_calendar(meeting_ics, PARLEY_NUL_TERMINATED, nullptr, 0,
                                               R"({"default_time_zone": "Mars/Base"})", PARLEY_NUL_TERMINATED,
                                               result.out()),
              PARLEY_E_INVALID_ARGUMENT, {"Mars/Base"});
  const std::string missing = source_path("tests/data/activities/no-such-folder");
  check_error(parley_activities_read_mail(missing.data(), missing.size(), nullptr, 0, result.out()),
              PARLEY_E_IO, {"no-such-folder"});
  check_error(parley_activities_read_calendar(missing.data(), missing.size(), nullptr, 0, result.out()),
              PARLEY_E_IO, {"no-such-folder"});
  check_error(parley_activities_read_mail("", 0, nullptr, 0, result.out()), PARLEY_E_INVALID_ARGUMENT,
              {"argument 'path' is empty"});
  check_error(parley_activities_read_mail("a.eml", 5, nullptr, 0, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"out_result_json"});
}

TEST_CASE("activities and opportunities: the JSON and CSV forms through the C ABI") {
  OwnedString csv;
  OwnedString from_json;
  const std::string csv_path = source_path("tests/data/activities/crm/activities.csv");
  const std::string json_path = source_path("tests/data/activities/crm/activities.json");
  CAPI_REQUIRE_OK(parley_activities_read_csv(csv_path.data(), csv_path.size(), nullptr, 0, csv.out()));
  CAPI_REQUIRE_OK(parley_activities_read_json(json_path.data(), json_path.size(), nullptr, 0, from_json.out()));
  const json csv_read = json::parse(csv.str());
  CHECK(csv_read.at("errors").empty());
  CHECK(csv_read.at("skipped") == 0);
  REQUIRE(csv_read.at("activities").size() == 3);
  CHECK(csv_read["activities"] == json::parse(from_json.str()).at("activities"));
  CHECK(csv_read["activities"][0].at("subject") == "Quote, \"final\" – 5% off");

  // From memory: a bad row is one error naming line and column; the host's account fills the link.
  const char* const text = "id,type,timestamp_ms\na-1,email,1796634000000\na-2,fax,1\n";
  CAPI_REQUIRE_OK(parley_activities_parse_csv(text, PARLEY_NUL_TERMINATED, "acts.csv", 8,
                                              R"({"linking": {"account_id": "acme"}})", PARLEY_NUL_TERMINATED,
                                              csv.out()));
  json read = json::parse(csv.str());
  REQUIRE(read.at("activities").size() == 1);
  CHECK(read["activities"][0].at("account_id") == "acme");
  REQUIRE(read.at("errors").size() == 1);
  CHECK(read["errors"][0] == json{{"file", "acts.csv"},
                                  {"where", "line 3, column type"},
                                  {"message", "unknown value \"fax\" (expected email, meeting or phone_call)"}});
  CAPI_REQUIRE_OK(parley_activities_parse_json(R"([{"id": "a-1"}, {"id": 2}])", PARLEY_NUL_TERMINATED, "a.json", 6,
                                               nullptr, 0, csv.out()));
  read = json::parse(csv.str());
  CHECK(read.at("activities").size() == 1);
  CHECK(read["errors"][0].at("where") == "[1].id");

  const std::string opportunities = source_path("tests/data/activities/crm/opportunities.csv");
  CAPI_REQUIRE_OK(parley_opportunities_read_csv(opportunities.data(), opportunities.size(), csv.out()));
  read = json::parse(csv.str());
  REQUIRE(read.at("opportunities").size() == 2);
  CHECK(read.at("errors").empty());
  CHECK(read["opportunities"][0].at("estimated_revenue") == 12500.5);
  CHECK(read["opportunities"][1].at("closed_ms").is_null());
  const std::string opportunities_json = source_path("tests/data/activities/crm/opportunities.json");
  CAPI_REQUIRE_OK(
      parley_opportunities_read_json(opportunities_json.data(), opportunities_json.size(), from_json.out()));
  CHECK(json::parse(from_json.str()).at("opportunities") == read["opportunities"]);
  CAPI_REQUIRE_OK(parley_opportunities_parse_csv("id,status\no-1,won\no-2,pending\n", PARLEY_NUL_TERMINATED,
                                                 nullptr, 0, csv.out()));
  read = json::parse(csv.str());
  CHECK(read.at("opportunities").size() == 1);
  CHECK(read["errors"][0].at("where") == "line 3, column status");
  CAPI_REQUIRE_OK(parley_opportunities_parse_json("[", 1, "o.json", 6, csv.out()));
  CHECK(json::parse(csv.str()).at("errors").size() == 1);

  const std::string missing = source_path("tests/data/activities/crm/no-such.csv");
  check_error(parley_activities_read_csv(missing.data(), missing.size(), nullptr, 0, csv.out()), PARLEY_E_IO,
              {"no-such.csv"});
  check_error(parley_opportunities_read_json(missing.data(), missing.size(), csv.out()), PARLEY_E_IO,
              {"no-such.csv"});
  check_error(parley_opportunities_parse_csv(nullptr, 3, nullptr, 0, csv.out()), PARLEY_E_INVALID_ARGUMENT,
              {"text"});
  check_error(parley_activities_parse_csv("id\n", 3, nullptr, 0, R"({"colour": 1})", PARLEY_NUL_TERMINATED,
                                          csv.out()),
              PARLEY_E_PARSE, {"unknown member 'colour'"});
}
