#pragma once
// Internal interface of the timing area (for the areas above it; never installed): JSON values of the
// timing results, which analysis assembles (public headers never expose nlohmann), and the names
// of the timing options' enum values in JSON documents (the C ABI's options read them).
#include <nlohmann/json.hpp>

#include "model/enum_names.hpp"
#include "parley/timing.hpp"

namespace parley {

inline constexpr detail::EnumName<TalkRatioDenominator> talk_ratio_denominator_names[] = {
    {TalkRatioDenominator::speech_time, "speech_time"},
    {TalkRatioDenominator::call_duration, "call_duration"},
};

nlohmann::json to_json_value(const ParticipantTiming& participant);
nlohmann::json to_json_value(const RoleTiming& role);
nlohmann::json to_json_value(const CallTiming& timing);
nlohmann::json to_json_value(const MetricSummary& summary);
nlohmann::json to_json_value(const TimingAggregate& aggregate);

}  // namespace parley
