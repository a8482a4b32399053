#pragma once
// The lexicon's in-memory form, shared by the loader and the scorer: one contiguous array of
// entries, their terms in one string arena, and an open-addressing hash index over them. Built
// once, read concurrently by any number of scorers.
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/sentiment.hpp"

namespace parley {

// Heterogeneous lookup by string_view in the stem table (no allocation per word).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

struct SentimentLexicon::Impl {
  struct Entry {
    std::uint32_t term_offset = 0;
    std::uint32_t term_length = 0;
    float value = 0;
    SentimentTermKind kind = SentimentTermKind::valence;
    bool placeholder = false;           // only here because a phrase starts with this word
    std::uint8_t phrase_max_words = 0;  // longest phrase (in words) starting with this word, or 0
  };
  static constexpr std::uint32_t npos = 0xFFFFFFFFu;
  static constexpr std::size_t max_phrase_words = 8;

  std::string language;
  bool has_valence_lexicon = false;  // SentimentLexicon::has_valence_lexicon()
  // Attached-word rules, longest first, and the language's settings.
  std::vector<std::string> prefixes;
  std::vector<std::string> suffixes;
  float question_weight = 1;
  bool stem = false;
  bool negation_looks_back = false;  // post_negators act only on what precedes them (Japanese)
  bool has_post_roles = false;  // any post_negator or post_booster term
  // Snowball stem of each single-word valence term -> the mean valence of the terms sharing it
  // (only with the "stem" setting, for languages Snowball knows).
  const char* stemmer_algorithm = nullptr;
  std::unordered_map<std::string, float, StringHash, std::equal_to<>> stem_values;
  std::string arena;
  std::vector<Entry> entries;
  // Per slot: the high 32 bits of the term's hash (a tag that rejects most mismatches without
  // touching the entry) and entry index + 1 in the low 32 bits; 0 = empty. Size a power of two.
  std::vector<std::uint64_t> slots;
  std::uint64_t mask = 0;

  static std::uint64_t hash(const char* data, std::size_t length) noexcept {
    // 64-bit multiply-xorshift over 8-byte chunks: short words cost one or two rounds.
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (length * 0xFF51AFD7ED558CCDull);
    while (length >= 8) {
      std::uint64_t chunk;
      std::memcpy(&chunk, data, 8);
      h = (h ^ chunk) * 0xC2B2AE3D27D4EB4Full;
      h ^= h >> 29;
      data += 8;
      length -= 8;
    }
    if (length > 0) {
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, data, length);
      h = (h ^ chunk) * 0xC2B2AE3D27D4EB4Full;
      h ^= h >> 29;
    }
    h *= 0x94D049BB133111EBull;
    return h ^ (h >> 31);
  }

  std::string_view term(const Entry& entry) const noexcept {
    return std::string_view(arena).substr(entry.term_offset, entry.term_length);
  }

  // Index of the entry for an already-normalized term (placeholders included), or npos.
  std::uint32_t find_index(const char* data, std::size_t length) const noexcept {
    if (slots.empty()) return npos;
    const std::uint64_t h = hash(data, length);
    const std::uint64_t tag = h & 0xFFFFFFFF00000000ull;
    std::uint64_t position = h & mask;
    for (;;) {
      const std::uint64_t slot = slots[position];
      if (slot == 0) return npos;
      if ((slot & 0xFFFFFFFF00000000ull) == tag) {
        const auto index = static_cast<std::uint32_t>(slot) - 1;
        const Entry& entry = entries[index];
        if (entry.term_length == length && std::memcmp(arena.data() + entry.term_offset, data, length) == 0) {
          return index;
        }
      }
      position = (position + 1) & mask;
    }
  }
  std::uint32_t find_index(std::string_view text) const noexcept {
    return find_index(text.data(), text.size());
  }

  // Rebuilds `slots` from `entries` (load factor <= 0.5).
  void build_index();
};

// Case folding and NFKC of one term or word: ASCII is lower-cased in place, anything else goes
// through normalize_for_matching. Appends to `out`.
void append_folded(std::string_view text, std::string& out);

}  // namespace parley
