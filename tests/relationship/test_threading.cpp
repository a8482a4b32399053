// Email threading on the shared record (scenario.hpp) and on small cases, one rule each.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/relationship.hpp"
#include "relationship/scenario.hpp"

namespace {

using namespace relationship_test;
using parley::ReplyMatch;
using parley::ReplyRole;
using parley::Side;

parley::RelationshipOptions copenhagen(bool business_hours = false) {
  parley::RelationshipOptions options;
  options.time_zone = "Europe/Copenhagen";
  options.business_hours_only = business_hours;
  return options;
}

std::string describe(const parley::Threading& t) {
  std::string out;
  for (const auto& r : t.replies) {
    out += r.parent_id + "<-" + r.reply_id + ":" + std::string(parley::reply_match_name(r.match)) + ":" +
           std::string(parley::reply_role_name(r.role)) + " ";
  }
  return out;
}

}  // namespace

TEST_CASE("the record's replies, each tied to the message it answers") {
  const parley::Threading t = parley::thread_emails(record(), copenhagen(), now_ms);
  // In reply time order (the input is not):
  //   e8  -> e6  In-Reply-To names the Sent copy <e6-copy@seller>, one message with e6; Ben answers
  //              himself: same side, no response.
  //   e10 -> e9  "回复: 报价单", no headers: Erik wrote e9 to Cleo, Cleo writes to Erik (crossed).
  //   e13 -> e10 "SV: 报价单", no headers: candidates e10 (Cleo to Erik, crossed) and e9 (Erik's own,
  //              not addressed by Erik to Erik); the latest one it can answer is e10.
  //   e2  -> e1  In-Reply-To.
  //   e3  -> e2  In-Reply-To (References would say the same).
  //   e4  -> e2  In-Reply-To; e2 already has e3 as its response: a follow-up.
  //   e5  -> e3  "AW: Proposal for Q1", no headers: e4 (Ben to Dana) is later but Ben is not among
  //              e5's recipients; e3 (Anna to Dana) is the latest earlier message it can answer, not
  //              e1, the first with that subject.
  CHECK(describe(t) ==
        "e6<-e8:in_reply_to:same_side e9<-e10:subject:response e10<-e13:subject:response "
        "e1<-e2:in_reply_to:response e2<-e3:in_reply_to:response e2<-e4:in_reply_to:follow_up "
        "e3<-e5:subject:response ");
  CHECK(t.duplicates == 1);              // e6-sent: same sender, subject, recipients, 0.6 s later
  CHECK(t.automatic_replies == 1);       // e7
  CHECK(t.forwards == 1);                // e11 "Fwd: Proposal for Q1"
  CHECK(t.replies_without_parent == 1);  // e12 names <missing@seller>

  REQUIRE(t.responses.size() == 5);
  // e10: 07:00 -> 11:00 UTC = 4 h = 14400 s, by us.
  CHECK(t.responses[0].reply_id == "e10");
  CHECK(t.responses[0].parent_id == "e9");
  CHECK(t.responses[0].responder == Side::ours);
  CHECK(t.responses[0].seconds == 14400);
  CHECK_FALSE(t.responses[0].business_seconds.has_value());  // business hours not asked for
  // e13: 24 Nov 11:00 -> 25 Nov 08:00 UTC = 21 h = 75600 s, by the customer.
  CHECK(t.responses[1].reply_id == "e13");
  CHECK(t.responses[1].responder == Side::customer);
  CHECK(t.responses[1].seconds == 75600);
  // e2: 14:00 -> 16:30 = 9000 s; e3: 1 Dec 16:30 -> 2 Dec 08:00 = 15.5 h = 55800 s; e5: 08:00 ->
  // 15:00 = 25200 s.
  CHECK(t.responses[2].reply_id == "e2");
  CHECK(t.responses[2].seconds == 9000);
  CHECK(t.responses[3].reply_id == "e3");
  CHECK(t.responses[3].responder == Side::ours);
  CHECK(t.responses[3].seconds == 55800);
  CHECK(t.responses[4].reply_id == "e5");
  CHECK(t.responses[4].responder == Side::customer);
  CHECK(t.responses[4].seconds == 25200);
}

TEST_CASE("business-hours response times count in the replier's zone") {
  const parley::Threading t = parley::thread_emails(record(), copenhagen(true), now_ms);
  REQUIRE(t.responses.size() == 5);
  auto business = [&](const std::string& reply) {
    const auto found = std::find_if(t.responses.begin(), t.responses.end(),
                                    [&](const parley::ResponsePair& p) { return p.reply_id == reply; });
    REQUIRE(found != t.responses.end());
    REQUIRE(found->business_seconds.has_value());
    return *found->business_seconds;
  };
  // e10, Cleo (no zone: the options' Europe/Copenhagen, CET +01:00), Tuesday 24 Nov 08:00 -> 12:00
  // local: 09:00-12:00 = 10800 s.
  CHECK(business("e10") == 10800);
  // e13, Erik (no zone: Copenhagen): Tue 12:00 -> Wed 09:00 local: Tue 12:00-17:00 = 18000 s.
  CHECK(business("e13") == 18000);
  // e2, Dana in America/New_York (EST -05:00): Tue 1 Dec 09:00 -> 11:30 local = 9000 s.
  CHECK(business("e2") == 9000);
  // e3, Anna in Europe/Warsaw (CET +01:00): Tue 17:30 -> Wed 09:00 local: nothing inside 09-17.
  CHECK(business("e3") == 0);
  // e5, Dana: Wed 03:00 -> 10:00 New York: 09:00-10:00 = 3600 s.
  CHECK(business("e5") == 3600);
}

TEST_CASE("business hours skip the weekend and follow the configured hours") {
  // Anna (Warsaw) answers Dana's Friday 16:00 Warsaw message on Monday 10:00 Warsaw (CET +01:00):
  // Friday 16:00-17:00 + Monday 09:00-10:00 = 7200 s; the elapsed time is 66 h = 237600 s.
  std::vector<parley::Activity> mail = {
      email("q", dana(), false, {anna()}, utc(2026, 11, 27, 15, 0), "Question", "<q@c>"),
      email("a", anna(), true, {dana()}, utc(2026, 11, 30, 9, 0), "Re: Question", "<a@s>", "<q@c>")};
  parley::RelationshipOptions options = copenhagen(true);
  parley::Threading t = parley::thread_emails(mail, options, now_ms);
  REQUIRE(t.responses.size() == 1);
  CHECK(t.responses[0].seconds == 237600);
  CHECK(t.responses[0].business_seconds == doctest::Approx(7200));
  // 08:00-18:00 and Saturday a working day: Fri 16:00-18:00 (2 h) + Sat 08:00-18:00 (10 h) +
  // Mon 08:00-10:00 (2 h) = 14 h = 50400 s.
  options.business_hours.start_minute = 8 * 60;
  options.business_hours.end_minute = 18 * 60;
  options.business_hours.working_days[5] = true;
  t = parley::thread_emails(mail, options, now_ms);
  CHECK(t.responses[0].business_seconds == doctest::Approx(50400));
}

TEST_CASE("business hours across a daylight-saving change stay at local 09:00-17:00") {
  // Warsaw leaves CEST (+02:00) for CET (+01:00) on Sunday 25 October 2026. Dana writes Friday
  // 23 Oct 15:00 UTC (17:00 CEST: closed); Anna answers Monday 26 Oct 09:00 UTC (10:00 CET):
  // Monday 09:00-10:00 local = 3600 s.
  std::vector<parley::Activity> mail = {
      email("q", dana(), false, {anna()}, utc(2026, 10, 23, 15, 0), "Question", "<q@c>"),
      email("a", anna(), true, {dana()}, utc(2026, 10, 26, 9, 0), "Re: Question", "<a@s>", "<q@c>")};
  const parley::Threading t = parley::thread_emails(mail, copenhagen(true), now_ms);
  REQUIRE(t.responses.size() == 1);
  CHECK(t.responses[0].business_seconds == doctest::Approx(3600));
}

TEST_CASE("References are searched latest first when In-Reply-To names no message of the record") {
  // In-Reply-To names a message the record lacks; References name e1 (held) and e2 (held, later):
  // the parent is e2, the latest.
  std::vector<parley::Activity> mail = {
      email("e1", anna(), true, {dana()}, utc(2026, 12, 1, 9, 0), "Plan", "<e1@s>"),
      email("e2", anna(), true, {dana()}, utc(2026, 12, 1, 10, 0), "Re: Plan", "<e2@s>", "<e1@s>"),
      email("r", dana(), false, {anna()}, utc(2026, 12, 1, 12, 0), "Re: Plan", "<r@c>", "<not-here@s>",
            {"<e1@s>", "<e2@s>", "<not-here@s>"})};
  const parley::Threading t = parley::thread_emails(mail, copenhagen(), now_ms);
  CHECK(describe(t) == "e1<-e2:in_reply_to:same_side e2<-r:references:response ");
  REQUIRE(t.responses.size() == 1);
  CHECK(t.responses[0].seconds == 7200);
}

TEST_CASE("a reply whose parent is absent makes no pair, even when a subject would match") {
  // r names <gone@s> only; "Re: Plan" would match e1 by subject, but the headers say its parent is
  // another message, which the record does not hold.
  std::vector<parley::Activity> mail = {
      email("e1", anna(), true, {dana()}, utc(2026, 12, 1, 9, 0), "Plan", "<e1@s>"),
      email("r", dana(), false, {anna()}, utc(2026, 12, 1, 12, 0), "Re: Plan", "<r@c>", "<gone@s>")};
  const parley::Threading t = parley::thread_emails(mail, copenhagen(), now_ms);
  CHECK(t.replies.empty());
  CHECK(t.responses.empty());
  CHECK(t.replies_without_parent == 1);
}

TEST_CASE("the subject fallback needs crossed sender and recipient and an earlier parent") {
  std::vector<parley::Activity> mail = {
      // Anna to Erik: Dana was not addressed, so Dana's "Re:" cannot answer it.
      email("to-erik", anna(), true, {erik()}, utc(2026, 12, 1, 9, 0), "Plan"),
      email("dana-re", dana(), false, {anna()}, utc(2026, 12, 1, 10, 0), "Re: Plan"),
      // Fay's "Re:" is earlier than Anna's message to her: no parent.
      email("fay-re", fay(), false, {anna()}, utc(2026, 12, 1, 11, 0), "Re: Offer"),
      email("to-fay", anna(), true, {fay()}, utc(2026, 12, 1, 12, 0), "Offer"),
      // Same subject, no "Re:": a new message, not a reply.
      email("erik-new", erik(), false, {anna()}, utc(2026, 12, 1, 13, 0), "Plan")};
  const parley::Threading t = parley::thread_emails(mail, copenhagen(), now_ms);
  CHECK(t.replies.empty());
  CHECK(t.replies_without_parent == 2);  // dana-re, fay-re
}

TEST_CASE("a forwarded message is not a reply, even with reply headers") {
  std::vector<parley::Activity> mail = {
      email("e1", anna(), true, {dana()}, utc(2026, 12, 1, 9, 0), "Plan", "<e1@s>"),
      email("wg", dana(), false, {anna()}, utc(2026, 12, 1, 10, 0), "WG: Plan", "<wg@c>", "<e1@s>"),
      email("pd", dana(), false, {anna()}, utc(2026, 12, 1, 10, 30), "Plan (fwd)"),
      // A reply to the forward is a reply like any other.
      email("re-wg", anna(), true, {dana()}, utc(2026, 12, 1, 11, 0), "Re: WG: Plan", "<rewg@s>", "<wg@c>")};
  const parley::Threading t = parley::thread_emails(mail, copenhagen(), now_ms);
  CHECK(t.forwards == 2);
  CHECK(describe(t) == "wg<-re-wg:in_reply_to:response ");
}

TEST_CASE("the same message stored twice counts once, by Message-ID or by its content") {
  std::vector<parley::Activity> mail = {
      email("inbox", dana(), false, {anna()}, utc(2026, 12, 1, 9, 0), "Plan", "<p@c>"),
      email("archive", dana(), false, {anna()}, utc(2026, 12, 1, 9, 0), "Plan", "<p@c>"),  // same Message-ID
      email("sent-1", anna(), true, {dana()}, utc(2026, 12, 1, 10, 0), "Re: Plan", "<r1@s>", "<p@c>"),
      email("sent-2", anna(), true, {dana()}, utc(2026, 12, 1, 10, 0, 1), "Re: Plan", "<r2@s>",
            "<p@c>"),  // 1 s
      // Not copies: 1.001 s after sent-1, or another recipient.
      email("later", anna(), true, {dana()}, utc(2026, 12, 1, 10, 0, 1, 1), "Re: Plan", "<r3@s>", "<p@c>"),
      email("to-erik", anna(), true, {erik()}, utc(2026, 12, 1, 10, 0), "Re: Plan", "<r4@s>")};
  const parley::Threading t = parley::thread_emails(mail, copenhagen(), now_ms);
  // The copy kept is the earliest, then the smallest id: "archive" (same time as "inbox").
  CHECK(t.duplicates == 2);  // inbox, sent-2
  // sent-1 is the response; "later" a follow-up; to-erik has no header and Dana wrote nothing to
  // Erik: no parent.
  CHECK(describe(t) == "archive<-sent-1:in_reply_to:response archive<-later:in_reply_to:follow_up ");
  CHECK(t.replies_without_parent == 1);
}

TEST_CASE("automatic replies are never responses, and the human reply after one is") {
  std::vector<parley::Activity> mail = {
      email("q", anna(), true, {dana()}, utc(2026, 12, 1, 9, 0), "Plan", "<q@s>"),
      email("ooo", dana(), false, {anna()}, utc(2026, 12, 1, 9, 1), "Out of office: Plan", "<o@c>", "<q@s>"),
      email("human", dana(), false, {anna()}, utc(2026, 12, 3, 9, 0), "Re: Plan", "<h@c>", "<q@s>")};
  mail[1].automatic_reply = true;
  const parley::Threading t = parley::thread_emails(mail, copenhagen(), now_ms);
  CHECK(t.automatic_replies == 1);
  REQUIRE(t.responses.size() == 1);
  CHECK(t.responses[0].reply_id == "human");
  CHECK(t.responses[0].seconds == 2 * 86400);
}

TEST_CASE("a reply from a colleague on the same side is not a response") {
  std::vector<parley::Activity> mail = {
      email("q", dana(), false, {anna(), ben()}, utc(2026, 12, 1, 9, 0), "Plan", "<q@c>"),
      email("ben", ben(), true, {anna()}, utc(2026, 12, 1, 9, 30), "Re: Plan", "<b@s>", "<q@c>"),
      email("erik", erik(), false, {anna()}, utc(2026, 12, 1, 9, 45), "Re: Plan", "<e@c>", "<q@c>"),
      email("anna", anna(), true, {dana()}, utc(2026, 12, 1, 10, 0), "Re: Plan", "<a@s>", "<q@c>")};
  const parley::Threading t = parley::thread_emails(mail, copenhagen(), now_ms);
  // Ben answers Dana (other side): the response; Erik is on Dana's side: same side; Anna after Ben:
  // a follow-up.
  CHECK(describe(t) ==
        "q<-ben:in_reply_to:response q<-erik:in_reply_to:same_side q<-anna:in_reply_to:follow_up ");
}

TEST_CASE("a header naming a later message is not a parent (clocks that disagree)") {
  std::vector<parley::Activity> mail = {
      email("r", dana(), false, {anna()}, utc(2026, 12, 1, 9, 0), "Re: Plan", "<r@c>", "<p@s>"),
      email("p", anna(), true, {dana()}, utc(2026, 12, 1, 10, 0), "Plan", "<p@s>")};
  const parley::Threading t = parley::thread_emails(mail, copenhagen(), now_ms);
  CHECK(t.replies.empty());
  CHECK(t.replies_without_parent == 1);
}

TEST_CASE("scheduled emails (after now) are left out of threading") {
  std::vector<parley::Activity> mail = {
      email("p", dana(), false, {anna()}, utc(2026, 12, 7, 11, 0), "Plan", "<p@c>"),
      email("r", anna(), true, {dana()}, utc(2026, 12, 7, 13, 0), "Re: Plan", "<r@s>", "<p@c>")};
  CHECK(parley::thread_emails(mail, copenhagen(), now_ms).replies.empty());
  CHECK(parley::thread_emails(mail, copenhagen(), utc(2026, 12, 7, 13, 0)).responses.size() == 1);
}

TEST_CASE("an unknown replier zone is an error naming the activity and the party") {
  std::vector<parley::Activity> mail = {
      email("p", dana(), false, {anna()}, utc(2026, 12, 1, 9, 0), "Plan", "<p@c>"),
      email("r", anna(), true, {dana()}, utc(2026, 12, 1, 10, 0), "Re: Plan", "<r@s>", "<p@c>")};
  mail[1].our_side[0].time_zone = "Mars/Olympus";
  try {
    (void)parley::thread_emails(mail, copenhagen(true), now_ms);
    FAIL("expected an error");
  } catch (const parley::Error& e) {
    CHECK(e.code() == parley::ErrorCode::invalid_argument);
    CHECK(e.message() ==
          "relationship: activity 'r', party 'u-anna': unknown time zone 'Mars/Olympus' (expected an IANA id "
          "such "
          "as Europe/Warsaw)");
  }
  // Without business hours the zone is never read.
  CHECK(parley::thread_emails(mail, copenhagen(false), now_ms).responses.size() == 1);
}

TEST_CASE("garbage in emails never crashes threading") {
  std::vector<parley::Activity> mail;
  const std::vector<std::string> subjects = {"",
                                             "Re:",
                                             "[",
                                             "]",
                                             "[[[]]]",
                                             "Re: [",
                                             "(fwd)",
                                             "[fwd: ]",
                                             "\xff\xfe\x80",
                                             "Re: \xc3",
                                             std::string(100000, 'x'),
                                             std::string(5000, '[') + "Re:",
                                             std::string("Re: \0 x", 7)};
  for (std::size_t i = 0; i < subjects.size(); ++i) {
    mail.push_back(email("g" + std::to_string(i), i % 2 == 0 ? dana() : anna(), i % 2 == 1,
                         {i % 2 == 0 ? anna() : dana()}, utc(2026, 12, 1, 9, static_cast<int>(i)),
                         subjects[i], i % 3 == 0 ? "" : "<g" + std::to_string(i) + ">",
                         i % 4 == 0 ? " < > " : "<g1>"));
  }
  mail.push_back(parley::Activity{});  // nothing set at all
  const parley::Threading t = parley::thread_emails(mail, copenhagen(true), now_ms);
  for (const parley::ResponsePair& pair : t.responses) CHECK(pair.seconds >= 0);
}
