// JSON shapes of the sentiment results (docs/sentiment.md, "JSON").
#include "sentiment/sentiment_json.hpp"

namespace parley {

nlohmann::json to_json_value(const SegmentSentiment& value) {
  return {{"score", value.score},
          {"label", sentiment_label_name(value.label)},
          {"word_count", value.word_count},
          {"matched_terms", value.matched_terms}};
}

nlohmann::json to_json_value(const SentimentSummary& value) {
  return {{"score", value.score},
          {"label", sentiment_label_name(value.label)},
          {"segments", value.segments},
          {"words", value.words}};
}

nlohmann::json to_json_value(const CallSentiment& value) {
  nlohmann::json trajectory = nlohmann::json::object();
  trajectory["start"] = to_json_value(value.customer_trajectory[0]);
  trajectory["middle"] = to_json_value(value.customer_trajectory[1]);
  trajectory["end"] = to_json_value(value.customer_trajectory[2]);
  nlohmann::json segments = nlohmann::json::array();
  for (const auto& segment : value.segments) segments.push_back(to_json_value(segment));
  return {{"customer", to_json_value(value.customer)},
          {"seller", to_json_value(value.seller)},
          {"overall", to_json_value(value.overall)},
          {"customer_trajectory", std::move(trajectory)},
          {"segments", std::move(segments)},
          {"no_lexicon", value.no_lexicon}};
}

std::string to_json(const SegmentSentiment& value) { return to_json_value(value).dump(); }
std::string to_json(const CallSentiment& value) { return to_json_value(value).dump(); }

}  // namespace parley
