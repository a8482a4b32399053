#include "parley/ingest.hpp"

#include <string>

#include "parley/error.hpp"

namespace parley {
namespace {

SentimentRecord sentiment_record(const SentimentSummary& summary) {
  if (summary.words == 0) return {};
  return {summary.score, std::string(sentiment_label_name(summary.label))};
}

}  // namespace

CallAnalysisRecord make_analysis_record(const CallAnalysis& analysis, std::span<const TrackedTerm> terms) {
  const CallTiming& timing = analysis.timing;
  CallAnalysisRecord record;
  CallMetricsRecord& metrics = record.metrics;
  metrics.talk_ratio = timing.talk_ratio;
  metrics.seller_talk_ms = timing.seller.talk_ms;
  metrics.customer_talk_ms = timing.customer.talk_ms;
  metrics.switches = timing.switches;
  metrics.switch_rate_per_hour = timing.switch_rate_per_hour;
  metrics.average_pause_ms = timing.average_pause_ms;
  metrics.patience_ms = timing.patience_ms;
  metrics.seller_longest_monologue_ms = timing.seller.longest_monologue_ms;
  metrics.customer_longest_monologue_ms = timing.customer.longest_monologue_ms;
  metrics.seller_words_per_minute = timing.seller.words_per_minute;
  metrics.customer_words_per_minute = timing.customer.words_per_minute;
  metrics.seller_questions = timing.seller.questions;
  metrics.customer_questions = timing.customer.questions;
  metrics.seller_question_rate_per_hour = timing.seller.question_rate_per_hour;
  metrics.interactivity = timing.interactivity;
  metrics.interruptions = static_cast<std::int64_t>(timing.interruptions.size());
  metrics.seller_filler_words_per_minute = timing.seller.filler_words_per_minute;

  if (analysis.sentiment && !analysis.sentiment->no_lexicon) {
    record.customer_sentiment = sentiment_record(analysis.sentiment->customer);
    record.seller_sentiment = sentiment_record(analysis.sentiment->seller);
  }
  record.term_hits.reserve(analysis.term_hits.size());
  for (const TermHit& hit : analysis.term_hits) {
    if (hit.term >= terms.size()) {
      throw Error(ErrorCode::invalid_argument, "make_analysis_record: a term hit names term " +
                                                   std::to_string(hit.term) + " but the list has " +
                                                   std::to_string(terms.size()) + " terms");
    }
    const TrackedTerm& term = terms[hit.term];
    record.term_hits.push_back({term.name, term.kind, hit.role, hit.segment, hit.offset_ms});
  }
  for (const BrandCount& brand : analysis.signals.brand_counts) {
    record.brands.push_back({brand.key, brand.name, brand.count});
  }
  for (const PriceMention& price : analysis.signals.prices) {
    record.prices.push_back({price.value, price.currency, price.text, price.segment, price.offset_ms});
  }
  for (const ActionItem& item : analysis.signals.action_items) {
    record.action_items.push_back({item.segment, item.text});
  }
  return record;
}

std::vector<TrackedTerm> tracked_terms_from_lists(std::span<const TermList> lists) {
  std::vector<TrackedTerm> terms;
  for (const TermList& list : lists) terms.insert(terms.end(), list.terms.begin(), list.terms.end());
  return terms;
}

}  // namespace parley
