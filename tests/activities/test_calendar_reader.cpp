// read_calendar: iCalendar files as Outlook and Google export them, mapped onto Activity.
// Expected instants are worked by hand: at(D, h, m) is day D since 1970-01-01 (the day numbers come
// from Python's date(...) - date(1970, 1, 1)) plus the UTC time of day; Copenhagen is +01:00 in
// winter (CET) and +02:00 in summer (CEST, until 2026-10-25 03:00 local).
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "parley/activities.hpp"
#include "parley/error.hpp"

using parley::Activity;
using parley::ActivityDirection;
using parley::ActivityReadOptions;
using parley::ActivityReadResult;
using parley::ActivityType;

namespace {

constexpr std::int64_t at(std::int64_t day, std::int64_t hour, std::int64_t minute = 0) {
  return day * 86'400'000 + hour * 3'600'000 + minute * 60'000;
}
constexpr std::int64_t minutes(std::int64_t count) { return count * 60'000; }

// Day numbers used below.
constexpr std::int64_t oct_12 = 20738, oct_14 = 20740, oct_19 = 20745, oct_24 = 20750, oct_29 = 20755,
                       nov_11 = 20768, nov_16 = 20773, dec_03 = 20790, dec_07 = 20794, dec_08 = 20795,
                       dec_09 = 20796, dec_11 = 20798;

std::string fixture(const char* name) {
  return std::string(PARLEY_TEST_DATA_DIR) + "/activities/calendar/" + name;
}

ActivityReadOptions contoso(std::string zone = "Europe/Copenhagen") {
  ActivityReadOptions options;
  options.our_side.domains = {"contoso.com"};
  options.default_time_zone = std::move(zone);
  return options;
}

const Activity* find(const ActivityReadResult& result, const std::string& id) {
  const auto found = std::find_if(result.activities.begin(), result.activities.end(),
                                  [&](const Activity& activity) { return activity.id == id; });
  return found == result.activities.end() ? nullptr : &*found;
}

std::vector<std::string> ids(const ActivityReadResult& result) {
  std::vector<std::string> list;
  for (const Activity& activity : result.activities) list.push_back(activity.id);
  return list;
}

bool has_error(const ActivityReadResult& result, const std::string& where, const std::string& words) {
  return std::any_of(result.errors.begin(), result.errors.end(), [&](const parley::ActivityReadError& error) {
    return error.where == where && error.message.find(words) != std::string::npos;
  });
}

// A small calendar of one or more VEVENT bodies (CRLF lines).
std::string calendar(const std::vector<std::string>& events, const std::string& method = "") {
  std::string text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";
  if (!method.empty()) text += "METHOD:" + method + "\r\n";
  for (const std::string& event : events) text += "BEGIN:VEVENT\r\n" + event + "END:VEVENT\r\n";
  return text + "END:VCALENDAR\r\n";
}

const std::string parties =
    "ORGANIZER;CN=Anna Nowak:mailto:anna.nowak@contoso.com\r\n"
    "ATTENDEE;CN=Klaus Weber:mailto:klaus.weber@fabrikam.de\r\n";

}  // namespace

TEST_CASE(
    "calendar reader: a Google export, zone from its VTIMEZONE, non-ASCII names, parties on both sides") {
  ActivityReadOptions options = contoso();
  options.linking.ids_by_email = {{"anna.nowak@contoso.com", "u-anna"}};
  options.linking.account_from_customer_domain = true;
  // 4 weeks: 2026-10-19T00:00Z .. 2026-11-16T00:00Z.
  options.expand_from_ms = at(oct_19, 0);
  options.expand_to_ms = at(nov_16, 0);
  const ActivityReadResult result = parley::read_calendar(fixture("google_export.ics"), options);
  CHECK(result.errors.empty());
  // Left out: the cancelled 2026-11-04 occurrence, the internal pipeline review, the cancelled demo.
  CHECK(result.skipped == 3);
  CHECK(ids(result) == std::vector<std::string>{"7kq2v0m4c1r9g8s6b3d5f1h2j4@google.com",
                                                "weekly-sync-fabrikam@google.com/20261028T080000Z",
                                                "weekly-sync-fabrikam@google.com/20261111T080000Z",
                                                "offsite-aarhus@google.com", "migration-night@google.com"});

  const Activity* kickoff = find(result, "7kq2v0m4c1r9g8s6b3d5f1h2j4@google.com");
  REQUIRE(kickoff != nullptr);
  CHECK(kickoff->type == ActivityType::meeting);
  CHECK(kickoff->subject == "Kickoff: Contoso × Fabrikam, pilot");  // "\," unescaped
  CHECK(kickoff->timestamp_ms == at(dec_03, 9));                    // 10:00 CET = 09:00Z
  CHECK(kickoff->duration_ms == minutes(90));                       // 10:00 .. 11:30
  CHECK(kickoff->direction == ActivityDirection::sent);
  CHECK(kickoff->initiator_id == "u-anna");
  CHECK(kickoff->owner_id == "u-anna");
  // The organiser is listed once although Google repeats her as an attendee; a folded CN and a
  // quoted one with a comma are read whole.
  REQUIRE(kickoff->our_side.size() == 2);
  CHECK(kickoff->our_side[0].id == "u-anna");
  CHECK(kickoff->our_side[0].display_name == "Anna Nowak");
  CHECK(kickoff->our_side[0].time_zone == "Europe/Copenhagen");
  CHECK(kickoff->our_side[1].id == "wang.fang@contoso.com");
  CHECK(kickoff->our_side[1].display_name == "王芳");
  REQUIRE(kickoff->customer_side.size() == 2);
  CHECK(kickoff->customer_side[0].id == "soren.kierkegaard@fabrikam.dk");  // lower-cased
  CHECK(kickoff->customer_side[0].email == "soren.kierkegaard@fabrikam.dk");
  CHECK(kickoff->customer_side[0].display_name == "Søren Kierkegård");
  CHECK(kickoff->customer_side[1].display_name == "Łukasz Żółć, CFO");
  CHECK(kickoff->account_id == "fabrikam.dk");

  // Weekly on Wednesdays 09:00 Copenhagen. In the window: 10-21 (EXDATE), 10-28 (moved to Thursday
  // 10-29 13:00 CET = 12:00Z; its id keeps the original slot, 10-28 09:00 CET = 08:00Z), 11-04
  // (cancelled), 11-11 09:00 CET = 08:00Z.
  const Activity* moved = find(result, "weekly-sync-fabrikam@google.com/20261028T080000Z");
  REQUIRE(moved != nullptr);
  CHECK(moved->timestamp_ms == at(oct_29, 12));
  CHECK(moved->subject == "Weekly sync (moved to Thursday)");
  CHECK(moved->duration_ms == minutes(30));
  const Activity* regular = find(result, "weekly-sync-fabrikam@google.com/20261111T080000Z");
  REQUIRE(regular != nullptr);
  CHECK(regular->timestamp_ms == at(nov_11, 8));
  CHECK(regular->subject == "Weekly sync");

  // All day on 2026-12-10: starts at 00:00 Copenhagen = 2026-12-09 23:00Z, adds no time, no zone.
  const Activity* offsite = find(result, "offsite-aarhus@google.com");
  REQUIRE(offsite != nullptr);
  CHECK(offsite->timestamp_ms == at(dec_09, 23));
  CHECK(offsite->duration_ms == 0);
  CHECK(offsite->our_side.at(0).time_zone.empty());

  // 2026-10-24 23:00 CEST (21:00Z) to 2026-10-25 04:00 CET (03:00Z): six hours, not five, across
  // the end of summer time; organised by the customer.
  const Activity* night = find(result, "migration-night@google.com");
  REQUIRE(night != nullptr);
  CHECK(night->timestamp_ms == at(oct_24, 21));
  CHECK(night->duration_ms == minutes(6 * 60));
  CHECK(night->direction == ActivityDirection::received);
  CHECK(night->initiator_id == "soren.kierkegaard@fabrikam.dk");
  CHECK(night->owner_id == "u-anna");
}

TEST_CASE(
    "calendar reader: a weekly series keeps 09:00 local across the DST change; no window = first "
    "occurrence") {
  ActivityReadOptions options = contoso();
  // 2026-10-12T00:00Z .. 2026-11-16T00:00Z: 10-14 (CEST, 07:00Z), 10-21 excluded, 10-28 moved,
  // 11-04 cancelled, 11-11 (CET, 08:00Z).
  options.expand_from_ms = at(oct_12, 0);
  options.expand_to_ms = at(nov_16, 0);
  ActivityReadResult result = parley::read_calendar(fixture("google_export.ics"), options);
  std::vector<std::int64_t> weekly;
  for (const Activity& activity : result.activities) {
    if (activity.id.rfind("weekly-sync", 0) == 0) weekly.push_back(activity.timestamp_ms);
  }
  CHECK(weekly == std::vector<std::int64_t>{at(oct_14, 7), at(oct_29, 12), at(nov_11, 8)});

  options.expand_from_ms = options.expand_to_ms = 0;
  result = parley::read_calendar(fixture("google_export.ics"), options);
  weekly.clear();
  std::vector<std::string> weekly_ids;
  for (const Activity& activity : result.activities) {
    if (activity.id.rfind("weekly-sync", 0) == 0) {
      weekly.push_back(activity.timestamp_ms);
      weekly_ids.push_back(activity.id);
    }
  }
  CHECK(weekly == std::vector<std::int64_t>{at(oct_14, 7)});
  CHECK(weekly_ids == std::vector<std::string>{"weekly-sync-fabrikam@google.com/20261014T070000Z"});
}

TEST_CASE(
    "calendar reader: an Outlook export with a Windows TZID and its VTIMEZONE, rooms, declines, SEQUENCE") {
  const ActivityReadResult result = parley::read_calendar(fixture("outlook_export.ics"), contoso());
  CHECK(result.errors.empty());
  CHECK(result.skipped == 1);  // the pricing workshop's older version (SEQUENCE 0)
  REQUIRE(result.activities.size() == 3);

  // 2026-12-08 10:30 in "Romance Standard Time" (+01:00 in December) = 09:30Z.
  const Activity& follow_up = result.activities[0];
  CHECK(follow_up.id ==
        "040000008200E00074C5B7101A82E00800000000D0A52C2F4A5BDB01000000000000000010000000F1D2C3B4A5968778695A"
        "4B3C2D1E0F10");
  CHECK(follow_up.timestamp_ms == at(dec_08, 9, 30));
  CHECK(follow_up.duration_ms == minutes(60));
  CHECK(follow_up.subject == "Opfølgning: tilbud og prisliste for pilotprojektet hos Fabrikam – uge 50");
  // The room (CUTYPE=RESOURCE) and Mette, who declined, are not parties.
  REQUIRE(follow_up.our_side.size() == 1);
  CHECK(follow_up.our_side[0].display_name == "Nowak, Anna");
  CHECK(follow_up.our_side[0].time_zone == "Europe/Paris");  // ICU's zone for the Windows name
  REQUIRE(follow_up.customer_side.size() == 1);
  CHECK(follow_up.customer_side[0].email == "soren.kierkegaard@fabrikam.dk");

  // UTC: 2026-12-09 13:00Z .. 13:45Z, organised by the customer.
  const Activity& contract = result.activities[1];
  CHECK(contract.timestamp_ms == at(dec_09, 13));
  CHECK(contract.duration_ms == minutes(45));
  CHECK(contract.direction == ActivityDirection::received);
  CHECK(contract.initiator_id == "marco.rossi@fabrikam.it");
  CHECK(contract.owner_id == "anna.nowak@contoso.com");
  CHECK(contract.our_side.at(0).email == "anna.nowak@contoso.com");
  CHECK(contract.our_side.at(0).time_zone.empty());

  // SEQUENCE 1 (first in the file) beats SEQUENCE 0: Friday 2026-12-11 14:00Z.
  const Activity& workshop = result.activities[2];
  CHECK(workshop.id == "pricing-workshop-0001@contoso.com");
  CHECK(workshop.timestamp_ms == at(dec_11, 14));
  CHECK(workshop.subject == "Pricing workshop (moved to Friday)");
}

TEST_CASE(
    "calendar reader: zones without a VTIMEZONE (Windows name, path-like TZID), floating, unknown TZID") {
  const ActivityReadResult result =
      parley::read_calendar(fixture("zones_without_vtimezone.ics"), contoso("America/New_York"));
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].file == fixture("zones_without_vtimezone.ics"));
  CHECK(result.errors[0].where == "VEVENT 2 (line 13)");
  CHECK(result.errors[0].message.find("DTSTART (line 16): unknown TZID 'Mars/Olympus_Mons'") == 0);
  REQUIRE(result.activities.size() == 3);
  // "W. Europe Standard Time" -> Europe/Berlin: 2026-12-07 09:00 CET = 08:00Z.
  CHECK(result.activities[0].timestamp_ms == at(dec_07, 8));
  CHECK(result.activities[0].our_side.at(0).time_zone == "Europe/Berlin");
  // Floating 14:00 in the default zone, New York (EST, -05:00) = 19:00Z; no zone on the parties.
  CHECK(result.activities[1].id == "floating-1@contoso.com");
  CHECK(result.activities[1].timestamp_ms == at(dec_08, 19));
  CHECK(result.activities[1].duration_ms == minutes(60));
  CHECK(result.activities[1].customer_side.at(0).time_zone.empty());
  // ".../Tzfile/Europe/Warsaw" -> Europe/Warsaw: 15:00 CET = 14:00Z; DURATION:PT45M.
  CHECK(result.activities[2].timestamp_ms == at(dec_07, 14));
  CHECK(result.activities[2].duration_ms == minutes(45));
  CHECK(result.activities[2].our_side.at(0).time_zone == "Europe/Warsaw");
}

TEST_CASE("calendar reader: malformed VEVENTs are errors naming them and their line; the others are read") {
  const ActivityReadResult result = parley::read_calendar(fixture("malformed.ics"), contoso());
  CHECK(ids(result) == std::vector<std::string>{"good-1@contoso.com", "good-2@contoso.com"});
  CHECK(result.activities.at(0).timestamp_ms == at(dec_07, 9));
  CHECK(result.activities.at(1).timestamp_ms == at(dec_07, 12));
  CHECK(result.activities.at(1).duration_ms == minutes(30));
  CHECK(result.errors.size() == 5);
  CHECK(has_error(result, "VEVENT 2 (line 13)", "DTSTART (line 16): Can't parse"));
  CHECK(has_error(result, "VEVENT 3 (line 22)", "DTEND (line 26) is before DTSTART (line 25)"));
  CHECK(has_error(result, "VEVENT 4 (line 31)", "no DTSTART"));
  CHECK(has_error(result, "VEVENT 5 (line 38)", "no END:VEVENT before BEGIN:VEVENT at line 44"));
  CHECK(has_error(result, "VEVENT 7 (line 53)", "DTSTART (line 55): invalid date-time '20261341T090000"));
}

TEST_CASE("calendar reader: empty, garbage, truncated and oversized files are clear errors") {
  const ActivityReadOptions options = contoso();
  ActivityReadResult result = parley::read_calendar(fixture("empty.ics"), options);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].where.empty());  // the whole file, as the mail reader says it
  CHECK(result.errors[0].message == "empty file: no BEGIN:VCALENDAR");

  result = parley::read_calendar(fixture("garbage.ics"), options);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].where == "line 1");
  CHECK(result.errors[0].message.find("not an iCalendar file") == 0);
  CHECK(result.activities.empty());

  // The complete VEVENT is read; the cut one is named.
  result = parley::read_calendar(fixture("truncated.ics"), options);
  CHECK(ids(result) == std::vector<std::string>{"complete@contoso.com"});
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].where == "VEVENT 2 (line 13)");
  CHECK(result.errors[0].message == "truncated file: it ends before END:VEVENT");

  // Cut after the last VEVENT: the calendar is named.
  const std::string whole = calendar({"UID:a\r\nDTSTART:20261207T090000Z\r\n" + parties});
  result = parley::read_calendar_text(whole.substr(0, whole.size() - 15), "cut.ics", options);
  CHECK(result.activities.size() == 1);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].file == "cut.ics");
  CHECK(result.errors[0].message == "truncated file: no END:VCALENDAR for the BEGIN:VCALENDAR at line 1");

  // Binary bytes inside a VEVENT, whitespace only, and a NUL-laden text.
  result = parley::read_calendar_text(calendar({"UID:b\r\nDTSTART:20261207T090000Z\r\nSUMMARY:a" +
                                                std::string("\0\xff", 2) + "b\r\n" + parties}),
                                      "nul.ics", options);
  CHECK(result.activities.empty());
  CHECK(has_error(result, "VEVENT 1 (line 4)", "binary data (a NUL byte) at line 7"));
  result = parley::read_calendar_text(" \r\n\r\n\n", "blank.ics", options);
  CHECK(result.errors.at(0).message == "empty file: no BEGIN:VCALENDAR");
  result = parley::read_calendar_text(std::string("\0\0\0\0", 4), "zeros.ics", options);
  CHECK(result.errors.at(0).message.find("not an iCalendar file") == 0);

  ActivityReadOptions small = options;
  small.max_file_bytes = 100;
  result = parley::read_calendar(fixture("google_export.ics"), small);
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].where.empty());  // the whole file, as the mail reader says it
  CHECK(result.errors[0].message.find("larger than the limit of 100 bytes") == 0);
  // A missing file is the caller's error (as read_mail's), naming the path.
  CHECK_THROWS_WITH_AS(parley::read_calendar(fixture("no-such-file.ics"), options),
                       doctest::Contains("cannot read the calendar '"), parley::Error);
}

TEST_CASE("calendar reader: internal meetings, no customer, METHOD:CANCEL, a later SEQUENCE") {
  const ActivityReadOptions options = contoso();
  // Only our side, only theirs, nobody at all: not customer interaction.
  ActivityReadResult result = parley::read_calendar_text(
      calendar({"UID:internal\r\nDTSTART:20261207T090000Z\r\nORGANIZER:mailto:anna.nowak@contoso.com\r\n"
                "ATTENDEE:mailto:piotr@eu.contoso.com\r\n",
                "UID:theirs\r\nDTSTART:20261207T090000Z\r\nORGANIZER:mailto:klaus.weber@fabrikam.de\r\n",
                "UID:alone\r\nDTSTART:20261207T090000Z\r\nSUMMARY:Dentist\r\n"}),
      "sides.ics", options);
  CHECK(result.activities.empty());
  CHECK(result.errors.empty());
  CHECK(result.skipped == 3);

  // A cancelled series takes its moved occurrence with it: two VEVENTs skipped.
  result = parley::read_calendar_text(
      calendar({"UID:s1\r\nSTATUS:CANCELLED\r\nDTSTART:20261207T090000Z\r\nRRULE:FREQ=DAILY\r\n" + parties,
                "UID:s1\r\nRECURRENCE-ID:20261208T090000Z\r\nDTSTART:20261208T100000Z\r\n" + parties}),
      "series.ics", options);
  CHECK(result.activities.empty());
  CHECK(result.skipped == 2);

  // No UID, a negative DURATION: errors, not skips.
  result = parley::read_calendar_text(
      calendar({"DTSTART:20261207T090000Z\r\n" + parties,
                "UID:neg\r\nDTSTART:20261207T090000Z\r\nDURATION:-PT1H\r\n" + parties}),
      "bad.ics", options);
  CHECK(result.skipped == 0);
  CHECK(has_error(result, "VEVENT 1 (line 4)", "no UID"));
  CHECK(has_error(result, "VEVENT 2 (line 9)", "DURATION (line 12) is negative"));

  // A cancellation file alone: nothing to add.
  result = parley::read_calendar_text(
      calendar({"UID:m1\r\nSEQUENCE:1\r\nDTSTART:20261207T090000Z\r\n" + parties}, "CANCEL"), "cancel.ics",
      options);
  CHECK(result.activities.empty());
  CHECK(result.skipped == 1);

  // The request and its cancellation concatenated in one file (two VCALENDARs): cancelled.
  const std::string request =
      calendar({"UID:m1\r\nSEQUENCE:0\r\nDTSTART:20261207T090000Z\r\n" + parties}, "REQUEST");
  const std::string cancel =
      calendar({"UID:m1\r\nSEQUENCE:1\r\nDTSTART:20261207T090000Z\r\n" + parties}, "CANCEL");
  result = parley::read_calendar_text(request + cancel, "both.ics", options);
  CHECK(result.activities.empty());
  CHECK(result.skipped == 2);
  // An older cancellation loses to a later update.
  const std::string update =
      calendar({"UID:m1\r\nSEQUENCE:2\r\nDTSTART:20261208T090000Z\r\n" + parties}, "REQUEST");
  result = parley::read_calendar_text(cancel + update, "update.ics", options);
  REQUIRE(result.activities.size() == 1);
  CHECK(result.activities[0].timestamp_ms == at(dec_08, 9));
  CHECK(result.skipped == 1);
}

TEST_CASE("calendar reader: recurrence rules: COUNT, UNTIL in UTC, RDATE, a runaway rule, a bad window") {
  ActivityReadOptions options = contoso();
  options.expand_from_ms = at(dec_07, 0);
  options.expand_to_ms = at(dec_07 + 28, 0);
  // Daily 09:00 Copenhagen (08:00Z) from Monday 2026-12-07, COUNT=3, plus an RDATE on 12-20.
  ActivityReadResult result = parley::read_calendar_text(
      calendar({"UID:daily\r\nDTSTART;TZID=Europe/Copenhagen:20261207T090000\r\nDURATION:PT15M\r\n"
                "RRULE:FREQ=DAILY;COUNT=3\r\nRDATE;TZID=Europe/Copenhagen:20261220T090000\r\n" +
                parties}),
      "daily.ics", options);
  CHECK(result.errors.empty());
  std::vector<std::int64_t> starts;
  for (const Activity& activity : result.activities) starts.push_back(activity.timestamp_ms);
  CHECK(starts ==
        std::vector<std::int64_t>{at(dec_07, 8), at(dec_07 + 1, 8), at(dec_07 + 2, 8), at(dec_07 + 13, 8)});

  // UNTIL=20261209T080000Z is exactly the 12-09 09:00 CET occurrence: included (3 in all).
  result =
      parley::read_calendar_text(calendar({"UID:until\r\nDTSTART;TZID=Europe/Copenhagen:20261207T090000\r\n"
                                           "RRULE:FREQ=DAILY;UNTIL=20261209T080000Z\r\n" +
                                           parties}),
                                 "until.ics", options);
  CHECK(result.activities.size() == 3);

  // Monthly on the second Tuesday since 2025-01-14: in the window only 2026-12-08 (December 1 is a
  // Tuesday); 2027-01-12 is after the window's end (2027-01-04).
  result = parley::read_calendar_text(
      calendar({"UID:monthly\r\nDTSTART:20250114T100000Z\r\nRRULE:FREQ=MONTHLY;BYDAY=2TU\r\n" + parties}),
      "monthly.ics", options);
  CHECK(ids(result) == std::vector<std::string>{"monthly/20261208T100000Z"});
  CHECK(result.activities.at(0).timestamp_ms == at(dec_08, 10));

  // A bad DTSTAMP only loses the tie-break; a bad SEQUENCE is libical's 0.
  result = parley::read_calendar_text(
      calendar({"UID:stamp\r\nDTSTAMP:yesterday\r\nDTSTART:20261207T090000Z\r\n" + parties}), "stamp.ics",
      options);
  CHECK(result.errors.empty());
  CHECK(result.activities.size() == 1);

  // Every second for a day: more than 10,000 occurrences in the window -> an error, nothing kept.
  result = parley::read_calendar_text(
      calendar({"UID:runaway\r\nDTSTART:20261207T090000Z\r\nRRULE:FREQ=SECONDLY\r\n" + parties}),
      "runaway.ics", options);
  CHECK(result.activities.empty());
  REQUIRE(result.errors.size() == 1);
  CHECK(result.errors[0].where == "VEVENT 1 (line 4)");
  CHECK(result.errors[0].message ==
        "RRULE (line 7) gives more than 10000 occurrences before the window's end");

  // Every minute of a 30 February: libical would search for centuries; refused at once.
  result = parley::read_calendar_text(
      calendar({"UID:never\r\nDTSTART:20261207T090000Z\r\nRRULE:FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=30\r\n" +
                parties}),
      "never.ics", options);
  CHECK(result.activities.empty());
  CHECK(has_error(result, "VEVENT 1 (line 4)",
                  "RRULE (line 7) repeats more often than daily on restricted dates"));

  // libical's complaints about properties the reader does not use are ignored; about one it uses, an
  // error naming it.
  result = parley::read_calendar_text(
      calendar({"UID:valuetypes\r\nDTSTART:20261207T090000Z\r\nDESCRIPTION;VALUE=INTEGER:7\r\n"
                "CLASS:WHATEVER\r\nX-ODD;VALUE=DATE:tomorrow\r\n" +
                parties}),
      "lenient.ics", options);
  CHECK(result.errors.empty());
  CHECK(result.activities.size() == 1);
  result = parley::read_calendar_text(
      calendar({"UID;VALUE=INTEGER:5\r\nDTSTART:20261207T090000Z\r\n" + parties}), "uid.ics", options);
  CHECK(has_error(result, "VEVENT 1 (line 4)", "UID (line 5): Invalid VALUE type for property UID"));

  // A bad RRULE is libical's error on a property the reader uses.
  result = parley::read_calendar_text(
      calendar({"UID:badrule\r\nDTSTART:20261207T090000Z\r\nRRULE:FREQ=FORTNIGHTLY\r\n" + parties}),
      "rule.ics", options);
  CHECK(has_error(result, "VEVENT 1 (line 4)", "RRULE (line 7): "));

  ActivityReadOptions backwards = options;
  backwards.expand_to_ms = backwards.expand_from_ms;
  CHECK_THROWS_AS(parley::read_calendar_text(calendar({}), "x.ics", backwards), parley::Error);
  ActivityReadOptions nowhere = options;
  nowhere.default_time_zone = "Atlantis/Capital";
  CHECK_THROWS_AS(parley::read_calendar_text(calendar({}), "x.ics", nowhere), parley::Error);
}

TEST_CASE("calendar reader: a moved single occurrence without its series, and reads from several threads") {
  const ActivityReadOptions options = contoso();
  // Outlook sends one moved occurrence alone: RECURRENCE-ID 2026-12-07 09:00Z, now 12-08 10:00Z.
  // A UTF-8 byte order mark before BEGIN:VCALENDAR (Windows tools write one) is skipped.
  const ActivityReadResult marked = parley::read_calendar_text(
      "\xEF\xBB\xBF" + calendar({"UID:bom\r\nDTSTART:20261207T090000Z\r\n" + parties}), "bom.ics", options);
  CHECK(marked.errors.empty());
  CHECK(marked.activities.size() == 1);

  // A TZID naming the default zone is still the event's own zone.
  const ActivityReadResult named = parley::read_calendar_text(
      calendar({"UID:named\r\nDTSTART;TZID=Europe/Copenhagen:20261207T100000\r\n" + parties}), "named.ics",
      options);
  CHECK(named.activities.at(0).timestamp_ms == at(dec_07, 9));
  CHECK(named.activities.at(0).our_side.at(0).time_zone == "Europe/Copenhagen");

  const ActivityReadResult alone = parley::read_calendar_text(
      calendar({"UID:series-x\r\nRECURRENCE-ID:20261207T090000Z\r\nDTSTART:20261208T100000Z\r\n" + parties}),
      "moved.ics", options);
  REQUIRE(alone.activities.size() == 1);
  CHECK(alone.activities[0].id == "series-x/20261207T090000Z");
  CHECK(alone.activities[0].timestamp_ms == at(dec_08, 10));

  std::vector<std::size_t> counts(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    threads.emplace_back([&, i] {
      counts[i] = parley::read_calendar(fixture("outlook_export.ics"), options).activities.size();
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(counts == std::vector<std::size_t>(4, 3));
}

TEST_CASE("calendar reader: a file cut at any point is reported, never a crash") {
  std::ifstream in(fixture("google_export.ics"), std::ios::binary);
  const std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(whole.size() > 1000);
  ActivityReadOptions options = contoso();
  options.expand_from_ms = at(oct_19, 0);
  options.expand_to_ms = at(nov_16, 0);
  // Every cut before the final "END:VCALENDAR\r\n" (15 bytes) leaves something unfinished.
  for (std::size_t cut = 0; cut + 15 < whole.size(); cut += 17) {
    const ActivityReadResult result = parley::read_calendar_text(whole.substr(0, cut), "cut.ics", options);
    CHECK_MESSAGE(!result.errors.empty(), "cut at byte " << cut);
  }
  // Bytes flipped to garbage one at a time: read without a crash, and whatever is read is still a
  // customer meeting with a start and a non-negative duration.
  for (std::size_t at_byte = 0; at_byte < whole.size(); at_byte += 19) {
    std::string damaged = whole;
    damaged[at_byte] = static_cast<char>(0xFF);
    for (const Activity& activity : parley::read_calendar_text(damaged, "damaged.ics", options).activities) {
      CHECK(!activity.id.empty());
      CHECK(!activity.our_side.empty());
      CHECK(!activity.customer_side.empty());
      CHECK(activity.duration_ms >= 0);
    }
  }
}
