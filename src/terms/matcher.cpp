// The tracked-term matcher: every variant of every term, normalized, compiled once into one
// Hyperscan literal database; a call's normalized text is scanned in one pass per batch of segments
// (not one scan per segment), and each candidate is checked for word boundaries (and, for
// related-forms terms, for stems) where Hyperscan reports it.
#include <hs/hs.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <climits>
#include <cstring>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "model/ascii.hpp"
#include "parley/error.hpp"
#include "parley/terms.hpp"
#include "parley/text.hpp"
#include "text/chars.hpp"
#include "text/normalize_offsets.hpp"
#include "text/snowball.hpp"

namespace parley {
namespace {

using text_detail::decode_at;
using text_detail::decode_before;

struct DatabaseDeleter {
  void operator()(hs_database_t* database) const noexcept { hs_free_database(database); }
};
struct ScratchDeleter {
  void operator()(hs_scratch_t* scratch) const noexcept { hs_free_scratch(scratch); }
};

struct UTextCloser {
  void operator()(UText* text) const noexcept { utext_close(text); }
};
using ScratchPtr = std::unique_ptr<hs_scratch_t, ScratchDeleter>;

// Characters in valid UTF-8: bytes that are not continuation bytes (10xxxxxx), counted eight at a
// time (a hit's time offset counts the characters of its segment).
std::size_t code_point_count(std::string_view text) noexcept {
  const char* p = text.data();
  std::size_t n = text.size(), continuations = 0;
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t block;
    std::memcpy(&block, p, 8);
    // Top bit set and the bit below it clear: shifting left by one brings bit 6 of each byte to
    // bit 7 of the same byte (bit 7 moves to the next byte's bit 0, which the mask drops).
    // One bit per continuation byte at bit 0, summed into the top byte by the multiplication.
    const std::uint64_t flags = (block & ~(block << 1) & 0x8080808080808080ULL) >> 7;
    continuations += static_cast<std::size_t>((flags * 0x0101010101010101ULL) >> 56);
  }
  if (n > 0 && text.size() >= 8 && std::endian::native == std::endian::little) {
    // The last n bytes: the eight bytes ending there, less the 8 - n already counted (low bytes).
    std::uint64_t block;
    std::memcpy(&block, p + n - 8, 8);
    const std::uint64_t flags = ((block & ~(block << 1) & 0x8080808080808080ULL) >> 7) >> (8 * (8 - n));
    return text.size() - continuations - static_cast<std::size_t>((flags * 0x0101010101010101ULL) >> 56);
  }
  for (; n > 0; ++p, --n) continuations += (static_cast<unsigned char>(*p) & 0xC0) == 0x80;
  return text.size() - continuations;
}

// Byte length of the first `count` code points of `text`.
std::size_t prefix_bytes(std::string_view text, std::size_t count) noexcept {
  std::size_t i = 0;
  while (i < text.size() && count > 0) {
    std::size_t length = 0;
    decode_at(text, i, length);
    i += length;
    --count;
  }
  return i;
}

// One variant's literal (normalized), which a Hyperscan report of its first bytes may confirm.
struct Pattern {
  std::uint32_t term = 0;
  std::uint32_t variant = 0;
  std::uint32_t length = 0;   // bytes of the literal
  std::int32_t related = -1;  // index into Impl::related when the literal is a stem prefix
  std::uint32_t literal = 0;  // offset of the literal's bytes in CompiledTerms::literal_bytes
};

// Hyperscan is given at most this many first bytes of each literal (whole characters; the rest is
// compared where it reports them). Its compile time depends on the literal set irregularly; for
// 1,000 names built from syllables (the benchmark's kind, and product names like them) cutting at
// 8 bytes measured 14-21 ms against 38-54 ms whole, at the same scan speed; for names like
// "kovasi labs" and for phrases of English words it made no difference, and for random letter
// strings it was slower (40 against 14 ms).
constexpr std::size_t max_prefix_bytes = 8;

// A related-forms phrase: the stem of each word in each stemmer language.
struct RelatedPhrase {
  std::size_t word_count = 0;
  std::vector<std::vector<std::string>> stems;  // [language][word]
};

struct Match {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint32_t term = 0;
  std::uint32_t variant = 0;
};

enum class EdgeClass : std::uint8_t { none, spaced_word, unspaced_word };

// What the boundary check needs to know of a character: bit 0 a word character, bit 1 a character
// of a script written without spaces (the two are independent: "・" is the second only).
constexpr std::uint8_t word_bit = 1, unspaced_bit = 2;

std::uint8_t char_flags_uncached(char32_t c) noexcept {
  return static_cast<std::uint8_t>((text_detail::is_word_char(c) ? word_bit : 0) |
                                   (text_detail::is_unspaced_script_char(c) ? unspaced_bit : 0));
}

// char_flags for the Basic Multilingual Plane through a flat table (64 KB) built one 256-code-point
// block at a time on first use: a hit's neighbours (and, in Chinese or Japanese, the run around it)
// are looked at on every candidate, and the Unicode property look-ups cost more than the rest of
// the check. A look-up is one load once the block is built.
class CharFlagTable {
 public:
  std::uint8_t get(char32_t c) {
    if (c >= 0x10000) return char_flags_uncached(c);
    if (!built_[c >> 8].load(std::memory_order_acquire)) build(c >> 8);
    return flags_[c];
  }

 private:
  [[gnu::noinline]] void build(std::size_t index) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (built_[index].load(std::memory_order_relaxed)) return;
    for (std::size_t low = 0; low < 256; ++low) {
      flags_[(index << 8) | low] = char_flags_uncached(static_cast<char32_t>((index << 8) | low));
    }
    built_[index].store(true, std::memory_order_release);
  }

  std::mutex mutex_;
  std::array<std::atomic<bool>, 256> built_{};
  std::array<std::uint8_t, 0x10000> flags_{};
};

constinit CharFlagTable char_flag_table;

inline std::uint8_t char_flags(char32_t c) { return char_flag_table.get(c); }

EdgeClass classify(char32_t c) {
  const std::uint8_t flags = char_flags(c);
  if (!(flags & word_bit)) return EdgeClass::none;
  return (flags & unspaced_bit) ? EdgeClass::unspaced_word : EdgeClass::spaced_word;
}

bool is_unspaced(char32_t c) { return (char_flags(c) & unspaced_bit) != 0; }

// text_detail::is_word_char of each ASCII byte.
constexpr auto ascii_word = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) {
    table[static_cast<std::size_t>(c)] =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  return table;
}();

// Whitespace separating phrase words (after NFKC every space separator is U+0020 or ASCII control).
bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Batches of segments scanned together: large enough that a scan's fixed cost vanishes, small
// enough that a long call's normalized copy stays bounded.
constexpr std::size_t batch_bytes = 8u << 20;

}  // namespace

namespace terms_detail {

// ICU's dictionary word boundaries of recently seen runs of unspaced-script text, keyed by the
// run's bytes (segmenting a run is a pure function of it, and transcripts repeat short runs such as
// names and set phrases): direct-mapped, so a lookup is one hash and one comparison, and a slot's
// buffers are reused when it is replaced (no allocation once warm).
class RunBoundaryCache {
 public:
  static constexpr std::size_t slot_count = 1024;
  static constexpr std::size_t max_run_bytes = 1024;  // longer runs are segmented, not cached

  struct Slot {
    std::string run;
    std::vector<std::uint32_t> boundaries;  // offsets within the run, ascending
    bool used = false;
  };

  // The slot for `run`, and whether it already holds the run's boundaries.
  std::pair<Slot*, bool> find(std::string_view run) {
    if (slots_.empty()) slots_.resize(slot_count);
    Slot& slot = slots_[std::hash<std::string_view>{}(run) & (slot_count - 1)];
    return {&slot, slot.used && slot.run == run};
  }

 private:
  std::vector<Slot> slots_;
};

// Everything one scan needs besides the text, reused by later scans of the same matcher.
struct ScanState {
  ScratchPtr scratch;
  std::vector<detail::SnowballStemmer> stemmers;
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<UText, UTextCloser> run_text;
  RunBoundaryCache run_cache;
  std::vector<std::uint32_t> long_run_boundaries;  // of the last run too long to cache
  // find_hits' buffers, kept so that a call allocates nothing once the state is warm.
  std::string batch;
  std::vector<text_detail::OffsetAnchor> anchors;
};

// The compiled term list behind a TrackedTermMatcher.
struct CompiledTerms {
  std::vector<TrackedTerm> terms;
  TermMatcherOptions options;
  NormalizeOptions normalize;
  std::vector<Pattern> patterns;
  std::string literal_bytes;
  // Patterns by Hyperscan id: the patterns whose literals start with prefix `id` are
  // prefix_patterns[prefix_begin[id] .. prefix_begin[id + 1]), and the prefix is prefix_length[id]
  // bytes long.
  std::vector<std::uint32_t> prefix_begin;
  std::vector<std::uint32_t> prefix_patterns;
  std::vector<std::uint8_t> prefix_length;
  std::vector<RelatedPhrase> related;
  std::vector<const char*> stemmer_algorithms;
  std::unique_ptr<hs_database_t, DatabaseDeleter> database;
  ScratchPtr prototype_scratch;
  std::vector<std::string> warnings;

  CompiledTerms(std::span<const TrackedTerm> input, const TermMatcherOptions& opts);
  // Hyperscan scratch space and the ICU/Snowball tools of a scan are per scan, not per matcher:
  // scans borrow a set from a small pool (made on demand) and give it back, so concurrent calls
  // never share one, and a call pays neither for allocating them nor for a cold segmentation cache.
  mutable std::mutex scratch_mutex;
  mutable std::vector<std::unique_ptr<ScanState>> scratch_pool;

  std::unique_ptr<ScanState> borrow_scratch() const {
    {
      std::lock_guard<std::mutex> lock(scratch_mutex);
      if (!scratch_pool.empty()) {
        std::unique_ptr<ScanState> state = std::move(scratch_pool.back());
        scratch_pool.pop_back();
        return state;
      }
    }
    hs_scratch_t* copy = nullptr;
    if (hs_clone_scratch(prototype_scratch.get(), &copy) != HS_SUCCESS) {
      throw Error(ErrorCode::internal, "Hyperscan scratch space could not be allocated");
    }
    auto state = std::make_unique<ScanState>();
    state->scratch.reset(copy);
    return state;
  }
  void return_scratch(std::unique_ptr<ScanState> state) const noexcept {
    std::lock_guard<std::mutex> lock(scratch_mutex);
    if (scratch_pool.size() < 64) scratch_pool.push_back(std::move(state));
  }
};

// A borrowed scan state, given back when the scan ends (also on an exception).
class BorrowedScratch {
 public:
  explicit BorrowedScratch(const CompiledTerms& terms) : terms_(terms), state_(terms.borrow_scratch()) {}
  ~BorrowedScratch() { terms_.return_scratch(std::move(state_)); }
  BorrowedScratch(const BorrowedScratch&) = delete;
  BorrowedScratch& operator=(const BorrowedScratch&) = delete;
  hs_scratch_t* get() const noexcept { return state_->scratch.get(); }
  ScanState& state() const noexcept { return *state_; }

 private:
  const CompiledTerms& terms_;
  std::unique_ptr<ScanState> state_;
};

}  // namespace terms_detail

struct TrackedTermMatcher::Impl : terms_detail::CompiledTerms {
  using CompiledTerms::CompiledTerms;
};

namespace {

using terms_detail::CompiledTerms;

// State of one scan: the text, lazily built stemmers and dictionary iterator, verified matches.
class ScanContext {
 public:
  ScanContext(const CompiledTerms& impl, terms_detail::ScanState& state, std::string_view text,
              std::vector<Match>& matches)
      : impl_(impl), state_(state), text_(text), matches_(matches) {}
  ScanContext(const ScanContext&) = delete;
  ScanContext& operator=(const ScanContext&) = delete;

  static int on_match(unsigned int id, unsigned long long /*from*/, unsigned long long to,
                      unsigned int /*flags*/, void* context) {
    auto* self = static_cast<ScanContext*>(context);
    const CompiledTerms& impl = self->impl_;
    const std::size_t begin = static_cast<std::size_t>(to) - impl.prefix_length[id];
    for (std::uint32_t k = impl.prefix_begin[id]; k < impl.prefix_begin[id + 1]; ++k) {
      const Pattern& pattern = impl.patterns[impl.prefix_patterns[k]];
      if (pattern.length > impl.prefix_length[id] &&
          (pattern.length > self->text_.size() - begin ||
           std::memcmp(self->text_.data() + begin + impl.prefix_length[id],
                       impl.literal_bytes.data() + pattern.literal + impl.prefix_length[id],
                       pattern.length - impl.prefix_length[id]) != 0)) {
        continue;
      }
      self->check(pattern, begin + pattern.length);
    }
    return 0;
  }

  void scan() {
    if (text_.empty()) return;
    const hs_error_t status =
        hs_scan(impl_.database.get(), text_.data(), static_cast<unsigned int>(text_.size()), 0,
                state_.scratch.get(), &ScanContext::on_match, this);
    if (status != HS_SUCCESS) {
      throw Error(ErrorCode::internal, "Hyperscan scan failed with status " + std::to_string(status));
    }
  }

 private:
  void check(const Pattern& pattern, std::size_t end) {
    const std::size_t begin = end - pattern.length;
    if (!is_boundary(begin)) return;
    if (pattern.related >= 0) {
      const std::size_t related_end =
          related_forms_end(impl_.related[static_cast<std::size_t>(pattern.related)], begin);
      if (related_end != 0) matches_.push_back({begin, related_end, pattern.term, pattern.variant});
      return;
    }
    if (!is_boundary(end)) return;
    matches_.push_back({begin, end, pattern.term, pattern.variant});
  }

  // A word boundary at byte `pos`: one side is not a word character, or the sides belong to a
  // spaced and an unspaced script, or (both unspaced) ICU's dictionary puts a boundary there.
  bool is_boundary(std::size_t pos) {
    if (pos == 0 || pos >= text_.size()) return true;
    const auto before_byte = static_cast<unsigned char>(text_[pos - 1]);
    const auto after_byte = static_cast<unsigned char>(text_[pos]);
    if (before_byte < 0x80 && after_byte < 0x80) {  // ASCII on both sides: no decoding
      return !ascii_word[before_byte] || !ascii_word[after_byte];
    }
    std::size_t before_begin = 0, after_length = 0;
    const EdgeClass before = classify(decode_before(text_, pos, before_begin));
    const EdgeClass after = classify(decode_at(text_, pos, after_length));
    if (before == EdgeClass::none || after == EdgeClass::none || before != after) return true;
    if (before == EdgeClass::spaced_word) return false;
    if (!impl_.options.dictionary_boundaries_for_unspaced_scripts) return true;
    return dictionary_boundary(pos);
  }

  // ICU's dictionary segmentation of the run of unspaced-script characters around `pos`.
  bool dictionary_boundary(std::size_t pos) {
    if (pos <= run_begin_ || pos >= run_end_) {
      std::size_t begin = pos, end = pos;
      while (begin > 0) {
        std::size_t previous = 0;
        if (!is_unspaced(decode_before(text_, begin, previous))) break;
        begin = previous;
      }
      while (end < text_.size()) {
        std::size_t length = 0;
        if (!is_unspaced(decode_at(text_, end, length))) break;
        end += length;
      }
      segment_run(begin, end);
    }
    const auto offset = static_cast<std::uint32_t>(pos - run_begin_);
    return std::binary_search(run_boundaries_->begin(), run_boundaries_->end(), offset);
  }

  // Boundaries of the run [begin, end), from the cache or from ICU (then cached).
  void segment_run(std::size_t begin, std::size_t end) {
    run_begin_ = begin;
    run_end_ = end;
    const std::string_view run = text_.substr(begin, end - begin);
    std::vector<std::uint32_t>* boundaries = &state_.long_run_boundaries;
    if (run.size() <= terms_detail::RunBoundaryCache::max_run_bytes) {
      const auto [slot, hit] = state_.run_cache.find(run);
      run_boundaries_ = &slot->boundaries;
      if (hit) return;
      slot->used = false;  // until filled: an ICU failure must not leave a half-written entry
      boundaries = &slot->boundaries;
      segment_with_icu(run, *boundaries);
      slot->run.assign(run);
      slot->used = true;
      return;
    }
    run_boundaries_ = boundaries;
    segment_with_icu(run, *boundaries);
  }

  void segment_with_icu(std::string_view run, std::vector<std::uint32_t>& boundaries) {
    UErrorCode status = U_ZERO_ERROR;
    if (!state_.words) {
      state_.words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
      if (U_FAILURE(status) || !state_.words)
        throw Error(ErrorCode::internal, "ICU word break iterator unavailable");
    }
    UText* opened =
        utext_openUTF8(state_.run_text.release(), run.data(), static_cast<int64_t>(run.size()), &status);
    state_.run_text.reset(opened);
    state_.words->setText(state_.run_text.get(), status);
    if (U_FAILURE(status))
      throw Error(ErrorCode::internal, std::string("ICU word break failed: ") + u_errorName(status));
    boundaries.clear();
    for (int32_t b = state_.words->first(); b != icu::BreakIterator::DONE; b = state_.words->next()) {
      boundaries.push_back(static_cast<std::uint32_t>(b));
    }
  }

  // End of the related-forms phrase starting at `begin` (a word start), or 0 if the words there do
  // not have the phrase's stems in any stemmer language.
  std::size_t related_forms_end(const RelatedPhrase& phrase, std::size_t begin) {
    std::vector<detail::SnowballStemmer>& stemmers_ = state_.stemmers;
    if (stemmers_.empty()) {
      for (const char* algorithm : impl_.stemmer_algorithms) stemmers_.emplace_back(algorithm);
    }
    std::size_t pos = begin;
    std::size_t language_mask = (std::size_t{1} << stemmers_.size()) - 1;  // languages still agreeing
    for (std::size_t w = 0; w < phrase.word_count; ++w) {
      if (w > 0) {
        const std::size_t gap_begin = pos;
        while (pos < text_.size() && (text_[pos] == ' ' || text_[pos] == '\t')) ++pos;
        if (pos == gap_begin) return 0;
      }
      const std::size_t word_begin = pos;
      while (pos < text_.size()) {
        std::size_t length = 0;
        if (classify(decode_at(text_, pos, length)) != EdgeClass::spaced_word) break;
        pos += length;
      }
      if (pos == word_begin || pos - word_begin > 100) return 0;
      const std::string_view word = text_.substr(word_begin, pos - word_begin);
      for (std::size_t l = 0; l < stemmers_.size(); ++l) {
        if ((language_mask & (std::size_t{1} << l)) && stemmers_[l].stem(word) != phrase.stems[l][w]) {
          language_mask &= ~(std::size_t{1} << l);
        }
      }
      if (language_mask == 0) return 0;
    }
    return pos;
  }

  const CompiledTerms& impl_;
  terms_detail::ScanState& state_;
  std::string_view text_;
  std::vector<Match>& matches_;
  std::size_t run_begin_ = 1, run_end_ = 0;  // empty run: nothing segmented yet
  const std::vector<std::uint32_t>* run_boundaries_ = nullptr;
};

// Leftmost first, then longest, then lowest term index; later overlapping matches are dropped.
void resolve_overlaps(std::vector<Match>& matches) {
  const auto before = [](const Match& a, const Match& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    if (a.term != b.term) return a.term < b.term;
    return a.variant < b.variant;
  };
  // Hyperscan reports by end offset, which is already this order unless matches overlap, and then
  // a match is out of place by at most a few neighbours: insertion sort is linear here.
  for (std::size_t i = 1; i < matches.size(); ++i) {
    if (!before(matches[i], matches[i - 1])) continue;
    const Match moving = matches[i];
    std::size_t j = i;
    for (; j > 0 && before(moving, matches[j - 1]); --j) matches[j] = matches[j - 1];
    matches[j] = moving;
  }
  std::size_t kept = 0, last_end = 0;
  for (const Match& match : matches) {
    if (kept > 0 && match.begin < last_end) continue;
    matches[kept++] = match;
    last_end = match.end;
  }
  matches.resize(kept);
}

// Normalizes a term's name or variant: like the text, with whitespace runs collapsed to one space.
std::string normalize_term_text(std::string_view raw, const NormalizeOptions& options) {
  std::string normalized = normalize_for_matching(raw, options);
  std::string collapsed;
  collapsed.reserve(normalized.size());
  for (const char c : normalized) {
    if (is_space(c)) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  return collapsed;
}

std::string describe(std::size_t index, const TrackedTerm& term) {
  return "term " + std::to_string(index) + " ('" + term.name + "')";
}

}  // namespace

terms_detail::CompiledTerms::CompiledTerms(std::span<const TrackedTerm> input, const TermMatcherOptions& opts)
    : terms(input.begin(), input.end()), options(opts) {
  options.validate();
  if (terms.size() > options.max_terms) {
    throw Error(ErrorCode::limit_exceeded, "term list of " + std::to_string(terms.size()) +
                                               " terms exceeds the limit of " +
                                               std::to_string(options.max_terms));
  }
  normalize.strip_accents = options.strip_accents;
  std::vector<detail::SnowballStemmer> stemmers;
  for (const std::string& language : options.languages) {
    const char* algorithm = detail::snowball_algorithm(language);
    if (algorithm == nullptr) continue;
    if (std::find(stemmer_algorithms.begin(), stemmer_algorithms.end(), std::string_view(algorithm)) !=
        stemmer_algorithms.end()) {
      continue;
    }
    if (stemmer_algorithms.size() == 16) break;
    stemmer_algorithms.push_back(algorithm);
    stemmers.emplace_back(algorithm);
  }

  // Normalized literal (prefixed "=" exact or "~" stems) -> owning term and variant.
  std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>> owners;
  for (std::size_t t = 0; t < terms.size(); ++t) {
    const TrackedTerm& term = terms[t];
    for (std::size_t v = 0; v <= term.variants.size(); ++v) {
      const std::string& raw = v == 0 ? term.name : term.variants[v - 1];
      const std::string label = v == 0 ? "name" : "variant " + std::to_string(v);
      const std::string who = v == 0 ? "term " + std::to_string(t) : describe(t, term);
      const std::size_t bad = find_invalid_utf8(raw);
      if (bad != std::string_view::npos) {
        throw Error(ErrorCode::invalid_utf8,
                    who + ": " + label + " is not valid UTF-8 (byte offset " + std::to_string(bad) + ")");
      }
      const std::string literal = normalize_term_text(raw, normalize);
      if (literal.empty()) throw Error(ErrorCode::invalid_argument, who + ": empty " + label);
      bool has_word_char = false;
      for (std::size_t i = 0; i < literal.size() && !has_word_char;) {
        std::size_t length = 0;
        has_word_char = text_detail::is_word_char(decode_at(literal, i, length));
        i += length;
      }
      if (!has_word_char) {
        throw Error(ErrorCode::invalid_argument,
                    who + ": " + label + " '" + raw + "' has no letter or digit");
      }

      // Related forms apply to phrases made only of spaced-script words, when a stemmer exists.
      std::vector<std::string_view> words;
      bool stemmable = term.match_related_forms && !stemmers.empty();
      for (std::size_t i = 0; stemmable && i <= literal.size();) {
        const std::size_t space = std::min(literal.find(' ', i), literal.size());
        const std::string_view word = std::string_view(literal).substr(i, space - i);
        for (std::size_t k = 0; k < word.size() && stemmable;) {
          std::size_t length = 0;
          stemmable = classify(decode_at(word, k, length)) == EdgeClass::spaced_word;
          k += length;
        }
        words.push_back(word);
        i = space + 1;
      }
      std::string key;
      std::string hs_literal = literal;
      RelatedPhrase phrase;
      if (stemmable) {
        phrase.word_count = words.size();
        key = "~";
        std::size_t shortest_stem = SIZE_MAX, common = words[0].size();
        for (detail::SnowballStemmer& stemmer : stemmers) {
          std::vector<std::string> stems;
          stems.reserve(words.size());
          for (const std::string_view word : words) stems.emplace_back(stemmer.stem(word));
          const std::string& first = stems[0];
          std::size_t same = 0;
          while (same < first.size() && same < words[0].size() && first[same] == words[0][same]) ++same;
          common = std::min(common, same);
          shortest_stem = std::min(shortest_stem, code_point_count(first));
          for (const std::string& s : stems) key += s + ' ';
          key += '|';
          phrase.stems.push_back(std::move(stems));
        }
        // The literal Hyperscan looks for: the start the word and its stem share, less the stem's last
        // two letters (inflection may change them: "vertrag" -> "verträge"), at least three letters.
        const std::string_view first_word = words[0];
        std::size_t keep =
            prefix_bytes(first_word, std::max<std::size_t>(3, shortest_stem >= 2 ? shortest_stem - 2 : 0));
        while (keep > common && keep > 0) {
          std::size_t begin = 0;
          decode_before(first_word, keep, begin);
          keep = begin;
        }
        if (keep == 0) keep = prefix_bytes(first_word, 1);
        hs_literal = std::string(first_word.substr(0, keep));
      } else {
        key = "=" + literal;
      }
      const auto [owner, inserted] =
          owners.try_emplace(key, static_cast<std::uint32_t>(t), static_cast<std::uint32_t>(v));
      if (!inserted) {
        const auto [first_term, first_variant] = owner->second;
        // Within one term, the same text twice is a mistake in the list; related forms that share
        // their stems ("renew", "renewal") are not.
        if (first_term == t) {
          const std::string& first_raw = first_variant == 0 ? term.name : term.variants[first_variant - 1];
          if (normalize_term_text(first_raw, normalize) == literal) {
            const std::string first_label =
                first_variant == 0
                    ? std::string("the name")
                    : std::string("variant ") + std::to_string(first_variant) + " ('" + first_raw + "')";
            throw Error(ErrorCode::invalid_argument,
                        describe(t, term) + ": " + label + " '" + raw + "' is the same as " + first_label);
          }
        }
        if (first_term != t) {
          warnings.push_back(describe(t, term) + ": " + label + " '" + raw + "' is the same as variant " +
                             std::to_string(first_variant) + " of " +
                             describe(first_term, terms[first_term]) + ", which keeps it");
        }
        continue;
      }
      Pattern pattern;
      pattern.term = static_cast<std::uint32_t>(t);
      pattern.variant = static_cast<std::uint32_t>(v);
      pattern.length = static_cast<std::uint32_t>(hs_literal.size());
      if (stemmable) {
        pattern.related = static_cast<std::int32_t>(related.size());
        related.push_back(std::move(phrase));
      }
      pattern.literal = static_cast<std::uint32_t>(literal_bytes.size());
      literal_bytes += hs_literal;
      patterns.push_back(pattern);
    }
  }
  if (patterns.empty()) return;

  // Hyperscan literals: the distinct first bytes (up to max_prefix_bytes, whole characters) of the
  // patterns' literals; patterns grouped by them, in pattern order within a group.
  std::unordered_map<std::string_view, std::uint32_t> prefix_ids;
  std::vector<std::uint32_t> pattern_prefix(patterns.size());
  std::vector<std::string_view> prefixes;
  for (std::size_t i = 0; i < patterns.size(); ++i) {
    const std::string_view literal =
        std::string_view(literal_bytes).substr(patterns[i].literal, patterns[i].length);
    std::size_t cut = literal.size();
    if (cut > max_prefix_bytes) {
      cut = max_prefix_bytes;
      while (cut > 0 && (static_cast<unsigned char>(literal[cut]) & 0xC0) == 0x80) --cut;
      if (cut == 0) cut = std::min(literal.size(), max_prefix_bytes);  // not reached with valid UTF-8
    }
    const auto [at, inserted] =
        prefix_ids.try_emplace(literal.substr(0, cut), static_cast<std::uint32_t>(prefixes.size()));
    if (inserted) prefixes.push_back(literal.substr(0, cut));
    pattern_prefix[i] = at->second;
  }
  prefix_begin.assign(prefixes.size() + 1, 0);
  for (const std::uint32_t id : pattern_prefix) ++prefix_begin[id + 1];
  for (std::size_t id = 0; id < prefixes.size(); ++id) prefix_begin[id + 1] += prefix_begin[id];
  prefix_patterns.resize(patterns.size());
  std::vector<std::uint32_t> filled(prefix_begin.begin(), prefix_begin.end() - 1);
  for (std::size_t i = 0; i < patterns.size(); ++i)
    prefix_patterns[filled[pattern_prefix[i]]++] = static_cast<std::uint32_t>(i);
  prefix_length.resize(prefixes.size());
  std::vector<const char*> expressions;
  std::vector<std::size_t> lengths;
  std::vector<unsigned> flags(prefixes.size(), 0), ids(prefixes.size());
  for (std::size_t id = 0; id < prefixes.size(); ++id) {
    prefix_length[id] = static_cast<std::uint8_t>(prefixes[id].size());
    expressions.push_back(prefixes[id].data());
    lengths.push_back(prefixes[id].size());
    ids[id] = static_cast<unsigned>(id);
  }
  hs_database_t* compiled = nullptr;
  hs_compile_error_t* compile_error = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(prefixes.size()), HS_MODE_BLOCK, nullptr, &compiled,
                           &compile_error) != HS_SUCCESS) {
    std::string message = compile_error && compile_error->message ? compile_error->message : "unknown error";
    hs_free_compile_error(compile_error);
    throw Error(ErrorCode::internal, "term list could not be compiled: " + message);
  }
  database.reset(compiled);
  hs_scratch_t* scratch_space = nullptr;
  if (hs_alloc_scratch(database.get(), &scratch_space) != HS_SUCCESS) {
    throw Error(ErrorCode::internal, "Hyperscan scratch space could not be allocated");
  }
  prototype_scratch.reset(scratch_space);
}

TrackedTermMatcher::TrackedTermMatcher(std::span<const TrackedTerm> terms, const TermMatcherOptions& options)
    : impl_(std::make_shared<const Impl>(terms, options)) {}
TrackedTermMatcher::~TrackedTermMatcher() = default;
TrackedTermMatcher::TrackedTermMatcher(const TrackedTermMatcher&) = default;
TrackedTermMatcher& TrackedTermMatcher::operator=(const TrackedTermMatcher&) = default;
TrackedTermMatcher::TrackedTermMatcher(TrackedTermMatcher&&) noexcept = default;
TrackedTermMatcher& TrackedTermMatcher::operator=(TrackedTermMatcher&&) noexcept = default;

std::size_t TrackedTermMatcher::term_count() const noexcept { return impl_ ? impl_->terms.size() : 0; }

const TrackedTerm& TrackedTermMatcher::term(std::size_t index) const {
  if (!impl_ || index >= impl_->terms.size()) {
    throw Error(ErrorCode::invalid_argument, "term index " + std::to_string(index) + " is out of range (" +
                                                 std::to_string(term_count()) + " terms)");
  }
  return impl_->terms[index];
}

const std::vector<std::string>& TrackedTermMatcher::warnings() const noexcept {
  static const std::vector<std::string> none;
  return impl_ ? impl_->warnings : none;
}

void TrackedTermMatcher::find_in_normalized(std::string_view normalized_text,
                                            std::vector<NormalizedTextMatch>& out) const {
  out.clear();
  if (!impl_ || !impl_->database || normalized_text.empty()) return;
  if (normalized_text.size() > UINT_MAX) {
    throw Error(ErrorCode::limit_exceeded, "normalized text of " + std::to_string(normalized_text.size()) +
                                               " bytes exceeds the 4 GiB scan limit");
  }
  std::vector<Match> matches;
  const terms_detail::BorrowedScratch scratch(*impl_);
  {
    ScanContext context(*impl_, scratch.state(), normalized_text, matches);
    context.scan();
  }
  resolve_overlaps(matches);
  out.reserve(matches.size());
  for (const Match& m : matches) out.push_back({m.term, m.variant, m.begin, m.end});
}

std::size_t TrackedTermMatcher::count_in_normalized(std::string_view normalized_text) const {
  std::vector<NormalizedTextMatch> matches;
  find_in_normalized(normalized_text, matches);
  return matches.size();
}

namespace {

// Time offsets of the hits of one segment, which arrive in text order: word timings are aligned
// with the text and characters counted once, moving forward only (no rescan per hit).
class OffsetLocator {
 public:
  explicit OffsetLocator(const Segment& segment) : segment_(segment), text_(segment.text) {}

  Milliseconds offset(std::size_t byte_offset) {
    // The hit's word: word texts are found in order in the segment text.
    while (word_ < segment_.words.size()) {
      const WordTiming& word = segment_.words[word_];
      const std::size_t at = word.text.empty() ? std::string_view::npos : text_.find(word.text, text_cursor_);
      if (at == std::string_view::npos) {
        ++word_;
        continue;
      }
      const std::size_t word_end = at + word.text.size();
      if (byte_offset < word_end) {
        if (byte_offset <= at || word.end_ms <= word.start_ms) return word.start_ms;
        const auto inside = static_cast<double>(code_point_count(text_.substr(at, byte_offset - at)));
        const auto length = static_cast<double>(code_point_count(word.text));
        return word.start_ms +
               static_cast<Milliseconds>(static_cast<double>(word.end_ms - word.start_ms) * inside / length);
      }
      text_cursor_ = word_end;
      ++word_;
    }
    // No timed word: the share of characters before the hit, applied to the segment's span.
    if (segment_.end_ms <= segment_.start_ms) return segment_.start_ms;
    if (byte_offset >= counted_bytes_) {
      counted_chars_ += code_point_count(text_.substr(counted_bytes_, byte_offset - counted_bytes_));
    } else {
      counted_chars_ = code_point_count(text_.substr(0, byte_offset));
    }
    counted_bytes_ = byte_offset;
    // The segment's characters: those before the first hit plus the rest (one pass in all).
    if (total_chars_ == SIZE_MAX) total_chars_ = counted_chars_ + code_point_count(text_.substr(byte_offset));
    if (total_chars_ == 0) return segment_.start_ms;
    const auto span = static_cast<double>(segment_.end_ms - segment_.start_ms);
    return segment_.start_ms + static_cast<Milliseconds>(span * static_cast<double>(counted_chars_) /
                                                         static_cast<double>(total_chars_));
  }

 private:
  const Segment& segment_;
  std::string_view text_;
  std::size_t word_ = 0;
  std::size_t text_cursor_ = 0;
  std::size_t total_chars_ = SIZE_MAX;
  std::size_t counted_bytes_ = 0;
  std::size_t counted_chars_ = 0;
};

// The sentence containing the hit ends with a question mark (?, fullwidth ？, Arabic ؟) before the
// segment ends; "." "!" "。" "！" and "…" end a sentence otherwise.
bool ends_in_question(std::string_view text, std::size_t from) {
  // Bytes that can start a sentence end: the ASCII marks and the lead bytes of the others (a lead
  // byte is never a continuation byte, so scanning bytes finds exactly the characters).
  static constexpr auto candidates = [] {
    std::array<std::uint8_t, 256> table{};  // bytes, not bools: four are or-ed without branches below
    for (const int c : {int{'?'}, int{'.'}, int{'!'}, 0xD8, 0xE2, 0xE3, 0xEF})
      table[static_cast<std::size_t>(c)] = 1;
    return table;
  }();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = from; i < text.size(); ++i) {
#if defined(__SSE2__)
    // Sixteen bytes per test where SSE2 exists: the candidates' positions as a bit mask.
    while (i + 16 <= text.size()) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
      const auto equal = [&](int value) {
        return _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(value)));
      };
      const __m128i ascii = _mm_or_si128(_mm_or_si128(equal('?'), equal('.')), equal('!'));
      const __m128i leads =
          _mm_or_si128(_mm_or_si128(equal(0xD8), equal(0xE2)), _mm_or_si128(equal(0xE3), equal(0xEF)));
      const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(ascii, leads)));
      if (mask != 0) {
        i += static_cast<std::size_t>(std::countr_zero(mask));
        break;
      }
      i += 16;
    }
    // Fewer than sixteen bytes left in a text of at least sixteen: the sixteen ending there, less
    // the bytes before i.
    if (i + 16 > text.size() && text.size() >= 16 && i < text.size()) {
      const std::size_t back = i - (text.size() - 16);
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + text.size() - 16));
      const auto equal = [&](int value) {
        return _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(value)));
      };
      const __m128i ascii = _mm_or_si128(_mm_or_si128(equal('?'), equal('.')), equal('!'));
      const __m128i leads =
          _mm_or_si128(_mm_or_si128(equal(0xD8), equal(0xE2)), _mm_or_si128(equal(0xE3), equal(0xEF)));
      const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(ascii, leads))) >> back;
      if (mask == 0) break;
      i += static_cast<std::size_t>(std::countr_zero(mask));
    }
#endif
    // Four bytes per test where none of them can start a sentence end (most of the text).
    while (i + 4 <= text.size() && !(candidates[bytes[i]] | candidates[bytes[i + 1]] |
                                     candidates[bytes[i + 2]] | candidates[bytes[i + 3]])) {
      i += 4;
    }
    if (i >= text.size()) break;
    if (!candidates[bytes[i]]) continue;
    std::size_t length = 0;
    const char32_t c = decode_at(text, i, length);
    switch (c) {
      case U'?':
      case U'\uFF1F':
      case U'\u061F': return true;
      case U'.':
        if (i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') break;  // "1.5"
        return false;
      case U'!':
      case U'\u3002':
      case U'\uFF01':
      case U'\u2026':
      case U'\uFF0E': return false;
      default: break;
    }
  }
  return false;
}

struct SegmentSpan {
  std::size_t begin = 0;  // in the batch buffer
  std::size_t end = 0;
  std::uint32_t segment = 0;
  bool same_offsets = false;  // offsets in the normalized text are offsets in the original
  // Otherwise, without accent stripping: the segment's anchors in ScanState::anchors.
  std::uint32_t anchors_begin = 0;
  std::uint32_t anchors_end = 0;
};

}  // namespace

void TrackedTermMatcher::find_hits(const Call& call, std::vector<TermHit>& out) const {
  out.clear();
  if (!impl_ || !impl_->database) return;
  const Impl& impl = *impl_;
  const terms_detail::BorrowedScratch scratch(impl);
  terms_detail::ScanState& state = scratch.state();
  std::string& buffer = state.batch;  // the batch is buffer[0, used); the bytes after it are scratch
  std::size_t used = 0;
  std::vector<text_detail::OffsetAnchor>& anchors = state.anchors;
  anchors.clear();
  std::vector<SegmentSpan> spans;
  std::vector<Match> matches;
  // Accent stripping composes ICU edits, so its hits are mapped by a SourceMapper; otherwise the
  // anchors recorded while normalizing map them.
  const bool record_anchors = !impl.normalize.strip_accents;

  auto flush = [&]() {
    if (spans.empty()) return;
    matches.clear();
    {
      ScanContext context(impl, state, std::string_view(buffer.data(), used), matches);
      context.scan();
    }
    resolve_overlaps(matches);
    std::size_t span_index = 0;
    out.reserve(out.size() + matches.size());
    std::optional<text_detail::SourceMapper> mapper;
    std::uint32_t mapper_segment = UINT32_MAX;
    std::optional<OffsetLocator> locator;
    std::uint32_t locator_segment = UINT32_MAX;
    for (const Match& match : matches) {
      while (span_index + 1 < spans.size() && spans[span_index].end <= match.begin) ++span_index;
      const SegmentSpan& span = spans[span_index];
      const Segment& segment = call.segments[span.segment];
      const TrackedTerm& term = impl.terms[match.term];
      const Role role =
          segment.speaker < call.participants.size() ? call.participants[segment.speaker].role : Role::other;
      if ((term.said_by == SpeakerFilter::seller && role != Role::seller) ||
          (term.said_by == SpeakerFilter::customer && role != Role::customer)) {
        continue;
      }
      std::size_t begin = match.begin - span.begin, end = match.end - span.begin;
      if (!span.same_offsets) {
        if (record_anchors) {
          std::tie(begin, end) = text_detail::map_with_anchors(
              std::span<const text_detail::OffsetAnchor>(anchors.data() + span.anchors_begin,
                                                         span.anchors_end - span.anchors_begin),
              begin, end);
        } else {
          if (mapper_segment != span.segment) {
            mapper.emplace(segment.text, impl.normalize);
            mapper_segment = span.segment;
          }
          std::tie(begin, end) = mapper->map(begin, end);
        }
      }
      const bool question = ends_in_question(segment.text, end);
      if (term.only_in_questions && !question) continue;
      TermHit& hit = out.emplace_back();  // filled in place (no copy through the stack)
      hit.term = match.term;
      hit.variant = match.variant;
      hit.segment = span.segment;
      hit.role = role;
      if (locator_segment != span.segment) {
        locator.emplace(segment);
        locator_segment = span.segment;
      }
      hit.offset_ms = locator->offset(begin);
      hit.begin = static_cast<std::uint32_t>(begin);
      hit.end = static_cast<std::uint32_t>(end);
      hit.in_question = question;
    }
    used = 0;
    anchors.clear();
    spans.clear();
  };

  for (std::size_t s = 0; s < call.segments.size(); ++s) {
    const std::string& text = call.segments[s].text;
    if (text.size() > UINT32_MAX / 2) {
      throw Error(ErrorCode::limit_exceeded, "segment " + std::to_string(s) + ": text of " +
                                                 std::to_string(text.size()) +
                                                 " bytes is too large to match terms in");
    }
    if (used > 0 && used + text.size() > batch_bytes) flush();
    SegmentSpan span;
    span.segment = static_cast<std::uint32_t>(s);
    span.begin = used;
    span.anchors_begin = static_cast<std::uint32_t>(anchors.size());
    try {
      span.same_offsets = text_detail::write_normalized(text, buffer, used, impl.normalize,
                                                        record_anchors ? &anchors : nullptr);
    } catch (const Error& error) {
      if (error.code() != ErrorCode::invalid_utf8) throw;
      throw Error(ErrorCode::invalid_utf8, "segment " + std::to_string(s) + ": " + error.message());
    }
    span.anchors_end = static_cast<std::uint32_t>(anchors.size());
    span.end = used;
    spans.push_back(span);
    // Not a word character and not a phrase space: no hit spans two segments.
    if (buffer.size() <= used) buffer.resize(used + 1);
    buffer[used++] = '\n';
  }
  flush();
  // A very long call leaves a large batch buffer behind: give it back rather than pool it.
  if (buffer.capacity() > 2 * batch_bytes) std::string().swap(buffer);
}

std::vector<TermHit> TrackedTermMatcher::find_hits(const Call& call) const {
  std::vector<TermHit> hits;
  find_hits(call, hits);
  return hits;
}

}  // namespace parley
