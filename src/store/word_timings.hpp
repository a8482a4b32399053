#pragma once
// Per-word timings of a segment as one BLOB (segments.words): per word, little-endian, i64 start,
// i64 end, f64 confidence (NaN = none), u32 byte length, UTF-8 bytes.
#include <string>
#include <string_view>
#include <vector>

#include "parley/model.hpp"

namespace parley::sqlite {

// Into `out` (replaced).
void encode_words(const std::vector<WordTiming>& words, std::string& out);
// Throws ErrorCode::storage on a malformed blob.
std::vector<WordTiming> decode_words(std::string_view in);

}  // namespace parley::sqlite
