// Analyses a two-segment call through the installed library and checks one figure:
// seller 0-6 s, customer 6-10 s -> talk ratio 6 / 10 = 60%.
#include <parley/parley.hpp>

#include <cstdio>

int main() {
  parley::Call call;
  call.participants = {{"s", "Seller", parley::Role::seller, {}},
                       {"c", "Customer", parley::Role::customer, {}}};
  call.segments = {{0, 0, 6000, "Hello there", {}, {}}, {1, 6000, 10000, "Hi", {}, {}}};
  const parley::CallTiming timing = parley::compute_timing(call);
  std::printf("parley %s talk ratio %.2f\n", parley::version(), timing.talk_ratio.value_or(-1));
  return timing.talk_ratio && *timing.talk_ratio > 0.599 && *timing.talk_ratio < 0.601 ? 0 : 1;
}
