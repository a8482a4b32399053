// Timing metrics on a realistic call worked out on paper, and on the edge cases.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "parley/error.hpp"
#include "parley/timing.hpp"
#include "timing/timing_fixtures.hpp"

using parley::CallTiming;
using parley::Role;
using timing_test::add;
using timing_test::make_call;

namespace {

constexpr std::uint32_t kSeller = 0;
constexpr std::uint32_t kCustomer = 1;

template <typename F>
void check_error(F&& f, parley::ErrorCode code, const std::string& message) {
  try {
    f();
    FAIL("expected parley::Error: " << message);
  } catch (const parley::Error& error) {
    CHECK(error.code() == code);
    CHECK(error.message() == message);
  }
}

}  // namespace

// tests/data/timing/renewal_call.json: a 3 min 10 s renewal call, seller Maya (0), customer Dana (1).
// Times in seconds; S = seller, C = customer. Segments (file order is not time order):
//   S  0.0–12.0   20 words          C 13.0–20.0   14 words
//   S 20.5–24.0    4 words, 1 "?"   C 25.0–70.0   38 words
//   S 40.0–41.0    1 word ("Uh-huh.", inside Dana's story)
//   C 70.4–95.0   20 words, 1 "?"   (0.4 s after her previous segment: same turn)
//   S 96.0–110.0  15 words, 2 "?"   C 109.0–118.0  9 words (starts 1 s before Maya stops)
//   S 119.5–150.0 38 words          S 151.5–170.0 20 words (1.5 s silence: a new turn)
//   C 160.0–160.8  1 word ("Right.", inside Maya's turn)
//   C 172.0–180.0 13 words, 1 "?"   S 181.0–186.0  8 words, 1 "?"   C 187.0–189.5  4 words
//   (word counts: whitespace tokens, checked independently with Python's str.split)
//
// Talk: seller 12 + 3.5 + 1 + 14 + 30.5 + 18.5 + 5 = 84.5 s; customer 7 + 45 + 24.6 + 9 + 0.8 + 8 + 2.5
//   = 96.9 s. Overlap: 40–41 (1 s) + 109–110 (1 s) + 160–160.8 (0.8 s) = 2.8 s.
//   Call talk = 84.5 + 96.9 - 2.8 = 178.6 s; silence = 190 - 178.6 = 11.4 s (the 11 gaps: 1 + 0.5 + 1 +
//   0.4 + 1 + 1.5 + 1.5 + 2 + 1 + 1 + 0.5).
// Talk ratio = 84.5 / (84.5 + 96.9) = 84500 / 181400; listen = 96900 / 181400.
// Turns (13): 1 S[0,12] 2 C[13,20] 3 S[20.5,24] 4 C[25,95] 5 S[40,41] 6 S[96,110] 7 C[109,118]
//   8 S[119.5,150] 9 S[151.5,170] 10 C[160,160.8] 11 C[172,180] 12 S[181,186] 13 C[187,189.5];
//   seller 7, customer 6.
// Switches: S C S C S S C S S C C S C -> 9 changes. Per hour 9 / (190/3600) = 32400000 / 190000;
//   per minute 9 / (190/60) = 54/19; interactivity = 10 * (54/19) / 6 = 90/19.
// Pauses (predecessor = the other speaker's latest-ending earlier turn): turn 2: 13-12 = 1; 3: 0.5;
//   4: 1; 5: ends inside turn 4, none; 6: 96-95 = 1; 7: starts 1 s before turn 6 ends -> 0; 8: 1.5;
//   9: Maya resumes after her own turn, none; 10: inside turn 9, none; 11: 172-170 = 2; 12: 1; 13: 1.
//   9 pauses, sum 9 s, average 1000 ms. Patience (seller after customer): turns 3, 6, 8, 12:
//   (0.5 + 1 + 1.5 + 1) / 4 = 1000 ms.
// Interruptions: turn 7 (9 s, not a backchannel) starts while turn 6 runs: Dana interrupts Maya at
//   109000. Turns 5 and 10 are backchannels.
// Monologues: S 0–12 (12), C 13–20 (7), S 20.5–24 (3.5), C 25–95 (70; Maya's "Uh-huh" skipped),
//   S 96–110 (14), C 109–118 (9), S 119.5–170 (50.5: 1.5 s silence < 5 s, "Right." skipped),
//   C 172–180 (8), S 181–186 (5), C 187–189.5 (2.5). Longest: seller 50.5 s, customer 70 s.
// Words: seller 20+4+1+15+38+20+8 = 106, customer 14+38+20+9+1+13+4 = 99.
//   WPM seller 106 / (84.5/60) = 6360000/84500; customer 99 / (96.9/60) = 5940000/96900.
// Questions: seller 1+2+1 = 4, customer 1+1 = 2; per hour 4 * 3600/190, 2 * 3600/190.
TEST_CASE("renewal call: every metric worked out by hand") {
  const parley::Call call = timing_test::load_fixture("renewal_call.json");
  const CallTiming t = parley::compute_timing(call);

  CHECK(t.duration_ms == 190000);
  CHECK(t.talk_ms == 178600);
  CHECK(t.silence_ms == 11400);
  CHECK(t.overlap_ms == 2800);
  CHECK(t.seller.talk_ms == 84500);
  CHECK(t.customer.talk_ms == 96900);
  CHECK(t.other.talk_ms == 0);
  CHECK(t.talk_ratio_denominator == parley::TalkRatioDenominator::speech_time);
  CHECK(t.talk_ratio.value() == doctest::Approx(84500.0 / 181400.0));
  CHECK(t.listen_ratio.value() == doctest::Approx(96900.0 / 181400.0));

  CHECK(t.turns == 13);
  CHECK(t.seller.turns == 7);
  CHECK(t.customer.turns == 6);
  CHECK(t.switches == 9);
  CHECK(t.switch_rate_per_hour.value() == doctest::Approx(32400000.0 / 190000.0));
  CHECK(t.interactivity.value() == doctest::Approx(90.0 / 19.0));

  CHECK(t.pauses == 9);
  CHECK(t.average_pause_ms.value() == doctest::Approx(1000.0));
  CHECK(t.patience_pauses == 4);
  CHECK(t.patience_ms.value() == doctest::Approx(1000.0));

  REQUIRE(t.interruptions.size() == 1);
  CHECK(t.interruptions[0].interrupter == kCustomer);
  CHECK(t.interruptions[0].interrupted == kSeller);
  CHECK(t.interruptions[0].at_ms == 109000);
  CHECK(t.customer.interruptions_made == 1);
  CHECK(t.seller.interruptions_suffered == 1);
  CHECK(t.seller.interruptions_made == 0);

  CHECK(t.seller.longest_monologue_ms == 50500);
  CHECK(t.customer.longest_monologue_ms == 70000);
  CHECK(t.longest_monologue_ms == 70000);

  CHECK(t.seller.words == 106);
  CHECK(t.customer.words == 99);
  CHECK(t.words == 205);
  CHECK(t.seller.words_per_minute.value() == doctest::Approx(6360000.0 / 84500.0));
  CHECK(t.customer.words_per_minute.value() == doctest::Approx(5940000.0 / 96900.0));
  CHECK(t.seller.questions == 4);
  CHECK(t.customer.questions == 2);
  CHECK(t.seller.question_rate_per_hour.value() == doctest::Approx(4.0 * 3600.0 / 190.0));
  CHECK(t.customer.question_rate_per_hour.value() == doctest::Approx(2.0 * 3600.0 / 190.0));

  // Both sides are in every overlap of a two-party call.
  CHECK(t.seller.overlap_ms == 2800);
  CHECK(t.customer.overlap_ms == 2800);
  REQUIRE(t.participants.size() == 2);
  const parley::ParticipantTiming& maya = t.participants[kSeller];
  CHECK(maya.participant_id == "maya.rep@contoso.com");
  CHECK(maya.role == Role::seller);
  CHECK(maya.talk_ms == 84500);
  CHECK(maya.talk_share.value() == doctest::Approx(84500.0 / 181400.0));
  CHECK(maya.turns == 7);
  CHECK(maya.words == 106);
  CHECK(maya.questions == 4);
  CHECK(maya.longest_monologue_ms == 50500);
  CHECK(maya.overlap_ms == 2800);
  CHECK(maya.interruptions_suffered == 1);
  CHECK(t.participants[kCustomer].longest_monologue_ms == 70000);

  CHECK_FALSE(t.participation_gini.has_value());  // two participants: not a multi-party call
  CHECK_FALSE(t.has_confidence);
  CHECK_FALSE(t.low_confidence_share.has_value());
}

// Same call, whole-call denominator: talk = 84.5 / 190, listen = 96.9 / 190 = 0.51 (sum < 1: silence).
TEST_CASE("talk ratio over the call duration") {
  const parley::Call call = timing_test::load_fixture("renewal_call.json");
  parley::TimingOptions options;
  options.talk_ratio_denominator = parley::TalkRatioDenominator::call_duration;
  const CallTiming t = parley::compute_timing(call, options);
  CHECK(t.talk_ratio_denominator == parley::TalkRatioDenominator::call_duration);
  CHECK(t.talk_ratio.value() == doctest::Approx(84500.0 / 190000.0));
  CHECK(t.listen_ratio.value() == doctest::Approx(0.51));
}

// The seller's 1.5 s silence at 150 s: with turn_merge_gap_ms = 2000 segments 119.5–150 and
// 151.5–170 form one turn, so there are 12 turns (seller 6) and still 9 switches.
// With monologue_max_silence_ms = 1000 that silence ends the monologue: the seller's longest is then
// 30.5 s (119.5–150).
TEST_CASE("turn merge gap and monologue silence are parameters") {
  const parley::Call call = timing_test::load_fixture("renewal_call.json");
  parley::TimingOptions wide;
  wide.turn_merge_gap_ms = 2000;
  const CallTiming merged = parley::compute_timing(call, wide);
  CHECK(merged.turns == 12);
  CHECK(merged.seller.turns == 6);
  CHECK(merged.switches == 9);
  CHECK(merged.seller.longest_monologue_ms == 50500);

  parley::TimingOptions strict;
  strict.monologue_max_silence_ms = 1000;
  CHECK(parley::compute_timing(call, strict).seller.longest_monologue_ms == 30500);
}

// S 0–10, customer "uh-huh" 10.5–11 (0.5 s: a backchannel), S 12–20, C 21–30.
// Counting backchannels: S C S C -> 3 switches. Skipping them: S S C -> 1 switch.
TEST_CASE("backchannel switches option") {
  parley::Call call = make_call({Role::seller, Role::customer});
  add(call, kSeller, 0, 10000, "let me explain the plan");
  add(call, kCustomer, 10500, 11000, "uh-huh");
  add(call, kSeller, 12000, 20000, "and then we roll out");
  add(call, kCustomer, 21000, 30000, "sounds fine to me");
  CHECK(parley::compute_timing(call).switches == 3);
  parley::TimingOptions options;
  options.backchannels_count_as_switches = false;
  CHECK(parley::compute_timing(call, options).switches == 1);
  // The backchannel does not end the seller's monologue: 0 to 20 s (2 s silence < 5 s).
  CHECK(parley::compute_timing(call).seller.longest_monologue_ms == 20000);
}

TEST_CASE("empty call") {
  const parley::Call call;
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.duration_ms == 0);
  CHECK(t.talk_ms == 0);
  CHECK(t.turns == 0);
  CHECK(t.switches == 0);
  CHECK_FALSE(t.talk_ratio.has_value());
  CHECK_FALSE(t.listen_ratio.has_value());
  CHECK_FALSE(t.switch_rate_per_hour.has_value());
  CHECK_FALSE(t.interactivity.has_value());
  CHECK_FALSE(t.average_pause_ms.has_value());
  CHECK_FALSE(t.patience_ms.has_value());
  CHECK_FALSE(t.participation_gini.has_value());
  CHECK(t.participants.empty());
  CHECK(t.interruptions.empty());
  CHECK(parley::to_json(t).find("\"talk_ratio\":null") != std::string::npos);
}

// Seller alone (a voicemail): 0–20 s and 22–40 s, call 60 s. Talk 38 s, ratio 1 / 0, one monologue of
// 40 s (2 s silence < 5 s), two turns, no switch, no pause, no patience; rates defined and zero.
TEST_CASE("one speaker only") {
  parley::Call call = make_call({Role::seller, Role::customer}, 60000);
  add(call, kSeller, 0, 20000, "hi it is Maya from Contoso calling about your renewal");
  add(call, kSeller, 22000, 40000, "call me back when you can? thanks");
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.talk_ms == 38000);
  CHECK(t.silence_ms == 22000);
  CHECK(t.talk_ratio.value() == 1.0);
  CHECK(t.listen_ratio.value() == 0.0);
  CHECK(t.turns == 2);
  CHECK(t.switches == 0);
  CHECK(t.switch_rate_per_hour.value() == 0.0);
  CHECK(t.interactivity.value() == 0.0);
  CHECK(t.pauses == 0);
  CHECK_FALSE(t.average_pause_ms.has_value());
  CHECK_FALSE(t.patience_ms.has_value());
  CHECK(t.seller.longest_monologue_ms == 40000);
  CHECK(t.customer.longest_monologue_ms == 0);
  CHECK(t.seller.questions == 1);
  CHECK_FALSE(t.customer.words_per_minute.has_value());  // no customer talk time
  // 17 words in 38 s: 17 * 60 / 38 per minute.
  CHECK(t.seller.words_per_minute.value() == doctest::Approx(17.0 * 60.0 / 38.0));
}

// Only the customer speaks (the seller's line was not recorded): talk 0 %, listen 100 %.
// C 5–15 and C 15–25 touch: one block, one turn, 20 s of talk.
TEST_CASE("customer-only call") {
  parley::Call call = make_call({Role::seller, Role::customer});
  add(call, kCustomer, 5000, 15000, "we are still evaluating two vendors");
  add(call, kCustomer, 15000, 25000, "and the budget is not approved yet");
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.duration_ms == 25000);
  CHECK(t.talk_ms == 20000);
  CHECK(t.talk_ratio.value() == 0.0);
  CHECK(t.listen_ratio.value() == 1.0);
  CHECK(t.turns == 1);
  CHECK(t.customer.longest_monologue_ms == 20000);
  CHECK_FALSE(t.patience_ms.has_value());
  CHECK(t.customer.words == 13);
}

// Both talk over each other for the whole minute: overlap 60 s, call talk 60 s, ratio 50/50. The two
// turns start together, so neither interrupts and there is no pause; turn order (start, end,
// speaker) gives S then C: one switch.
TEST_CASE("full cross-talk") {
  parley::Call call = make_call({Role::seller, Role::customer});
  add(call, kCustomer, 0, 60000, "no no listen to me");
  add(call, kSeller, 0, 60000, "if I could just finish");
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.talk_ms == 60000);
  CHECK(t.overlap_ms == 60000);
  CHECK(t.silence_ms == 0);
  CHECK(t.seller.overlap_ms == 60000);
  CHECK(t.customer.overlap_ms == 60000);
  CHECK(t.talk_ratio.value() == 0.5);
  CHECK(t.listen_ratio.value() == 0.5);
  CHECK(t.turns == 2);
  CHECK(t.switches == 1);
  CHECK(t.pauses == 0);
  CHECK(t.interruptions.empty());
  CHECK(t.seller.longest_monologue_ms == 60000);
  CHECK(t.customer.longest_monologue_ms == 60000);
}

// A zero-length segment adds no talk, turn, pause or overlap, but its words count (the diarizer lost
// its timing, not its text). Without it: S 0–10, C 11–20. With "yes?" at 5 s (inside the seller's
// talk) and at 30 s (after everything): same times, customer words 3 + 1 + 1, questions 2.
TEST_CASE("zero-length segments") {
  parley::Call call = make_call({Role::seller, Role::customer}, 40000);
  add(call, kSeller, 0, 10000, "here is the plan");
  add(call, kCustomer, 11000, 20000, "that sounds good");
  const CallTiming before = parley::compute_timing(call);
  add(call, kCustomer, 5000, 5000, "yes?");
  add(call, kCustomer, 30000, 30000, "bye?");
  const CallTiming after = parley::compute_timing(call);
  CHECK(after.talk_ms == before.talk_ms);
  CHECK(after.talk_ms == 19000);
  CHECK(after.turns == 2);
  CHECK(after.switches == 1);
  CHECK(after.pauses == 1);
  CHECK(after.overlap_ms == 0);
  CHECK(after.interruptions.empty());
  CHECK(after.customer.words == 5);
  CHECK(after.customer.questions == 2);
  CHECK(before.customer.questions == 0);
}

// Exact duplicates (same speaker, times and text) count once; same times with other text count.
TEST_CASE("duplicate segments count once") {
  parley::Call call = make_call({Role::seller, Role::customer});
  add(call, kSeller, 0, 4000, "what is your budget?");
  add(call, kSeller, 0, 4000, "what is your budget?");
  add(call, kSeller, 0, 4000, "roughly");
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.seller.talk_ms == 4000);
  CHECK(t.seller.turns == 1);
  CHECK(t.seller.words == 5);
  CHECK(t.seller.questions == 1);
}

// A hostile run of 20,000 segments with one speaker and identical times: 10,000 distinct texts, each
// twice ("w0" .. "w9999"), in reverse order: 10,000 words counted, one block of 1 s, in linear-log time.
TEST_CASE("a long run of identical times with duplicated texts") {
  parley::Call call = make_call({Role::seller, Role::customer});
  for (int i = 9999; i >= 0; --i) {
    // Appending, not "w" + std::to_string(i): g++ 12 -O3 gives a false -Wrestrict on the latter.
    add(call, kSeller, 5000, 6000, std::string("w").append(std::to_string(i)));
    add(call, kSeller, 5000, 6000, std::string("w").append(std::to_string(i)));
  }
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.seller.words == 10000);
  CHECK(t.seller.talk_ms == 1000);
  CHECK(t.turns == 1);
}

// 100,000 alternating segments: segment i is speaker i % 2 (0 seller, 1 customer), 3 s apart, 2.5 s
// long, "we can do that?" (4 words, 1 question). Expected from the formulas:
// talk = 100000 * 2500; duration = 99999 * 3000 + 2500; turns 100000, switches 99999, pauses 99999
// of 500 ms, patience 49999 pauses (customer -> seller) of 500 ms, monologues 2500 ms.
TEST_CASE("100,000-segment call") {
  parley::Call call = make_call({Role::seller, Role::customer});
  constexpr int kCount = 100000;
  call.segments.reserve(kCount);
  for (int i = 0; i < kCount; ++i)
    add(call, static_cast<std::uint32_t>(i % 2), i * 3000LL, i * 3000LL + 2500, "we can do that?");
  std::mt19937 rng(7);
  std::shuffle(call.segments.begin(), call.segments.end(), rng);
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.talk_ms == 250000000);
  CHECK(t.duration_ms == 299999500);
  CHECK(t.silence_ms == 49999500);
  CHECK(t.turns == 100000);
  CHECK(t.switches == 99999);
  CHECK(t.pauses == 99999);
  CHECK(t.average_pause_ms.value() == doctest::Approx(500.0));
  CHECK(t.patience_pauses == 49999);
  CHECK(t.patience_ms.value() == doctest::Approx(500.0));
  CHECK(t.longest_monologue_ms == 2500);
  CHECK(t.interruptions.empty());
  CHECK(t.words == 400000);
  CHECK(t.questions == 100000);
  CHECK(t.talk_ratio.value() == 0.5);
}

// Four participants (a multi-party call): talk 0, 10, 20 and 30 s. Gini = sum over ordered pairs of
// |x_i - x_j| / (2 n^2 mean): pairs 10+20+30+10+20+10 = 100, doubled 200; n = 4, mean 15:
// 200 / (2 * 16 * 15) = 200 / 480 = 5/12. Shares: 0, 1/6, 1/3, 1/2.
TEST_CASE("participation equity of a multi-party call") {
  parley::Call call = make_call({Role::seller, Role::customer, Role::customer, Role::other}, 70000);
  add(call, 1, 0, 10000, "from procurement");
  add(call, 2, 10000, 30000, "from finance");
  add(call, 0, 30000, 60000, "from sales");
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.participation_gini.value() == doctest::Approx(5.0 / 12.0));
  CHECK(t.participants[3].talk_share.value() == 0.0);
  CHECK(t.participants[1].talk_share.value() == doctest::Approx(1.0 / 6.0));
  CHECK(t.participants[0].talk_share.value() == doctest::Approx(0.5));
  CHECK(t.customer.participants == 2);
  CHECK(t.customer.talk_ms == 30000);
  CHECK(t.other.participants == 1);

  // Three equal speakers: Gini 0.
  parley::Call equal = make_call({Role::seller, Role::customer, Role::customer});
  add(equal, 0, 0, 5000);
  add(equal, 1, 5000, 10000);
  add(equal, 2, 10000, 15000);
  CHECK(parley::compute_timing(equal).participation_gini.value() == doctest::Approx(0.0));
}

// Multi-party interruptions name who was talked over, and other-role speakers are left out of
// switches. Customer A 0–20 s; customer B cuts in at 15 s until 30 s (B interrupts A, 5 s overlap);
// an assistant (other) 31–35; seller 36–50. Turns A B X S: roles C C (other) S -> 1 switch.
// Pauses: B 0 (overlap), X 1 s, S 1 s: average 2/3 s; patience: S follows X, not a customer -> none.
TEST_CASE("multi-party interruptions and other-role speakers") {
  parley::Call call = make_call({Role::seller, Role::customer, Role::customer, Role::other});
  add(call, 1, 0, 20000, "our current vendor charges per seat");
  add(call, 2, 15000, 30000, "actually it is per site");
  add(call, 3, 31000, 35000, "I will take notes");
  add(call, 0, 36000, 50000, "we charge per active user");
  const CallTiming t = parley::compute_timing(call);
  REQUIRE(t.interruptions.size() == 1);
  CHECK(t.interruptions[0].interrupter == 2);
  CHECK(t.interruptions[0].interrupted == 1);
  CHECK(t.interruptions[0].at_ms == 15000);
  CHECK(t.customer.interruptions_made == 1);
  CHECK(t.customer.interruptions_suffered == 1);
  CHECK(t.overlap_ms == 5000);
  CHECK(t.customer.overlap_ms == 0);  // only customers overlapped each other
  CHECK(t.participants[1].overlap_ms == 5000);
  CHECK(t.switches == 1);
  CHECK(t.pauses == 3);
  CHECK(t.average_pause_ms.value() == doctest::Approx(2000.0 / 3.0));
  CHECK_FALSE(t.patience_ms.has_value());
}

// Confidence: S 0–10 (0.9), C 10–20 (0.3: low), S 20–30 without segment confidence, its words
// 20–25 (0.2: low) and 25–30 (0.8). Low = 10 + 5 = 15 s of 30 s talk = 0.5.
TEST_CASE("low-confidence share") {
  parley::Call call = make_call({Role::seller, Role::customer});
  add(call, kSeller, 0, 10000, "first");
  add(call, kCustomer, 10000, 20000, "second");
  add(call, kSeller, 20000, 30000, "third fourth");
  call.segments[0].confidence = 0.9;
  call.segments[1].confidence = 0.3;
  call.segments[2].words = {{20000, 25000, "third", 0.2}, {25000, 30000, "fourth", 0.8}};
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.has_confidence);
  CHECK(t.low_confidence_ms == 15000);
  CHECK(t.low_confidence_share.value() == doctest::Approx(0.5));
  parley::TimingOptions options;
  options.low_confidence_threshold = 0.1;  // nothing below 0.1
  CHECK(parley::compute_timing(call, options).low_confidence_share.value() == 0.0);
}

TEST_CASE("built-in word and question count") {
  parley::Call call = make_call({Role::seller, Role::customer});
  add(call, kSeller, 0, 1000, "Really?! Are you sure ? — ok");      // 5 words, 2 questions
  add(call, kCustomer, 1000, 2000, "你们的价格是多少？ 可以吗？");  // 2 tokens, 2 questions
  add(call, kCustomer, 2000, 3000, "هل هذا ممكن؟");                 // 3 words, 1 question
  add(call, kSeller, 3000, 4000, "Done. Great!");                   // 2 words, 0 questions
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.seller.words == 7);
  CHECK(t.seller.questions == 2);
  CHECK(t.customer.words == 5);
  CHECK(t.customer.questions == 3);
}

TEST_CASE("text counts from the text pipeline replace the built-in count") {
  parley::Call call = make_call({Role::seller, Role::customer});
  add(call, kSeller, 0, 30000, "你们的价格是多少");
  add(call, kCustomer, 30000, 60000, "whatever");
  const std::vector<parley::SegmentTextCounts> counts = {{5, 1}, {40, 0}};
  const CallTiming t = parley::compute_timing(call, {}, counts);
  CHECK(t.seller.words == 5);
  CHECK(t.seller.questions == 1);
  CHECK(t.customer.words == 40);
  CHECK(t.customer.words_per_minute.value() == doctest::Approx(80.0));  // 40 words in 0.5 min
  const std::vector<parley::SegmentTextCounts> short_counts = {{5, 1}};
  check_error([&] { parley::compute_timing(call, {}, short_counts); }, parley::ErrorCode::invalid_argument,
              "call 'test': text_counts has 1 entries but the call has 2 segments");
}

TEST_CASE("filler words per minute of talk, per participant and per role") {
  // Two sellers: 0-60 s and 30-90 s (role talk: the union, 90 s); a customer 90-120 s, whose segment
  // arrives twice (an exact duplicate counts once, as for words and questions).
  parley::Call call = make_call({Role::seller, Role::seller, Role::customer});
  add(call, 0, 0, 60000, "a");
  add(call, 1, 30000, 90000, "b");
  add(call, 2, 90000, 120000, "c");
  add(call, 2, 90000, 120000, "c");
  std::vector<parley::SegmentTextCounts> counts(4);
  counts[0].filler_words = 3;
  counts[1].filler_words = 3;
  counts[2].filler_words = 1;
  counts[3].filler_words = 1;
  const CallTiming t = parley::compute_timing(call, {}, counts);
  CHECK(t.participants[0].filler_words == 3);
  CHECK(t.participants[0].filler_words_per_minute.value() == doctest::Approx(3.0));  // 3 in 1 min
  CHECK(t.participants[1].filler_words_per_minute.value() == doctest::Approx(3.0));
  CHECK(t.participants[2].filler_words == 1);
  CHECK(t.participants[2].filler_words_per_minute.value() == doctest::Approx(2.0));  // 1 in 0.5 min
  CHECK(t.seller.filler_words == 6);
  CHECK(t.seller.filler_words_per_minute.value() == doctest::Approx(4.0));  // 6 in 1.5 min
  CHECK(t.customer.filler_words_per_minute.value() == doctest::Approx(2.0));
  CHECK_FALSE(t.other.filler_words_per_minute.has_value());  // no talk time
  // The built-in count has no filler lists: none counted.
  const CallTiming builtin = parley::compute_timing(call);
  CHECK(builtin.seller.filler_words == 0);
  CHECK(builtin.seller.filler_words_per_minute.value() == 0.0);
}

TEST_CASE("bad input is rejected with the segment named") {
  parley::Call call = make_call({Role::seller, Role::customer});
  add(call, kSeller, 0, 1000);
  add(call, 5, 1000, 2000);
  check_error([&] { parley::compute_timing(call); }, parley::ErrorCode::invalid_argument,
              "call 'test': segment 1: unknown speaker 5 (the call has 2 participants)");
  call.segments[1].speaker = kCustomer;
  call.segments[1].end_ms = 500;
  check_error([&] { parley::compute_timing(call); }, parley::ErrorCode::invalid_argument,
              "call 'test': segment 1: end time 500 ms is before start time 1000 ms");
  call.segments[1].start_ms = -10;
  check_error([&] { parley::compute_timing(call); }, parley::ErrorCode::invalid_argument,
              "call 'test': segment 1: negative start time -10 ms");
  call.segments[1] = call.segments[0];
  call.segments[1].end_ms = 8LL * 24 * 3600 * 1000;
  check_error([&] { parley::compute_timing(call); }, parley::ErrorCode::limit_exceeded,
              "call 'test': segment 1: end time 691200000 ms is beyond the limit of 604800000 ms");
}

TEST_CASE("bad options are rejected with the field named") {
  const parley::Call call = make_call({Role::seller});
  parley::TimingOptions options;
  options.turn_merge_gap_ms = -1;
  check_error([&] { parley::compute_timing(call, options); }, parley::ErrorCode::invalid_argument,
              "TimingOptions.turn_merge_gap_ms = -1: must be >= 0");
  options = {};
  options.low_confidence_threshold = 1.5;
  check_error([&] { parley::compute_timing(call, options); }, parley::ErrorCode::invalid_argument,
              "TimingOptions.low_confidence_threshold = 1.5: must be in [0, 1]");
  options = {};
  options.interactivity_full_scale_switches_per_minute = 0;
  check_error([&] { parley::compute_timing(call, options); }, parley::ErrorCode::invalid_argument,
              "TimingOptions.interactivity_full_scale_switches_per_minute = 0: must be finite and > 0");
}

// Interactivity saturates: 12 switches in one minute is 12/min, above the 6/min full scale -> 10.
TEST_CASE("interactivity is capped at 10") {
  parley::Call call = make_call({Role::seller, Role::customer}, 60000);
  for (int i = 0; i < 13; ++i) add(call, static_cast<std::uint32_t>(i % 2), i * 4000LL, i * 4000LL + 3000);
  const CallTiming t = parley::compute_timing(call);
  CHECK(t.switches == 12);
  CHECK(t.interactivity.value() == 10.0);
  parley::TimingOptions options;
  options.interactivity_full_scale_switches_per_minute = 24.0;  // 12 / 24 -> 5
  CHECK(parley::compute_timing(call, options).interactivity.value() == doctest::Approx(5.0));
}
