// The C ABI's analysis: an analyzer built once, calls analysed one by one or in batches on threads,
// and the analyses' figures (parley.h, "Analysis").
#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "capi_support.hpp"
#include "options_json.hpp"
#include "parley/ingest.hpp"
#include "terms/terms_json.hpp"

using namespace parley;

namespace {

parley_analysis* analyse(const parley_analyzer& analyzer, const parley_call& call) {
  auto analysis = std::make_unique<parley_analysis>();
  analysis->call = call.call;
  analysis->analysis = analyzer.analyzer.analyze(*analysis->call);
  analysis->terms = analyzer.terms;
  return analysis.release();
}

parley_sentiment_summary summary_of(const SentimentSummary& summary) {
  parley_sentiment_summary out{};
  out.score = summary.score;
  out.label = static_cast<parley_sentiment_label>(summary.label);
  out.segments = summary.segments;
  out.words = summary.words;
  return out;
}

// What one call of a batch gave: its status and, on failure, the message.
struct BatchResult {
  parley_status status = PARLEY_OK;
  std::string message;
};

}  // namespace

static_assert(static_cast<int>(SentimentLabel::negative) == PARLEY_SENTIMENT_NEGATIVE &&
              static_cast<int>(SentimentLabel::neutral) == PARLEY_SENTIMENT_NEUTRAL &&
              static_cast<int>(SentimentLabel::positive) == PARLEY_SENTIMENT_POSITIVE);
static_assert(static_cast<int>(TermKind::keyword) == PARLEY_TERM_KEYWORD &&
              static_cast<int>(TermKind::competitor) == PARLEY_TERM_COMPETITOR);

extern "C" {

parley_status parley_analyzer_create(const char* options_json, size_t options_json_length,
                                     const char* terms_json, size_t terms_json_length,
                                     parley_analyzer** out_analyzer) {
  return capi::guarded([&] {
    parley_analyzer*& out = capi::out_arg(out_analyzer, "out_analyzer");
    AnalysisOptions options = capi::options_arg(options_json, options_json_length, "options_json",
                                                capi::analysis_options_from_json);
    std::vector<TrackedTerm> terms;
    if (const std::optional<nlohmann::json> document =
            capi::json_document_arg(terms_json, terms_json_length, "terms_json")) {
      terms = tracked_terms_from_json(JsonField(*document, "terms_json"));
    }
    auto shared_terms = std::make_shared<const std::vector<TrackedTerm>>(terms);
    out = new parley_analyzer{CallAnalyzer(std::move(options), std::move(terms)), std::move(shared_terms)};
  });
}

void parley_analyzer_free(parley_analyzer* analyzer) { delete analyzer; }

parley_status parley_analyzer_analyze(const parley_analyzer* analyzer, const parley_call* call,
                                      parley_analysis** out_analysis) {
  return capi::guarded([&] {
    parley_analysis*& out = capi::out_arg(out_analysis, "out_analysis");
    const parley_analyzer& analyzer_handle = capi::handle_arg(analyzer, "analyzer");
    const parley_call& call_handle = capi::handle_arg(call, "call");
    out = analyse(analyzer_handle, call_handle);
  });
}

parley_status parley_analyzer_analyze_batch(const parley_analyzer* analyzer, const parley_call* const* calls,
                                            size_t count, size_t threads, parley_analysis** out_analyses,
                                            parley_status* out_statuses) {
  std::vector<BatchResult> results;
  bool cleared = false;  // out_analyses belongs to this call from here on
  const parley_status status = capi::guarded([&] {
    const parley_analyzer& analyzer_handle = capi::handle_arg(analyzer, "analyzer");
    capi::array_arg(calls, count, "calls");
    capi::array_arg(out_analyses, count, "out_analyses");
    std::fill_n(out_analyses, count, nullptr);
    cleared = true;
    if (out_statuses != nullptr) std::fill_n(out_statuses, count, PARLEY_OK);
    results.resize(count);

    // Each worker takes the next call; its failures are recorded per call (the thread's own last
    // error is read right after the guard set it).
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
      for (std::size_t i = next++; i < count; i = next++) {
        const parley_status call_status = capi::guarded([&] {
          if (calls[i] == nullptr) capi::argument_error(fmt::format("calls[{}]", i), "is NULL");
          out_analyses[i] = analyse(analyzer_handle, *calls[i]);
        });
        if (call_status != PARLEY_OK) results[i] = {call_status, parley_last_error_message()};
      }
    };
    std::size_t workers = threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads;
    workers = std::min(workers, std::max<std::size_t>(count, 1));
    {
      std::vector<std::jthread> pool;  // joined when it goes out of scope, also if a start fails
      pool.reserve(workers - 1);
      for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work);
      work();  // the calling thread is the first worker
    }
  });
  if (status != PARLEY_OK) {
    // A failure of the batch itself (a thread that could not start): no analysis is handed out.
    if (cleared) {
      for (std::size_t i = 0; i < count; ++i) {
        delete out_analyses[i];
        out_analyses[i] = nullptr;
      }
    }
    return status;
  }

  const BatchResult* first_failure = nullptr;
  for (std::size_t i = 0; i < count; ++i) {
    if (out_statuses != nullptr) out_statuses[i] = results[i].status;
    if (first_failure == nullptr && results[i].status != PARLEY_OK) {
      first_failure = &results[i];
      const std::string id = calls[i] != nullptr ? calls[i]->get().id : std::string();
      capi::fail(results[i].status, calls[i] != nullptr
                                        ? fmt::format("calls[{}] (call '{}'): {}", i, id, results[i].message)
                                        : results[i].message);
    }
  }
  return first_failure != nullptr ? first_failure->status : PARLEY_OK;
}

void parley_analysis_free(parley_analysis* analysis) { delete analysis; }

parley_status parley_analysis_to_json(const parley_analysis* analysis, char** out_json) {
  return capi::guarded([&] {
    char*& out = capi::out_arg(out_json, "out_json");
    const parley_analysis& handle = capi::handle_arg(analysis, "analysis");
    out = capi::copy_string(to_json(*handle.call, handle.analysis));
  });
}

parley_status parley_analysis_get_metrics(const parley_analysis* analysis, parley_call_metrics* out_metrics) {
  return capi::guarded([&] {
    const parley_analysis& handle = capi::handle_arg(analysis, "analysis");
    const CallMetricsRecord record = make_analysis_record(handle.analysis, *handle.terms).metrics;
    parley_call_metrics metrics{};
    metrics.duration_ms = handle.call->effective_duration_ms();
    metrics.talk_ratio = capi::or_nan(record.talk_ratio);
    metrics.seller_talk_ms = record.seller_talk_ms;
    metrics.customer_talk_ms = record.customer_talk_ms;
    metrics.switches = record.switches;
    metrics.switch_rate_per_hour = capi::or_nan(record.switch_rate_per_hour);
    metrics.average_pause_ms = capi::or_nan(record.average_pause_ms);
    metrics.patience_ms = capi::or_nan(record.patience_ms);
    metrics.seller_longest_monologue_ms = record.seller_longest_monologue_ms;
    metrics.customer_longest_monologue_ms = record.customer_longest_monologue_ms;
    metrics.seller_words_per_minute = capi::or_nan(record.seller_words_per_minute);
    metrics.customer_words_per_minute = capi::or_nan(record.customer_words_per_minute);
    metrics.seller_questions = record.seller_questions;
    metrics.customer_questions = record.customer_questions;
    metrics.seller_question_rate_per_hour = capi::or_nan(record.seller_question_rate_per_hour);
    metrics.interactivity = capi::or_nan(record.interactivity);
    metrics.interruptions = record.interruptions;
    metrics.seller_filler_words_per_minute = capi::or_nan(record.seller_filler_words_per_minute);
    capi::write_struct(out_metrics, metrics, "out_metrics");
  });
}

parley_status parley_analysis_get_sentiment(const parley_analysis* analysis,
                                            parley_call_sentiment* out_sentiment) {
  return capi::guarded([&] {
    const parley_analysis& handle = capi::handle_arg(analysis, "analysis");
    parley_call_sentiment sentiment{};
    if (const std::optional<CallSentiment>& call_sentiment = handle.analysis.sentiment;
        call_sentiment && !call_sentiment->no_lexicon) {
      sentiment.has_sentiment = 1;
      sentiment.customer = summary_of(call_sentiment->customer);
      sentiment.seller = summary_of(call_sentiment->seller);
      sentiment.overall = summary_of(call_sentiment->overall);
      for (std::size_t third = 0; third < 3; ++third)
        sentiment.customer_trajectory[third] = summary_of(call_sentiment->customer_trajectory[third]);
    }
    capi::write_struct(out_sentiment, sentiment, "out_sentiment");
  });
}

parley_status parley_analysis_term_count_size(const parley_analysis* analysis, size_t* out_size) {
  return capi::guarded([&] {
    size_t& out = capi::out_arg(out_size, "out_size");
    out = capi::handle_arg(analysis, "analysis").analysis.term_counts.terms.size();
  });
}

parley_status parley_analysis_get_term_count(const parley_analysis* analysis, size_t index,
                                             parley_term_count* out_term) {
  return capi::guarded([&] {
    const std::vector<TermCount>& counts = capi::handle_arg(analysis, "analysis").analysis.term_counts.terms;
    if (index >= counts.size())
      capi::argument_error("index",
                           fmt::format("is {}: the analysis has {} term count(s)", index, counts.size()));
    const TermCount& count = counts[index];
    parley_term_count term{};
    term.name = count.name.c_str();
    term.kind = static_cast<parley_term_kind>(count.kind);
    term.total = count.total;
    term.by_seller = count.by_seller;
    term.by_customer = count.by_customer;
    term.by_other = count.by_other;
    capi::write_struct(out_term, term, "out_term");
  });
}

}  // extern "C"
