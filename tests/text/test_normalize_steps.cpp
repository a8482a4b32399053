// The normalizer's fast paths (sixteen-byte steps, the overlapping last step, runs of characters that
// normalize to themselves, table-mapped characters, combining sequences handed to ICU) against ICU's
// whole-text NFKC_Casefold, and the offset anchors it records against ICU's finest edits.
#include <doctest/doctest.h>
#include <unicode/edits.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "parley/error.hpp"
#include "parley/text.hpp"
#include "text/normalize_detail.hpp"

namespace {

using parley::text_detail::OffsetAnchor;
using Range = std::pair<std::size_t, std::size_t>;

// Random text that exercises every step: ASCII runs of any length and case (so blocks of sixteen
// bytes end anywhere), two- and three-byte letters that normalize to themselves or not, characters
// cut by a block's end, combining marks after ASCII and after other letters, fullwidth and halfwidth
// forms, ligatures, ß, final sigma, dotted I, a soft hyphen (removed), an emoji, Hangul jamo.
std::string random_text(std::mt19937& rng, std::size_t pieces) {
  static const std::vector<std::string> others{
      "\xC3\xA9",     "\xC3\x89",         "\xC3\x9F",     "\xC3\xB6",     "\xC3\x9C",     "\xCE\xA3",
      "\xCF\x82",     "\xD0\x94",         "\xD0\xB4",     "\xD9\x85",     "\xD9\x8F",     "\xD7\xA9",
      "\xD7\x81",     "\xE5\x8D\x8E",     "\xE4\xB8\xBA", "\xE3\x82\xB3", "\xE3\x83\xBC", "\xE3\x80\x82",
      "\xEF\xBC\x8C", "\xEF\xBC\xA1",     "\xEF\xBD\xB6", "\xEF\xBE\x9E", "\xEF\xAC\x81", "\xC4\xB0",
      "\xC2\xAD",     "\xCC\x81",         "\xCC\xA3",     "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8",
      "\xE2\x85\xA2", "\xF0\x9F\x98\x80", "\xC2\xA0",     "\xE2\x84\xAB"};
  std::uniform_int_distribution<std::size_t> pick(0, others.size() - 1), run(0, 20), ascii(32, 126);
  std::string text;
  for (std::size_t p = 0; p < pieces; ++p) {
    if (rng() % 3 != 0) {
      for (std::size_t k = run(rng); k > 0; --k) text += static_cast<char>(ascii(rng));
    } else {
      text += others[pick(rng)];
    }
  }
  return text;
}

std::string icu_nfkc_casefold(const std::string& text) {
  std::string out;
  icu::Edits edits;
  parley::text_detail::normalize_with_edits(text, {}, out, edits);
  return out;
}

}  // namespace

TEST_CASE("property: long mixed text normalizes exactly like ICU's whole-text NFKC_Casefold") {
  std::mt19937 rng(2024);
  std::string fast;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = random_text(rng, 1 + static_cast<std::size_t>(rng() % 40));
    parley::normalize_for_matching(text, fast);
    CAPTURE(text);
    REQUIRE(fast == icu_nfkc_casefold(text));
  }
}

TEST_CASE(
    "property: writing at an offset of a reused buffer leaves what is before it and equals a fresh "
    "normalization") {
  // The matcher writes segment after segment into one buffer whose bytes after the cursor are
  // scratch left from earlier batches.
  std::mt19937 rng(77);
  std::string buffer(64, '#');
  std::vector<OffsetAnchor> anchors;
  for (int round = 0; round < 500; ++round) {
    const std::string first = random_text(rng, 1 + static_cast<std::size_t>(rng() % 20));
    const std::string second = random_text(rng, 1 + static_cast<std::size_t>(rng() % 20));
    std::size_t used = 0;
    anchors.clear();
    parley::text_detail::write_normalized(first, buffer, used, {}, &anchors);
    const std::size_t first_end = used;
    parley::text_detail::write_normalized(second, buffer, used, {}, &anchors);
    CAPTURE(first);
    CAPTURE(second);
    REQUIRE(buffer.size() >= used);
    CHECK(buffer.substr(0, first_end) == icu_nfkc_casefold(first));
    CHECK(buffer.substr(first_end, used - first_end) == icu_nfkc_casefold(second));
  }
}

TEST_CASE("anchors: the original bytes of normalized ranges, by hand") {
  // Original bytes: "Die Stra" 0..7, "ß" 8..9, "e" 10, "," 11, " " 12, "Ａ" 13..15, "Ｂ" 16..18,
  // " und " 19..23, "ﬁ" 24..26. Normalized: "die stra" 0..7, "ss" 8..9, "e" 10, "," 11, " " 12,
  // "a" 13, "b" 14, " und " 15..19, "fi" 20..21.
  const std::string text =
      "Die Stra\xC3\x9F"
      "e, \xEF\xBC\xA1\xEF\xBC\xA2 und \xEF\xAC\x81";
  std::string out = "xy";  // appended after two bytes: anchors are relative to where the text starts
  std::vector<OffsetAnchor> anchors;
  const bool same_offsets = parley::text_detail::append_normalized(text, out, {}, &anchors);
  CHECK_FALSE(same_offsets);
  CHECK(out == "xydie strasse, ab und fi");
  // ß -> ss keeps the length but not the character edges; Ａ, Ｂ: 3 bytes -> 1; ﬁ: 3 -> 2.
  REQUIRE(anchors.size() == 4);
  CHECK(anchors[0].destination_begin == 8);
  CHECK(anchors[0].destination_end == 10);
  CHECK(anchors[0].source_begin == 8);
  CHECK(anchors[0].source_end == 10);
  CHECK(anchors[1].destination_begin == 13);
  CHECK(anchors[1].source_end == 16);
  CHECK(anchors[2].destination_begin == 14);
  CHECK(anchors[2].source_begin == 16);
  CHECK(anchors[2].source_end == 19);
  CHECK(anchors[3].destination_begin == 20);
  CHECK(anchors[3].destination_end == 22);
  CHECK(anchors[3].source_begin == 24);
  CHECK(anchors[3].source_end == 27);
  // "strasse" 4..10: the end is one past the ß anchor: 10 + (11 - 10) = 11 -> "Straße" 4..10.
  CHECK(parley::text_detail::map_with_anchors(anchors, 4, 11) == Range{4, 11});
  // "ab" 13..14: begin inside Ａ's anchor, end inside Ｂ's -> 13 .. 19.
  CHECK(parley::text_detail::map_with_anchors(anchors, 13, 15) == Range{13, 19});
  // "und" 16..18: after Ｂ's anchor (destination end 15, source end 19): 19 + 1 = 20 .. 19 + 4 = 23.
  CHECK(parley::text_detail::map_with_anchors(anchors, 16, 19) == Range{20, 23});
  // "i" alone lies inside the ligature: the whole ligature.
  CHECK(parley::text_detail::map_with_anchors(anchors, 21, 22) == Range{24, 27});

  // Characters that only change their bytes need no anchor: "Über" -> "über".
  std::string plain;
  anchors.clear();
  CHECK(
      parley::text_detail::append_normalized("\xC3\x9C"
                                             "ber alles",
                                             plain, {}, &anchors));
  CHECK(anchors.empty());
  CHECK(plain ==
        "\xC3\xBC"
        "ber alles");
}

TEST_CASE("property: anchors map every word back to original bytes covering ICU's finest edits") {
  std::mt19937 rng(31);
  std::string normalized, icu_text;
  std::vector<OffsetAnchor> anchors;
  icu::Edits edits;
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(rng, 1 + static_cast<std::size_t>(rng() % 30));
    normalized.clear();
    anchors.clear();
    const bool same_offsets = parley::text_detail::append_normalized(text, normalized, {}, &anchors);
    parley::text_detail::normalize_with_edits(text, {}, icu_text, edits);
    CAPTURE(text);
    REQUIRE(normalized == icu_text);
    CHECK(same_offsets == anchors.empty());
    for (std::size_t begin = 0; begin < normalized.size();) {
      if (normalized[begin] == ' ') {
        ++begin;
        continue;
      }
      const std::size_t end = std::min(normalized.find(' ', begin), normalized.size());
      CAPTURE(begin);
      CAPTURE(end);
      const Range fast = parley::text_detail::map_with_anchors(anchors, begin, end);
      const Range icu = parley::text_detail::source_range(edits, begin, end);
      CHECK(fast.first <= icu.first);
      CHECK(fast.second >= icu.second);
      REQUIRE(fast.second <= text.size());
      REQUIRE(fast.first < fast.second);
      // The original bytes named normalize to text containing the word.
      const std::string again =
          parley::normalize_for_matching(std::string_view(text).substr(fast.first, fast.second - fast.first));
      CHECK(again.find(normalized.substr(begin, end - begin)) != std::string::npos);
      begin = end;
    }
  }
}

TEST_CASE("invalid UTF-8 inside a sixteen-byte step is reported at its byte offset") {
  const auto offset_of_error = [](const std::string& text) -> std::string {
    try {
      (void)parley::normalize_for_matching(text);
    } catch (const parley::Error& error) {
      CHECK(error.code() == parley::ErrorCode::invalid_utf8);
      return error.message();
    }
    return "no error";
  };
  // An overlong "a" (E0 81 A1) after 20 ASCII bytes, in the middle of a block.
  CHECK(offset_of_error(std::string(20, 'a') + "\xE0\x81\xA1" + std::string(20, 'b')) ==
        "invalid UTF-8 at byte offset 20");
  // A surrogate (ED A0 80) at 17, between letters that normalize to themselves (é is 2 bytes).
  CHECK(offset_of_error(std::string(17, 'A') + "\xED\xA0\x80" + std::string(10, 'x') + "\xC3\xA9") ==
        "invalid UTF-8 at byte offset 17");
  // A stray continuation byte after ten "é" (20 bytes).
  std::string accents;
  for (int k = 0; k < 10; ++k) accents += "\xC3\xA9";
  CHECK(offset_of_error(accents + "\x80" + std::string(20, 'c')) == "invalid UTF-8 at byte offset 20");
  // A lead byte cut off at the very end of a 31-byte text (30 ASCII bytes, then C3).
  CHECK(offset_of_error(std::string(30, 'z') + "\xC3") == "invalid UTF-8 at byte offset 30");
  // A three-byte character cut by the end of the text inside the last sixteen bytes.
  CHECK(offset_of_error(std::string(25, 'q') + "\xE5\x8D") == "invalid UTF-8 at byte offset 25");
}

TEST_CASE(
    "every code point U+4000..U+9FFF normalizes to itself with a boundary before it (the Han fast path)") {
  // The sixteen-byte step copies three-byte characters with lead bytes E4..E9 without a look-up.
  // Each one after an ASCII letter it could combine with if it were a mark, and pairs of them:
  // ICU's whole-text result must be the text itself, and so must ours.
  std::string text;
  for (char32_t c = 0x4000; c <= 0x9FFF; ++c) {
    text += 'x';
    text += static_cast<char>(0xE0 | (c >> 12));
    text += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    text += static_cast<char>(0x80 | (c & 0x3F));
  }
  CHECK(icu_nfkc_casefold(text) == text);
  CHECK(parley::normalize_for_matching(text) == text);
}
