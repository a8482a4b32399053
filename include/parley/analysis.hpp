#pragma once
// One call's whole analysis: the per-call entry point that runs every analysis area over a Call —
// text pipeline word counts, signals (questions, prices, brands, action items, fillers), timing
// metrics, tracked terms and sentiment. A CallAnalyzer is built once from its resources (pattern
// lists, lexicons, a compiled term matcher), is immutable, and may be shared by threads: each
// analyze() call makes its own scratch state (ICU word segmenter, sentiment scorer).
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/model.hpp"
#include "parley/sentiment.hpp"
#include "parley/signals.hpp"
#include "parley/terms.hpp"
#include "parley/timing.hpp"

namespace parley {

struct AnalysisOptions {
  TimingOptions timing;
  SignalOptions signals;
  SentimentOptions sentiment;
  TermMatcherOptions terms;
  ModelLimits limits;  // analyze() validates the call against these first
  // Language used for calls whose Call::language is empty (BCP 47).
  std::string default_language = "en";
  // Folder of the pattern lists and lexicons; empty: $PARLEY_DATA_DIR, else the data embedded in the
  // library (parley/resources.hpp).
  std::string data_dir;

  // Validates the nested options by their own validate() with their path
  // ("AnalysisOptions.timing.turn_merge_gap_ms = -1: must be >= 0"), default_language as a known
  // BCP 47 tag, and signals.fallback_language equal to default_language (which CallAnalyzer uses
  // in every area); data_dir is checked when the data is loaded. Throws Error(invalid_argument).
  void validate(std::string_view where = "AnalysisOptions") const;
};

struct CallAnalysis {
  std::string language;  // the language the call was analysed in
  CallTiming timing;     // word counts from the text pipeline, questions from the signals
  CallSignals signals;
  std::vector<TermHit> term_hits;  // empty when the analyzer has no tracked terms
  CallTermCounts term_counts;
  // Empty when parley has no sentiment lexicon for the call's language (docs/sentiment.md).
  std::optional<CallSentiment> sentiment;
};

class CallAnalyzer {
 public:
  // Validates `options` (AnalysisOptions::validate), loads the bundled pattern lists and every bundled
  // sentiment lexicon, and compiles `tracked_terms` (may be empty). Throws parley::Error for a bad
  // option or term, or a data file that is missing or malformed.
  explicit CallAnalyzer(AnalysisOptions options = {}, std::vector<TrackedTerm> tracked_terms = {});
  ~CallAnalyzer();
  CallAnalyzer(CallAnalyzer&&) noexcept;
  CallAnalyzer& operator=(CallAnalyzer&&) noexcept;

  // Validates and analyses one call; throws parley::Error naming the segment at fault.
  CallAnalysis analyze(const Call& call) const;

  // The tracked terms the analyzer was built with (TermHit::term indexes them).
  const std::vector<TrackedTerm>& tracked_terms() const noexcept;

 private:
  struct Resources;
  std::unique_ptr<const Resources> resources_;
};

// The call's identity and participants with its analysis, as one JSON document
// (docs/output-json.md). Each term hit carries its term's name (`term_name`, from term_counts).
std::string to_json(const Call& call, const CallAnalysis& analysis);

}  // namespace parley
