// The JSON and CSV forms of activities and opportunities (docs/crm-input.md) on hand-written files
// in tests/data/activities/crm/: every column type, RFC 4180 quoting (commas, doubled quotes, a
// line break), non-ASCII text, a byte order mark, CRLF, malformed rows named by line and column.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "parley/activities.hpp"
#include "parley/error.hpp"
#include "parley/store.hpp"

using parley::ActivityReadError;
using parley::ActivityReadOptions;
using parley::ActivityReadResult;
using parley::OpportunityReadResult;

namespace {

const std::filesystem::path crm_dir = std::filesystem::path(PARLEY_TEST_DATA_DIR) / "activities" / "crm";

std::string file(const char* name) { return (crm_dir / name).string(); }

// "where: message" of every error, for messages that show what was read.
std::vector<std::string> wheres(const std::vector<ActivityReadError>& errors) {
  std::vector<std::string> out;
  for (const ActivityReadError& error : errors) out.push_back(error.where);
  return out;
}

}  // namespace

TEST_CASE("record forms: the CSV activities equal the same activities read from their JSON form") {
  const ActivityReadResult csv = parley::read_activities_csv(crm_dir / "activities.csv");
  const ActivityReadResult json = parley::read_activities_json(crm_dir / "activities.json");
  CHECK(csv.errors.empty());
  CHECK(json.errors.empty());
  REQUIRE(csv.activities.size() == 3);
  REQUIRE(json.activities.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(parley::to_json(csv.activities[i]) == parley::to_json(json.activities[i]));
  }

  // Every column type, as written in the files.
  const parley::Activity& mail = csv.activities[0];
  CHECK(mail.id == "m-101");
  CHECK(mail.type == parley::ActivityType::email);
  CHECK(mail.direction == parley::ActivityDirection::sent);
  CHECK(mail.subject == "Quote, \"final\" – 5% off");  // a quoted cell with a comma and doubled quotes
  CHECK(mail.timestamp_ms == 1'793'707'509'000);
  CHECK(mail.tracked);                                  // TRUE
  CHECK_FALSE(mail.automatic_reply);                    // FALSE
  REQUIRE(mail.our_side.size() == 1);
  CHECK(mail.our_side[0].id == "dana");
  CHECK(mail.our_side[0].display_name == "Dana Berg");
  CHECK(mail.our_side[0].email == "dana@contoso.com");
  CHECK(mail.our_side[0].time_zone == "Europe/Copenhagen");
  REQUIRE(mail.customer_side.size() == 2);
  CHECK(mail.customer_side[0].display_name == "Zoë Ångström; Procurement|EU");  // \; and \|
  CHECK(mail.customer_side[1].display_name == "李娜");
  CHECK(mail.customer_side[1].email == "li.na@fabrikam.cn");
  CHECK(mail.references == std::vector<std::string>{"<m-099@contoso.com>", "<m-100@fabrikam.se>"});
  REQUIRE(mail.engagement.size() == 2);
  CHECK(mail.engagement[1].kind == parley::EngagementKind::link_clicked);
  CHECK(mail.engagement[1].time_ms == 1'793'708'123'000);
  CHECK(mail.opportunity_id == "opp-7");
  CHECK(mail.attachment_count == 2);

  const parley::Activity& meeting = csv.activities[1];
  CHECK(meeting.subject == "Pilot review\nAgenda: pricing, rollout");  // a line break inside quotes
  CHECK(meeting.duration_ms == 2'700'000);
  REQUIRE(meeting.our_side.size() == 2);
  CHECK(meeting.our_side[0].id == "anna");
  CHECK(meeting.our_side[0].email.empty());
  CHECK(meeting.our_side[1].email == "dana@contoso.com");  // "dana||dana@contoso.com"
  CHECK(meeting.customer_side[0].time_zone == "Europe/Stockholm");
  CHECK(meeting.lead_id == "lead-3");
  CHECK(meeting.opportunity_id.empty());  // the row's last cell is empty

  CHECK(csv.activities[2].type == parley::ActivityType::phone_call);
  CHECK(csv.activities[2].initiator_id == "c-li");
}

TEST_CASE("record forms: a malformed row is one error naming its line and column; the others are read") {
  const ActivityReadResult read = parley::read_activities_csv(crm_dir / "malformed.csv");
  REQUIRE(read.activities.size() == 2);
  CHECK(read.activities[0].id == "good-1");
  CHECK(read.activities[1].id == "good-2");
  // The last record's quoted cell spans lines 11 and 12; its items are trimmed around the break.
  REQUIRE(read.activities[1].our_side.size() == 2);
  CHECK(read.activities[1].our_side[1].id == "anna");
  CHECK(wheres(read.errors) == std::vector<std::string>{
                                   "line 3, column type", "line 4, column timestamp_ms",
                                   "line 5, column our_side", "line 6", "line 7, column engagement",
                                   "line 8, column our_side", "line 9, column id", "line 10, column tracked"});
  for (const ActivityReadError& error : read.errors) CHECK(error.file == file("malformed.csv"));
  REQUIRE(read.errors.size() == 8);
  CHECK(read.errors[0].message == "unknown value \"fax\" (expected email, meeting or phone_call)");
  CHECK(read.errors[1].message == "expected an integer, found \"yesterday\"");
  CHECK(read.errors[2].message.find("quote") != std::string::npos);
  CHECK(read.errors[3].message == "3 fields, but the header names 7 columns");
  CHECK(read.errors[4].message ==
        "engagement[0].kind: unknown value \"seen\" (expected opened, replied, link_clicked or attachment_viewed)");
  CHECK(read.errors[5].message.find("backslash") != std::string::npos);
  CHECK(read.errors[6].message == "empty: every record needs an id");
  CHECK(read.errors[7].message == "expected true or false, found \"yes\"");
}

TEST_CASE("record forms: the header decides the columns") {
  SUBCASE("an unknown column is one error naming it, and nothing is read") {
    const ActivityReadResult read =
        parley::read_activities_csv_text("id,type,fax\na-1,email,555\n", "acts.csv");
    CHECK(read.activities.empty());
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].file == "acts.csv");
    CHECK(read.errors[0].where == "line 1, column fax");
    CHECK(read.errors[0].message.starts_with("unknown column 'fax' (known: "));
  }
  SUBCASE("the id column is required, a column appears once") {
    const ActivityReadResult no_id = parley::read_activities_csv_text("type\nemail\n", "a.csv");
    REQUIRE(no_id.errors.size() == 1);
    CHECK(no_id.errors[0].where == "line 1");
    CHECK(no_id.errors[0].message == "no 'id' column: every record needs an id");
    const ActivityReadResult twice = parley::read_activities_csv_text("id,type,type\n", "a.csv");
    REQUIRE(twice.errors.size() == 1);
    CHECK(twice.errors[0].where == "line 1, column type");
  }
  SUBCASE("a header alone is no records and no error; an empty file has no header") {
    const ActivityReadResult header_only = parley::read_activities_csv_text("\xEF\xBB\xBFid,type\r\n", "a.csv");
    CHECK(header_only.activities.empty());
    CHECK(header_only.errors.empty());
    for (const char* empty : {"", "\xEF\xBB\xBF", "\r\n\r\n"}) {
      const ActivityReadResult read = parley::read_activities_csv_text(empty, "empty.csv");
      REQUIRE(read.errors.size() == 1);
      CHECK(read.errors[0].where.empty());
      CHECK(read.errors[0].message == "the file is empty: no header row");
    }
  }
  SUBCASE("LF, CRLF and CR line ends; blank lines between rows are skipped; no final line end") {
    for (const char* text : {"id,subject\na-1,x\n\na-2,y", "id,subject\r\na-1,x\r\n\r\na-2,y\r\n",
                             "id,subject\ra-1,x\r\ra-2,y\r"}) {
      const ActivityReadResult read = parley::read_activities_csv_text(text, "a.csv");
      CHECK(read.errors.empty());
      REQUIRE(read.activities.size() == 2);
      CHECK(read.activities[1].id == "a-2");
      CHECK(read.activities[1].subject == "y");
    }
  }
  SUBCASE("spaces are data (RFC 4180); a quoted field never closed is an error at its record's line") {
    const ActivityReadResult read =
        parley::read_activities_csv_text("id,subject\n a-1 , x \na-2,\"open\nstill open\n", "a.csv");
    REQUIRE(read.activities.size() == 1);
    CHECK(read.activities[0].id == " a-1 ");
    CHECK(read.activities[0].subject == " x ");
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].where == "line 3, column subject");
    CHECK(read.errors[0].message == "a quoted field is never closed");
  }
  SUBCASE("text that is not UTF-8 names its column") {
    const ActivityReadResult read = parley::read_activities_csv_text("id,subject\na-1,caf\xE9\n", "a.csv");
    REQUIRE(read.errors.size() == 1);
    CHECK(read.errors[0].where == "line 2, column subject");
    CHECK(read.errors[0].message == "not valid UTF-8 (byte 4)");
  }
}

TEST_CASE("record forms: the host's record ids fill the links a record leaves empty") {
  ActivityReadOptions options;
  options.linking.account_id = "acme";
  options.linking.opportunity_id = "opp-host";
  const ActivityReadResult read = parley::read_activities_csv(crm_dir / "activities.csv", options);
  REQUIRE(read.activities.size() == 3);
  CHECK(read.activities[0].account_id == "fabrikam");    // the row's own
  CHECK(read.activities[0].opportunity_id == "opp-7");   // the row's own
  CHECK(read.activities[1].opportunity_id == "opp-host");  // left empty in the row
}

TEST_CASE("record forms: the JSON form names the record by its path; a syntax error by line and column") {
  const ActivityReadResult read = parley::read_activities_json_text(
      R"([{"id": "a-1"}, {"id": "a-2", "type": "fax"}, {"type": "email"}, {"id": "a-4", "colour": 1}])", "a.json");
  REQUIRE(read.activities.size() == 1);
  CHECK(wheres(read.errors) == std::vector<std::string>{"[1].type", "[2]", "[3]"});
  REQUIRE(read.errors.size() == 3);
  CHECK(read.errors[1].message == "missing member 'id'");
  CHECK(read.errors[2].message.starts_with("unknown member 'colour' (known: "));

  const ActivityReadResult broken = parley::read_activities_json_text("[\n  {\"id\": }\n]", "b.json");
  REQUIRE(broken.errors.size() == 1);
  CHECK(broken.errors[0].where == "line 2, column 10");  // the '}' where a value should be
  const ActivityReadResult object = parley::read_activities_json_text("{}", "c.json");
  REQUIRE(object.errors.size() == 1);
  CHECK(object.errors[0].message == "expected an array of records, found object");

  CHECK_THROWS_AS(parley::read_activities_json(crm_dir / "missing.json"), parley::Error);
  const ActivityReadResult limited = parley::read_activities_csv_text("id\na\n", "d.csv", [] {
    ActivityReadOptions options;
    options.max_file_bytes = 3;
    return options;
  }());
  REQUIRE(limited.errors.size() == 1);
  CHECK(limited.errors[0].message == "the file is 5 bytes, more than the limit of 3 (max_file_bytes)");
}

TEST_CASE("record forms: opportunities in CSV equal their JSON form") {
  const OpportunityReadResult csv = parley::read_opportunities_csv(crm_dir / "opportunities.csv");
  const OpportunityReadResult json = parley::read_opportunities_json(crm_dir / "opportunities.json");
  CHECK(csv.errors.empty());
  CHECK(json.errors.empty());
  REQUIRE(csv.opportunities.size() == 2);
  REQUIRE(json.opportunities.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) CHECK(parley::to_json(csv.opportunities[i]) == parley::to_json(json.opportunities[i]));
  const parley::Opportunity& won = csv.opportunities[0];
  CHECK(won.name == "Fabrikam, pilot \"Nordics\"");
  CHECK(won.status == parley::OpportunityStatus::won);
  CHECK(won.estimated_revenue == 12500.5);
  CHECK(won.actual_revenue == 11800);
  CHECK(won.closed_ms == 1'796'720'400'000);
  const parley::Opportunity& open = csv.opportunities[1];
  CHECK(open.name == "Fabrikam rollout – phase 2");
  CHECK(open.status == parley::OpportunityStatus::open);  // an empty cell: the default
  CHECK_FALSE(open.closed_ms.has_value());

  const OpportunityReadResult bad = parley::read_opportunities_csv_text(
      "id,status,estimated_revenue\no-1,won,1e3\no-2,pending,5\no-3,open,a lot\n", "o.csv");
  REQUIRE(bad.opportunities.size() == 1);
  CHECK(bad.opportunities[0].estimated_revenue == 1000);
  CHECK(wheres(bad.errors) == std::vector<std::string>{"line 3, column status", "line 4, column estimated_revenue"});
}
