#pragma once
// Private to the text area: the table-driven NFKC_Casefold steps and ICU's edits behind
// normalize_offsets.hpp (the part other areas use).
#include <unicode/edits.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parley/text.hpp"
#include "text/normalize_offsets.hpp"

namespace parley::text_detail {

// As normalize_for_matching (same output, valid UTF-8 required), recording the edits.
void normalize_with_edits(std::string_view text, const NormalizeOptions& options, std::string& out,
                          icu::Edits& edits);

// Byte range in the original text of the normalized range [begin, end) (end > begin), widened to
// whole edits where a change maps several bytes to several bytes ("ß" -> "ss").
std::pair<std::size_t, std::size_t> source_range(const icu::Edits& edits, std::size_t begin, std::size_t end);

struct CodePointInfo;

// One step of the table-driven NFKC_Casefold: a run of ASCII (lower-cased byte for byte), one code
// point mapped through the table, or a combining sequence that ICU normalizes.
struct NfkcStep {
  // unchanged: a run of non-ASCII characters that normalize to themselves (copied as they are).
  enum class Kind : unsigned char { ascii, mapped, unchanged, chunk };
  Kind kind = Kind::ascii;
  std::size_t source_begin = 0;
  std::size_t source_end = 0;
  const char* bytes = nullptr;  // mapped: the code point's normalized bytes
  std::size_t length = 0;       // ascii, mapped and unchanged: output bytes (chunk: unknown, 0)
};

// Walks a text (validating it) in normalization steps; both the normalizer and SourceMapper use it.
class NfkcStepper {
 public:
  explicit NfkcStepper(std::string_view text, std::size_t start = 0);
  bool next(NfkcStep& step);

 private:
  struct Lookup {
    std::size_t at = SIZE_MAX;
    char32_t c = 0;
    std::size_t length = 0;
    const CodePointInfo* info = nullptr;  // BMP code points
    bool boundary_before = true;
  };
  const Lookup& lookup(std::size_t i);
  bool boundary_at(std::size_t i);

  std::string_view text_;
  std::size_t position_ = 0;
  Lookup last_;
};

void append_icu_chunk(std::string_view chunk, std::string& out, icu::Edits* edits = nullptr);

}  // namespace parley::text_detail
