#include <algorithm>
#include <set>

#include "parley/signals.hpp"

namespace parley {

std::vector<std::string> new_brand_keys(const CallSignals& current,
                                        const std::vector<std::string>& known_keys) {
  const std::set<std::string_view> known(known_keys.begin(), known_keys.end());
  std::set<std::string_view> reported;
  std::vector<std::string> fresh;
  for (const BrandMention& mention : current.brands) {  // time order: order of first mention
    if (known.count(mention.key) || !reported.insert(mention.key).second) continue;
    fresh.push_back(mention.key);
  }
  return fresh;
}

std::vector<std::string> BrandHistory::record(const Call& call, const CallSignals& signals) {
  std::vector<std::string> fresh;
  for (const BrandCount& count : signals.brand_counts) {
    BrandFirstMention mention{count.key, count.name, call.id, call.start_time_ms};
    auto it = first_.find(count.key);
    if (it == first_.end()) {
      fresh.push_back(count.key);
      first_.emplace(count.key, std::move(mention));
      continue;
    }
    // A call recorded late but held earlier becomes the first mention.
    const BrandFirstMention& known = it->second;
    if (std::tie(mention.call_start_time_ms, mention.call_id) <
        std::tie(known.call_start_time_ms, known.call_id)) {
      it->second = std::move(mention);
    }
  }
  // In order of first mention within the call.
  std::vector<std::string> ordered;
  for (const BrandMention& mention : signals.brands) {
    if (std::find(fresh.begin(), fresh.end(), mention.key) != fresh.end() &&
        std::find(ordered.begin(), ordered.end(), mention.key) == ordered.end()) {
      ordered.push_back(mention.key);
    }
  }
  return ordered;
}

bool BrandHistory::contains(std::string_view key) const { return first_.find(key) != first_.end(); }

std::vector<BrandFirstMention> BrandHistory::first_mentions() const {
  std::vector<BrandFirstMention> out;
  out.reserve(first_.size());
  for (const auto& [key, mention] : first_) out.push_back(mention);
  return out;
}

std::vector<BrandFirstMention> BrandHistory::first_mentioned_between(std::int64_t from_ms,
                                                                     std::int64_t to_ms) const {
  std::vector<BrandFirstMention> out;
  for (const auto& [key, mention] : first_) {
    if (mention.call_start_time_ms >= from_ms && mention.call_start_time_ms < to_ms) out.push_back(mention);
  }
  return out;
}

}  // namespace parley
