#pragma once
// The text pipeline (SPEC 3). This header is filled in by the text pipeline issue; the UTF-8 check
// below is the one every layer uses.
#include <cstddef>
#include <string>
#include <string_view>

namespace parley {

// Byte offset of the first byte that is not part of a well-formed UTF-8 sequence (overlongs,
// surrogates and code points above U+10FFFF are ill-formed), or std::string_view::npos if the whole
// text is valid.
std::size_t find_invalid_utf8(std::string_view text) noexcept;
inline bool is_valid_utf8(std::string_view text) noexcept {
  return find_invalid_utf8(text) == std::string_view::npos;
}

}  // namespace parley
