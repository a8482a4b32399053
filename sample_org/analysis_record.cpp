// A cheap stand-in analysis of sample calls (see sample_analysis_record in sample_org.hpp).
#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <vector>

#include "sample_org.hpp"

namespace parley {

namespace {

std::size_t count_words(const std::string& text) {
  std::size_t words = text.empty() ? 0 : 1;
  for (char c : text) words += c == ' ' ? 1 : 0;
  return words;
}

// FNV-1a of the call id: a deterministic jitter for the sentiment score.
double jitter(const std::string& id) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : id) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return static_cast<double>(hash % 1000) / 1000.0 - 0.5;  // [-0.5, 0.5)
}

}  // namespace

CallAnalysisRecord sample_analysis_record(const Call& call, const SampleCallTruth& truth) {
  CallAnalysisRecord record;
  CallMetricsRecord& m = record.metrics;
  std::vector<std::size_t> order(call.segments.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&call](std::size_t a, std::size_t b) {
    return call.segments[a].start_ms != call.segments[b].start_ms
               ? call.segments[a].start_ms < call.segments[b].start_ms
               : a < b;
  });
  auto role_of = [&call](const Segment& segment) { return call.participants[segment.speaker].role; };

  std::int64_t seller_words = 0, customer_words = 0;
  Role run_role = Role::other;
  std::int64_t run_start = 0, run_end = 0;
  double pause_sum = 0, patience_sum = 0;
  std::int64_t pauses = 0, patience_count = 0;
  auto close_run = [&] {
    if (run_role == Role::seller)
      m.seller_longest_monologue_ms = std::max(m.seller_longest_monologue_ms, run_end - run_start);
    if (run_role == Role::customer) {
      m.customer_longest_monologue_ms = std::max(m.customer_longest_monologue_ms, run_end - run_start);
    }
  };
  for (std::size_t index : order) {
    const Segment& segment = call.segments[index];
    const Role role = role_of(segment);
    const std::int64_t length = segment.end_ms - segment.start_ms;
    const auto questions =
        static_cast<std::int64_t>(std::count(segment.text.begin(), segment.text.end(), '?'));
    if (role == Role::seller) {
      m.seller_talk_ms += length;
      seller_words += static_cast<std::int64_t>(count_words(segment.text));
      m.seller_questions += questions;
    } else if (role == Role::customer) {
      m.customer_talk_ms += length;
      customer_words += static_cast<std::int64_t>(count_words(segment.text));
      m.customer_questions += questions;
    } else {
      continue;
    }
    // Short customer acknowledgements inside a seller run ("Mm-hmm.") do not end it.
    const bool backchannel = length < 1000 && segment.end_ms <= run_end;
    if (backchannel) continue;
    if (role != run_role) {
      if (run_role != Role::other) {
        ++m.switches;
        const double gap = static_cast<double>(std::max<std::int64_t>(0, segment.start_ms - run_end));
        pause_sum += gap;
        ++pauses;
        if (role == Role::seller) {
          patience_sum += gap;
          ++patience_count;
        }
        close_run();
      }
      run_role = role;
      run_start = segment.start_ms;
    }
    run_end = std::max(run_end, segment.end_ms);
  }
  close_run();

  const std::int64_t speech = m.seller_talk_ms + m.customer_talk_ms;
  if (speech > 0) m.talk_ratio = static_cast<double>(m.seller_talk_ms) / static_cast<double>(speech);
  const double hours = static_cast<double>(call.effective_duration_ms()) / 3'600'000.0;
  if (hours > 0) {
    m.switch_rate_per_hour = static_cast<double>(m.switches) / hours;
    m.seller_question_rate_per_hour = static_cast<double>(m.seller_questions) / hours;
  }
  if (pauses > 0) m.average_pause_ms = pause_sum / static_cast<double>(pauses);
  if (patience_count > 0) m.patience_ms = patience_sum / static_cast<double>(patience_count);
  if (m.seller_talk_ms > 0) {
    m.seller_words_per_minute =
        static_cast<double>(seller_words) * 60'000.0 / static_cast<double>(m.seller_talk_ms);
  }
  if (m.customer_talk_ms > 0) {
    m.customer_words_per_minute =
        static_cast<double>(customer_words) * 60'000.0 / static_cast<double>(m.customer_talk_ms);
  }

  // Customer sentiment from the mood the generator drew, spread by a per-call jitter.
  const double base =
      truth.customer_mood == "positive" ? 0.45 : (truth.customer_mood == "negative" ? -0.35 : 0.05);
  const double score = std::clamp(base + 0.3 * jitter(call.id), -1.0, 1.0);
  record.customer_sentiment.score = score;
  record.customer_sentiment.label = score > 0.15 ? "positive" : (score < -0.15 ? "negative" : "neutral");
  record.seller_sentiment.score = 0.3;
  record.seller_sentiment.label = "positive";

  std::map<std::string, std::pair<std::string, std::int64_t>> brands;  // normalized -> (display, count)
  for (const auto& mention : truth.mentions) {
    if (mention.kind == MentionKind::brand) {
      std::string key = mention.name;
      for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      auto& entry = brands[key];
      entry.first = mention.name;
      ++entry.second;
      continue;
    }
    record.term_hits.push_back(
        {mention.name, mention.kind == MentionKind::competitor ? TermKind::competitor : TermKind::keyword,
         mention.role, mention.segment_index, mention.offset_ms});
  }
  for (auto& [key, entry] : brands) record.brands.push_back({key, entry.first, entry.second});
  return record;
}

}  // namespace parley
