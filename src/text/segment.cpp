// Word segmentation: ICU's word break iterator over UTF-8 (UText, no UTF-16 copy), dictionary-based
// for Chinese, Japanese and Thai; plain ASCII takes a fast path implementing the same rules (UAX #29
// as ICU applies them to ASCII), checked against ICU by a property test.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <climits>
#include <string>

#include "model/ascii.hpp"
#include "parley/error.hpp"
#include "parley/text.hpp"
#include "text/chars.hpp"
#include "text/segment_detail.hpp"

namespace parley {
namespace {

// Word_Break classes of the ASCII characters (UAX #29).
enum class AsciiBreak : unsigned char {
  other,
  letter,
  numeric,
  extend_num_let,
  mid_letter,
  mid_num_let,
  mid_num,
  single_quote
};

// ICU counts "@" as a letter (so "a@b" is one word) and "_" as ExtendNumLet.
constexpr AsciiBreak ascii_break(char c) noexcept {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return AsciiBreak::letter;
  if (c >= '0' && c <= '9') return AsciiBreak::numeric;
  switch (c) {
    case '_': return AsciiBreak::extend_num_let;
    case ':': return AsciiBreak::mid_letter;
    case '.': return AsciiBreak::mid_num_let;
    case ',':
    case ';': return AsciiBreak::mid_num;
    case '\'': return AsciiBreak::single_quote;
    default: return AsciiBreak::other;
  }
}

// WB6/WB7: ALetter x (MidLetter|MidNumLetQ) x ALetter. The colon is MidLetter only in locales that
// tailor it so (Swedish and Finnish "S:t", "EU:n"); the segmenter asks ICU once at construction.
constexpr bool joins_letters(AsciiBreak b, bool colon_joins_letters) noexcept {
  return (b == AsciiBreak::mid_letter && colon_joins_letters) || b == AsciiBreak::mid_num_let ||
         b == AsciiBreak::single_quote;
}
constexpr bool joins_numbers(AsciiBreak b) noexcept {  // WB11/WB12: Numeric x (MidNum|MidNumLetQ) x Numeric
  return b == AsciiBreak::mid_num || b == AsciiBreak::mid_num_let || b == AsciiBreak::single_quote;
}
constexpr bool in_word(AsciiBreak b) noexcept {
  return b == AsciiBreak::letter || b == AsciiBreak::numeric || b == AsciiBreak::extend_num_let;
}

void segment_ascii(std::string_view text, bool colon_joins_letters, std::vector<WordToken>& out) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (!in_word(ascii_break(text[i]))) {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    AsciiBreak last = ascii_break(text[i]);
    ++i;
    while (i < n) {
      const AsciiBreak b = ascii_break(text[i]);
      if (in_word(b)) {
        last = b;
        ++i;
        continue;
      }
      if (i + 1 < n) {
        const AsciiBreak after = ascii_break(text[i + 1]);
        if ((last == AsciiBreak::letter && joins_letters(b, colon_joins_letters) &&
             after == AsciiBreak::letter) ||
            (last == AsciiBreak::numeric && joins_numbers(b) && after == AsciiBreak::numeric)) {
          last = after;
          i += 2;
          continue;
        }
      }
      break;
    }
    // A lone "_" is not a word for ICU (no rule gives it a word status); "__" and "_a" are.
    if (i - begin == 1 && text[begin] == '_') continue;
    out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i)});
  }
}

icu::Locale locale_for(std::string_view language) {
  if (language.empty()) return icu::Locale::getRoot();
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(
      icu::StringPiece(language.data(), static_cast<int32_t>(language.size())), status);
  if (U_FAILURE(status) || locale.isBogus()) {
    throw Error(ErrorCode::invalid_argument,
                "word segmenter: invalid language tag '" + std::string(language) + "'");
  }
  return locale;
}

// One ICU word break iterator for a language, reading UTF-8 through a reused UText.
struct IcuWordBreaker {
  std::string language;
  std::unique_ptr<icu::BreakIterator> words;
  UText text = UTEXT_INITIALIZER;
  bool colon_joins_letters = false;  // this locale's rules keep "a:a" together

  explicit IcuWordBreaker(std::string_view tag) : language(tag) {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(locale_for(tag), status));
    if (U_FAILURE(status) || !words) {
      throw Error(ErrorCode::internal,
                  "word segmenter for '" + language + "': ICU error " + u_errorName(status));
    }
    std::vector<WordToken> probe;
    segment_icu("a:a", probe);
    colon_joins_letters = probe.size() == 1;
  }
  ~IcuWordBreaker() { utext_close(&text); }
  IcuWordBreaker(const IcuWordBreaker&) = delete;
  IcuWordBreaker& operator=(const IcuWordBreaker&) = delete;

  void segment_icu(std::string_view input, std::vector<WordToken>& out) {
    UErrorCode status = U_ZERO_ERROR;
    utext_openUTF8(&text, input.data(), static_cast<int64_t>(input.size()), &status);
    words->setText(&text, status);
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::internal,
                  "word segmenter for '" + language + "': ICU error " + u_errorName(status));
    }
    int32_t begin = words->first();
    for (int32_t end = words->next(); end != icu::BreakIterator::DONE; begin = end, end = words->next()) {
      const int32_t rule = words->getRuleStatus();
      if (rule >= UBRK_WORD_NONE && rule < UBRK_WORD_NONE_LIMIT) continue;
      out.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
    }
    // Detach from the caller's buffer so nothing dangles between calls.
    utext_openUTF8(&text, "", 0, &status);
    words->setText(&text, status);
  }
};

}  // namespace

struct WordSegmenter::Impl {
  explicit Impl(std::string_view language) : icu(language) {}
  IcuWordBreaker icu;
};

WordSegmenter::WordSegmenter(std::string_view language) : impl_(std::make_unique<Impl>(language)) {}
WordSegmenter::~WordSegmenter() = default;
WordSegmenter::WordSegmenter(WordSegmenter&&) noexcept = default;
WordSegmenter& WordSegmenter::operator=(WordSegmenter&&) noexcept = default;

void WordSegmenter::segment(std::string_view text, std::vector<WordToken>& out) {
  out.clear();
  if (!impl_) throw Error(ErrorCode::invalid_argument, "word segmenter: used after being moved from");
  if (text.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw Error(ErrorCode::limit_exceeded,
                "word segmenter: text of " + std::to_string(text.size()) + " bytes exceeds the 2 GiB limit");
  }
  if (detail::is_ascii(text)) {
    segment_ascii(text, impl_->icu.colon_joins_letters, out);
    return;
  }
  const std::size_t bad = find_invalid_utf8(text);
  if (bad != std::string_view::npos) {
    throw Error(ErrorCode::invalid_utf8,
                "word segmenter: invalid UTF-8 at byte offset " + std::to_string(bad));
  }
  impl_->icu.segment_icu(text, out);
}

std::size_t WordSegmenter::count_words(std::string_view text) {
  // A per-thread buffer keeps counting allocation-free after the first call of a given size.
  thread_local std::vector<WordToken> tokens;
  segment(text, tokens);
  return tokens.size();
}

namespace text_detail {

void segment_with_icu_only(std::string_view language, std::string_view text, std::vector<WordToken>& out) {
  IcuWordBreaker icu(language);
  out.clear();
  icu.segment_icu(text, out);
}

void segment_ascii_fast_path(std::string_view language, std::string_view text, std::vector<WordToken>& out) {
  IcuWordBreaker icu(language);
  out.clear();
  segment_ascii(text, icu.colon_joins_letters, out);
}

}  // namespace text_detail

}  // namespace parley
