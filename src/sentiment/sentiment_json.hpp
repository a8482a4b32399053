#pragma once
// Internal interface of the sentiment area (for the areas above it; never installed): JSON values of
// the sentiment results, which analysis assembles (public headers never expose nlohmann).
#include <nlohmann/json.hpp>

#include "parley/sentiment.hpp"

namespace parley {

nlohmann::json to_json_value(const SegmentSentiment& value);
nlohmann::json to_json_value(const SentimentSummary& value);
nlohmann::json to_json_value(const CallSentiment& value);

}  // namespace parley
