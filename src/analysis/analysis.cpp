#include "parley/analysis.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "model/ascii.hpp"
#include "parley/text.hpp"
#include "sentiment/sentiment_json.hpp"
#include "signals/signals_json.hpp"
#include "terms/terms_json.hpp"
#include "timing/timing_json.hpp"

namespace parley {
namespace {

// Tracked keywords and competitors are not "other brands": their names and variants are excluded.
// Calls without a language fall back to AnalysisOptions::default_language in signals too.
SignalOptions signal_options_excluding_terms(SignalOptions options, const std::vector<TrackedTerm>& terms,
                                             const std::string& default_language) {
  options.fallback_language = default_language;  // one fallback for every area
  for (const TrackedTerm& term : terms) {
    options.brand_exclusions.push_back(term.name);
    options.brand_exclusions.insert(options.brand_exclusions.end(), term.variants.begin(),
                                    term.variants.end());
  }
  return options;
}

}  // namespace

struct CallAnalyzer::Resources {
  AnalysisOptions options;
  std::vector<TrackedTerm> tracked_terms;
  SignalDetector signal_detector;
  std::optional<TrackedTermMatcher> term_matcher;
  std::map<std::string, SentimentLexicon, std::less<>> lexicons;  // by primary language subtag

  Resources(AnalysisOptions analysis_options, std::vector<TrackedTerm> terms)
      : options(std::move(analysis_options)),
        tracked_terms(std::move(terms)),
        signal_detector(
            load_signal_patterns(options.data_dir),
            signal_options_excluding_terms(options.signals, tracked_terms, options.default_language)) {
    if (!tracked_terms.empty()) term_matcher.emplace(tracked_terms, options.terms);
    for (const std::string& language : bundled_sentiment_languages(options.data_dir))
      lexicons.emplace(language, bundled_sentiment_lexicon(language, options.data_dir));
  }
};

CallAnalyzer::CallAnalyzer(AnalysisOptions options, std::vector<TrackedTerm> tracked_terms) {
  options.validate();  // before any data is loaded: a bad option is named as the host set it
  resources_ = std::make_unique<const Resources>(std::move(options), std::move(tracked_terms));
}
CallAnalyzer::~CallAnalyzer() = default;
CallAnalyzer::CallAnalyzer(CallAnalyzer&&) noexcept = default;
CallAnalyzer& CallAnalyzer::operator=(CallAnalyzer&&) noexcept = default;

const std::vector<TrackedTerm>& CallAnalyzer::tracked_terms() const noexcept {
  return resources_->tracked_terms;
}

namespace {

// One word segmenter per language and thread, kept between calls: building an ICU break iterator
// costs microseconds a call, and a segmenter cannot be shared between threads. Bounded, whatever
// the input's language tags.
WordSegmenter& word_segmenter(const std::string& language) {
  thread_local std::map<std::string, WordSegmenter, std::less<>> segmenters;
  auto it = segmenters.find(language);
  if (it == segmenters.end()) {
    WordSegmenter made(language);  // throws on an invalid tag before anything is kept
    if (segmenters.size() >= 16) segmenters.clear();
    it = segmenters.emplace(language, std::move(made)).first;
  }
  return it->second;
}

}  // namespace

CallAnalysis CallAnalyzer::analyze(const Call& call) const {
  const Resources& resources = *resources_;
  const AnalysisOptions& options = resources.options;
  validate_call(call, options.limits);

  CallAnalysis analysis;
  analysis.language = call.language.empty() ? options.default_language : call.language;
  analysis.signals = resources.signal_detector.detect(call);

  // Word counts from the language's word segmentation; questions and filler words from the signals.
  std::vector<SegmentTextCounts> text_counts(call.segments.size());
  WordSegmenter& segmenter = word_segmenter(analysis.language);
  for (std::size_t i = 0; i < call.segments.size(); ++i) {
    text_counts[i].words = static_cast<std::uint32_t>(segmenter.count_words(call.segments[i].text));
    text_counts[i].questions = analysis.signals.questions_per_segment[i];
    text_counts[i].filler_words = analysis.signals.fillers_per_segment[i];
  }
  analysis.timing = compute_timing(call, options.timing, text_counts);

  if (resources.term_matcher) {
    resources.term_matcher->find_hits(call, analysis.term_hits);
    analysis.term_counts = count_term_hits(*resources.term_matcher, analysis.term_hits);
  }

  // A language without a bundled valence lexicon gets the neutral "no lexicon" answer (an empty
  // lexicon), never another language's words.
  const auto lexicon = resources.lexicons.find(detail::primary_language_subtag(analysis.language));
  SentimentScorer scorer(lexicon != resources.lexicons.end() ? lexicon->second : SentimentLexicon(),
                         options.sentiment);
  analysis.sentiment = score_call(call, scorer);
  return analysis;
}

std::string to_json(const Call& call, const CallAnalysis& analysis) {
  nlohmann::json participants = nlohmann::json::array();
  for (const Participant& participant : call.participants) {
    participants.push_back({{"id", participant.id},
                            {"display_name", participant.display_name},
                            {"role", role_name(participant.role)},
                            {"crm_id", participant.crm_id}});
  }
  // Every hit's term has a count entry carrying its name: index the names once.
  std::map<std::uint32_t, std::string_view> term_names;
  for (const TermCount& count : analysis.term_counts.terms) term_names.emplace(count.term, count.name);
  nlohmann::json term_hits = nlohmann::json::array();
  for (const TermHit& hit : analysis.term_hits) {
    nlohmann::json value = to_json_value(hit);
    if (auto name = term_names.find(hit.term); name != term_names.end()) value["term_name"] = name->second;
    term_hits.push_back(std::move(value));
  }
  nlohmann::json document = {
      {"call_id", call.id},
      {"start_time_ms", call.start_time_ms},
      {"duration_ms", call.effective_duration_ms()},
      {"language", analysis.language},
      {"segments", call.segments.size()},
      {"participants", std::move(participants)},
      {"timing", to_json_value(analysis.timing)},
      {"signals", to_json_value(analysis.signals)},
      {"term_hits", std::move(term_hits)},
      {"term_counts", to_json_value(analysis.term_counts)},
      {"sentiment", analysis.sentiment ? to_json_value(*analysis.sentiment) : nlohmann::json()}};
  return document.dump();
}

}  // namespace parley
