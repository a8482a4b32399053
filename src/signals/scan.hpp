#pragma once
// Private helpers of the signals area: character classes, normalization of phrases and sentences
// for matching, and a boundary-aware phrase matcher. Code point decoding, word characters and
// unspaced scripts are the text area's (text/chars.hpp).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/chars.hpp"

namespace parley::signals_detail {

using text_detail::decode_at;
using text_detail::is_unspaced_script_char;
using text_detail::is_word_char;
using text_detail::previous_start;

bool is_letter(char32_t cp) noexcept;
bool is_uppercase_letter(char32_t cp) noexcept;  // Lu or Lt
bool is_digit(char32_t cp) noexcept;             // any Nd
int digit_value(char32_t cp) noexcept;           // 0..9, or -1
bool is_space(char32_t cp) noexcept;             // White_Space

// True if a word boundary lies at byte `pos`: the text's ends, any place where the characters on
// either side are not both word characters, and any place next to a character of a script written
// without spaces (Han, kana, Thai, Lao, Khmer, Myanmar): a phrase in them matches anywhere.
bool is_boundary(std::string_view text, std::size_t pos) noexcept;

// Words between two byte positions; in scripts written without spaces each character counts as one.
std::size_t count_words(std::string_view text, std::size_t from, std::size_t to) noexcept;

// A stutter: `fragment` is a shorter start of `word` ("t" three, "Ther" there), ASCII case ignored.
bool is_stutter_of(std::string_view fragment, std::string_view word) noexcept;

// Normalization used for every pattern and sentence: normalize_for_matching (NFKC + case folding),
// typographic apostrophes turned into '\'', runs of white space collapsed into one ' ', trimmed.
void normalize_phrase(std::string_view text, std::string& out);

// A set of normalized phrases, each with a value, matched at word boundaries. Immutable after
// compile(); thread-safe to share.
class PhraseMatcher {
 public:
  struct Match {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::uint32_t value = 0;
  };
  // fold_ascii: compare ASCII letters case-insensitively (phrases are then stored lower-cased) and
  // everything else exactly; used on original, unnormalized text.
  explicit PhraseMatcher(bool fold_ascii = false) : fold_ascii_(fold_ascii) {}
  // `phrase` must be normalized (or, with fold_ascii, lower-cased ASCII) and non-empty.
  void add(std::string phrase, std::uint32_t value);
  void compile();
  bool empty() const noexcept { return phrases_.empty(); }

  // The longest phrase matching at exactly `pos` (a code point start) with boundaries at both ends.
  bool longest_at(std::string_view text, std::size_t pos, Match& match) const noexcept;
  // Left-to-right, non-overlapping, longest-first matches; calls on_match(const Match&).
  template <class OnMatch>
  void for_each(std::string_view text, OnMatch&& on_match) const {
    if (phrases_.empty()) return;
    std::size_t pos = 0;
    Match match;
    while (pos < text.size()) {
      // Cheap rejections before the index lookup: an ASCII byte that starts no phrase, or a
      // position inside an ASCII word (never a boundary).
      const auto byte = static_cast<unsigned char>(text[pos]);
      if (byte < 0x80 &&
          (!ascii_first_[byte] ||
           (pos > 0 && is_ascii_alnum(byte) && is_ascii_alnum(static_cast<unsigned char>(text[pos - 1]))))) {
        ++pos;
        continue;
      }
      // A word no phrase starts with is skipped whole.
      if (is_ascii_alnum(byte)) {
        std::size_t run_end = pos;
        if (!may_start_phrase(text, pos, run_end)) {
          pos = run_end;
          continue;
        }
      }
      if (longest_at(text, pos, match)) {
        on_match(match);
        pos = match.end;
        continue;
      }
      std::size_t length = 1;
      decode_at(text, pos, length);
      pos += length;
    }
  }

 private:
  struct Entry {
    char32_t first = 0;
    std::uint32_t phrase = 0;
    // The phrase's first bytes (up to 8) and which of them count: most candidates are rejected
    // with one comparison instead of a memcmp (verb lists hold hundreds of phrases).
    std::uint64_t prefix = 0;
    std::uint64_t mask = 0;
  };
  static bool is_ascii_alnum(unsigned char c) noexcept {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }
  // The run of ASCII letters and digits at `pos` (which starts one) ends at `run_end`; false when no
  // phrase begins with exactly that run. A phrase that matches at `pos` and ends at a boundary
  // begins with the same run, so a filter of the phrases' first runs rejects most words at once.
  bool may_start_phrase(std::string_view text, std::size_t pos, std::size_t& run_end) const noexcept {
    const std::uint32_t bit = first_run_bit(text, pos, run_end);
    return (first_runs_[bit / 64] >> (bit % 64)) & 1u;
  }
  // The filter bit of the run at `pos`: FNV-1a over its bytes, ASCII letters lowered when folding
  // (stored phrases are lowered already, so phrases and text hash alike).
  std::uint32_t first_run_bit(std::string_view text, std::size_t pos, std::size_t& run_end) const noexcept {
    std::uint32_t hash = 2166136261u;
    for (run_end = pos; run_end < text.size() && is_ascii_alnum(static_cast<unsigned char>(text[run_end]));
         ++run_end) {
      hash = (hash ^ static_cast<unsigned char>(text[run_end] | (fold_ascii_ ? 0x20 : 0))) * 16777619u;
    }
    return hash % static_cast<std::uint32_t>(first_runs_.size() * 64);
  }
  bool fold_ascii_ = false;
  std::array<bool, 128> ascii_first_{};  // ASCII bytes that start some phrase (both cases if folded)
  std::array<std::uint64_t, 64> first_runs_{};  // filter of the phrases' leading ASCII letter-digit runs
  std::vector<std::string> phrases_;
  std::vector<std::uint32_t> values_;
  std::vector<Entry> index_;  // sorted by first code point, then phrase length (longest first)
  std::array<std::pair<std::uint32_t, std::uint32_t>, 128> ascii_range_{};  // index_ range per ASCII first byte
};

}  // namespace parley::signals_detail
