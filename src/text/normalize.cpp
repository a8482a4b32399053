// Normalization for matching: NFKC + case folding (+ optional accent stripping).
// ICU's NFKC_Casefold normalizer is the hot path (measured several times faster than utf8proc's
// NFKC+casefold); plain ASCII skips ICU entirely; utf8proc classifies characters.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <utf8proc.h>

#include <array>
#include <atomic>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
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

namespace text_detail {

// NFKC_Casefold of each BMP code point taken alone, and whether it has a normalization boundary
// before it, built lazily per block of 256 code points from ICU. Between two boundaries the text
// normalizes independently, so a code point with boundaries before it and after it (before the next
// one) maps through the table; anything else (combining sequences) goes to ICU in one chunk.
struct CodePointBlock {
  std::array<std::uint16_t, 256> offset{};
  std::array<std::uint8_t, 256> length{};
  std::array<bool, 256> boundary_before{};
  // Boundary before it and normalized to itself (most Han, kana, Arabic, Hebrew and lower-case
  // letters): a run of these is copied as it is.
  std::array<bool, 256> unchanged{};
  std::string pool;
};

}  // namespace text_detail

namespace {

using text_detail::CodePointBlock;

class CodePointTable {
 public:
  const CodePointBlock& block(char32_t c) {
    const std::size_t index = c >> 8;
    const CodePointBlock* ready = ready_[index].load(std::memory_order_acquire);
    if (ready != nullptr) return *ready;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!blocks_[index]) {
      blocks_[index] = build(index);
      ready_[index].store(blocks_[index].get(), std::memory_order_release);
    }
    return *blocks_[index];
  }

 private:
  static std::unique_ptr<CodePointBlock> build(std::size_t index) {
    auto block = std::make_unique<CodePointBlock>();
    const icu::Normalizer2& normalizer = nfkc_casefold();
    std::string one, mapped;
    for (std::size_t low = 0; low < 256; ++low) {
      const auto c = static_cast<UChar32>((index << 8) | low);
      block->offset[low] = static_cast<std::uint16_t>(block->pool.size());
      if (c >= 0xD800 && c <= 0xDFFF) {  // surrogates never occur in valid UTF-8
        block->boundary_before[low] = true;
        continue;
      }
      block->boundary_before[low] = normalizer.hasBoundaryBefore(c);
      one.clear();
      icu::StringByteSink<std::string> sink(&one);
      icu::UnicodeString(c).toUTF8(sink);
      icu_normalize(normalizer, one, mapped);
      block->length[low] = static_cast<std::uint8_t>(mapped.size());
      block->unchanged[low] = block->boundary_before[low] && mapped == one;
      block->pool += mapped;
    }
    return block;
  }

  std::mutex mutex_;
  std::array<std::atomic<const CodePointBlock*>, 256> ready_{};
  std::array<std::unique_ptr<CodePointBlock>, 256> blocks_;
};

CodePointTable& code_point_table() {
  static CodePointTable table;
  return table;
}

// Decodes one well-formed UTF-8 code point at text[i] (RFC 3629); length 0 if ill-formed.
inline char32_t decode_checked(const unsigned char* b, std::size_t n, std::size_t i, std::size_t& length) noexcept {
  const unsigned char lead = b[i];
  length = 0;
  if (lead < 0xC2) return 0;
  if (lead < 0xE0) {
    if (i + 1 >= n || (b[i + 1] & 0xC0) != 0x80) return 0;
    length = 2;
    return (char32_t(lead & 0x1F) << 6) | (b[i + 1] & 0x3F);
  }
  if (lead < 0xF0) {
    if (i + 2 >= n || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80) return 0;
    if ((lead == 0xE0 && b[i + 1] < 0xA0) || (lead == 0xED && b[i + 1] > 0x9F)) return 0;
    length = 3;
    return (char32_t(lead & 0x0F) << 12) | (char32_t(b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
  }
  if (lead > 0xF4 || i + 3 >= n || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80 || (b[i + 3] & 0xC0) != 0x80) {
    return 0;
  }
  if ((lead == 0xF0 && b[i + 1] < 0x90) || (lead == 0xF4 && b[i + 1] > 0x8F)) return 0;
  length = 4;
  return (char32_t(lead & 0x07) << 18) | (char32_t(b[i + 1] & 0x3F) << 12) | (char32_t(b[i + 2] & 0x3F) << 6) |
         (b[i + 3] & 0x3F);
}

[[noreturn]] void throw_invalid(std::string_view text) {
  throw Error(ErrorCode::invalid_utf8, "invalid UTF-8 at byte offset " + std::to_string(find_invalid_utf8(text)));
}

void append_ascii_lower(std::string_view ascii, std::string& out) {
  const std::size_t at = out.size();
  out.append(ascii);  // copy, then lower-case in place (no zero fill first)
  char* dest = out.data() + at;
  std::size_t i = 0;
  // Eight bytes at a time: for ASCII bytes, adding 0x80 - 'A' sets a byte's top bit when it is at
  // least 'A', adding 0x80 - 'Z' - 1 when it is past 'Z' (no carry between bytes); where exactly one
  // is set the byte is upper case, and that top bit shifted down is the 0x20 to add.
  for (; i + 8 <= ascii.size(); i += 8) {
    std::uint64_t block;
    std::memcpy(&block, dest + i, 8);
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    const std::uint64_t upper = ((block + ones * (0x80 - 'A')) ^ (block + ones * (0x80 - 'Z' - 1))) & (ones * 0x80);
    block |= upper >> 2;
    std::memcpy(dest + i, &block, 8);
  }
  for (; i < ascii.size(); ++i) {
    const char c = dest[i];
    dest[i] = static_cast<char>(c + ((c >= 'A' && c <= 'Z') ? 32 : 0));
  }
}

}  // namespace

namespace text_detail {

NfkcStepper::NfkcStepper(std::string_view text, std::size_t start) : text_(text), position_(start) {}

const NfkcStepper::Lookup& NfkcStepper::lookup(std::size_t i) {
  if (last_.at == i) return last_;
  const auto* b = reinterpret_cast<const unsigned char*>(text_.data());
  last_.at = i;
  last_.c = decode_checked(b, text_.size(), i, last_.length);
  if (last_.length == 0) throw_invalid(text_);
  if (last_.c < 0x10000) {
    last_.block = &code_point_table().block(last_.c);
    last_.boundary_before = last_.block->boundary_before[last_.c & 0xFF];
  } else {
    last_.block = nullptr;
    last_.boundary_before = nfkc_casefold().hasBoundaryBefore(static_cast<UChar32>(last_.c));
  }
  return last_;
}

bool NfkcStepper::boundary_at(std::size_t i) {
  return i >= text_.size() || static_cast<unsigned char>(text_[i]) < 0x80 || lookup(i).boundary_before;
}

bool NfkcStepper::next(NfkcStep& step) {
  const auto* b = reinterpret_cast<const unsigned char*>(text_.data());
  const std::size_t n = text_.size();
  std::size_t i = position_;
  if (i >= n) return false;
  step.source_begin = i;
  if (b[i] < 0x80) {
    std::size_t j = i + 1;
    while (j + 8 <= n) {
      std::uint64_t block;
      std::memcpy(&block, b + j, 8);
      if (block & 0x8080808080808080ULL) break;
      j += 8;
    }
    while (j < n && b[j] < 0x80) ++j;
    // The run's last character may combine with a mark that follows it.
    if (j < n && !boundary_at(j)) --j;
    if (j > i) {
      step.kind = NfkcStep::Kind::ascii;
      step.source_end = position_ = j;
      step.length = j - i;
      return true;
    }
    // A lone ASCII letter before a combining mark: a chunk below.
  }
  std::size_t length = 1;
  if (b[i] >= 0x80) {
    const Lookup& here = lookup(i);
    length = here.length;
    if (here.block != nullptr && here.boundary_before) {
      const CodePointBlock& block = *here.block;
      const std::size_t low = here.c & 0xFF;
      if (boundary_at(i + length) && block.unchanged[low]) {
        // Extend over the characters after it that also map to themselves alone.
        std::size_t j = i + length;
        while (j < n && b[j] >= 0x80) {
          const Lookup& next_char = lookup(j);
          if (next_char.block == nullptr || !next_char.block->unchanged[next_char.c & 0xFF]) break;
          const std::size_t next_length = next_char.length;  // boundary_at() may replace the lookup
          if (!boundary_at(j + next_length)) break;
          j += next_length;
        }
        step.kind = NfkcStep::Kind::unchanged;
        step.source_end = position_ = j;
        step.length = j - i;
        return true;
      }
      if (boundary_at(i + length)) {
        step.kind = NfkcStep::Kind::mapped;
        step.source_end = position_ = i + length;
        step.bytes = block.pool.data() + block.offset[low];
        step.length = block.length[low];
        return true;
      }
    }
  }
  // A combining sequence: up to the next boundary, for ICU.
  std::size_t j = i + length;
  while (!boundary_at(j)) j += lookup(j).length;
  step.kind = NfkcStep::Kind::chunk;
  step.source_end = position_ = j;
  step.length = 0;
  return true;
}

void append_icu_chunk(std::string_view chunk, std::string& out) {
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  nfkc_casefold().normalizeUTF8(0, icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())), sink, nullptr,
                                status);
  if (U_FAILURE(status)) throw Error(ErrorCode::internal, std::string("ICU normalization failed: ") + u_errorName(status));
}

}  // namespace text_detail

namespace {

// Appends NFKC_Casefold(text) to `out`, validating as it goes. The common cases are inlined here:
// ASCII runs, and runs of characters the table maps alone (copied in bulk when unchanged); anything
// else takes one NfkcStepper step. Returns true when every character kept its byte length, so
// offsets in the output are offsets in the input.
bool append_nfkc_casefold(std::string_view text, std::string& out) {
  bool same_offsets = true;
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  CodePointTable& table = code_point_table();
  std::size_t i = 0;
  std::size_t copy_from = 0;  // start of the pending run of unchanged characters [copy_from, i)
  auto flush = [&] {
    if (i > copy_from) out.append(text.data() + copy_from, i - copy_from);
  };
  // The code point after the current one, decoded while checking for a boundary before it.
  std::size_t next_at = SIZE_MAX, next_length = 0;
  char32_t next_c = 0;
  while (i < n) {
    if (b[i] < 0x80) {
      // An ASCII run: without capitals it joins the pending run of unchanged bytes (copied once,
      // later); with them it is copied lower-cased now.
      constexpr std::uint64_t ones = 0x0101010101010101ULL;
      std::uint64_t capitals = 0;  // top bit of a byte set where the byte is 'A'..'Z'
      std::size_t j = i;
      while (j + 8 <= n) {
        std::uint64_t block;
        std::memcpy(&block, b + j, 8);
        if (block & (ones * 0x80)) break;
        capitals |= (block + ones * (0x80 - 'A')) ^ (block + ones * (0x80 - 'Z' - 1));
        j += 8;
      }
      while (j < n && b[j] < 0x80) {
        capitals |= (b[j] >= 'A' && b[j] <= 'Z') ? 0x80 : 0;
        ++j;
      }
      bool boundary = true;
      if (j < n) {
        next_c = decode_checked(b, n, j, next_length);
        if (next_length == 0) throw_invalid(text);
        next_at = j;
        boundary = next_c < 0x10000 ? table.block(next_c).boundary_before[next_c & 0xFF]
                                    : nfkc_casefold().hasBoundaryBefore(static_cast<UChar32>(next_c));
      }
      if (!boundary) --j;  // the run's last letter combines with the mark after it
      if (capitals & (ones * 0x80)) {
        flush();
        append_ascii_lower(text.substr(i, j - i), out);
        copy_from = j;
      }
      i = j;
      if (boundary) continue;
      flush();
    } else {
      std::size_t length = 0;
      char32_t c = 0;
      if (next_at == i) {
        c = next_c;
        length = next_length;
      } else {
        c = decode_checked(b, n, i, length);
        if (length == 0) throw_invalid(text);
      }
      if (c < 0x10000) {
        const CodePointBlock& block = table.block(c);
        const std::size_t low = c & 0xFF;
        if (block.boundary_before[low]) {
          const std::size_t k = i + length;
          bool boundary_after = true;
          if (k < n && b[k] >= 0x80) {
            next_c = decode_checked(b, n, k, next_length);
            if (next_length == 0) throw_invalid(text);
            next_at = k;
            boundary_after = next_c < 0x10000 ? table.block(next_c).boundary_before[next_c & 0xFF]
                                              : nfkc_casefold().hasBoundaryBefore(static_cast<UChar32>(next_c));
          }
          if (boundary_after) {
            if (!block.unchanged[low]) {
              flush();
              out.append(block.pool, block.offset[low], block.length[low]);
              same_offsets = same_offsets && block.length[low] == length;
              copy_from = k;
            }
            i = k;
            continue;
          }
        }
      }
      flush();
    }
    // Anything else (a combining sequence, a character outside the BMP): one step of the stepper.
    text_detail::NfkcStepper stepper(text, i);
    text_detail::NfkcStep step;
    stepper.next(step);
    switch (step.kind) {
      case text_detail::NfkcStep::Kind::ascii:
        append_ascii_lower(text.substr(step.source_begin, step.length), out);
        break;
      case text_detail::NfkcStep::Kind::unchanged:
        out.append(text.data() + step.source_begin, step.length);
        break;
      case text_detail::NfkcStep::Kind::mapped:
        out.append(step.bytes, step.length);
        same_offsets = same_offsets && step.length == step.source_end - step.source_begin;
        break;
      case text_detail::NfkcStep::Kind::chunk: {
        const std::size_t before = out.size();
        text_detail::append_icu_chunk(text.substr(step.source_begin, step.source_end - step.source_begin), out);
        same_offsets = same_offsets && out.size() - before == step.source_end - step.source_begin;
        break;
      }
    }
    copy_from = i = step.source_end;
  }
  flush();
  return same_offsets;
}

}  // namespace

namespace text_detail {

bool append_normalized(std::string_view text, std::string& out, const NormalizeOptions& options) {
  if (text.size() > static_cast<std::size_t>(INT32_MAX) / 2) {
    throw Error(ErrorCode::limit_exceeded,
                "text of " + std::to_string(text.size()) + " bytes is too large to normalize (limit 1 GiB)");
  }
  if (is_ascii(text)) {
    append_ascii_lower(text, out);
    return true;
  }
  if (!options.strip_accents) return append_nfkc_casefold(text, out);
  std::string normalized, scratch;
  append_nfkc_casefold(text, normalized);
  strip_marks(normalized, scratch);
  out += normalized;
  return false;
}

}  // namespace text_detail

void normalize_for_matching(std::string_view text, std::string& out, const NormalizeOptions& options) {
  out.clear();
  text_detail::append_normalized(text, out, options);
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

SourceMapper::SourceMapper(std::string_view original, const NormalizeOptions& options)
    : text_(original), use_edits_(options.strip_accents), stepper_(original) {
  if (use_edits_) {
    normalize_with_edits(original, options, scratch_, edits_);
    iterator_.emplace(edits_.getFineIterator());
  }
}

bool SourceMapper::advance() {
  step_destination_begin_ = step_destination_end_;
  if (!stepper_.next(step_)) return false;
  if (step_.kind == NfkcStep::Kind::chunk) {
    scratch_.clear();
    append_icu_chunk(text_.substr(step_.source_begin, step_.source_end - step_.source_begin), scratch_);
    step_.length = scratch_.size();
  }
  step_destination_end_ = step_destination_begin_ + step_.length;
  return true;
}

std::pair<std::size_t, std::size_t> SourceMapper::map(std::size_t begin, std::size_t end) {
  if (use_edits_) {
    UErrorCode status = U_ZERO_ERROR;
    std::size_t source_begin = 0, source_end = 0;
    auto& it = *iterator_;
    if (!it.findDestinationIndex(static_cast<int32_t>(begin), status)) {
      throw Error(ErrorCode::internal, "normalized range could not be mapped back to the original text");
    }
    source_begin = static_cast<std::size_t>(it.sourceIndex()) +
                   (it.hasChange() ? 0 : begin - static_cast<std::size_t>(it.destinationIndex()));
    if (!it.findDestinationIndex(static_cast<int32_t>(end - 1), status)) {
      throw Error(ErrorCode::internal, "normalized range could not be mapped back to the original text");
    }
    source_end = it.hasChange() ? static_cast<std::size_t>(it.sourceIndex() + it.oldLength())
                                : static_cast<std::size_t>(it.sourceIndex()) + (end - static_cast<std::size_t>(it.destinationIndex()));
    return {source_begin, source_end};
  }
  if (begin < step_destination_begin_) {  // a range before the last one: start again
    stepper_ = NfkcStepper(text_);
    step_destination_begin_ = step_destination_end_ = 0;
    started_ = false;
  }
  auto locate = [&](std::size_t destination) {
    while (!started_ || step_destination_end_ <= destination) {
      started_ = true;
      if (!advance()) throw Error(ErrorCode::internal, "normalized range lies beyond the original text");
    }
  };
  locate(begin);
  // ASCII and unchanged runs have the same bytes on both sides: offsets inside them map one to one.
  const auto linear = [&] { return step_.kind == NfkcStep::Kind::ascii || step_.kind == NfkcStep::Kind::unchanged; };
  const std::size_t source_begin = linear() ? step_.source_begin + (begin - step_destination_begin_) : step_.source_begin;
  locate(end - 1);
  const std::size_t source_end = linear() ? step_.source_begin + (end - step_destination_begin_) : step_.source_end;
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
