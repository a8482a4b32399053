// Signal detection over a realistic one-hour English call, against a baseline measured in the same
// run: the text pipeline's normalize_for_matching over the same segments (the least any
// phrase-matching pass must do).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "parley/signals.hpp"
#include "parley/text.hpp"

namespace {

parley::Call make_call() {
  const std::vector<std::string> lines = {
      "Um, thanks for making the time today. How many seats are you looking at?",
      "Right now we use Acme Data Systems for about 120 people, and, you know, it's OK.",
      "What are you paying for that today",
      "Roughly $1,200 per seat per year, so around 144k in total. We also looked at Globex Corporation.",
      "Got it. I'll send you the proposal by Friday, and let's meet on Tuesday to go through it.",
      "Uh, does the price include onboarding? We were quoted twelve hundred dollars for training.",
      "Onboarding is included. Next step would be a pilot with your sales team in the London office.",
      "Like, who else should be in that meeting? Maybe our head of RevOps.",
  };
  parley::Call call;
  call.id = "bench";
  call.language = "en-US";
  call.participants = {{"rep", "Rep", parley::Role::seller, {}},
                       {"cust", "Customer", parley::Role::customer, {}}};
  parley::Milliseconds t = 0;
  for (int i = 0; i < 720; ++i) {  // 720 segments of 5 s = one hour
    const auto& text = lines[static_cast<std::size_t>(i) % lines.size()];
    call.segments.push_back({static_cast<std::uint32_t>(i % 2), t, t + 5000, text, {}, {}});
    t += 5000;
  }
  return call;
}

const parley::SignalDetector& detector() {
  static const parley::SignalDetector instance;
  return instance;
}

void BM_NormalizeBaseline(benchmark::State& state) {
  const parley::Call call = make_call();
  std::size_t bytes = 0;
  for (const auto& segment : call.segments) bytes += segment.text.size();
  for (auto _ : state) {
    for (const auto& segment : call.segments)
      benchmark::DoNotOptimize(parley::normalize_for_matching(segment.text));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_NormalizeBaseline)->Unit(benchmark::kMillisecond);

void BM_DetectSignals(benchmark::State& state) {
  const parley::Call call = make_call();
  std::size_t bytes = 0;
  for (const auto& segment : call.segments) bytes += segment.text.size();
  for (auto _ : state) benchmark::DoNotOptimize(detector().detect(call));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_DetectSignals)->Unit(benchmark::kMillisecond);

void BM_FindPricesOnly(benchmark::State& state) {
  const parley::Call call = make_call();
  for (auto _ : state) {
    for (const auto& segment : call.segments)
      benchmark::DoNotOptimize(detector().find_prices(segment.text, "en-US"));
  }
}
BENCHMARK(BM_FindPricesOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
