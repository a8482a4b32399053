// Language tags that options name: well-formed BCP 47 with a primary subtag ICU knows.
#include <unicode/uloc.h>

#include <cstring>

#include "parley/text.hpp"

namespace parley {

bool is_known_language_tag(std::string_view tag) noexcept {
  // Subtags of 1 to 8 ASCII letters or digits; the first, the language, of 2 or 3 letters.
  char primary[4] = {};
  std::size_t subtag_start = 0;
  bool first = true;
  for (std::size_t i = 0; i <= tag.size(); ++i) {
    if (i == tag.size() || tag[i] == '-' || tag[i] == '_') {
      const std::size_t length = i - subtag_start;
      if (length == 0 || length > 8 || (first && length < 2) || (first && length > 3)) return false;
      first = false;
      subtag_start = i + 1;
      continue;
    }
    const char c = tag[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool digit = c >= '0' && c <= '9';
    if (first) {
      if (!letter || i >= 3) return false;
      primary[i] = static_cast<char>(c | 0x20);  // ASCII lower case
    } else if (!letter && !digit) {
      return false;
    }
  }
  for (const char* const* code = uloc_getISOLanguages(); *code != nullptr; ++code) {
    if (std::strcmp(*code, primary) == 0) return true;
  }
  return false;
}

}  // namespace parley
