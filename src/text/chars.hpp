#pragma once
// Internal interface of the text area (for the areas above it; never installed): the character-level
// helpers of the text pipeline for areas that scan text themselves (terms, signals).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace parley::text_detail {

// Decodes the code point starting at text[i] of valid UTF-8; sets `length` to its byte count.
inline char32_t decode_at(std::string_view text, std::size_t i, std::size_t& length) noexcept {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char lead = b[i];
  if (lead < 0x80) {
    length = 1;
    return lead;
  }
  if (lead < 0xE0 && i + 1 < text.size()) {
    length = 2;
    return (char32_t(lead & 0x1F) << 6) | (b[i + 1] & 0x3F);
  }
  if (lead < 0xF0 && i + 2 < text.size()) {
    length = 3;
    return (char32_t(lead & 0x0F) << 12) | (char32_t(b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
  }
  if (i + 3 < text.size()) {
    length = 4;
    return (char32_t(lead & 0x07) << 18) | (char32_t(b[i + 1] & 0x3F) << 12) |
           (char32_t(b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
  }
  length = 1;
  return 0xFFFD;
}

// Start of the code point that ends at text[end) of valid UTF-8 (end > 0).
inline std::size_t previous_start(std::string_view text, std::size_t end) noexcept {
  std::size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 && end - i < 4) --i;
  return i;
}

// Decodes the code point that ends at text[end) of valid UTF-8; sets `begin` to its first byte.
inline char32_t decode_before(std::string_view text, std::size_t end, std::size_t& begin) noexcept {
  begin = previous_start(text, end);
  std::size_t length = 0;
  return decode_at(text, begin, length);
}

// A character that belongs to a word: a letter, a mark, a number or a connector ("_"). Matching
// checks word boundaries with it; segmentation uses ICU's full rules.
bool is_word_char(char32_t c) noexcept;

// A character of a script written without spaces between words (Han, Hiragana, Katakana, Thai, Lao,
// Khmer, Myanmar), where only a dictionary can tell word boundaries.
bool is_unspaced_script_char(char32_t c) noexcept;

}  // namespace parley::text_detail
