#pragma once
// UTF-8 validation and repair: the model's one rule for what is text (validate_call rejects the
// rest), on which the text pipeline (text.hpp) builds.
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

// A copy of `text` with every ill-formed UTF-8 sequence replaced by U+FFFD (the explicit option for
// hosts that prefer repair to rejection). Valid text is returned unchanged.
std::string repair_utf8(std::string_view text);

}  // namespace parley
