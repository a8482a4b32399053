#pragma once
// A small realistic record (one account, 20 activities) shared by the relationship tests; every
// figure the tests expect is worked out by hand in test_kpis.cpp and test_threading.cpp.
//
// Our side: Anna (Europe/Warsaw), Ben (no zone), Cleo (no zone). The customer: Dana
// (America/New_York), Erik (no zone), Fay. "Now" is Monday 2026-12-07 12:00 UTC; the record's
// zone is Europe/Copenhagen (CEST +02:00 until Sunday 2026-10-25, CET +01:00 after).
#include <cstdint>
#include <string>
#include <vector>

#include "parley/crm.hpp"

namespace relationship_test {

// UTC instant of a civil date and time, by Howard Hinnant's days-from-civil (independent of ICU).
inline std::int64_t utc(int y, unsigned m, unsigned d, int hour, int minute, int second = 0, int ms = 0) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = std::int64_t{era} * 146097 + static_cast<std::int64_t>(doe) - 719468;
  return ((days * 24 + hour) * 60 + minute) * 60'000 + second * 1000 + ms;
}

inline const std::int64_t now_ms = utc(2026, 12, 7, 12, 0);

inline parley::ActivityParty anna() {
  return {"u-anna", "Anna Berg", "anna@seller.example", "Europe/Warsaw"};
}
inline parley::ActivityParty ben() { return {"u-ben", "Ben Ode", "ben@seller.example", ""}; }
inline parley::ActivityParty cleo() { return {"u-cleo", "Cleo Lind", "cleo@seller.example", ""}; }
inline parley::ActivityParty dana() {
  return {"c-dana", "Dana Cruz", "dana@customer.example", "America/New_York"};
}
inline parley::ActivityParty erik() { return {"c-erik", "Erik Moe", "erik@customer.example", ""}; }
inline parley::ActivityParty fay() { return {"c-fay", "Fay Wu", "fay@customer.example", ""}; }

// An email from `from` (on `from_ours` side) to `to`.
inline parley::Activity email(std::string id, const parley::ActivityParty& from, bool from_ours,
                              std::vector<parley::ActivityParty> to, std::int64_t time_ms,
                              std::string subject, std::string message_id = "", std::string in_reply_to = "",
                              std::vector<std::string> references = {}) {
  parley::Activity a;
  a.id = std::move(id);
  a.type = parley::ActivityType::email;
  a.direction = from_ours ? parley::ActivityDirection::sent : parley::ActivityDirection::received;
  a.owner_id = "u-anna";
  a.initiator_id = from.id;
  (from_ours ? a.our_side : a.customer_side).push_back(from);
  for (auto& party : to) (from_ours ? a.customer_side : a.our_side).push_back(std::move(party));
  a.timestamp_ms = time_ms;
  a.subject = std::move(subject);
  a.message_id = std::move(message_id);
  a.in_reply_to = std::move(in_reply_to);
  a.references = std::move(references);
  a.account_id = "acc-nordlys";
  return a;
}

inline parley::Activity meeting_or_call(std::string id, parley::ActivityType type,
                                        const std::string& initiator, bool initiated_by_us,
                                        std::vector<parley::ActivityParty> ours,
                                        std::vector<parley::ActivityParty> theirs, std::int64_t time_ms,
                                        std::int64_t minutes) {
  parley::Activity a;
  a.id = std::move(id);
  a.type = type;
  a.direction = initiated_by_us ? parley::ActivityDirection::sent : parley::ActivityDirection::received;
  a.owner_id = "u-anna";
  a.initiator_id = initiator;
  a.our_side = std::move(ours);
  a.customer_side = std::move(theirs);
  a.timestamp_ms = time_ms;
  a.duration_ms = minutes * 60'000;
  a.account_id = "acc-nordlys";
  return a;
}

// The record, deliberately not in time order (replies before their parents).
inline std::vector<parley::Activity> record() {
  using parley::ActivityType;
  using parley::EngagementKind;
  std::vector<parley::Activity> out;
  // Thread "Proposal for Q1" (headers). Dana writes 11:30 New York time (-05:00) = 16:30 UTC.
  out.push_back(
      email("e5", dana(), false, {anna()}, utc(2026, 12, 2, 15, 0), "AW: Proposal for Q1", "<e5@customer>"));
  out.push_back(email("e3", anna(), true, {dana()}, utc(2026, 12, 2, 8, 0), "Re: Proposal for Q1",
                      "<e3@seller>", "<e2@customer>", {"<e1@seller>", "<e2@customer>"}));
  out.back().tracked = true;
  out.back().engagement = {{EngagementKind::opened, utc(2026, 12, 2, 9, 0)},
                           {EngagementKind::replied, utc(2026, 12, 2, 15, 0)}};
  out.push_back(email("e2", dana(), false, {anna()}, utc(2026, 12, 1, 16, 30), "RE: Proposal for Q1",
                      "<e2@customer>", "<e1@seller>", {"<e1@seller>"}));
  out.push_back(
      email("e1", anna(), true, {dana()}, utc(2026, 12, 1, 14, 0), "Proposal for Q1", "<e1@seller>"));
  out.back().tracked = true;
  out.back().engagement = {{EngagementKind::opened, utc(2026, 12, 1, 14, 20)},
                           {EngagementKind::link_clicked, utc(2026, 12, 1, 14, 25)},
                           {EngagementKind::opened, utc(2026, 12, 1, 16, 0)}};
  out.push_back(email("e4", ben(), true, {dana()}, utc(2026, 12, 2, 9, 0), "Re: Proposal for Q1",
                      "<e4@seller>", "<e2@customer>"));
  out.push_back(email("e11", dana(), false, {anna()}, utc(2026, 12, 3, 14, 0), "Fwd: Proposal for Q1"));
  // Thread "Pricing questions": a copy in the Sent folder under another Message-ID 0.6 s later,
  // an out-of-office reply, Ben's reply to himself (naming the copy's Message-ID).
  out.push_back(
      email("e6", ben(), true, {erik()}, utc(2026, 11, 20, 10, 0), "Pricing questions", "<e6@seller>"));
  out.back().tracked = true;
  out.push_back(email("e6-sent", ben(), true, {erik()}, utc(2026, 11, 20, 10, 0, 0, 600), "Pricing questions",
                      "<e6-copy@seller>"));
  out.back().tracked = true;
  out.push_back(email("e7", erik(), false, {ben()}, utc(2026, 11, 20, 10, 1),
                      "Automatic reply: Pricing questions", "<e7@customer>", "<e6@seller>"));
  out.back().automatic_reply = true;
  out.push_back(email("e8", ben(), true, {erik()}, utc(2026, 11, 20, 10, 30), "Re: Pricing questions",
                      "<e8@seller>", "<e6-copy@seller>"));
  // Thread "报价单" (quotation) exported without In-Reply-To / References: subject only.
  out.push_back(email("e9", erik(), false, {cleo()}, utc(2026, 11, 24, 7, 0), "报价单"));
  out.push_back(email("e10", cleo(), true, {erik()}, utc(2026, 11, 24, 11, 0), "回复: 报价单"));
  out.push_back(email("e13", erik(), false, {cleo()}, utc(2026, 11, 25, 8, 0), "SV: 报价单"));
  out.push_back(email("e14", anna(), true, {erik(), fay()}, utc(2026, 11, 25, 16, 0), "Meeting notes"));
  // A reply to a message the record does not hold.
  out.push_back(email("e12", erik(), false, {ben()}, utc(2026, 11, 27, 9, 0), "Re: Contract draft",
                      "<e12@customer>", "<missing@seller>"));
  // Meetings: one moved to Wednesday 14:00 UTC (stored at its new time), an all-day event on
  // Thursday 26 November in Copenhagen (00:00 CET = 23:00 UTC the day before, duration 0), one
  // scheduled after now.
  out.push_back(meeting_or_call("m1", ActivityType::meeting, "u-anna", true, {anna(), ben()},
                                {dana(), erik()}, utc(2026, 11, 25, 14, 0), 60));
  out.push_back(meeting_or_call("m2", ActivityType::meeting, "c-dana", false, {anna()}, {dana()},
                                utc(2026, 11, 25, 23, 0), 0));
  out.push_back(meeting_or_call("m3", ActivityType::meeting, "u-anna", true, {anna()}, {dana()},
                                utc(2026, 12, 9, 15, 0), 30));
  // Calls: Anna and Ben with Erik in October (CEST), Cleo with Fay before the 60-day window.
  out.push_back(meeting_or_call("c1", ActivityType::phone_call, "u-ben", true, {ben(), anna()}, {erik()},
                                utc(2026, 10, 12, 13, 0), 30));
  out.push_back(meeting_or_call("c2", ActivityType::phone_call, "u-cleo", true, {cleo()}, {fay()},
                                utc(2026, 10, 5, 9, 0), 10));
  return out;
}

}  // namespace relationship_test
