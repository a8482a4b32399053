// Normalization for matching: NFKC + case folding (+ optional accent stripping).
// ICU's NFKC_Casefold normalizer is the hot path (measured several times faster than utf8proc's
// NFKC+casefold); plain ASCII skips ICU entirely; utf8proc classifies characters.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

#include "model/ascii.hpp"
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
    case UTF8PROC_CATEGORY_PC: return true;
    default: return false;
  }
}

bool is_unspaced_script_char(char32_t c) noexcept {
  if (c < 0x0E00) return false;
  // The common blocks without a look-up: CJK unified ideographs, hiragana and katakana letters.
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA))
    return true;
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
    throw Error(ErrorCode::internal,
                std::string("ICU NFKC_Casefold normalizer unavailable: ") + u_errorName(status));
  }
  return *instance;
}

void icu_normalize(const icu::Normalizer2& normalizer, std::string_view text, std::string& out,
                   icu::Edits* edits = nullptr) {
  out.clear();
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size() + text.size() / 8 + 16));
  UErrorCode status = U_ZERO_ERROR;
  normalizer.normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, edits,
                           status);
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
    throw Error(ErrorCode::internal,
                std::string("ICU NFD/NFC normalizer unavailable: ") + u_errorName(status));
  }
  icu::Edits decompose_edits, filter_edits, compose_edits;
  icu_normalize(*nfd, text, scratch, edits ? &decompose_edits : nullptr);
  text.clear();
  std::string_view decomposed = scratch;
  for (std::size_t i = 0; i < decomposed.size();) {
    std::size_t length = 0;
    const char32_t c = text_detail::decode_at(decomposed, i, length);
    const bool mark = c >= 0x300 &&
                      utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_MN &&
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
struct CodePointInfo {
  static constexpr std::uint8_t boundary_before = 1;
  // Boundary before it and normalized to itself (most Han, kana, Arabic, Hebrew and lower-case
  // letters): a run of these is copied as it is.
  static constexpr std::uint8_t unchanged = 2;
  // Normalized to characters of the same byte lengths ("Ü" -> "ü"): offsets stay put.
  static constexpr std::uint8_t same_offsets = 4;
  std::uint16_t offset = 0;  // of its normalized bytes in the block's pool
  std::uint8_t length = 0;   // normalized bytes
  std::uint8_t flags = 0;
};

}  // namespace text_detail

namespace {

using text_detail::CodePointInfo;

// Two texts whose characters start at the same byte offsets ("Ü" and "ü", " ﾞ" and " \u3099", but
// not "Ⅲ" and "iii"): an offset between characters of one is an offset between characters of the
// other, so a change from one to the other needs no mapping.
bool same_layout(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (((static_cast<unsigned char>(a[k]) & 0xC0) == 0x80) !=
        ((static_cast<unsigned char>(b[k]) & 0xC0) == 0x80))
      return false;
  }
  return true;
}

std::size_t code_point_count_of(std::string_view text) noexcept {
  std::size_t count = 0;
  for (const char byte : text) count += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
  return count;
}

// The table of every BMP code point in one flat array (256 KB, built one block of 256 code points at
// a time on first use): a look-up is one load, not a pointer to a block and then the entry.
class CodePointTable {
 public:
  const CodePointInfo& info(char32_t c) {
    if (!built_[c >> 8].load(std::memory_order_acquire)) build_block(c >> 8);
    return info_[c];
  }
  // CodePointInfo::unchanged of a BMP code point, one bit each (8 KB); a block not built yet reads
  // as "not unchanged", which sends the caller to info() (which builds it).
  bool known_unchanged(char32_t c) const noexcept {
    return (unchanged_bits_[c >> 6].load(std::memory_order_acquire) >> (c & 63)) & 1;
  }
  // The normalized bytes of a code point that is not unchanged.
  const char* mapped_bytes(char32_t c) const noexcept { return pools_[c >> 8].data() + info_[c].offset; }

 private:
  [[gnu::noinline]] void build_block(std::size_t index) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (built_[index].load(std::memory_order_relaxed)) return;
    const icu::Normalizer2& normalizer = nfkc_casefold();
    std::string one, mapped, pool;
    for (std::size_t low = 0; low < 256; ++low) {
      const auto c = static_cast<UChar32>((index << 8) | low);
      CodePointInfo& info = info_[static_cast<std::size_t>(c)];
      info.offset = static_cast<std::uint16_t>(pool.size());
      if (c >= 0xD800 && c <= 0xDFFF) {  // surrogates never occur in valid UTF-8
        info.flags = CodePointInfo::boundary_before;
        continue;
      }
      const bool boundary = normalizer.hasBoundaryBefore(c);
      one.clear();
      icu::StringByteSink<std::string> sink(&one);
      icu::UnicodeString(c).toUTF8(sink);
      icu_normalize(normalizer, one, mapped);
      info.length = static_cast<std::uint8_t>(mapped.size());
      info.flags = static_cast<std::uint8_t>((boundary ? CodePointInfo::boundary_before : 0) |
                                             (boundary && mapped == one ? CodePointInfo::unchanged : 0) |
                                             (same_layout(mapped, one) ? CodePointInfo::same_offsets : 0));
      pool += mapped;
    }
    pool.append(4, '\0');  // a mapping of up to four bytes may be copied as four
    pools_[index] = std::move(pool);
    built_[index].store(true, std::memory_order_release);
    for (std::size_t word = 0; word < 4; ++word) {
      std::uint64_t bits = 0;
      for (std::size_t bit = 0; bit < 64; ++bit) {
        if (info_[(index << 8) | (word << 6) | bit].flags & CodePointInfo::unchanged)
          bits |= std::uint64_t{1} << bit;
      }
      unchanged_bits_[(index << 2) | word].store(bits, std::memory_order_release);
    }
  }

  std::mutex mutex_;
  std::array<std::atomic<bool>, 256> built_{};
  std::array<CodePointInfo, 0x10000> info_{};
  std::array<std::atomic<std::uint64_t>, 0x10000 / 64> unchanged_bits_{};
  std::array<std::string, 256> pools_;
};

constinit CodePointTable code_point_table_instance;

inline CodePointTable& code_point_table() { return code_point_table_instance; }

// Decodes one well-formed UTF-8 code point at text[i] (RFC 3629); length 0 if ill-formed.
inline char32_t decode_checked(const unsigned char* b, std::size_t n, std::size_t i,
                               std::size_t& length) noexcept {
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
  if (lead > 0xF4 || i + 3 >= n || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80 ||
      (b[i + 3] & 0xC0) != 0x80) {
    return 0;
  }
  if ((lead == 0xF0 && b[i + 1] < 0x90) || (lead == 0xF4 && b[i + 1] > 0x8F)) return 0;
  length = 4;
  return (char32_t(lead & 0x07) << 18) | (char32_t(b[i + 1] & 0x3F) << 12) |
         (char32_t(b[i + 2] & 0x3F) << 6) | (b[i + 3] & 0x3F);
}

[[noreturn]] void throw_invalid(std::string_view text) {
  throw Error(ErrorCode::invalid_utf8,
              "invalid UTF-8 at byte offset " + std::to_string(find_invalid_utf8(text)));
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
    const std::uint64_t upper =
        ((block + ones * (0x80 - 'A')) ^ (block + ones * (0x80 - 'Z' - 1))) & (ones * 0x80);
    block |= upper >> 2;
    std::memcpy(dest + i, &block, 8);
  }
  for (; i < ascii.size(); ++i) dest[i] = detail::ascii_lower(dest[i]);
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
    last_.info = &code_point_table().info(last_.c);
    last_.boundary_before = (last_.info->flags & CodePointInfo::boundary_before) != 0;
  } else {
    last_.info = nullptr;
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
    if (here.info != nullptr && here.boundary_before) {
      const CodePointInfo& info = *here.info;  // boundary_at() may replace the lookup
      const char32_t c = here.c;
      if (boundary_at(i + length) && (info.flags & CodePointInfo::unchanged)) {
        // Extend over the characters after it that also map to themselves alone.
        std::size_t j = i + length;
        while (j < n && b[j] >= 0x80) {
          const Lookup& next_char = lookup(j);
          if (next_char.info == nullptr || !(next_char.info->flags & CodePointInfo::unchanged)) break;
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
        step.bytes = code_point_table().mapped_bytes(c);
        step.length = info.length;
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

void append_icu_chunk(std::string_view chunk, std::string& out, icu::Edits* edits) {
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  nfkc_casefold().normalizeUTF8(0, icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())), sink,
                                edits, status);
  if (U_FAILURE(status))
    throw Error(ErrorCode::internal, std::string("ICU normalization failed: ") + u_errorName(status));
}

}  // namespace text_detail

namespace {

constexpr std::uint32_t byte_swapped(std::uint32_t word) noexcept {
  return (word >> 24) | ((word >> 8) & 0xFF00) | ((word << 8) & 0xFF0000) | (word << 24);
}

// Lower-cases the ASCII bytes of an eight-byte block and leaves the others as they are: adding
// 0x80 - 'A' to a byte's low seven bits sets its top bit when it is at least 'A', adding
// 0x80 - 'Z' - 1 when it is past 'Z' (no carry between bytes); where exactly one is set and the
// byte itself is ASCII, it is upper case, and that top bit shifted down is the 0x20 to add.
inline std::uint64_t lower_ascii_bytes(std::uint64_t block) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80;
  const std::uint64_t low7 = block & ~high;
  const std::uint64_t upper =
      ((low7 + ones * (0x80 - 'A')) ^ (low7 + ones * (0x80 - 'Z' - 1))) & ~block & high;
  return block | (upper >> 2);
}

// Writes NFKC_Casefold(text) into `out` from offset `at`, validating as it goes; `end` is set to
// the end of what was written, and the bytes of `out` after it (out.size() may be larger) are
// scratch, so a caller that keeps one buffer never pays for zero-filling it again. One pass writes
// each output byte once through a cursor (room for the input plus slack is made up front, more only
// where a character expands): ASCII eight bytes at a time, lower-cased; characters that
// normalize to themselves copied; characters the table maps alone replaced. A character without a
// normalization boundary before it (a combining mark) takes the previous character back and hands
// the sequence to one NfkcStepper step (ICU). Every change that moves character edges (see
// OffsetAnchor) is recorded in `anchors` (offsets relative to where this text starts in `out`).
// Returns true when there is none, so offsets in the output are offsets in the input.
bool write_nfkc_casefold(std::string_view text, std::string& out, std::size_t at,
                         std::vector<text_detail::OffsetAnchor>* anchors, std::size_t& end) {
  const auto* b = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const std::size_t base = at;
  CodePointTable& table = code_point_table();
  // Room for the rest of the input plus this much: a sixteen-byte store never passes the end.
  constexpr std::size_t slack = 32;
  // Only ever grown (the string's capacity grows geometrically), so that a buffer reused for batch
  // after batch zero-fills each byte once; appending callers shrink it back to `end`.
  const auto grow_to = [&](std::size_t size) {
    if (out.size() < size) out.resize(size);
  };
  std::size_t written = base;  // output cursor, as an offset (out.data() moves when out grows)
  grow_to(base + n + slack);
  char* d = out.data() + written;
  std::size_t i = 0;
  const auto make_room = [&](std::size_t extra) {  // after an expansion: keep the slack invariant
    written = static_cast<std::size_t>(d - out.data());
    grow_to(written + (n - i) + slack + extra);
    d = out.data() + written;
  };
  std::size_t anchor_count = 0;
  const std::size_t anchors_before = anchors ? anchors->size() : 0;
  auto add_anchor = [&](std::size_t source_begin, std::size_t source_end, std::size_t destination_begin,
                        std::size_t destination_end) {
    if (anchors) {
      anchors->push_back({static_cast<std::uint32_t>(destination_begin - base),
                          static_cast<std::uint32_t>(destination_end - base),
                          static_cast<std::uint32_t>(source_begin), static_cast<std::uint32_t>(source_end)});
    }
    ++anchor_count;
  };
  // The last character the table mapped (where it starts and ends, its output offset and the
  // anchor count before it), and where the last stepper step ended: a combining mark may take back
  // the character before it, but never reaches into a stepper step (those end on a boundary).
  std::size_t mapped_begin = SIZE_MAX, mapped_end = SIZE_MAX, mapped_written = 0, mapped_anchors = 0;
  std::size_t stepped_to = 0;
  // Input from here on has been written byte for byte (ASCII lower-cased, characters copied), so an
  // input offset past it and the output cursor differ by a constant.
  std::size_t linear_from = 0;
  while (i < n) {
#if defined(__SSE2__)
    // The last bytes of a text of at least sixteen: the sixteen ending there, when the part already
    // written was written byte for byte and the rest is ASCII (it is lower-cased again, unchanged).
    if (i + 16 > n && n >= 16 && n - 16 >= linear_from) {
      const std::size_t back = i - (n - 16);
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + n - 16));
      if ((static_cast<unsigned>(_mm_movemask_epi8(block)) >> back) == 0) {
        const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('A' - 1)),
                                            _mm_cmpgt_epi8(_mm_set1_epi8('Z' + 1), block));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(d - back),
                         _mm_add_epi8(block, _mm_and_si128(upper, _mm_set1_epi8('a' - 'A'))));
        d += n - i;
        i = n;
        break;
      }
    }
    // Sixteen bytes at a time where SSE2 exists (every x86-64): lower-cased and stored whole. When
    // the block also holds two- and three-byte characters that all normalize to themselves (an
    // accented letter in a European sentence, a run of Han, kana, Arabic or Hebrew), it is done in
    // one step too; otherwise the step ends at the first character that needs more.
    if (i + 16 <= n) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
      // Signed compares: non-ASCII bytes are negative, so never counted as 'A'..'Z'.
      const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('A' - 1)),
                                          _mm_cmpgt_epi8(_mm_set1_epi8('Z' + 1), block));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(d),
                       _mm_add_epi8(block, _mm_and_si128(upper, _mm_set1_epi8('a' - 'A'))));
      const auto high = static_cast<unsigned>(_mm_movemask_epi8(block));
      if (high == 0) {
        i += 16;
        d += 16;
        continue;
      }
      // As signed bytes: continuation 0x80..0xBF is below -64, a two-byte lead 0xC2..0xDF is
      // -62..-33, a three-byte lead 0xE0..0xEF is -32..-17.
      const auto continuation =
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(_mm_set1_epi8(-64), block)));
      const auto lead2 = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(
          _mm_cmpgt_epi8(block, _mm_set1_epi8(-63)), _mm_cmpgt_epi8(_mm_set1_epi8(-32), block))));
      const auto lead3 = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(
          _mm_cmpgt_epi8(block, _mm_set1_epi8(-33)), _mm_cmpgt_epi8(_mm_set1_epi8(-16), block))));
      // Three-byte leads E4..E9 start U+4000..U+9FFF (CJK ideographs, Extension A, Yijing
      // hexagrams): none has a decomposition, a case folding or a combining class, so each
      // normalizes to itself with a boundary before it (a test checks every one against ICU).
      const auto han = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(
          _mm_cmpgt_epi8(block, _mm_set1_epi8(-29)), _mm_cmpgt_epi8(_mm_set1_epi8(-22), block))));
      std::size_t done =
          static_cast<std::size_t>(std::countr_zero(high));  // the ASCII before the first other byte
      // Every non-ASCII byte is a lead of two or three bytes or one of its continuations, in order
      // (a sequence may run past the block's end).
      if ((lead2 | lead3 | continuation) == high &&
          continuation == (((lead2 | lead3) << 1 | lead3 << 2) & 0xFFFF)) {
        // Characters cut by the block's end wait for the next step.
        std::size_t whole = 16;
        if (lead2 & 0x8000) whole = 15;
        if (lead3 & 0xC000) whole = std::min<std::size_t>(whole, (lead3 & 0x4000) ? 14 : 15);
        done = whole;
        for (unsigned leads = (lead2 | lead3) & ~han & ((1u << whole) - 1); leads != 0; leads &= leads - 1) {
          const auto at = static_cast<std::size_t>(std::countr_zero(leads));
          const unsigned char* c = b + i + at;
          const char32_t cp = ((lead3 >> at) & 1) ? (char32_t(c[0] & 0x0F) << 12) |
                                                        (char32_t(c[1] & 0x3F) << 6) | (c[2] & 0x3F)
                                                  : (char32_t(c[0] & 0x1F) << 6) | (c[1] & 0x3F);
          // A three-byte form below U+0800 is overlong (ill-formed): left to the checked path.
          if (cp < 0x800 && ((lead3 >> at) & 1)) {
            done = at;
            break;
          }
          if (!table.known_unchanged(cp)) {
            done = at;
            break;
          }
        }
        if (done == 16) {
          i += 16;
          d += 16;
          continue;
        }
      }
      i += done;
      d += done;
      if (b[i] < 0x80) continue;
    } else
#endif
        if (i + 8 <= n) {
      std::uint64_t block;
      std::memcpy(&block, b + i, 8);
      const std::uint64_t lowered = lower_ascii_bytes(block);
      std::memcpy(d, &lowered, 8);
      const std::uint64_t high = block & 0x8080808080808080ULL;
      if (high == 0) {
        i += 8;
        d += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) {
        const auto ascii_bytes = static_cast<std::size_t>(std::countr_zero(high)) / 8;
        i += ascii_bytes;
        d += ascii_bytes;
      } else {
        while (b[i] < 0x80) {
          ++i;
          ++d;
        }
      }
    } else if (b[i] < 0x80) {
      *d++ = detail::ascii_lower(static_cast<char>(b[i]));
      ++i;
      continue;
    }
    // Non-ASCII characters that normalize to themselves (Arabic, Hebrew, Han, kana, accented
    // lower-case letters): copied while they last, each decoded from one four-byte load.
    if (i + 4 <= n) {
      bool more = false;
      do {
        std::uint32_t word;
        std::memcpy(&word, b + i, 4);
        if constexpr (std::endian::native != std::endian::little) word = byte_swapped(word);
        char32_t cp = 0;
        std::size_t bytes = 0;
        if ((word & 0xC0E0) == 0x80C0) {  // two bytes: 110xxxxx 10xxxxxx
          cp = ((word & 0x1F) << 6) | ((word >> 8) & 0x3F);
          bytes = 2;
        } else if ((word & 0xC0C0F0) == 0x8080E0) {  // three bytes: 1110xxxx 10xxxxxx 10xxxxxx
          cp = ((word & 0x0F) << 12) | ((word >> 2) & 0xFC0) | ((word >> 16) & 0x3F);
          bytes = 3;
        }
        // Overlong forms and surrogates decode to code points that are never "unchanged" (below
        // 0x80, below 0x800 in three bytes, U+D800..U+DFFF): the general path rejects them.
        if (bytes == 0 || (bytes == 3 && cp < 0x800) || cp < 0x80 || !table.known_unchanged(cp)) break;
        std::memcpy(d, b + i, 4);
        i += bytes;
        d += bytes;
        more = i + 4 <= n && b[i] >= 0x80;
      } while (more);
      if (i >= n || b[i] < 0x80) continue;
    }
    // A non-ASCII character at i.
    const unsigned char lead = b[i];
    char32_t c = 0;
    std::size_t length = 0;
    if (lead >= 0xC2 && lead < 0xE0 && i + 1 < n && (b[i + 1] & 0xC0) == 0x80) {
      c = (char32_t(lead & 0x1F) << 6) | (b[i + 1] & 0x3F);
      length = 2;
    } else if (lead >= 0xE0 && lead < 0xF0 && i + 2 < n && (b[i + 1] & 0xC0) == 0x80 &&
               (b[i + 2] & 0xC0) == 0x80 && (lead != 0xE0 || b[i + 1] >= 0xA0) &&
               (lead != 0xED || b[i + 1] <= 0x9F)) {
      c = (char32_t(lead & 0x0F) << 12) | (char32_t(b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
      length = 3;
    } else {
      c = decode_checked(b, n, i, length);
      if (length == 0) throw_invalid(text);
    }
    bool boundary = true;
    if (c < 0x10000) {
      const CodePointInfo& info = table.info(c);
      if (info.flags & CodePointInfo::unchanged) {
        d[0] = static_cast<char>(b[i]);
        d[1] = static_cast<char>(b[i + 1]);
        if (length == 3) d[2] = static_cast<char>(b[i + 2]);
        i += length;
        d += length;
        continue;
      }
      boundary = (info.flags & CodePointInfo::boundary_before) != 0;
      if (boundary) {
        if (info.length > length) make_room(info.length - length);
        mapped_begin = i;
        mapped_written = static_cast<std::size_t>(d - out.data());
        mapped_anchors = anchor_count;
        if (info.length <= 4) {
          std::memcpy(d, table.mapped_bytes(c), 4);  // the slack covers the extra bytes
        } else {
          std::memcpy(d, table.mapped_bytes(c), info.length);
        }
        d += info.length;
        i += length;
        mapped_end = linear_from = i;
        if (!(info.flags & CodePointInfo::same_offsets)) {
          add_anchor(mapped_begin, i, mapped_written, static_cast<std::size_t>(d - out.data()));
        }
        continue;
      }
    } else {
      boundary = nfkc_casefold().hasBoundaryBefore(static_cast<UChar32>(c));
    }
    if (!boundary && i > stepped_to) {
      // A combining sequence begins at the previous character: take it back.
      if (mapped_end == i) {
        d = out.data() + mapped_written;
        if (anchors) anchors->resize(anchors_before + mapped_anchors);
        anchor_count = mapped_anchors;
        i = mapped_begin;
      } else {  // ASCII or unchanged: as many output bytes as input bytes
        std::size_t start = i - 1;
        while (start > stepped_to && (b[start] & 0xC0) == 0x80) --start;
        d -= i - start;
        i = start;
      }
    }
    // A combining sequence or a character outside the BMP: one step of the stepper.
    out.resize(static_cast<std::size_t>(d - out.data()));
    text_detail::NfkcStepper stepper(text, i);
    text_detail::NfkcStep step;
    stepper.next(step);
    const std::size_t before = out.size();
    switch (step.kind) {
      case text_detail::NfkcStep::Kind::ascii:
        append_ascii_lower(text.substr(step.source_begin, step.length), out);
        break;
      case text_detail::NfkcStep::Kind::unchanged:
        out.append(text.data() + step.source_begin, step.length);
        break;
      case text_detail::NfkcStep::Kind::mapped: out.append(step.bytes, step.length); break;
      case text_detail::NfkcStep::Kind::chunk: {
        // ICU's finest edits of the sequence: each change that is not one character for one of the
        // same byte length ("ß" -> "ss", marks reordered or composed) becomes an anchor.
        icu::Edits edits;
        text_detail::append_icu_chunk(text.substr(step.source_begin, step.source_end - step.source_begin),
                                      out, &edits);
        UErrorCode status = U_ZERO_ERROR;
        for (icu::Edits::Iterator change = edits.getFineChangesIterator(); change.next(status);) {
          const auto source = static_cast<std::size_t>(change.sourceIndex()) + step.source_begin;
          const auto destination = static_cast<std::size_t>(change.destinationIndex()) + before;
          const auto old_length = static_cast<std::size_t>(change.oldLength());
          const auto new_length = static_cast<std::size_t>(change.newLength());
          const std::string_view from = text.substr(source, old_length),
                                 to = std::string_view(out).substr(destination, new_length);
          if (!same_layout(from, to) || code_point_count_of(from) != 1) {
            add_anchor(source, source + old_length, destination, destination + new_length);
          }
        }
        if (U_FAILURE(status))
          throw Error(ErrorCode::internal, std::string("ICU edits failed: ") + u_errorName(status));
        break;
      }
    }
    if (step.kind == text_detail::NfkcStep::Kind::mapped &&
        !same_layout(std::string_view(out).substr(before),
                     text.substr(step.source_begin, step.source_end - step.source_begin))) {
      add_anchor(step.source_begin, step.source_end, before, out.size());
    }
    stepped_to = linear_from = i = step.source_end;
    d = out.data() + out.size();
    make_room(0);
  }
  end = static_cast<std::size_t>(d - out.data());
  return anchor_count == 0;
}

// Appends NFKC_Casefold(text) to `out` (see write_nfkc_casefold).
bool append_nfkc_casefold(std::string_view text, std::string& out,
                          std::vector<text_detail::OffsetAnchor>* anchors) {
  std::size_t end = 0;
  const bool same_offsets = write_nfkc_casefold(text, out, out.size(), anchors, end);
  out.resize(end);
  return same_offsets;
}

}  // namespace

namespace text_detail {

bool append_normalized(std::string_view text, std::string& out, const NormalizeOptions& options,
                       std::vector<OffsetAnchor>* anchors) {
  if (text.size() > static_cast<std::size_t>(INT32_MAX) / 2) {
    throw Error(ErrorCode::limit_exceeded,
                "text of " + std::to_string(text.size()) + " bytes is too large to normalize (limit 1 GiB)");
  }
  if (!options.strip_accents) return append_nfkc_casefold(text, out, anchors);  // ASCII included
  if (detail::is_ascii(text)) {
    append_ascii_lower(text, out);
    return true;
  }
  std::string normalized, scratch;
  append_nfkc_casefold(text, normalized, nullptr);
  strip_marks(normalized, scratch);
  out += normalized;
  return false;
}

bool write_normalized(std::string_view text, std::string& buffer, std::size_t& used,
                      const NormalizeOptions& options, std::vector<OffsetAnchor>* anchors) {
  if (text.size() > static_cast<std::size_t>(INT32_MAX) / 2) {
    throw Error(ErrorCode::limit_exceeded,
                "text of " + std::to_string(text.size()) + " bytes is too large to normalize (limit 1 GiB)");
  }
  if (!options.strip_accents) return write_nfkc_casefold(text, buffer, used, anchors, used);
  std::string normalized;
  const bool same_offsets = append_normalized(text, normalized, options);
  if (buffer.size() < used + normalized.size()) buffer.resize(used + normalized.size());
  std::memcpy(buffer.data() + used, normalized.data(), normalized.size());
  used += normalized.size();
  return same_offsets;
}

}  // namespace text_detail

void normalize_for_matching(std::string_view text, std::string& out, const NormalizeOptions& options) {
  out.clear();
  text_detail::append_normalized(text, out, options);
}

namespace text_detail {

void normalize_with_edits(std::string_view text, const NormalizeOptions& options, std::string& out,
                          icu::Edits& edits) {
  edits.reset();
  icu_normalize(nfkc_casefold(), text, out, &edits);
  if (options.strip_accents) {
    std::string scratch;
    strip_marks(out, scratch, &edits);
  }
}

std::pair<std::size_t, std::size_t> source_range(const icu::Edits& edits, std::size_t begin,
                                                 std::size_t end) {
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
                                : static_cast<std::size_t>(it.sourceIndex()) +
                                      (end - static_cast<std::size_t>(it.destinationIndex()));
  }
  if (U_FAILURE(status) || source_end < source_begin) {
    throw Error(ErrorCode::internal, "normalized range could not be mapped back to the original text");
  }
  return {source_begin, source_end};
}

struct SourceMapper::Impl {
  Impl(std::string_view original, const NormalizeOptions& options)
      : text(original), use_edits(options.strip_accents), stepper(original) {
    if (use_edits) {
      normalize_with_edits(original, options, scratch, edits);
      iterator.emplace(edits.getFineIterator());
    }
  }
  bool advance();
  std::pair<std::size_t, std::size_t> map(std::size_t begin, std::size_t end);

  std::string_view text;
  bool use_edits = false;  // accent stripping: ICU's recorded edits
  icu::Edits edits;
  std::optional<icu::Edits::Iterator> iterator;
  NfkcStepper stepper;
  NfkcStep step;
  bool started = false;
  std::size_t step_destination_begin = 0;
  std::size_t step_destination_end = 0;
  std::string scratch;
};

SourceMapper::SourceMapper(std::string_view original, const NormalizeOptions& options)
    : impl_(std::make_unique<Impl>(original, options)) {}
SourceMapper::~SourceMapper() = default;
SourceMapper::SourceMapper(SourceMapper&&) noexcept = default;
SourceMapper& SourceMapper::operator=(SourceMapper&&) noexcept = default;

std::pair<std::size_t, std::size_t> SourceMapper::map(std::size_t begin, std::size_t end) {
  return impl_->map(begin, end);
}

bool SourceMapper::Impl::advance() {
  step_destination_begin = step_destination_end;
  if (!stepper.next(step)) return false;
  if (step.kind == NfkcStep::Kind::chunk) {
    scratch.clear();
    append_icu_chunk(text.substr(step.source_begin, step.source_end - step.source_begin), scratch);
    step.length = scratch.size();
  }
  step_destination_end = step_destination_begin + step.length;
  return true;
}

std::pair<std::size_t, std::size_t> SourceMapper::Impl::map(std::size_t begin, std::size_t end) {
  if (use_edits) {
    UErrorCode status = U_ZERO_ERROR;
    std::size_t source_begin = 0, source_end = 0;
    auto& it = *iterator;
    if (!it.findDestinationIndex(static_cast<int32_t>(begin), status)) {
      throw Error(ErrorCode::internal, "normalized range could not be mapped back to the original text");
    }
    source_begin = static_cast<std::size_t>(it.sourceIndex()) +
                   (it.hasChange() ? 0 : begin - static_cast<std::size_t>(it.destinationIndex()));
    if (!it.findDestinationIndex(static_cast<int32_t>(end - 1), status)) {
      throw Error(ErrorCode::internal, "normalized range could not be mapped back to the original text");
    }
    source_end = it.hasChange() ? static_cast<std::size_t>(it.sourceIndex() + it.oldLength())
                                : static_cast<std::size_t>(it.sourceIndex()) +
                                      (end - static_cast<std::size_t>(it.destinationIndex()));
    return {source_begin, source_end};
  }
  if (begin < step_destination_begin) {  // a range before the last one: start again
    stepper = NfkcStepper(text);
    step_destination_begin = step_destination_end = 0;
    started = false;
  }
  auto locate = [&](std::size_t destination) {
    while (!started || step_destination_end <= destination) {
      started = true;
      if (!advance()) throw Error(ErrorCode::internal, "normalized range lies beyond the original text");
    }
  };
  locate(begin);
  // ASCII and unchanged runs have the same bytes on both sides: offsets inside them map one to one.
  const auto linear = [&] {
    return step.kind == NfkcStep::Kind::ascii || step.kind == NfkcStep::Kind::unchanged;
  };
  const std::size_t source_begin =
      linear() ? step.source_begin + (begin - step_destination_begin) : step.source_begin;
  locate(end - 1);
  const std::size_t source_end =
      linear() ? step.source_begin + (end - step_destination_begin) : step.source_end;
  return {source_begin, source_end};
}

}  // namespace text_detail

std::string normalize_for_matching(std::string_view text, const NormalizeOptions& options) {
  std::string out;
  normalize_for_matching(text, out, options);
  return out;
}

}  // namespace parley
