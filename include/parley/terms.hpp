#pragma once
// Tracked keywords and competitors (docs/terms.md): term lists, their scopes, a compiled matcher and the
// per-call hits and counts. Matching runs on the normalized text (NFKC + case folding, see text.hpp)
// at word boundaries, in every supported language, and maps each hit back to the original bytes.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/model.hpp"

namespace parley {

enum class TermKind : std::uint8_t { keyword, competitor };

// "keyword", "competitor".
std::string_view term_kind_name(TermKind kind) noexcept;

// Who set a term: an administrator for the whole organisation, or a manager for one team.
struct TermScope {
  enum class Level : std::uint8_t { organisation, team };
  Level level = Level::organisation;
  std::string team_id;  // set when level == team
};

// Whose mentions count.
enum class SpeakerFilter : std::uint8_t { anyone, seller, customer };

struct TrackedTerm {
  std::string name;  // shown on dashboards, and always matched (variant 0)
  TermKind kind = TermKind::keyword;
  std::vector<std::string> variants;  // other ways to say it ("Contoso" for "Contoso 360"): variants 1..n
  TermScope scope;
  // Also match other word forms through a Snowball stemmer of the matcher's languages ("renew"
  // finds "renewal", "renewed"). Languages without a stemmer (he, zh, ja) match exact forms only.
  bool match_related_forms = false;
  SpeakerFilter said_by = SpeakerFilter::anyone;
  bool only_in_questions = false;  // count a mention only inside a sentence that ends with "?"
};

// How terms are compiled. The defaults suit most term lists.
struct TermMatcherOptions {
  // BCP 47 tags of the languages whose stemmers serve match_related_forms terms; a word matches a
  // related-forms term if it has the term's stem in any of them. Default: English.
  std::vector<std::string> languages = {"en"};
  // Also ignore accents ("cafe" finds "café"); the default keeps them, so "å" and "a" differ.
  bool strip_accents = false;
  // In scripts written without spaces (Chinese, Japanese, Thai), a hit's edges must fall on ICU's
  // dictionary word boundaries (so "京东" is not found inside "北京东路"). Turn off to accept any
  // character boundary there.
  bool dictionary_boundaries_for_unspaced_scripts = true;
  // Term lists larger than this are refused (ErrorCode::limit_exceeded).
  std::size_t max_terms = 100'000;

  // Throws Error(invalid_argument) naming the field, its value and the allowed range: every language
  // a known BCP 47 tag (is_known_language_tag), max_terms > 0. `where` names this struct in the message.
  void validate(std::string_view where = "TermMatcherOptions") const;
};

// One mention of a tracked term in a call.
struct TermHit {
  std::uint32_t term = 0;     // index into the term list the matcher was compiled from
  std::uint32_t variant = 0;  // 0 = the term's name, k = variants[k - 1]
  std::uint32_t segment = 0;  // index into Call::segments
  Role role = Role::other;    // role of the segment's speaker
  // Time of the mention from the call start: the start of the word it begins in when the segment
  // has word timings (interpolated inside a word), else the segment start plus the segment's
  // duration times the share of characters before the mention.
  Milliseconds offset_ms = 0;
  // Byte range of the mention in the segment's original (un-normalized) text, for highlighting.
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool in_question = false;  // the mention's sentence ends with a question mark
};

// Where a term occurs in already-normalized text (TrackedTermMatcher::find_in_normalized).
struct NormalizedTextMatch {
  std::uint32_t term = 0;
  std::uint32_t variant = 0;
  std::size_t begin = 0;  // byte offsets in the normalized text
  std::size_t end = 0;
};

// A term list compiled once into an immutable matcher; copies share it, and any number of threads
// may call find_hits on the same matcher at once.
//
// Rules (docs/terms.md): the name and every variant are normalized like the text; a hit must start
// and end on word boundaries (a letter, digit or mark on both sides of an edge means no boundary,
// except between a spaced and an unspaced script); when hits overlap, the one that starts first
// wins, then the longest ("Contoso 360" over "Contoso"), then the lower term index; the same
// normalized variant in two terms belongs to the first and the conflict is listed in warnings().
class TrackedTermMatcher {
 public:
  // Throws Error(invalid_argument) for options that fail options.validate(), and naming the term for
  // an empty name or variant, one with no letter or digit, or one said twice in the term (names and
  // variants compared as they are matched); Error(limit_exceeded) beyond options.max_terms.
  explicit TrackedTermMatcher(std::span<const TrackedTerm> terms, const TermMatcherOptions& options = {});
  ~TrackedTermMatcher();
  TrackedTermMatcher(const TrackedTermMatcher&);
  TrackedTermMatcher& operator=(const TrackedTermMatcher&);
  TrackedTermMatcher(TrackedTermMatcher&&) noexcept;
  TrackedTermMatcher& operator=(TrackedTermMatcher&&) noexcept;

  // Every mention in the call, in segment order then text order, after the terms' filters (said_by,
  // only_in_questions). Throws Error(invalid_utf8) naming the segment for invalid text.
  std::vector<TermHit> find_hits(const Call& call) const;
  // Same, into `out` (replaced).
  void find_hits(const Call& call, std::vector<TermHit>& out) const;

  // Raw matching over text already passed through normalize_for_matching (word boundaries and the
  // overlap rule apply; speaker and question filters do not). Into `out` (replaced).
  void find_in_normalized(std::string_view normalized_text, std::vector<NormalizedTextMatch>& out) const;
  std::size_t count_in_normalized(std::string_view normalized_text) const;

  std::size_t term_count() const noexcept;
  const TrackedTerm& term(std::size_t index) const;
  // Conflicts resolved while compiling (a variant shared by two terms), one sentence each.
  const std::vector<std::string>& warnings() const noexcept;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

// Mentions of one term in one call.
struct TermCount {
  std::uint32_t term = 0;
  std::string name;
  TermKind kind = TermKind::keyword;
  std::uint32_t total = 0;
  std::uint32_t by_seller = 0;
  std::uint32_t by_customer = 0;
  std::uint32_t by_other = 0;
};

// Per call: counts by term (terms with at least one hit, by term index) and by role.
struct CallTermCounts {
  std::vector<TermCount> terms;
  std::uint32_t total = 0;
  std::uint32_t by_seller = 0;
  std::uint32_t by_customer = 0;
  std::uint32_t by_other = 0;
};

CallTermCounts count_term_hits(const TrackedTermMatcher& matcher, std::span<const TermHit> hits);

// The terms that apply to a seller: every organisation-wide term plus the terms of the seller's
// teams, in list order. A team term with the same kind and normalized name as one already chosen
// is merged into it (its new variants are added; the earlier term's scope and filters stay).
std::vector<TrackedTerm> terms_for_seller(std::span<const TrackedTerm> terms,
                                          std::span<const std::string> seller_team_ids);

// Reads a term list file (format in docs/terms.md: tab-separated kind, name, variants, scope,
// options). Throws Error(io) if unreadable, Error(parse) naming the file and line otherwise.
std::vector<TrackedTerm> load_term_list(const std::string& path);
// Same, from text; `source_name` names it in error messages.
std::vector<TrackedTerm> parse_term_list(std::string_view text, std::string_view source_name);

std::string to_json(const TermHit& hit);
std::string to_json(const CallTermCounts& counts);

}  // namespace parley
