#pragma once
// Sentiment: a lexicon-and-rules scorer for segments, and call-level customer and seller sentiment
// with a start / middle / end trajectory. docs/sentiment.md documents the lexicon file format, every
// rule and every threshold; aggregates over sets of calls (the label donut, sentiment over time,
// calls more negative than average) are the dashboards' (insights.hpp).
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/model.hpp"

namespace parley {

enum class SentimentLabel : std::uint8_t { negative, neutral, positive };
// "negative", "neutral", "positive".
std::string_view sentiment_label_name(SentimentLabel label) noexcept;

// Every tunable of the scorer and of the call level, with the defaults documented in
// docs/sentiment.md ("Rules").
struct SentimentOptions {
  // Labels: score >= positive_threshold is positive, score <= negative_threshold negative, else
  // neutral. Defaults are VADER's published thresholds for its compound score.
  double positive_threshold = 0.05;
  double negative_threshold = -0.05;
  // The label of a score by the two thresholds above: the one rule every label follows.
  SentimentLabel label_of(double score) const noexcept {
    if (score >= positive_threshold) return SentimentLabel::positive;
    if (score <= negative_threshold) return SentimentLabel::negative;
    return SentimentLabel::neutral;
  }
  // A negator ("not", "never", "don't") flips and shrinks valence words up to this many words
  // after it, within the same sentence.
  std::uint32_t negation_window = 3;
  // An intensifier or dampener ("very", "slightly") acts on a valence word up to this many words
  // after it; its effect decays with distance (x1, x0.95, x0.9, then x0.9 per further word).
  std::uint32_t booster_window = 3;
  // Added to a valence word's magnitude when it is in capitals in a text that is not all capitals.
  double caps_increment = 0.733;
  // Added to the sum's magnitude per '!' (at most max_exclamations of them).
  double exclamation_increment = 0.292;
  std::uint32_t max_exclamations = 4;
  // Two or more '?' add this per '?' (at most three counted).
  double question_increment = 0.18;
  // Valence before a contrastive word ("but") in the same sentence is multiplied by this; what
  // follows by the contrastive word's own weight from the lexicon (1.5 in the bundled rules).
  double contrast_before_weight = 0.5;
  // score = sum / sqrt(sum^2 + normalization_alpha): maps the unbounded sum into (-1, 1).
  double normalization_alpha = 15.0;
  // Invalid UTF-8: false = score() throws Error(invalid_utf8) naming the byte offset; true = the
  // invalid bytes are treated as spaces.
  bool replace_invalid_utf8 = false;

  // Throws Error(invalid_argument) naming the field, its value and the allowed range
  // ("SentimentOptions.negation_window = 65: must be <= 64"); `where` names this struct in the message.
  void validate(std::string_view where = "SentimentOptions") const;
};

// What a lexicon entry does. A term may carry a valence and one role at once only if it is a
// phrase's first word; function words (roles) contribute no valence of their own.
enum class SentimentTermKind : std::uint8_t {
  valence,   // a rated word, emoji, emoticon or multi-word phrase; value in [-4, 4]
  negator,   // value = multiplier applied to the valence it negates (-0.74 in the bundled rules)
  booster,   // value = magnitude added to the next valence words (> 0 intensifier, < 0 dampener)
  contrast,  // value = weight of what follows it in the sentence (> 0)
  // A negator that may also follow what it negates: it negates the rated words after it in its
  // clause, or, when none follows, those before it ("nicht gut" and "gefällt mir nicht").
  post_negator,
  // A booster placed after what it modifies: it acts on the rated words before it in its clause,
  // or, when none precedes, on those after it ("جيد جدا", "טוב מאוד").
  post_booster,
};
std::string_view sentiment_term_kind_name(SentimentTermKind kind) noexcept;

struct SentimentTerm {
  std::string term;  // normalized (NFKC + case folded); words of a phrase joined by one space
  double value = 0;
  SentimentTermKind kind = SentimentTermKind::valence;
};

// An immutable valence lexicon plus the language's rule words, loaded from UTF-8 TSV files
// (docs/sentiment.md, "Lexicon files"). Cheap to copy (shared), safe to share across threads.
class SentimentLexicon {
 public:
  SentimentLexicon();  // empty, language ""

  // Parses TSV text; `source_name` (a path) is used in error messages:
  // "<source_name>:<line>: <what is wrong>" with ErrorCode::parse.
  static SentimentLexicon parse(std::string_view tsv, std::string_view source_name,
                                std::string_view language);
  // A copy of this lexicon with every term of `overrides` added; a term present in both takes the
  // override's value and kind.
  SentimentLexicon merged_with(const SentimentLexicon& overrides) const;

  const std::string& language() const noexcept;  // BCP 47 tag as given
  std::size_t size() const noexcept;             // number of distinct terms
  std::size_t valence_term_count() const noexcept;
  // Whether this lexicon rates words of its language: true for a parsed or loaded file with a
  // valence term, and for a bundled lexicon whose language ships a valence word list; false for
  // the empty lexicon and for a bundled language left with emoji and rules only. Without it,
  // score_call answers CallSentiment::no_lexicon.
  bool has_valence_lexicon() const noexcept;
  // The language's attached-word rules and settings (docs/sentiment.md, "Lexicon files").
  const std::vector<std::string>& prefixes() const noexcept;  // longest first
  const std::vector<std::string>& suffixes() const noexcept;  // longest first
  double question_weight() const noexcept;  // 1 unless a "question_weight" setting says otherwise
  bool stems_unknown_words() const noexcept;  // the "stem" setting (Snowball languages only)
  // Lookup of a term (normalized the same way as the files' terms are).
  std::optional<SentimentTerm> find(std::string_view term) const;

  struct Impl;
  const Impl& impl() const noexcept { return *impl_; }

 private:
  explicit SentimentLexicon(std::shared_ptr<const Impl> impl);
  friend SentimentLexicon bundled_sentiment_lexicon(std::string_view, const std::string&);
  std::shared_ptr<const Impl> impl_;
};

// Reads one lexicon file. Throws Error(io) if it cannot be read, Error(parse) naming file and line.
SentimentLexicon load_sentiment_lexicon(const std::string& path, std::string_view language);

// The bundled lexicon of a language (the primary subtag of the BCP 47 tag picks the files under
// sentiment/ of data_dir, which parley/resources.hpp resolves): emoji.tsv, then
// share-alike/<lang>.tsv (ODbL word lists, absent when built with PARLEY_SHARE_ALIKE_DATA=OFF),
// then <lang>.tsv (permissively licensed valence words), then <lang>.rules.tsv (negators,
// boosters, contrastive words, phrases, attached-word rules, settings); later files override
// earlier ones. Throws Error(not_found) naming the paths tried if the language has none of them.
// A language left with rules only has valence_term_count() == 0 and scores 0 until the host
// merges a valence lexicon (merged_with).
SentimentLexicon bundled_sentiment_lexicon(std::string_view language, const std::string& data_dir);
SentimentLexicon bundled_sentiment_lexicon(std::string_view language);  // data_dir empty

// Primary subtags ("en", "de") of the languages with bundled rules or a bundled valence lexicon.
std::vector<std::string> bundled_sentiment_languages(const std::string& data_dir);

// Sentiment of one segment or line of text.
struct SegmentSentiment {
  double score = 0;  // in [-1, 1]
  SentimentLabel label = SentimentLabel::neutral;
  std::uint32_t word_count = 0;     // words, emoji and emoticons seen
  std::uint32_t matched_terms = 0;  // of which carried a valence (phrases count once)
};

// Scores texts against one lexicon. Holds reusable buffers (and, for non-ASCII text, an ICU word
// segmenter): create one per thread and reuse it; scoring plain ASCII text allocates nothing once
// the buffers have grown. Not thread-safe; the lexicon it holds is shared.
class SentimentScorer {
 public:
  explicit SentimentScorer(SentimentLexicon lexicon, SentimentOptions options = {});
  ~SentimentScorer();
  SentimentScorer(SentimentScorer&&) noexcept;
  SentimentScorer& operator=(SentimentScorer&&) noexcept;

  // Throws Error(invalid_utf8) naming the byte offset unless options.replace_invalid_utf8.
  SegmentSentiment score(std::string_view text);

  const SentimentLexicon& lexicon() const noexcept;
  const SentimentOptions& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Sentiment of a group of segments: the word-weighted mean of their scores.
struct SentimentSummary {
  double score = 0;  // mean of segment scores weighted by word_count; 0 when words == 0
  SentimentLabel label = SentimentLabel::neutral;
  std::uint32_t segments = 0;  // segments with at least one word
  std::uint64_t words = 0;     // 0 = no data (no such speaker, or nothing said)
};

struct CallSentiment {
  SentimentSummary customer;  // segments of participants with Role::customer
  SentimentSummary seller;    // Role::seller
  SentimentSummary overall;   // every segment, any role
  // Customer sentiment in the first, middle and last third of the call (by segment midpoint over
  // effective_duration_ms(); by segment order if the call has no duration and no times).
  std::array<SentimentSummary, 3> customer_trajectory;
  std::vector<SegmentSentiment> segments;  // same order and index as Call::segments
  // True when the call's language has no valence lexicon (none bundled, or left out by the build):
  // every summary and segment above is neutral with no words, and nothing was scored.
  bool no_lexicon = false;
};

// Scores every segment of the call with the scorer (whose lexicon should match call.language).
CallSentiment score_call(const Call& call, SentimentScorer& scorer);

// JSON (snake_case fields; docs/sentiment.md shows each shape).
std::string to_json(const SegmentSentiment& value);
std::string to_json(const CallSentiment& value);

}  // namespace parley
