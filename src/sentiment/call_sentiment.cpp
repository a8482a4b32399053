// Call-level sentiment: word-weighted means of segment scores per role and per third of the call.
#include "parley/sentiment.hpp"

namespace parley {

namespace {

struct WeightedMean {
  double weighted_sum = 0;
  std::uint64_t words = 0;
  std::uint32_t segments = 0;

  void add(const SegmentSentiment& segment) noexcept {
    if (segment.word_count == 0) return;
    weighted_sum += segment.score * segment.word_count;
    words += segment.word_count;
    ++segments;
  }
  SentimentSummary summary(const SentimentOptions& options) const noexcept {
    SentimentSummary out;
    out.segments = segments;
    out.words = words;
    out.score = words == 0 ? 0.0 : weighted_sum / static_cast<double>(words);
    out.label = words == 0 ? SentimentLabel::neutral : options.label_of(out.score);
    return out;
  }
};

}  // namespace

CallSentiment score_call(const Call& call, SentimentScorer& scorer) {
  const SentimentOptions& options = scorer.options();
  CallSentiment result;
  if (!scorer.lexicon().has_valence_lexicon()) {
    // Honest, not misleading: nothing is scored (not even emoji) and the result says why.
    result.no_lexicon = true;
    result.segments.resize(call.segments.size());
    return result;
  }
  result.segments.reserve(call.segments.size());
  WeightedMean customer, seller, overall;
  std::array<WeightedMean, 3> thirds;
  const Milliseconds duration = call.effective_duration_ms();
  const std::size_t count = call.segments.size();
  for (std::size_t index = 0; index < count; ++index) {
    const Segment& segment = call.segments[index];
    const SegmentSentiment sentiment = scorer.score(segment.text);
    result.segments.push_back(sentiment);
    overall.add(sentiment);
    const Role role =
        segment.speaker < call.participants.size() ? call.participants[segment.speaker].role : Role::other;
    if (role == Role::seller) seller.add(sentiment);
    if (role != Role::customer) continue;
    customer.add(sentiment);
    // Third of the call: by the segment's midpoint in time, or by its position without times.
    std::size_t third = 0;
    if (duration > 0) {
      const double midpoint =
          (static_cast<double>(segment.start_ms) + static_cast<double>(segment.end_ms)) / 2.0;
      third = static_cast<std::size_t>(3.0 * midpoint / static_cast<double>(duration));
    } else {
      third = count == 0 ? 0 : 3 * index / count;
    }
    thirds[std::min<std::size_t>(third, 2)].add(sentiment);
  }
  result.customer = customer.summary(options);
  result.seller = seller.summary(options);
  result.overall = overall.summary(options);
  for (std::size_t i = 0; i < 3; ++i) result.customer_trajectory[i] = thirds[i].summary(options);
  return result;
}

}  // namespace parley
