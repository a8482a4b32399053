// Normalization for matching: NFKC + case folding (+ optional accent stripping).
// ICU's NFKC_Casefold normalizer is the hot path (measured several times faster than utf8proc's
// NFKC+casefold); plain ASCII skips ICU entirely; utf8proc classifies characters.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uscript.h>
#include <utf8proc.h>

#include <string>

#include "parley/error.hpp"
#include "parley/text.hpp"
#include "text/chars.hpp"
#include "text/normalize_detail.hpp"

namespace parley {
namespace text_detail {

bool is_word_char(char32_t c) noexcept {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_PC:
      return true;
    default:
      return false;
  }
}

bool is_unspaced_script_char(char32_t c) noexcept {
  if (c < 0x0E00) return false;
  const auto cp = static_cast<UChar32>(c);
  // Script_Extensions, so that the prolonged sound mark "ー" and iteration marks count as kana/Han.
  return uscript_hasScript(cp, USCRIPT_HAN) || uscript_hasScript(cp, USCRIPT_HIRAGANA) ||
         uscript_hasScript(cp, USCRIPT_KATAKANA) || uscript_hasScript(cp, USCRIPT_THAI) ||
         uscript_hasScript(cp, USCRIPT_LAO) || uscript_hasScript(cp, USCRIPT_KHMER) ||
         uscript_hasScript(cp, USCRIPT_MYANMAR);
}

}  // namespace text_detail

namespace {

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || instance == nullptr) {
    throw Error(ErrorCode::internal, std::string("ICU NFKC_Casefold normalizer unavailable: ") + u_errorName(status));
  }
  return *instance;
}

void icu_normalize(const icu::Normalizer2& normalizer, std::string_view text, std::string& out,
                   icu::Edits* edits = nullptr) {
  out.clear();
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size() + text.size() / 8 + 16));
  UErrorCode status = U_ZERO_ERROR;
  normalizer.normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink,
                           edits, status);
  if (U_FAILURE(status)) {
    throw Error(ErrorCode::internal, std::string("ICU normalization failed: ") + u_errorName(status));
  }
}

// Removes nonspacing marks from NFD text and recomposes; keeps the kana voicing marks, which change
// the word ("か" vs "が") rather than accent it.
// With `edits`, records the three steps' edits composed (edits of `text` -> result).
void strip_marks(std::string& text, std::string& scratch, icu::Edits* edits = nullptr) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) {
    throw Error(ErrorCode::internal, std::string("ICU NFD/NFC normalizer unavailable: ") + u_errorName(status));
  }
  icu::Edits decompose_edits, filter_edits, compose_edits;
  icu_normalize(*nfd, text, scratch, edits ? &decompose_edits : nullptr);
  text.clear();
  std::string_view decomposed = scratch;
  for (std::size_t i = 0; i < decomposed.size();) {
    std::size_t length = 0;
    const char32_t c = text_detail::decode_at(decomposed, i, length);
    const bool mark = c >= 0x300 && utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_MN &&
                      c != 0x3099 && c != 0x309A;
    if (!mark) text.append(decomposed.substr(i, length));
    if (edits) {
      if (mark) {
        filter_edits.addReplace(static_cast<int32_t>(length), 0);
      } else {
        filter_edits.addUnchanged(static_cast<int32_t>(length));
      }
    }
    i += length;
  }
  icu_normalize(*nfc, text, scratch, edits ? &compose_edits : nullptr);
  text.swap(scratch);
  if (edits) {
    icu::Edits first_two, first_three;
    first_two.mergeAndAppend(*edits, decompose_edits, status);
    first_three.mergeAndAppend(first_two, filter_edits, status);
    edits->reset();
    edits->mergeAndAppend(first_three, compose_edits, status);
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::internal, std::string("ICU edits merge failed: ") + u_errorName(status));
    }
  }
}

}  // namespace

void normalize_for_matching(std::string_view text, std::string& out, const NormalizeOptions& options) {
  const std::size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    throw Error(ErrorCode::invalid_utf8, "invalid UTF-8 at byte offset " + std::to_string(bad));
  }
  if (text.size() > static_cast<std::size_t>(INT32_MAX) / 2) {
    throw Error(ErrorCode::limit_exceeded,
                "text of " + std::to_string(text.size()) + " bytes is too large to normalize (limit 1 GiB)");
  }
  if (text_detail::is_ascii(text)) {
    out.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) out[i] = text_detail::ascii_lower(text[i]);
    return;
  }
  icu_normalize(nfkc_casefold(), text, out);
  if (options.strip_accents) {
    std::string scratch;
    strip_marks(out, scratch);
  }
}

namespace text_detail {

void normalize_with_edits(std::string_view text, const NormalizeOptions& options, std::string& out, icu::Edits& edits) {
  edits.reset();
  icu_normalize(nfkc_casefold(), text, out, &edits);
  if (options.strip_accents) {
    std::string scratch;
    strip_marks(out, scratch, &edits);
  }
}

std::pair<std::size_t, std::size_t> source_range(const icu::Edits& edits, std::size_t begin, std::size_t end) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Edits::Iterator it = edits.getFineIterator();
  std::size_t source_begin = 0, source_end = 0;
  if (it.findDestinationIndex(static_cast<int32_t>(begin), status)) {
    source_begin = static_cast<std::size_t>(it.sourceIndex()) +
                   (it.hasChange() ? 0 : begin - static_cast<std::size_t>(it.destinationIndex()));
  }
  it = edits.getFineIterator();
  if (it.findDestinationIndex(static_cast<int32_t>(end - 1), status)) {
    source_end = it.hasChange() ? static_cast<std::size_t>(it.sourceIndex() + it.oldLength())
                                : static_cast<std::size_t>(it.sourceIndex()) + (end - static_cast<std::size_t>(it.destinationIndex()));
  }
  if (U_FAILURE(status) || source_end < source_begin) {
    throw Error(ErrorCode::internal, "normalized range could not be mapped back to the original text");
  }
  return {source_begin, source_end};
}

}  // namespace text_detail

std::string normalize_for_matching(std::string_view text, const NormalizeOptions& options) {
  std::string out;
  normalize_for_matching(text, out, options);
  return out;
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const std::size_t bad = find_invalid_utf8(text);
    if (bad == std::string_view::npos) {
      out.append(text);
      break;
    }
    out.append(text.substr(0, bad));
    out.append("\xEF\xBF\xBD");
    // Skip the lead byte and any continuation bytes that cannot start a character.
    std::size_t skip = 1;
    while (bad + skip < text.size() && (static_cast<unsigned char>(text[bad + skip]) & 0xC0) == 0x80 && skip < 4) {
      ++skip;
    }
    text.remove_prefix(bad + skip);
  }
  return out;
}

}  // namespace parley
