#pragma once
// Internal interface of the signals area (for the areas above it; never installed): JSON values of
// the signal results, which analysis assembles (public headers never expose nlohmann).
#include <nlohmann/json.hpp>

#include "parley/signals.hpp"

namespace parley {

nlohmann::json to_json_value(const PriceMention& price);
nlohmann::json to_json_value(const BrandMention& brand);
nlohmann::json to_json_value(const BrandCount& count);
nlohmann::json to_json_value(const ActionItem& item);
nlohmann::json to_json_value(const ParticipantFillers& fillers);
nlohmann::json to_json_value(const CallSignals& signals);

}  // namespace parley
