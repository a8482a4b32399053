#pragma once
// JSON values of the sentiment results (private: public headers never expose nlohmann).
#include <nlohmann/json.hpp>

#include "parley/sentiment.hpp"

namespace parley {

nlohmann::json to_json_value(const SegmentSentiment& value);
nlohmann::json to_json_value(const SentimentSummary& value);
nlohmann::json to_json_value(const CallSentiment& value);

}  // namespace parley
