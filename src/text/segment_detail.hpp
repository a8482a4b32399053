#pragma once
// Test hooks of the word segmenter (private): ICU's answer and the ASCII fast path's answer for the
// same text, so a property test can check that they agree.
#include <string_view>
#include <vector>

#include "parley/text.hpp"

namespace parley::text_detail {

void segment_with_icu_only(std::string_view language, std::string_view text, std::vector<WordToken>& out);
void segment_ascii_fast_path(std::string_view language, std::string_view text, std::vector<WordToken>& out);

}  // namespace parley::text_detail
