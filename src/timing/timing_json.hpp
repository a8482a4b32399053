#pragma once
// Internal interface of the timing area (for the areas above it; never installed): JSON values of the
// timing results, which analysis assembles (public headers never expose nlohmann).
#include <nlohmann/json.hpp>

#include "parley/timing.hpp"

namespace parley {

nlohmann::json to_json_value(const ParticipantTiming& participant);
nlohmann::json to_json_value(const RoleTiming& role);
nlohmann::json to_json_value(const CallTiming& timing);
nlohmann::json to_json_value(const MetricSummary& summary);
nlohmann::json to_json_value(const TimingAggregate& aggregate);

}  // namespace parley
