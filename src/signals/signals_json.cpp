#include "signals/signals_json.hpp"

namespace parley {

nlohmann::json to_json_value(const PriceMention& price) {
  return {{"segment", price.segment},
          {"role", role_name(price.role)},
          {"offset_ms", price.offset_ms},
          {"begin", price.begin},
          {"end", price.end},
          {"amount", price.amount},
          {"value", price.value},
          {"currency", price.currency},
          {"text", price.text}};
}

nlohmann::json to_json_value(const BrandMention& brand) {
  return {{"segment", brand.segment},
          {"role", role_name(brand.role)},
          {"offset_ms", brand.offset_ms},
          {"begin", brand.begin},
          {"end", brand.end},
          {"name", brand.name},
          {"key", brand.key},
          {"from_gazetteer", brand.from_gazetteer}};
}

nlohmann::json to_json_value(const BrandCount& count) {
  return {{"key", count.key},
          {"name", count.name},
          {"count", count.count},
          {"customer_count", count.customer_count},
          {"first_segment", count.first_segment}};
}

nlohmann::json to_json_value(const ActionItem& item) {
  return {{"segment", item.segment},
          {"role", role_name(item.role)},
          {"offset_ms", item.offset_ms},
          {"begin", item.begin},
          {"end", item.end},
          {"pattern_id", item.pattern_id},
          {"text", item.text}};
}

nlohmann::json to_json_value(const ParticipantFillers& fillers) {
  nlohmann::json by_phrase = nlohmann::json::array();
  for (const FillerCount& count : fillers.by_phrase)
    by_phrase.push_back({{"phrase", count.phrase}, {"count", count.count}});
  return {{"participant", fillers.participant},
          {"role", role_name(fillers.role)},
          {"count", fillers.count},
          {"by_phrase", std::move(by_phrase)}};
}

namespace {
template <class T>
nlohmann::json array_of(const std::vector<T>& values) {
  nlohmann::json out = nlohmann::json::array();
  for (const T& value : values) out.push_back(to_json_value(value));
  return out;
}
}  // namespace

nlohmann::json to_json_value(const CallSignals& signals) {
  return {{"language", signals.language},
          {"prices", array_of(signals.prices)},
          {"brands", array_of(signals.brands)},
          {"brand_counts", array_of(signals.brand_counts)},
          {"action_items", array_of(signals.action_items)},
          {"questions_per_segment", signals.questions_per_segment},
          {"fillers_per_segment", signals.fillers_per_segment},
          {"seller_questions", signals.seller_questions},
          {"customer_questions", signals.customer_questions},
          {"other_questions", signals.other_questions},
          {"fillers", array_of(signals.fillers)}};
}

std::string to_json(const CallSignals& signals) { return to_json_value(signals).dump(); }
std::string to_json(const PriceMention& price) { return to_json_value(price).dump(); }

}  // namespace parley
