#pragma once
// Normalization that remembers where each output byte came from (private): the term matcher uses
// it to map a hit in normalized text back to the original bytes a UI highlights.
#include <unicode/edits.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "parley/text.hpp"

namespace parley::text_detail {

// normalize_for_matching appending to `out` (the matcher builds one buffer per batch of segments).
// Returns true when every character kept its byte length (ASCII, "Ü" -> "ü", unchanged letters):
// then an offset in the appended text is the same offset in `text`, and no mapping is needed.
bool append_normalized(std::string_view text, std::string& out, const NormalizeOptions& options);

// As normalize_for_matching (same output, valid UTF-8 required), recording the edits.
void normalize_with_edits(std::string_view text, const NormalizeOptions& options, std::string& out, icu::Edits& edits);

// Byte range in the original text of the normalized range [begin, end) (end > begin), widened to
// whole edits where a change maps several bytes to several bytes ("ß" -> "ss").
std::pair<std::size_t, std::size_t> source_range(const icu::Edits& edits, std::size_t begin, std::size_t end);

struct CodePointBlock;

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
    const CodePointBlock* block = nullptr;
    bool boundary_before = true;
  };
  const Lookup& lookup(std::size_t i);
  bool boundary_at(std::size_t i);

  std::string_view text_;
  std::size_t position_ = 0;
  Lookup last_;
};

void append_icu_chunk(std::string_view chunk, std::string& out);

// Maps ranges of normalize_for_matching(original) back to the original bytes. Ranges asked for in
// increasing order cost one forward walk over the text in all (a segment's hits arrive so).
class SourceMapper {
 public:
  SourceMapper(std::string_view original, const NormalizeOptions& options);
  SourceMapper(const SourceMapper&) = delete;
  SourceMapper& operator=(const SourceMapper&) = delete;
  std::pair<std::size_t, std::size_t> map(std::size_t begin, std::size_t end);

 private:
  bool advance();

  std::string_view text_;
  bool use_edits_ = false;  // accent stripping: ICU's recorded edits
  icu::Edits edits_;
  std::optional<icu::Edits::Iterator> iterator_;
  NfkcStepper stepper_;
  NfkcStep step_;
  bool started_ = false;
  std::size_t step_destination_begin_ = 0;
  std::size_t step_destination_end_ = 0;
  std::string scratch_;
};

}  // namespace parley::text_detail
