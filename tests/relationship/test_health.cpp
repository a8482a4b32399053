// Relationship health on the shared record (scenario.hpp), worked out by hand with the default
// options: weights email 1, meeting 3, call 2; a 28-day window; 3 weighted interactions a week
// expected (12 in the window); recency 1 up to 7 days, 0 from 60; responses within 24 h are full
// speed; component shares 0.3, 0.3, 0.2, 0.2; bands 60 / 40; trend over 4 weeks, steady within 5.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/relationship.hpp"
#include "relationship/scenario.hpp"

namespace {

using namespace relationship_test;

parley::RelationshipOptions copenhagen() {
  parley::RelationshipOptions options;
  options.time_zone = "Europe/Copenhagen";
  return options;
}

}  // namespace

TEST_CASE("health of the record now: components, score, band") {
  const parley::RelationshipHealth h = parley::relationship_health(record(), copenhagen(), {}, now_ms);
  REQUIRE(h.components.size() == 4);
  // Recency: last interaction e11, 3 Dec 14:00 -> 7 Dec 12:00 = 3.92 days <= 7: 1.
  CHECK(h.components[0].name == "recency");
  CHECK(h.components[0].value == 1);
  CHECK(h.components[0].explanation == "last interaction 3 days ago");
  // Frequency: counted activities in (9 Nov 12:00, 7 Dec 12:00]: 13 emails (1 each) and m1, m2 (3
  // each) = 19 against 12 expected: min(1, 19 / 12) = 1.
  CHECK(h.components[1].name == "frequency");
  CHECK(h.components[1].value == 1);
  CHECK(h.components[1].explanation == "19 weighted interactions in the last 28 days against 12 expected");
  // Reciprocity: by us e1 e3 e4 e6 e8 e10 e14 + m1 = 7 + 3 = 10; by the customer e2 e5 e9 e11 e12 e13
  // + m2 = 6 + 3 = 9. Customer share 9 / 19 = 0.4737; value min(1, 0.4737 / 0.5) = 18 / 19.
  CHECK(h.components[2].name == "reciprocity");
  CHECK(h.components[2].value == doctest::Approx(18.0 / 19.0));
  CHECK(h.components[2].explanation ==
        "the customer initiated 47% of the weighted interactions in the last 28 days");
  // Responsiveness: our 7 emails of the window, 3 responded (e1, e3, e10); median 25200 s = 7 h
  // <= 24 h: 3 / 7.
  CHECK(h.components[3].name == "responsiveness");
  CHECK(h.components[3].value == doctest::Approx(3.0 / 7.0));
  CHECK(h.components[3].explanation ==
        "the customer responded to 3 of our 7 emails in the last 28 days, median 7 h");
  CHECK(h.components[3].weight == doctest::Approx(0.2));
  CHECK(h.components[3].points == doctest::Approx(20.0 * 3.0 / 7.0));
  // 30 + 30 + 20 x 18/19 (18.947) + 20 x 3/7 (8.571) = 87.52 -> 88: good.
  CHECK(h.score == 88);
  CHECK(h.band == parley::HealthBand::good);
  REQUIRE(h.last_interaction.has_value());
  CHECK(h.last_interaction->activity_id == "e11");
  REQUIRE(h.next_interaction.has_value());
  CHECK(h.next_interaction->activity_id == "m3");
}

TEST_CASE("health history, trend and the signals that moved it") {
  const parley::RelationshipHealth h = parley::relationship_health(record(), copenhagen(), {}, now_ms);
  // Weekly from 9 Nov 12:00 UTC to now.
  REQUIRE(h.history.size() == 5);
  CHECK(h.history[0].as_of_ms == utc(2026, 11, 9, 12, 0));
  CHECK(h.history[4].as_of_ms == now_ms);
  // 9 Nov: last interaction c1 (12 Oct 13:00), 27.96 days: (60 - 27.958) / 53 = 0.6046 -> 18.14
  // points; the window (12 Oct 12:00, 9 Nov 12:00] holds c1 only: 2 / 12 -> 5 points; reciprocity 0
  // (only us); no email of ours: responsiveness 0.5 -> 10 points. 33.14 -> 33.
  CHECK(h.history[0].score == 33);
  // 30 Nov: last e12 (27 Nov), recency 1; window (2 Nov, 30 Nov]: e6 e8 e9 e10 e13 e14 e12 (7) + m1
  // m2 (6) = 13 >= 12: 1; by the customer e9 e13 e12 + m2 = 6 of 13: 12 / 13; our e6 e8 e10 e14, one
  // responded (e10 by e13, 21 h): 1 / 4. 30 + 30 + 20 x 12/13 (18.46) + 5 = 83.46 -> 83.
  CHECK(h.history[3].score == 83);
  CHECK(h.history[4].score == 88);
  CHECK(h.trend == parley::HealthTrend::up);  // 88 - 33 = 55 > 5
  // Changes of each part since 9 Nov: frequency 30 x (1 - 1/6) = +25; reciprocity 20 x 18/19 =
  // +18.95; recency 30 x (1 - 0.6046) = +11.86; responsiveness 20 x (3/7 - 0.5) = -1.43.
  REQUIRE(h.signals.size() == 4);
  CHECK(h.signals[0].component == "frequency");
  CHECK(h.signals[0].points == doctest::Approx(25.0));
  CHECK(h.signals[0].text ==
        "Frequency raised the score by 25 points: 19 weighted interactions in the last 28 days against 12 "
        "expected "
        "(4 weeks earlier: 2 weighted interactions in the last 28 days against 12 expected)");
  CHECK(h.signals[1].component == "reciprocity");
  CHECK(h.signals[1].points == doctest::Approx(20.0 * 18.0 / 19.0));
  CHECK(h.signals[2].component == "recency");
  CHECK(h.signals[2].points == doctest::Approx(30.0 * (1.0 - (60.0 - (28.0 - 1.0 / 24.0)) / 53.0)));
  CHECK(h.signals[2].text ==
        "Recency raised the score by 12 points: last interaction 3 days ago (4 weeks earlier: last "
        "interaction 27 "
        "days ago)");
  CHECK(h.signals[3].component == "responsiveness");
  CHECK(h.signals[3].points == doctest::Approx(20.0 * (3.0 / 7.0 - 0.5)));
  CHECK(h.signals[3].text ==
        "Responsiveness lowered the score by 1 point: the customer responded to 3 of our 7 emails in the "
        "last 28 "
        "days, median 7 h (4 weeks earlier: no email of ours to answer in the last 28 days (neutral))");
}

TEST_CASE("health falls when the relationship goes quiet") {
  // Eight weeks after now, 1 Feb 2027 12:00 UTC; 4 weeks earlier, 4 Jan 2027 12:00.
  const std::int64_t later = utc(2027, 2, 1, 12, 0);
  const parley::RelationshipHealth h = parley::relationship_health(record(), copenhagen(), {}, later);
  // 4 Jan: last interaction m3 (9 Dec 15:00, now past), 25.875 days: (60 - 25.875) / 53 -> 19.32
  // points; the window (7 Dec, 4 Jan] holds m3: 3 / 12 -> 7.5; reciprocity 0; no email: 10.
  // 36.82 -> 37.
  CHECK(h.history.front().score == 37);
  // 1 Feb: m3 53.875 days ago: (60 - 53.875) / 53 -> 3.47; nothing in the window; 10. 13.47 -> 13.
  CHECK(h.score == 13);
  CHECK(h.band == parley::HealthBand::poor);
  CHECK(h.trend == parley::HealthTrend::down);
  CHECK_FALSE(h.next_interaction.has_value());
}

TEST_CASE("health of an empty record, configurable bands and weights") {
  parley::HealthOptions options;
  parley::RelationshipHealth h = parley::relationship_health({}, copenhagen(), options, now_ms);
  // Only the neutral responsiveness: 20 x 0.5 = 10.
  CHECK(h.score == 10);
  CHECK(h.band == parley::HealthBand::poor);
  CHECK(h.trend == parley::HealthTrend::steady);
  CHECK(h.signals.empty());
  CHECK(h.components[0].explanation == "no interaction yet");
  CHECK(h.components[2].explanation == "no interaction in the last 28 days");
  options.fair_from = 5;
  options.good_from = 10;
  CHECK(parley::relationship_health({}, copenhagen(), options, now_ms).band == parley::HealthBand::good);
  options.good_from = 11;
  CHECK(parley::relationship_health({}, copenhagen(), options, now_ms).band == parley::HealthBand::fair);
  // Responsiveness alone: 100 x 0.5 = 50.
  options.recency_weight = options.frequency_weight = options.reciprocity_weight = 0;
  CHECK(parley::relationship_health({}, copenhagen(), options, now_ms).score == 50);

  const nlohmann::json json = nlohmann::json::parse(parley::to_json(h));
  CHECK(json["score"] == 10);
  CHECK(json["band"] == "poor");
  CHECK(json["trend"] == "steady");
  CHECK(json["components"].size() == 4);
  CHECK(json["history"].size() == 5);
  CHECK(json["last_interaction"].is_null());
}

TEST_CASE("health options are checked") {
  parley::HealthOptions options;
  options.recency_weight = options.frequency_weight = options.reciprocity_weight =
      options.responsiveness_weight = 0;
  CHECK_THROWS_WITH_AS(
      (void)parley::relationship_health({}, copenhagen(), options, now_ms),
      "HealthOptions.recency_weight + frequency_weight + reciprocity_weight + responsiveness_weight = 0: "
      "must be > 0",
      parley::Error);
  options = {};
  options.recency_zero_days = 3;
  CHECK_THROWS_WITH_AS((void)parley::relationship_health({}, copenhagen(), options, now_ms),
                       "HealthOptions.recency_zero_days = 3: must be finite and > recency_full_days (7)",
                       parley::Error);
  options = {};
  options.fair_from = 70;
  CHECK_THROWS_WITH_AS((void)parley::relationship_health({}, copenhagen(), options, now_ms),
                       "HealthOptions.fair_from = 70: must be <= good_from (60)", parley::Error);
}

// The trend reads every earlier week from the record prepared and threaded once, at now. A reply
// naming a Message-ID that only a later copy carries has no parent before that copy is stored.
TEST_CASE("health trend: a reply whose parent is named by a later copy's Message-ID") {
  const std::int64_t sent = utc(2026, 11, 2, 9, 0);
  std::vector<parley::Activity> activities;
  activities.push_back(email("o1", anna(), true, {dana()}, sent, "Offer", "<o1@seller>"));
  // Dana answers 0.3 s later, naming the Sent folder's copy, stored 0.9 s after the original.
  activities.push_back(
      email("r1", dana(), false, {anna()}, sent + 300, "Re: Offer", "<r1@customer>", "<o1-copy@seller>"));
  activities.push_back(email("o1-sent", anna(), true, {dana()}, sent + 900, "Offer", "<o1-copy@seller>"));
  parley::HealthOptions options;
  options.trend_weeks = 1;
  // A week earlier is 0.4 s after the original: the copy and its Message-ID are not known yet.
  const std::int64_t now = sent + 400 + 7 * 86'400'000LL;
  const parley::RelationshipHealth h = parley::relationship_health(activities, copenhagen(), options, now);
  REQUIRE(h.history.size() == 2);
  CHECK(h.history[0].as_of_ms == sent + 400);
  // A week earlier: recency 1 (30); 2 weighted emails of 12 expected (30 x 1/6 = 5); the customer
  // initiated half (20); no response to our 1 email (0): 55.
  CHECK(h.history[0].score == 55);
  // Now: recency (60 - 7.0000012) / 53 (30 x 0.99999998); frequency and reciprocity as before; r1
  // responds to o1 through the copy's Message-ID in 0.3 s (20): 75.
  CHECK(h.history[1].score == 75);
  CHECK(h.components[3].explanation ==
        "the customer responded to 1 of our 1 email in the last 28 days, median 0 min");
  REQUIRE(!h.signals.empty());
  CHECK(h.signals[0].component == "responsiveness");
  CHECK(h.signals[0].text ==
        "Responsiveness raised the score by 20 points: the customer responded to 1 of our 1 email in the "
        "last 28 days, median 0 min (1 week earlier: the customer responded to 0 of our 1 email in the last "
        "28 days)");
}

namespace {

// A random but realistic record: threads with headers, without them (subject only), replies to
// older messages, forwards, copies stored twice (same id, or another Message-ID within the
// duplicate window, some named by replies sent before the copy was stored), automatic replies,
// equal times, meetings and calls, a few scheduled after the end.
std::vector<parley::Activity> random_record(std::uint64_t seed, std::int64_t start, std::int64_t span) {
  std::uint64_t state = seed;
  auto next = [&state]() {  // splitmix64
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  };
  auto below = [&next](std::int64_t n) {
    return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
  };
  const std::vector<parley::ActivityParty> ours = {anna(), ben(), cleo()};
  const std::vector<parley::ActivityParty> theirs = {dana(), erik(), fay()};
  const char* const topics[] = {"Offer", "Pricing", "Kontrakt", "报价单"};
  const char* const reply_prefixes[] = {"Re: ", "AW: ", "SV: ", "回复: "};
  std::vector<parley::Activity> out;
  int serial = 0;
  while (out.size() < 260) {
    std::string id = "a";  // appended, not "a" + to_string: gcc 12 -O3 warns -Wrestrict on that (NOTES)
    id += std::to_string(++serial);
    const std::int64_t kind = below(100);
    std::int64_t at = start + below(span);
    if (below(20) == 0 && !out.empty())
      at = out[static_cast<std::size_t>(below(static_cast<std::int64_t>(out.size())))].timestamp_ms;
    if (kind < 12) {
      const bool by_us = below(2) == 0;
      out.push_back(meeting_or_call(
          id, kind < 6 ? parley::ActivityType::meeting : parley::ActivityType::phone_call,
          by_us ? "u-anna" : "c-dana", by_us, {anna()}, {dana(), erik()}, at, 15 + below(60)));
      continue;
    }
    const bool from_us = below(2) == 0;
    const parley::ActivityParty from = (from_us ? ours : theirs)[static_cast<std::size_t>(below(3))];
    const parley::ActivityParty to = (from_us ? theirs : ours)[static_cast<std::size_t>(below(3))];
    std::string subject = topics[below(4)];
    std::string in_reply_to;
    std::vector<std::string> references;
    const std::int64_t reply_kind = below(10);
    if (reply_kind < 7 && !out.empty()) {
      const parley::Activity& parent =
          out[static_cast<std::size_t>(below(static_cast<std::int64_t>(out.size())))];
      if (parent.type == parley::ActivityType::email) {
        subject = reply_prefixes[below(4)] + std::string(topics[below(4)]);
        at = parent.timestamp_ms + below(4) * below(3 * 86'400'000LL) + below(2000);
        if (reply_kind < 4) in_reply_to = parent.message_id;
        if (reply_kind < 6) {
          references = parent.references;
          references.push_back(parent.message_id);
        }
      }
    } else if (reply_kind == 7) {
      subject = "Fwd: " + subject;
    }
    out.push_back(email(id, from, from_us, {to}, at, subject, below(10) == 0 ? "" : "<" + id + "@mail>",
                        in_reply_to, references));
    if (below(15) == 0) out.back().automatic_reply = true;
    const std::int64_t copy = below(12);
    if (copy == 0) {
      out.push_back(out.back());  // the same activity stored twice
    } else if (copy == 1) {
      parley::Activity later = out.back();
      later.id = id + "-copy";
      later.message_id = "<" + id + "-copy@mail>";
      later.timestamp_ms += 1 + below(1000);
      // An answer naming the copy, sent before the copy was stored.
      const parley::ActivityParty& answerer = to;
      out.push_back(email(id + "-answer", answerer, !from_us, {from},
                          out.back().timestamp_ms + below(later.timestamp_ms - out.back().timestamp_ms),
                          "Re: " + subject, "<" + id + "-answer@mail>", later.message_id));
      out.push_back(std::move(later));
    }
  }
  return out;
}

}  // namespace

// The trend's earlier weeks read from one preparation at now equal each week computed from scratch
// (a health with trend_weeks = 0 at that date prepares and threads the record there).
TEST_CASE("health trend equals each week computed from scratch (random records)") {
  const std::int64_t day = 86'400'000;
  const std::int64_t start = utc(2026, 9, 1, 0, 0);
  parley::HealthOptions options;
  options.trend_weeks = 4;
  parley::HealthOptions single = options;
  single.trend_weeks = 0;
  int unsettled_dates = 0;
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const std::vector<parley::Activity> activities = random_record(seed, start, 70 * day);
    std::vector<std::int64_t> nows;
    for (std::int64_t t = start + 20 * day; t < start + 80 * day; t += 5 * day + 7 * 3'600'000)
      nows.push_back(t);
    // Dates a week or two after each answer sent before the copy it names.
    for (const parley::Activity& a : activities) {
      if (a.id.size() > 7 && a.id.ends_with("-answer")) {
        nows.push_back(a.timestamp_ms + 7 * day);
        nows.push_back(a.timestamp_ms + 14 * day);
        ++unsettled_dates;
      }
    }
    for (const std::int64_t now : nows) {
      CAPTURE(seed);
      CAPTURE(now);
      const parley::RelationshipHealth h =
          parley::relationship_health(activities, copenhagen(), options, now);
      REQUIRE(h.history.size() == 5);
      std::vector<parley::RelationshipHealth> scratch;
      for (const parley::HealthPoint& point : h.history)
        scratch.push_back(parley::relationship_health(activities, copenhagen(), single, point.as_of_ms));
      for (std::size_t i = 0; i < 5; ++i) {
        CHECK(h.history[i].as_of_ms == now - static_cast<std::int64_t>(4 - i) * 7 * day);
        CHECK(h.history[i].score == scratch[i].score);
      }
      const parley::RelationshipHealth& first = scratch.front();
      const parley::RelationshipHealth& last = scratch.back();
      REQUIRE(h.components.size() == 4);
      for (std::size_t c = 0; c < 4; ++c) {
        CHECK(h.components[c].value == last.components[c].value);
        CHECK(h.components[c].explanation == last.components[c].explanation);
      }
      CHECK(h.last_interaction.has_value() == last.last_interaction.has_value());
      if (h.last_interaction && last.last_interaction)
        CHECK(h.last_interaction->activity_id == last.last_interaction->activity_id);
      CHECK(h.next_interaction.has_value() == last.next_interaction.has_value());
      if (h.next_interaction && last.next_interaction)
        CHECK(h.next_interaction->activity_id == last.next_interaction->activity_id);
      std::size_t moved = 0;
      for (std::size_t c = 0; c < 4; ++c) {
        const double points = last.components[c].points - first.components[c].points;
        if (std::lround(std::fabs(points)) == 0) continue;
        ++moved;
        const auto signal = std::find_if(
            h.signals.begin(), h.signals.end(),
            [&](const parley::HealthSignal& s) { return s.component == last.components[c].name; });
        REQUIRE(signal != h.signals.end());
        CHECK(signal->points == points);
        CHECK(signal->text.ends_with("(4 weeks earlier: " + first.components[c].explanation + ")"));
      }
      CHECK(h.signals.size() == moved);
    }
  }
  CHECK(unsettled_dates > 0);
}
