// TimingOptions::validate: the ranges documented beside each field in timing.hpp.
#include "model/option_checks.hpp"
#include "parley/timing.hpp"

namespace parley {

void TimingOptions::validate(std::string_view where) const {
  namespace check = option_checks;
  check::at_least<Milliseconds>(where, "turn_merge_gap_ms", turn_merge_gap_ms, 0);
  check::at_least<Milliseconds>(where, "backchannel_max_ms", backchannel_max_ms, 0);
  check::at_least<Milliseconds>(where, "monologue_max_silence_ms", monologue_max_silence_ms, 0);
  if (talk_ratio_denominator != TalkRatioDenominator::speech_time &&
      talk_ratio_denominator != TalkRatioDenominator::call_duration) {
    check::fail(where, "talk_ratio_denominator", talk_ratio_denominator,
                "must be speech_time or call_duration");
  }
  check::in_range(where, "low_confidence_threshold", low_confidence_threshold, 0, 1);
  check::finite_positive(where, "interactivity_full_scale_switches_per_minute",
                         interactivity_full_scale_switches_per_minute);
}

}  // namespace parley
