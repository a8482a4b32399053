#pragma once
// Internal interface of the terms area (for the areas above it; never installed): JSON values of the
// tracked-term results, which analysis assembles (public headers never expose nlohmann).
#include <nlohmann/json.hpp>

#include "parley/terms.hpp"

namespace parley {

nlohmann::json to_json_value(const TermHit& hit);
nlohmann::json to_json_value(const TermCount& count);
nlohmann::json to_json_value(const CallTermCounts& counts);
nlohmann::json to_json_value(const TrackedTerm& term);
nlohmann::json to_json_value(const TermScope& scope);

}  // namespace parley
