// Timing metrics on a generated 100,000-segment two-party call (about 5 days of talk: far beyond a
// real call, to measure throughput). Baselines in the same run: one pass summing segment durations
// (the least any timing metric must do) and sorting the segments' (start, end, speaker) keys (what
// any order-independent metric over unsorted input must do).
// Run: bench_timing --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <tuple>
#include <vector>

#include "parley/timing.hpp"

namespace {

constexpr std::size_t kSegments = 100'000;

const char* const kSellerLines[] = {
    "Thanks for joining today.",
    "What does your current process look like?",
    "We can set that up in a week.",
    "How many seats would you need?",
    "The analytics pack is included in the first year.",
    "Right.",
    "Let me share my screen for a moment.",
    "Who else is involved in the decision?",
    "That makes sense.",
    "I will send the proposal by Friday.",
};
const char* const kCustomerLines[] = {
    "Sure, happy to.",
    "Mostly spreadsheets and a lot of email, honestly.",
    "Uh-huh.",
    "Around forty, maybe fifty next year.",
    "Is the onboarding included in the price?",
    "Our finance lead signs off on anything above ten thousand.",
    "Yeah.",
    "We tried another tool last year and it did not stick.",
    "Can you send me the pricing?",
    "That works for us.",
};

// Alternating seller/customer turns of 0.8-8 s with 0.15-1.2 s pauses; one turn in eight starts
// before the other side stops (cross-talk); one in six is followed by a short backchannel inside it.
parley::Call make_call(bool shuffled) {
  std::mt19937 rng(20261123);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  parley::Call call;
  call.id = "bench";
  call.participants = {{"rep", "Rep", parley::Role::seller, {}},
                       {"buyer", "Buyer", parley::Role::customer, {}}};
  call.segments.reserve(kSegments);
  parley::Milliseconds cursor = 0;
  std::uint32_t speaker = 0;
  while (call.segments.size() < kSegments) {
    const parley::Milliseconds gap = uniform(0, 7) == 0 ? -uniform(100, 800) : uniform(150, 1200);
    const parley::Milliseconds start = std::max<parley::Milliseconds>(0, cursor + gap);
    const parley::Milliseconds end = start + uniform(800, 8000);
    const char* text = speaker == 0 ? kSellerLines[uniform(0, 9)] : kCustomerLines[uniform(0, 9)];
    call.segments.push_back({speaker, start, end, text, {}, {}});
    if (uniform(0, 5) == 0 && call.segments.size() < kSegments && end - start > 3000) {
      const parley::Milliseconds at = start + 1000;
      call.segments.push_back({1 - speaker, at, at + 600, speaker == 0 ? "Uh-huh." : "Right.", {}, {}});
    }
    cursor = end;
    speaker = 1 - speaker;
  }
  if (!shuffled) return call;
  // Arrival in random order, as from a diarizer that emits per speaker: the copies are made in the
  // new order, so texts sit in memory in arrival order as a parser would have allocated them.
  std::vector<std::size_t> order(call.segments.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  parley::Call arrived = call;
  arrived.segments.clear();
  for (const std::size_t i : order) arrived.segments.push_back(call.segments[i]);
  return arrived;
}

const parley::Call& sorted_call() {
  static const parley::Call call = make_call(false);
  return call;
}
const parley::Call& shuffled_call() {
  static const parley::Call call = make_call(true);
  return call;
}

void BM_ComputeTiming(benchmark::State& state) {
  const parley::Call& call = state.range(0) ? shuffled_call() : sorted_call();
  for (auto _ : state) {
    parley::CallTiming timing = parley::compute_timing(call);
    benchmark::DoNotOptimize(timing.talk_ms);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * call.segments.size()));
}
BENCHMARK(BM_ComputeTiming)->ArgName("shuffled")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// With word and question counts supplied, as the text pipeline will: timing work alone.
void BM_ComputeTimingWithTextCounts(benchmark::State& state) {
  const parley::Call& call = state.range(0) ? shuffled_call() : sorted_call();
  const std::vector<parley::SegmentTextCounts> counts(call.segments.size(), parley::SegmentTextCounts{8, 0});
  for (auto _ : state) {
    parley::CallTiming timing = parley::compute_timing(call, {}, counts);
    benchmark::DoNotOptimize(timing.talk_ms);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * call.segments.size()));
}
BENCHMARK(BM_ComputeTimingWithTextCounts)->ArgName("shuffled")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_BaselineSumDurations(benchmark::State& state) {
  const parley::Call& call = state.range(0) ? shuffled_call() : sorted_call();
  for (auto _ : state) {
    parley::Milliseconds total = 0;
    for (const parley::Segment& segment : call.segments) total += segment.end_ms - segment.start_ms;
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * call.segments.size()));
}
BENCHMARK(BM_BaselineSumDurations)->ArgName("shuffled")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

struct Key {
  parley::Milliseconds start, end;
  std::uint32_t speaker;
};

void BM_BaselineSortSegments(benchmark::State& state) {
  const parley::Call& call = state.range(0) ? shuffled_call() : sorted_call();
  std::vector<Key> keys;
  for (auto _ : state) {
    keys.clear();
    for (const parley::Segment& s : call.segments) keys.push_back({s.start_ms, s.end_ms, s.speaker});
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
      return std::tie(a.start, a.end, a.speaker) < std::tie(b.start, b.end, b.speaker);
    });
    benchmark::DoNotOptimize(keys.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * call.segments.size()));
}
BENCHMARK(BM_BaselineSortSegments)->ArgName("shuffled")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
