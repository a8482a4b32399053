#pragma once
// Normalization that remembers where each output byte came from (private): the term matcher uses
// it to map a hit in normalized text back to the original bytes a UI highlights.
#include <unicode/edits.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "parley/text.hpp"

namespace parley::text_detail {

// normalize_for_matching appending to `out` (the matcher builds one buffer per batch of segments).
void append_normalized(std::string_view text, std::string& out, const NormalizeOptions& options);

// As normalize_for_matching (same output, valid UTF-8 required), recording the edits.
void normalize_with_edits(std::string_view text, const NormalizeOptions& options, std::string& out, icu::Edits& edits);

// Byte range in the original text of the normalized range [begin, end) (end > begin), widened to
// whole edits where a change maps several bytes to several bytes ("ß" -> "ss").
std::pair<std::size_t, std::size_t> source_range(const icu::Edits& edits, std::size_t begin, std::size_t end);

}  // namespace parley::text_detail
