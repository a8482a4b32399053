// Laws the timing metrics obey on messy random calls (gaps, cross-talk, backchannels, zero-length and
// duplicated segments): order independence, splitting a segment, shifting and scaling time, and
// talk + listen = 100 %. Equality is checked on the full JSON document, so every figure is covered.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "parley/timing.hpp"
#include "timing/timing_fixtures.hpp"

namespace {

constexpr std::uint32_t kSeeds[] = {1, 2, 3, 17, 42, 99, 1234, 31337};

std::optional<double> divided(std::optional<double> value, double k) {
  if (!value) return std::nullopt;
  return *value / k;
}

void check_same(const std::optional<double>& a, const std::optional<double>& b) {
  REQUIRE(a.has_value() == b.has_value());
  if (a) CHECK(*a == doctest::Approx(*b).epsilon(1e-9));
}

}  // namespace

TEST_CASE("property: results do not depend on segment order") {
  for (const std::uint32_t seed : kSeeds) {
    CAPTURE(seed);
    parley::Call call = timing_test::random_call(seed, 300, seed % 2 == 0);
    const std::string expected = parley::to_json(parley::compute_timing(call));
    std::mt19937 rng(seed * 7919u);
    for (int round = 0; round < 3; ++round) {
      std::shuffle(call.segments.begin(), call.segments.end(), rng);
      CHECK(parley::to_json(parley::compute_timing(call)) == expected);
    }
    std::sort(call.segments.begin(), call.segments.end(),
              [](const parley::Segment& a, const parley::Segment& b) { return a.start_ms < b.start_ms; });
    CHECK(parley::to_json(parley::compute_timing(call)) == expected);
  }
}

// A segment [s, e) with text "w1 ... wn" becomes [s, m) "w1 .. wj" and [m, e) "wj+1 .. wn": talk
// blocks, turns, monologues, words and questions are unchanged.
TEST_CASE("property: splitting a segment into two adjacent halves changes nothing") {
  for (const std::uint32_t seed : kSeeds) {
    CAPTURE(seed);
    const parley::Call call = timing_test::random_call(seed, 200, seed % 3 == 0);
    const std::string expected = parley::to_json(parley::compute_timing(call));
    int splits = 0;
    for (std::size_t i = 0; i < call.segments.size() && splits < 20; ++i) {
      const parley::Segment& segment = call.segments[i];
      const std::size_t space = segment.text.find(' ');
      const bool duplicated =
          std::count_if(call.segments.begin(), call.segments.end(), [&](const parley::Segment& s) {
            return s.speaker == segment.speaker && s.start_ms == segment.start_ms &&
                   s.end_ms == segment.end_ms && s.text == segment.text;
          }) > 1;
      if (segment.end_ms - segment.start_ms < 2 || space == std::string::npos || duplicated) continue;
      CAPTURE(i);
      parley::Call split = call;
      parley::Segment second = segment;
      const parley::Milliseconds middle = segment.start_ms + (segment.end_ms - segment.start_ms) / 2;
      split.segments[i].end_ms = middle;
      split.segments[i].text = segment.text.substr(0, space);
      second.start_ms = middle;
      second.text = segment.text.substr(space + 1);
      split.segments.push_back(second);
      CHECK(parley::to_json(parley::compute_timing(split)) == expected);
      ++splits;
    }
    CHECK(splits > 0);
  }
}

// The call's duration is kept fixed (longer than the last segment end plus the shift), so the
// segments move inside the same call and every figure, rates included, stays the same; interruption
// offsets (at_ms) move by the shift.
TEST_CASE("property: shifting every segment by a constant changes nothing") {
  for (const std::uint32_t seed : kSeeds) {
    CAPTURE(seed);
    parley::Call call = timing_test::random_call(seed, 250, seed % 2 == 1);
    call.duration_ms = call.effective_duration_ms() + 200000;
    const std::string expected = parley::to_json(parley::compute_timing(call));
    for (const parley::Milliseconds shift : {1, 1000, 123457}) {
      parley::Call moved = call;
      for (parley::Segment& segment : moved.segments) {
        segment.start_ms += shift;
        segment.end_ms += shift;
      }
      // Interruption offsets are the one figure that is a time of day: they move with the segments.
      parley::CallTiming timing = parley::compute_timing(moved);
      for (parley::Interruption& interruption : timing.interruptions) interruption.at_ms -= shift;
      CHECK(parley::to_json(timing) == expected);
    }
  }
}

// Times and thresholds multiplied by k: every duration is multiplied by k, counts and ratios are
// unchanged, rates (per hour, per minute) are divided by k. The thresholds are scaled with the data,
// so no comparison against a threshold changes.
TEST_CASE("property: scaling time by k scales durations and keeps ratios") {
  for (const std::uint32_t seed : kSeeds) {
    for (const int k : {2, 3, 10}) {
      CAPTURE(seed);
      CAPTURE(k);
      parley::Call call = timing_test::random_call(seed, 200, seed % 2 == 0);
      call.duration_ms = call.effective_duration_ms() + 5000;
      const parley::CallTiming base = parley::compute_timing(call);
      parley::Call scaled_call = call;
      scaled_call.duration_ms *= k;
      for (parley::Segment& segment : scaled_call.segments) {
        segment.start_ms *= k;
        segment.end_ms *= k;
      }
      parley::TimingOptions options;
      options.turn_merge_gap_ms *= k;
      options.backchannel_max_ms *= k;
      options.monologue_max_silence_ms *= k;
      const parley::CallTiming scaled = parley::compute_timing(scaled_call, options);

      CHECK(scaled.duration_ms == k * base.duration_ms);
      CHECK(scaled.talk_ms == k * base.talk_ms);
      CHECK(scaled.silence_ms == k * base.silence_ms);
      CHECK(scaled.overlap_ms == k * base.overlap_ms);
      CHECK(scaled.longest_monologue_ms == k * base.longest_monologue_ms);
      CHECK(scaled.low_confidence_ms == k * base.low_confidence_ms);
      CHECK(scaled.turns == base.turns);
      CHECK(scaled.switches == base.switches);
      CHECK(scaled.pauses == base.pauses);
      CHECK(scaled.patience_pauses == base.patience_pauses);
      CHECK(scaled.interruptions.size() == base.interruptions.size());
      check_same(scaled.talk_ratio, base.talk_ratio);
      check_same(scaled.listen_ratio, base.listen_ratio);
      check_same(scaled.participation_gini, base.participation_gini);
      check_same(scaled.low_confidence_share, base.low_confidence_share);
      check_same(divided(scaled.average_pause_ms, k), base.average_pause_ms);
      check_same(divided(scaled.patience_ms, k), base.patience_ms);
      check_same(scaled.switch_rate_per_hour, divided(base.switch_rate_per_hour, k));
      const std::pair<const parley::RoleTiming*, const parley::RoleTiming*> roles[] = {
          {&scaled.seller, &base.seller}, {&scaled.customer, &base.customer}, {&scaled.other, &base.other}};
      for (const auto& [s, b] : roles) {
        CHECK(s->talk_ms == k * b->talk_ms);
        CHECK(s->overlap_ms == k * b->overlap_ms);
        CHECK(s->longest_monologue_ms == k * b->longest_monologue_ms);
        CHECK(s->turns == b->turns);
        CHECK(s->words == b->words);
        check_same(s->words_per_minute, divided(b->words_per_minute, k));
        check_same(s->question_rate_per_hour, divided(b->question_rate_per_hour, k));
      }
      for (std::size_t p = 0; p < base.participants.size(); ++p) {
        CHECK(scaled.participants[p].talk_ms == k * base.participants[p].talk_ms);
        check_same(scaled.participants[p].talk_share, base.participants[p].talk_share);
      }
    }
  }
}

TEST_CASE("property: talk and listen sum to 100 % of speech time") {
  for (std::uint32_t seed = 100; seed < 140; ++seed) {
    CAPTURE(seed);
    const parley::CallTiming t = parley::compute_timing(timing_test::random_call(seed, 60, seed % 2 == 0));
    REQUIRE(t.talk_ratio.has_value());
    CHECK(*t.talk_ratio + *t.listen_ratio == doctest::Approx(1.0));
    CHECK(*t.talk_ratio >= 0.0);
    CHECK(*t.talk_ratio <= 1.0);
    // Independent check of the union: talk = sum of participants' talk minus what they overlap, for two
    // parties exactly; overlap never exceeds either side.
    CHECK(t.talk_ms <= t.duration_ms);
    CHECK(t.silence_ms >= 0);
    CHECK(t.overlap_ms <= t.talk_ms);
  }
}

// Talk time and overlap checked against a brute-force millisecond-by-millisecond count.
TEST_CASE("property: talk and overlap match a brute-force count") {
  for (std::uint32_t seed = 200; seed < 210; ++seed) {
    CAPTURE(seed);
    const parley::Call call = timing_test::random_call(seed, 40, true);
    const parley::Milliseconds length = call.effective_duration_ms();
    std::vector<std::uint8_t> speaking(static_cast<std::size_t>(length) * call.participants.size(), 0);
    for (const parley::Segment& s : call.segments) {
      for (parley::Milliseconds ms = s.start_ms; ms < s.end_ms; ++ms) {
        speaking[static_cast<std::size_t>(ms) * call.participants.size() + s.speaker] = 1;
      }
    }
    parley::Milliseconds talk = 0, overlap = 0;
    std::vector<parley::Milliseconds> per_speaker(call.participants.size(), 0);
    for (parley::Milliseconds ms = 0; ms < length; ++ms) {
      int active = 0;
      for (std::size_t p = 0; p < call.participants.size(); ++p) {
        const bool on = speaking[static_cast<std::size_t>(ms) * call.participants.size() + p] != 0;
        active += on;
        per_speaker[p] += on;
      }
      talk += active >= 1;
      overlap += active >= 2;
    }
    const parley::CallTiming t = parley::compute_timing(call);
    CHECK(t.talk_ms == talk);
    CHECK(t.overlap_ms == overlap);
    for (std::size_t p = 0; p < per_speaker.size(); ++p) CHECK(t.participants[p].talk_ms == per_speaker[p]);
  }
}

// Calls past 2048 segments take the other ordering paths (insertion sort for nearly sorted input,
// radix sort otherwise): results must match the same call in time order.
TEST_CASE("property: order independence on large calls, shuffled and nearly sorted") {
  for (const std::uint32_t seed : {5u, 6u}) {
    CAPTURE(seed);
    parley::Call call = timing_test::random_call(seed, 6000, seed == 6);
    std::sort(call.segments.begin(), call.segments.end(),
              [](const parley::Segment& a, const parley::Segment& b) {
                return std::tie(a.start_ms, a.end_ms, a.speaker, a.text) <
                       std::tie(b.start_ms, b.end_ms, b.speaker, b.text);
              });
    const std::string expected = parley::to_json(parley::compute_timing(call));
    parley::Call nearly = call;
    for (std::size_t i = 0; i + 1 < nearly.segments.size(); i += 97)
      std::swap(nearly.segments[i], nearly.segments[i + 1]);
    CHECK(parley::to_json(parley::compute_timing(nearly)) == expected);
    std::reverse(nearly.segments.begin(), nearly.segments.end());
    CHECK(parley::to_json(parley::compute_timing(nearly)) == expected);
    std::mt19937 rng(seed);
    std::shuffle(nearly.segments.begin(), nearly.segments.end(), rng);
    CHECK(parley::to_json(parley::compute_timing(nearly)) == expected);
  }
}
