#pragma once
// JSON form of the timing results (private: public headers never expose nlohmann).
#include <nlohmann/json.hpp>

#include "parley/timing.hpp"

namespace parley {

nlohmann::json to_json_value(const ParticipantTiming& participant);
nlohmann::json to_json_value(const RoleTiming& role);
nlohmann::json to_json_value(const CallTiming& timing);
nlohmann::json to_json_value(const MetricSummary& summary);
nlohmann::json to_json_value(const TimingAggregate& aggregate);

}  // namespace parley
