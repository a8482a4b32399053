#pragma once
// The text pipeline: UTF-8 validation (utf8.hpp, included), normalization for matching and word
// segmentation (docs/text.md). Every layer that reads text goes through these functions.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/utf8.hpp"

namespace parley {

// Whether `tag` is a well-formed BCP 47 language tag ("en", "pt-BR", "zh-Hant-TW"; '_' is accepted
// for '-') whose primary language subtag is an ISO 639 code ICU knows. Options that name a language
// are checked with it.
bool is_known_language_tag(std::string_view tag) noexcept;

// Options of normalize_for_matching.
struct NormalizeOptions {
  bool strip_accents = false;  // also remove combining marks after decomposition ("café" -> "cafe")
};

// NFKC + case folding (+ optional accent stripping) of valid UTF-8; throws
// Error(ErrorCode::invalid_utf8) naming the byte offset otherwise. Plain ASCII takes a fast path.
std::string normalize_for_matching(std::string_view text, const NormalizeOptions& options = {});
// Same, writing into `out` (replaced, its storage reused) for hot loops.
void normalize_for_matching(std::string_view text, std::string& out, const NormalizeOptions& options = {});

// One word of a text: byte offsets [begin, end) into the text that was segmented.
struct WordToken {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

// Word segmentation by ICU's word break rules for a language (BCP 47 tag), dictionary-based
// for Chinese and Japanese. Words are letters, numbers, ideographs and kana runs; spaces and
// punctuation are not words. Not thread-safe: one segmenter per thread (it owns ICU iterators).
class WordSegmenter {
 public:
  explicit WordSegmenter(std::string_view language);
  ~WordSegmenter();
  WordSegmenter(WordSegmenter&&) noexcept;
  WordSegmenter& operator=(WordSegmenter&&) noexcept;

  // Replaces `out` with the words of `text` (valid UTF-8), reusing its storage.
  void segment(std::string_view text, std::vector<WordToken>& out);
  std::size_t count_words(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley
