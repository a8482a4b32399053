// Every KPI of the shared record (scenario.hpp), worked out by hand, and of an empty record.
//
// What counts (docs/relationship.md): 20 activities; m3 is after now (scheduled), e6-sent a copy
// of e6, e7 an automatic reply: 17 counted.
//   emails   e1 e3 e4 e6 e8 e10 e14 by us (7);  e2 e5 e9 e11 e12 e13 by the customer (6)
//   meetings m1 by us;                          m2 by the customer
//   calls    c1 c2 by us;                       none by the customer
#include <doctest/doctest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/relationship.hpp"
#include "relationship/scenario.hpp"

namespace {

using namespace relationship_test;

parley::RelationshipOptions copenhagen(bool business_hours = false) {
  parley::RelationshipOptions options;
  options.time_zone = "Europe/Copenhagen";
  options.business_hours_only = business_hours;
  return options;
}

std::string summary_text(const parley::RelationshipKpis& k, const std::string& topic) {
  for (const auto& sentence : k.summary) {
    if (sentence.topic == topic) return sentence.text;
  }
  return "(no sentence " + topic + ")";
}

double figure(const parley::RelationshipKpis& k, const std::string& topic, const std::string& name) {
  for (const auto& sentence : k.summary) {
    if (sentence.topic != topic) continue;
    for (const auto& [key, value] : sentence.figures) {
      if (key == name) return value;
    }
  }
  return -1e300;
}

}  // namespace

TEST_CASE("counts, initiation, engagement and ratios of the record") {
  const parley::RelationshipKpis k = parley::relationship_kpis(record(), copenhagen(), now_ms);
  CHECK(k.activities == 17);
  CHECK(k.scheduled == 1);
  CHECK(k.initiated.by_us.emails == 7);
  CHECK(k.initiated.by_us.meetings == 1);
  CHECK(k.initiated.by_us.phone_calls == 2);
  CHECK(k.initiated.by_customer.emails == 6);
  CHECK(k.initiated.by_customer.meetings == 1);
  CHECK(k.initiated.by_customer.phone_calls == 0);
  // Tracked: e1 (opened twice, link clicked), e3 (opened, replied), e6 (no event); e6-sent is a copy.
  CHECK(k.engagement.tracked_emails == 3);
  CHECK(k.engagement.opened == 2);
  CHECK(k.engagement.replied == 1);
  CHECK(k.engagement.link_clicked == 1);
  CHECK(k.engagement.attachment_viewed == 0);
  // 6 customer emails per 7 of ours; 7 of ours per 6 of theirs.
  CHECK(k.email_ratio.emails_by_us == 7);
  CHECK(k.email_ratio.emails_by_customer == 6);
  CHECK(*k.email_ratio.by_them == doctest::Approx(6.0 / 7.0));
  CHECK(*k.email_ratio.by_us == doctest::Approx(7.0 / 6.0));
}

TEST_CASE("top contacts on each side, by interactions, with counts by mode and last contact") {
  const parley::RelationshipKpis k = parley::relationship_kpis(record(), copenhagen(), now_ms);
  // Anna: e1 e2 e3 e5 e11 e14 (6 emails), m1 m2, c1 = 9, last e11 (3 Dec 14:00 UTC).
  // Ben: e4 e6 e8 e12 (4), m1, c1 = 6, last e4 (2 Dec 09:00). Cleo: e9 e10 e13 (3), c2 = 4, last e13.
  REQUIRE(k.top_contacts_ours.size() == 3);
  CHECK(k.top_contacts_ours[0].id == "u-anna");
  CHECK(k.top_contacts_ours[0].display_name == "Anna Berg");
  CHECK(k.top_contacts_ours[0].email == "anna@seller.example");
  CHECK(k.top_contacts_ours[0].interactions.emails == 6);
  CHECK(k.top_contacts_ours[0].interactions.meetings == 2);
  CHECK(k.top_contacts_ours[0].interactions.phone_calls == 1);
  CHECK(k.top_contacts_ours[0].last_contact_ms == utc(2026, 12, 3, 14, 0));
  CHECK(k.top_contacts_ours[1].id == "u-ben");
  CHECK(k.top_contacts_ours[1].interactions.total() == 6);
  CHECK(k.top_contacts_ours[1].last_contact_ms == utc(2026, 12, 2, 9, 0));
  CHECK(k.top_contacts_ours[2].id == "u-cleo");
  CHECK(k.top_contacts_ours[2].interactions.emails == 3);
  CHECK(k.top_contacts_ours[2].interactions.phone_calls == 1);
  CHECK(k.top_contacts_ours[2].last_contact_ms == utc(2026, 11, 25, 8, 0));
  // Erik: e6 e8 e9 e10 e12 e13 e14 (7; not the copy e6-sent nor his autoreply e7), m1, c1 = 9, last
  // e12 (27 Nov 09:00). Dana: e1 e2 e3 e4 e5 e11 (6), m1 m2 = 8, last e11. Fay: e14, c2 = 2.
  REQUIRE(k.top_contacts_customer.size() == 3);
  CHECK(k.top_contacts_customer[0].id == "c-erik");
  CHECK(k.top_contacts_customer[0].interactions.emails == 7);
  CHECK(k.top_contacts_customer[0].interactions.meetings == 1);
  CHECK(k.top_contacts_customer[0].interactions.phone_calls == 1);
  CHECK(k.top_contacts_customer[0].last_contact_ms == utc(2026, 11, 27, 9, 0));
  CHECK(k.top_contacts_customer[1].id == "c-dana");
  CHECK(k.top_contacts_customer[1].interactions.emails == 6);
  CHECK(k.top_contacts_customer[1].interactions.meetings == 2);
  CHECK(k.top_contacts_customer[2].id == "c-fay");
  CHECK(k.top_contacts_customer[2].interactions.total() == 2);
  CHECK(k.top_contacts_customer[2].last_contact_ms == utc(2026, 11, 25, 16, 0));
}

TEST_CASE("top contacts with equal counts go by latest contact, then id") {
  std::vector<parley::Activity> mail = {email("a", anna(), true, {erik()}, utc(2026, 12, 1, 9, 0), "A"),
                                        email("b", anna(), true, {dana()}, utc(2026, 12, 1, 10, 0), "B"),
                                        email("c", anna(), true, {fay()}, utc(2026, 12, 1, 9, 0), "C")};
  parley::RelationshipOptions options = copenhagen();
  options.top_contacts = 2;
  const parley::RelationshipKpis k = parley::relationship_kpis(mail, options, now_ms);
  // One each: Dana (10:00) first, then Erik and Fay at 09:00: c-erik < c-fay; two listed.
  REQUIRE(k.top_contacts_customer.size() == 2);
  CHECK(k.top_contacts_customer[0].id == "c-dana");
  CHECK(k.top_contacts_customer[1].id == "c-erik");
}

TEST_CASE("the 60-day breakdown in Copenhagen days, its gaps and the time spent") {
  const parley::RelationshipKpis k = parley::relationship_kpis(record(), copenhagen(), now_ms);
  // 60 local days ending Monday 7 December: 9 October (index 0) .. 7 December (59); 1 November is
  // index 23. 9 October is still CEST: local midnight = 8 Oct 22:00 UTC.
  REQUIRE(k.days.size() == 60);
  CHECK(k.days[0].date == "2026-10-09");
  CHECK(k.days[0].start_ms == utc(2026, 10, 8, 22, 0));
  CHECK(k.days[59].date == "2026-12-07");
  CHECK(k.days[59].start_ms == utc(2026, 12, 6, 23, 0));
  auto day = [&](const char* date) -> const parley::RelationshipDay& {
    for (const auto& d : k.days) {
      if (d.date == date) return d;
    }
    FAIL("no day " << date);
    return k.days[0];
  };
  // 12 Oct: c1, Anna and Ben with Erik, 30 min: ours 2 x 30 = 60, customer 30.
  CHECK(day("2026-10-12").calls_made == 1);
  CHECK(day("2026-10-12").minutes_ours == 60);
  CHECK(day("2026-10-12").minutes_customer == 30);
  // 20 Nov: e6, e8 (Ben to Erik): written 2 x 5 = 10, read 2 x 2.5 = 5. Not the copy, not the autoreply.
  CHECK(day("2026-11-20").emails_sent == 2);
  CHECK(day("2026-11-20").emails_received == 0);
  CHECK(day("2026-11-20").minutes_ours == 10);
  CHECK(day("2026-11-20").minutes_customer == 5);
  // 24 Nov: e9 received (Erik writes 5, Cleo reads 2.5), e10 sent (5 / 2.5): 7.5 each.
  CHECK(day("2026-11-24").emails_sent == 1);
  CHECK(day("2026-11-24").emails_received == 1);
  CHECK(day("2026-11-24").minutes_ours == 7.5);
  CHECK(day("2026-11-24").minutes_customer == 7.5);
  // 25 Nov: e13 received (ours read 2.5, customer wrote 5); m1, 60 min, 2 attendees a side (120
  // each); e14 sent by Anna (5) to Erik and Fay (2 x 2.5 = 5): ours 127.5, customer 130.
  CHECK(day("2026-11-25").emails_sent == 1);
  CHECK(day("2026-11-25").emails_received == 1);
  CHECK(day("2026-11-25").meetings_sent == 1);
  CHECK(day("2026-11-25").meetings_received == 0);
  CHECK(day("2026-11-25").minutes_ours == 127.5);
  CHECK(day("2026-11-25").minutes_customer == 130);
  // 26 Nov: the all-day m2 (25 Nov 23:00 UTC = 26 Nov 00:00 CET), duration 0.
  CHECK(day("2026-11-26").meetings_received == 1);
  CHECK(day("2026-11-26").minutes_ours == 0);
  CHECK(day("2026-11-26").minutes_customer == 0);
  CHECK(day("2026-11-27").emails_received == 1);  // e12
  CHECK(day("2026-12-01").emails_sent == 1);      // e1; e2 received
  CHECK(day("2026-12-01").emails_received == 1);
  // 2 Dec: e3 and e4 sent (10 / 5), e5 received (2.5 / 5): ours 12.5, customer 10.
  CHECK(day("2026-12-02").emails_sent == 2);
  CHECK(day("2026-12-02").emails_received == 1);
  CHECK(day("2026-12-02").minutes_ours == 12.5);
  CHECK(day("2026-12-02").minutes_customer == 10);
  CHECK(day("2026-12-03").emails_received == 1);  // e11, the forward
  CHECK(day("2026-12-07").interactions() == 0);   // m3 is on 9 December
  // c2 (5 Oct) is before the window: no day has a call received or a second call.
  std::int64_t calls = 0;
  for (const auto& d : k.days) calls += d.calls_made + d.calls_received;
  CHECK(calls == 1);
  // Days with an interaction: 12 Oct, 20 Nov, 24-27 Nov, 1-3 Dec. Gaps: 9-11 Oct (3), 13 Oct - 19 Nov
  // (19 + 19 = 38), 21-23 Nov (3), 28-30 Nov (3), 4-7 Dec (4).
  REQUIRE(k.gaps.size() == 5);
  CHECK(k.gaps[0].start_date == "2026-10-09");
  CHECK(k.gaps[0].days == 3);
  CHECK(k.gaps[1].start_date == "2026-10-13");
  CHECK(k.gaps[1].days == 38);
  CHECK(k.gaps[2].start_date == "2026-11-21");
  CHECK(k.gaps[3].start_date == "2026-11-28");
  CHECK(k.gaps[4].start_date == "2026-12-04");
  CHECK(k.gaps[4].days == 4);
  REQUIRE(k.longest_gap.has_value());
  CHECK(k.longest_gap->start_date == "2026-10-13");
  CHECK(k.longest_gap->days == 38);
  // Totals: ours 60 + 10 + 7.5 + 127.5 + 0 + 2.5 (e12) + 7.5 (1 Dec) + 12.5 + 2.5 (e11) = 230;
  // customer 30 + 5 + 7.5 + 130 + 0 + 5 + 7.5 + 10 + 5 = 200.
  CHECK(k.minutes_ours == 230);
  CHECK(k.minutes_customer == 200);
}

TEST_CASE("day boundaries follow the record's zone (UTC puts the all-day event a day earlier)") {
  parley::RelationshipOptions options;  // UTC
  const parley::RelationshipKpis k = parley::relationship_kpis(record(), options, now_ms);
  REQUIRE(k.days.size() == 60);
  CHECK(k.days[0].date == "2026-10-09");
  CHECK(k.days[0].start_ms == utc(2026, 10, 9, 0, 0));
  // m2 at 25 Nov 23:00 UTC: on 25 November with m1.
  for (const auto& d : k.days) {
    if (d.date == "2026-11-25") CHECK(d.meetings_received == 1);
    if (d.date == "2026-11-26") CHECK(d.interactions() == 0);
  }
}

TEST_CASE("the time model is configurable") {
  parley::RelationshipOptions options = copenhagen();
  options.time_spent.email_write_minutes = 10;
  options.time_spent.email_read_minutes = 1;
  options.time_spent.meeting_per_attendee = false;
  options.time_spent.call_per_participant = false;
  const parley::RelationshipKpis k = parley::relationship_kpis(record(), options, now_ms);
  // 25 Nov: e13 (ours read 1, customer wrote 10), m1 once a side (60 / 60), e14 (ours 10, customer
  // 2 x 1): ours 71, customer 72. 12 Oct: c1 once a side: 30 / 30.
  for (const auto& d : k.days) {
    if (d.date == "2026-11-25") {
      CHECK(d.minutes_ours == 71);
      CHECK(d.minutes_customer == 72);
    }
    if (d.date == "2026-10-12") {
      CHECK(d.minutes_ours == 30);
      CHECK(d.minutes_customer == 30);
    }
  }
}

TEST_CASE("response time and rate both ways") {
  const parley::RelationshipKpis k = parley::relationship_kpis(record(), copenhagen(true), now_ms);
  // Ours: e10 14400 s, e3 55800 s: mean = median = 35100. Business: 10800 and 0: 5400.
  CHECK(k.response_time_ours.responses == 2);
  CHECK(*k.response_time_ours.mean_seconds == 35100);
  CHECK(*k.response_time_ours.median_seconds == 35100);
  CHECK(*k.response_time_ours.business_mean_seconds == doctest::Approx(5400));
  CHECK(*k.response_time_ours.business_median_seconds == doctest::Approx(5400));
  // Customer: e13 75600, e2 9000, e5 25200: mean 109800 / 3 = 36600, median 25200. Business 18000,
  // 9000, 3600: mean 10200, median 9000.
  CHECK(k.response_time_customer.responses == 3);
  CHECK(*k.response_time_customer.mean_seconds == 36600);
  CHECK(*k.response_time_customer.median_seconds == 25200);
  CHECK(*k.response_time_customer.business_mean_seconds == doctest::Approx(10200));
  CHECK(*k.response_time_customer.business_median_seconds == doctest::Approx(9000));
  // Customer emails to us: e2 e5 e9 e11 e12 e13 (not the autoreply e7); we responded to e2 (e3) and
  // e9 (e10): 2 / 6. Our emails to them: e1 e3 e4 e6 e8 e10 e14; they responded to e1 (e2), e3 (e5),
  // e10 (e13): 3 / 7.
  CHECK(k.response_rate_ours.messages == 6);
  CHECK(k.response_rate_ours.responded == 2);
  CHECK(*k.response_rate_ours.rate == doctest::Approx(2.0 / 6.0));
  CHECK(k.response_rate_customer.messages == 7);
  CHECK(k.response_rate_customer.responded == 3);
  CHECK(*k.response_rate_customer.rate == doctest::Approx(3.0 / 7.0));
  // Without business hours the business figures are absent.
  const parley::RelationshipKpis plain = parley::relationship_kpis(record(), copenhagen(false), now_ms);
  CHECK_FALSE(plain.response_time_ours.business_mean_seconds.has_value());
  CHECK(*plain.response_time_ours.mean_seconds == 35100);
}

TEST_CASE("last and next interaction") {
  const parley::RelationshipKpis k = parley::relationship_kpis(record(), copenhagen(), now_ms);
  REQUIRE(k.last_interaction.has_value());
  CHECK(k.last_interaction->activity_id == "e11");
  CHECK(k.last_interaction->type == parley::ActivityType::email);
  CHECK(k.last_interaction->timestamp_ms == utc(2026, 12, 3, 14, 0));
  REQUIRE(k.next_interaction.has_value());
  CHECK(k.next_interaction->activity_id == "m3");
  CHECK(k.next_interaction->type == parley::ActivityType::meeting);
  CHECK(k.next_interaction->timestamp_ms == utc(2026, 12, 9, 15, 0));
}

TEST_CASE("the summary states the figures in words") {
  const parley::RelationshipKpis k = parley::relationship_kpis(record(), copenhagen(true), now_ms);
  CHECK(summary_text(k, "initiated_emails") == "1 more email initiated by us than by the customer");
  CHECK(figure(k, "initiated_emails", "ours") == 7);
  CHECK(figure(k, "initiated_emails", "customer") == 6);
  CHECK(figure(k, "initiated_emails", "difference") == 1);
  CHECK(summary_text(k, "initiated_meetings") ==
        "As many meetings initiated by us as by the customer (1 each)");
  CHECK(summary_text(k, "initiated_phone_calls") ==
        "2 more phone calls initiated by us than by the customer");
  // 35100 s = 585 min = 9 h 45 min; business 5400 s = 1 h 30 min.
  CHECK(summary_text(k, "response_time_ours") ==
        "Our median response time is 9 h 45 min (mean 9 h 45 min) over 2 responses; in business hours 1 h 30 "
        "min");
  // 25200 s = 7 h; 36600 s = 610 min = 10 h 10 min; business 9000 s = 2 h 30 min.
  CHECK(
      summary_text(k, "response_time_customer") ==
      "The customer's median response time is 7 h (mean 10 h 10 min) over 3 responses; in business hours 2 h "
      "30 min");
  CHECK(summary_text(k, "response_rate_ours") == "We responded to 2 of the customer's 6 emails (33%)");
  CHECK(summary_text(k, "response_rate_customer") == "The customer responded to 3 of our 7 emails (43%)");
  CHECK(summary_text(k, "email_ratio") == "The customer sent 0.86 emails per email of ours (6 to 7)");
  // 230 min = 3 h 50 min; 200 min = 3 h 20 min.
  CHECK(summary_text(k, "time_spent") ==
        "Over the last 60 days our side spent 3 h 50 min and the customer's side 3 h 20 min");
  CHECK(summary_text(k, "longest_gap") == "Longest gap without interaction: 38 days from 2026-10-13");
  // 7 Dec 12:00 - 3 Dec 14:00 = 3 d 22 h; 9 Dec 15:00 - 7 Dec 12:00 = 2 d 3 h.
  CHECK(summary_text(k, "last_interaction") == "Last interaction: email, 3 days ago");
  CHECK(figure(k, "last_interaction", "days_ago") == 3);
  CHECK(summary_text(k, "next_interaction") == "Next interaction: meeting, in 2 days");
}

TEST_CASE("an empty record defines every figure (zero counts, absent means)") {
  const parley::RelationshipKpis k = parley::relationship_kpis({}, copenhagen(true), now_ms);
  CHECK(k.activities == 0);
  CHECK(k.top_contacts_ours.empty());
  CHECK(k.initiated.by_us.total() == 0);
  CHECK(k.engagement.tracked_emails == 0);
  CHECK_FALSE(k.email_ratio.by_them.has_value());
  REQUIRE(k.days.size() == 60);
  REQUIRE(k.longest_gap.has_value());
  CHECK(k.longest_gap->days == 60);
  CHECK(k.longest_gap->start_date == "2026-10-09");
  CHECK_FALSE(k.response_time_ours.mean_seconds.has_value());
  CHECK_FALSE(k.response_rate_customer.rate.has_value());
  CHECK_FALSE(k.last_interaction.has_value());
  CHECK_FALSE(k.next_interaction.has_value());
  CHECK(summary_text(k, "time_spent") ==
        "Over the last 60 days our side spent 0 min and the customer's side 0 min");
  CHECK(summary_text(k, "last_interaction") == "No interaction yet");
  CHECK(summary_text(k, "next_interaction") == "No interaction scheduled");

  const nlohmann::json json = nlohmann::json::parse(parley::to_json(k));
  CHECK(json["activities"] == 0);
  CHECK(json["email_ratio"]["by_them"].is_null());
  CHECK(json["email_ratio"]["by_us"].is_null());
  CHECK(json["response_time_ours"]["mean_seconds"].is_null());
  CHECK(json["response_time_ours"]["median_seconds"].is_null());
  CHECK(json["response_time_customer"]["business_median_seconds"].is_null());
  CHECK(json["response_rate_ours"]["messages"] == 0);
  CHECK(json["response_rate_ours"]["rate"].is_null());
  CHECK(json["last_interaction"].is_null());
  CHECK(json["next_interaction"].is_null());
  CHECK(json["days"].size() == 60);
  CHECK(json["longest_gap"]["days"] == 60);
  CHECK(json["top_contacts_customer"].empty());
  CHECK(json["threading"]["responses"].empty());
}

TEST_CASE("the JSON form carries the figures under the C++ names") {
  const parley::RelationshipKpis k = parley::relationship_kpis(record(), copenhagen(true), now_ms);
  const nlohmann::json json = nlohmann::json::parse(parley::to_json(k));
  CHECK(json["now_ms"] == now_ms);
  CHECK(json["time_zone"] == "Europe/Copenhagen");
  CHECK(json["initiated"]["by_us"]["phone_calls"] == 2);
  CHECK(json["top_contacts_customer"][0]["id"] == "c-erik");
  CHECK(json["top_contacts_customer"][0]["interactions"]["total"] == 9);
  CHECK(json["engagement"]["opened"] == 2);
  CHECK(json["response_time_customer"]["median_seconds"] == 25200.0);
  CHECK(json["response_rate_customer"]["responded"] == 3);
  CHECK(json["longest_gap"]["start_date"] == "2026-10-13");
  CHECK(json["next_interaction"]["type"] == "meeting");
  CHECK(json["threading"]["responses"][0]["responder"] == "ours");
  CHECK(json["threading"]["responses"][0]["business_seconds"] == 10800.0);
  CHECK(json["threading"]["replies"][0]["role"] == "same_side");
  CHECK(json["summary"][0]["topic"] == "initiated_emails");
  CHECK(json["summary"][0]["figures"]["difference"] == 1.0);
  const nlohmann::json threading = nlohmann::json::parse(parley::to_json(k.threading));
  CHECK(threading == json["threading"]);
}

TEST_CASE("invalid options are errors naming the option") {
  auto message = [](const parley::RelationshipOptions& options) {
    try {
      (void)parley::relationship_kpis({}, options, now_ms);
    } catch (const parley::Error& e) {
      CHECK(e.code() == parley::ErrorCode::invalid_argument);
      return e.message();
    }
    return std::string("no error");
  };
  parley::RelationshipOptions options;
  options.time_zone = "Europe/Atlantis";
  CHECK(message(options) ==
        "relationship: the options' time_zone: unknown time zone 'Europe/Atlantis' (expected an IANA id such "
        "as "
        "Europe/Warsaw)");
  options = {};
  options.breakdown_days = 0;
  CHECK(message(options) == "RelationshipOptions.breakdown_days = 0: must be >= 1");
  options = {};
  options.business_hours.start_minute = 17 * 60;
  options.business_hours.end_minute = 9 * 60;
  CHECK(message(options) ==
        "RelationshipOptions.business_hours.end_minute = 540: must be > start_minute (1020)");
  options = {};
  options.time_spent.email_read_minutes = -1;
  CHECK(message(options) ==
        "RelationshipOptions.time_spent.email_read_minutes = -1: must be finite and >= 0");
}

TEST_CASE("activities at the ends of time, negative durations and empty ids do not break the KPIs") {
  constexpr std::int64_t earliest = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t latest = std::numeric_limits<std::int64_t>::max();
  std::vector<parley::Activity> odd = {
      email("p", dana(), false, {anna()}, earliest, "Plan", "<p@c>"),
      email("r", anna(), true, {dana()}, now_ms, "Re: Plan", "<r@s>", "<p@c>"),
      meeting_or_call("m", parley::ActivityType::meeting, "", true, {}, {}, now_ms - 1000, -30),
      meeting_or_call("later", parley::ActivityType::phone_call, "u-anna", true, {anna()}, {dana()}, latest,
                      5),
      parley::Activity{}};
  const parley::RelationshipKpis k = parley::relationship_kpis(odd, copenhagen(), now_ms);
  CHECK(k.activities == 4);  // p, r, m and the empty one (at 1970-01-01)
  REQUIRE(k.threading.responses.size() == 1);
  CHECK(k.threading.responses[0].seconds > 9e15);
  // m: no initiator, sent: ours; nobody listed counts as one a side; a negative duration counts 0.
  CHECK(k.days[59].meetings_sent == 1);
  CHECK(k.days[59].minutes_ours == 5);  // r written
  REQUIRE(k.next_interaction.has_value());
  CHECK(k.next_interaction->activity_id == "later");
  // Business hours over an instant no calendar reaches: an error, not a crash.
  CHECK_THROWS_AS((void)parley::relationship_kpis(odd, copenhagen(true), now_ms), parley::Error);
}
