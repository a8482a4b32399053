#pragma once
// Internal interface of the text area (for the areas above it; never installed): normalization that
// remembers where each output byte came from, so that a hit found in normalized text maps back to
// the original bytes a UI highlights (the term matcher's batches).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/text.hpp"

namespace parley::text_detail {

// A step of normalization after which offsets no longer match one to one: a character whose
// normalized form puts character edges elsewhere ("ß" -> "ss", "，" -> ",", "ﬁ" -> "fi"), or one of
// ICU's finest changes inside a combining sequence ("e" + U+0301 -> "é"). Offsets in the normalized
// text inside [destination_begin, destination_end) come from the whole source range; offsets after
// it shift by the difference. Characters that only change their bytes ("Ü" -> "ü") need none.
struct OffsetAnchor {
  std::uint32_t destination_begin = 0;  // in the normalized text
  std::uint32_t destination_end = 0;
  std::uint32_t source_begin = 0;  // in the original text
  std::uint32_t source_end = 0;
};

// normalize_for_matching appending to `out` (the matcher builds one buffer per batch of segments).
// Returns true when no anchor was needed (ASCII, "Ü" -> "ü", unchanged letters): then an offset in
// the appended text is the same offset in `text`. Otherwise, without accent stripping, appends to
// `anchors` (when given) the anchors of `text` in order, with destination offsets relative to where
// `text` starts in `out`, so that map_with_anchors maps hits back without walking the text again
// (with accent stripping, use SourceMapper).
bool append_normalized(std::string_view text, std::string& out, const NormalizeOptions& options,
                       std::vector<OffsetAnchor>* anchors = nullptr);

// As append_normalized, but writing at offset `used` of `buffer` and advancing `used`; the bytes of
// `buffer` after `used` are scratch (buffer.size() may be larger), so a buffer reused for batch after
// batch is never zero-filled again.
bool write_normalized(std::string_view text, std::string& buffer, std::size_t& used,
                      const NormalizeOptions& options, std::vector<OffsetAnchor>* anchors = nullptr);

// The original byte range of the normalized range [begin, end) (end > begin) of a text whose
// anchors append_normalized recorded: an edge inside an anchor widens to the anchor's source, so the
// range covers at least what ICU's finest edits give.
inline std::pair<std::size_t, std::size_t> map_with_anchors(std::span<const OffsetAnchor> anchors,
                                                            std::size_t begin, std::size_t end) noexcept {
  // The last anchor starting at or before `at` (anchors are in order and do not overlap).
  const auto last_at_or_before = [&](std::size_t at) -> const OffsetAnchor* {
    std::size_t low = 0, high = anchors.size();
    while (low < high) {
      const std::size_t middle = (low + high) / 2;
      if (anchors[middle].destination_begin <= at) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low == 0 ? nullptr : &anchors[low - 1];
  };
  std::size_t source_begin = begin, source_end = end;
  if (const OffsetAnchor* a = last_at_or_before(begin)) {
    source_begin =
        begin < a->destination_end ? a->source_begin : a->source_end + (begin - a->destination_end);
  }
  if (const OffsetAnchor* a = last_at_or_before(end - 1)) {
    source_end = end - 1 < a->destination_end ? a->source_end : a->source_end + (end - a->destination_end);
  }
  return {source_begin, source_end};
}

// Maps ranges of normalize_for_matching(original) back to the original bytes. Ranges asked for in
// increasing order cost one forward walk over the text in all (a segment's hits arrive so).
class SourceMapper {
 public:
  SourceMapper(std::string_view original, const NormalizeOptions& options);
  ~SourceMapper();
  SourceMapper(SourceMapper&&) noexcept;
  SourceMapper& operator=(SourceMapper&&) noexcept;
  std::pair<std::size_t, std::size_t> map(std::size_t begin, std::size_t end);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::text_detail
