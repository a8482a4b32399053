#include "signals/signals_json.hpp"

namespace parley {

namespace {

// Where a price, brand or action item was said: the fields they share.
template <class Mention>
nlohmann::json said_at(const Mention& mention) {
  return {{"segment", mention.segment},
          {"role", role_name(mention.role)},
          {"offset_ms", mention.offset_ms},
          {"begin", mention.begin},
          {"end", mention.end}};
}

}  // namespace

nlohmann::json to_json_value(const PriceMention& price) {
  nlohmann::json out = said_at(price);
  out["amount"] = price.amount;
  out["value"] = price.value;
  out["currency"] = price.currency;
  out["text"] = price.text;
  return out;
}

nlohmann::json to_json_value(const BrandMention& brand) {
  nlohmann::json out = said_at(brand);
  out["name"] = brand.name;
  out["key"] = brand.key;
  out["from_gazetteer"] = brand.from_gazetteer;
  return out;
}

nlohmann::json to_json_value(const BrandCount& count) {
  return {{"key", count.key},
          {"name", count.name},
          {"count", count.count},
          {"customer_count", count.customer_count},
          {"first_segment", count.first_segment}};
}

nlohmann::json to_json_value(const ActionItem& item) {
  nlohmann::json out = said_at(item);
  out["pattern_id"] = item.pattern_id;
  out["text"] = item.text;
  out["owner"] = action_owner_name(item.owner);
  out["due_text"] = item.due_text;
  out["due_date"] = item.due_date;
  return out;
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
