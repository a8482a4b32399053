#include <doctest/doctest.h>
#include <unicode/uscript.h>
#include <utf8proc.h>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/text.hpp"
#include "text/chars.hpp"
#include "text/normalize_detail.hpp"
#include "text/segment_detail.hpp"

namespace {

std::vector<std::string> words_of(std::string_view language, std::string_view text) {
  parley::WordSegmenter segmenter(language);
  std::vector<parley::WordToken> tokens;
  segmenter.segment(text, tokens);
  std::vector<std::string> words;
  for (const auto& token : tokens) words.emplace_back(text.substr(token.begin, token.end - token.begin));
  return words;
}

std::vector<std::string> split_expected(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t bar = list.find(" | ", start);
    out.push_back(list.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
    if (bar == std::string::npos) break;
    start = bar + 3;
  }
  return out;
}

struct WordsCase {
  std::string language, sentence;
  std::vector<std::string> expected;
};

std::vector<WordsCase> load_words_fixture() {
  std::ifstream in(std::string(PARLEY_TEST_DATA_DIR) + "/text/words.tsv");
  REQUIRE(in.good());
  std::vector<WordsCase> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab1 = line.find('\t');
    const auto tab2 = line.find('\t', tab1 + 1);
    REQUIRE(tab2 != std::string::npos);
    cases.push_back({line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1),
                     split_expected(line.substr(tab2 + 1))});
  }
  return cases;
}

// Independent reference for NFKC + case folding: utf8proc's own tables.
std::string utf8proc_nfkc_casefold(const std::string& text) {
  utf8proc_uint8_t* out = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                      UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                   static_cast<utf8proc_ssize_t>(text.size()), &out, options);
  REQUIRE(length >= 0);
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(length));
  std::free(out);
  return result;
}

}  // namespace

TEST_CASE("every supported language segments a real sentence into the hand-written words") {
  const auto cases = load_words_fixture();
  // ar, zh, da, nl, en (US, GB), fi, fr (FR, CA), de, he, it, ja, nb, pt (PT, BR), es (ES, MX), sv.
  CHECK(cases.size() == 22);
  for (const auto& c : cases) {
    CAPTURE(c.language);
    CAPTURE(c.sentence);
    CHECK(words_of(c.language, c.sentence) == c.expected);
  }
}

TEST_CASE("count_words agrees with the fixture's word lists, segmenter reused across languages' text") {
  parley::WordSegmenter segmenter("en-US");
  // "We'll renew the Contoso 360 contract in Q3, won't we?" -> 10 words (see words.tsv).
  CHECK(segmenter.count_words("We'll renew the Contoso 360 contract in Q3, won't we?") == 10);
  // Dictionary segmentation applies to Han text whatever the segmenter's language: 我们|明天|开会 = 3.
  CHECK(segmenter.count_words("我们明天开会。") == 3);
  CHECK(segmenter.count_words("") == 0);
  CHECK(segmenter.count_words(" ,.!? ") == 0);
}

TEST_CASE("word offsets are byte offsets into the segmented text") {
  parley::WordSegmenter segmenter("de-DE");
  std::vector<parley::WordToken> tokens;
  segmenter.segment("Größe: 5", tokens);
  // "Größe" = G r ö(2 bytes) ß(2 bytes) e = 7 bytes; ": " = 2 bytes; "5" at byte 9.
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].begin == 0);
  CHECK(tokens[0].end == 7);
  CHECK(tokens[1].begin == 9);
  CHECK(tokens[1].end == 10);
}

TEST_CASE("the ASCII fast path segments exactly as ICU does (random ASCII strings)") {
  // Property: for any ASCII text, the fast path and ICU's iterator give the same words.
  const std::string alphabet = "aZk9 0_:.',;\"-!?@$#/\t\n";  // letters, digits and every joiner class
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 24);
  std::vector<parley::WordToken> fast, icu;
  for (const char* language : {"en-US", "fi-FI", "sv-SE", "he-IL", "ja-JP"}) {
    for (int i = 0; i < 400; ++i) {
      std::string text;
      const int n = length(rng);
      for (int k = 0; k < n; ++k) text += alphabet[pick(rng)];
      parley::text_detail::segment_ascii_fast_path(language, text, fast);
      parley::text_detail::segment_with_icu_only(language, text, icu);
      const std::string language_tag = language;
      CAPTURE(language_tag);
      CAPTURE(text);
      REQUIRE(fast.size() == icu.size());
      for (std::size_t w = 0; w < fast.size(); ++w) {
        CHECK(fast[w].begin == icu[w].begin);
        CHECK(fast[w].end == icu[w].end);
      }
    }
  }
}

TEST_CASE("segmenting invalid UTF-8 or using a bad language tag is a clear error") {
  parley::WordSegmenter segmenter("fr-FR");
  std::vector<parley::WordToken> tokens;
  try {
    segmenter.segment("caf\xC3", tokens);
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_utf8);
    CHECK(error.message() == "word segmenter: invalid UTF-8 at byte offset 3");
  }
  try {
    parley::WordSegmenter bad("not a tag!");
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_argument);
    CHECK(error.message() == "word segmenter: invalid language tag 'not a tag!'");
  }
}

TEST_CASE("normalize_for_matching: case folding, widths and compatibility forms") {
  using parley::normalize_for_matching;
  CHECK(normalize_for_matching("Contoso 360") == "contoso 360");                // ASCII fast path
  CHECK(normalize_for_matching("ＣＯＮＴＯＳＯ") == "contoso");                 // fullwidth Latin
  CHECK(normalize_for_matching("ｺﾝﾋﾟｭｰﾀｰ") == "コンピューター");                // halfwidth katakana
  CHECK(normalize_for_matching("Straße GRÖSSE") == "strasse grösse");           // ß folds to ss
  CHECK(normalize_for_matching("ÅLAND ØRESUND ÆBLE") == "åland øresund æble");  // da/nb/sv letters kept
  CHECK(normalize_for_matching("\xEF\xAC\x81nance") == "finance");              // U+FB01 ligature fi
  CHECK(normalize_for_matching("Ça Coûte") == "ça coûte");                      // accents kept by default
  CHECK(normalize_for_matching("e\xCC\x81t\xC3\xA9") == "\xC3\xA9t\xC3\xA9");   // e + U+0301 composes to é
  CHECK(normalize_for_matching("Kunde\xC2\xAD"
                               "n") == "kunden");  // soft hyphen is ignorable
  CHECK(normalize_for_matching("") == "");
}

TEST_CASE("normalize_for_matching leaves right-to-left and CJK text in logical order") {
  using parley::normalize_for_matching;
  // Arabic and Hebrew have no case: unchanged, in logical (not visual) order.
  CHECK(normalize_for_matching("هل يمكننا تجديد العقد؟") == "هل يمكننا تجديد العقد؟");
  CHECK(normalize_for_matching("האם נוכל לחדש את החוזה?") == "האם נוכל לחדש את החוזה?");
  // Fullwidth punctuation and digits become ASCII: "１２３" -> "123", "！" -> "!".
  CHECK(normalize_for_matching("价格１２３！") == "价格123!");
}

TEST_CASE("accent stripping is optional and keeps what changes the word") {
  parley::NormalizeOptions strip;
  strip.strip_accents = true;
  using parley::normalize_for_matching;
  CHECK(normalize_for_matching("Crème Brûlée", strip) == "creme brulee");
  CHECK(normalize_for_matching("Vocês já conversaram", strip) == "voces ja conversaram");
  CHECK(normalize_for_matching("Núñez", strip) == "nunez");
  CHECK(normalize_for_matching("Åland", strip) == "aland");      // å = a + ring above: stripped
  CHECK(normalize_for_matching("Øresund", strip) == "øresund");  // ø has no decomposition: kept
  CHECK(normalize_for_matching("がぎ", strip) == "がぎ");        // kana voicing marks are kept
  CHECK(normalize_for_matching("שָׁלוֹם", strip) == "שלום");        // Hebrew points removed
  CHECK(normalize_for_matching("مُحَمَّد", strip) == "محمد");        // Arabic harakat removed
}

TEST_CASE(
    "normalization agrees with utf8proc's NFKC + casefold and is idempotent on every fixture sentence") {
  for (const auto& c : load_words_fixture()) {
    CAPTURE(c.sentence);
    const std::string once = parley::normalize_for_matching(c.sentence);
    CHECK(once == utf8proc_nfkc_casefold(c.sentence));
    CHECK(parley::normalize_for_matching(once) == once);
  }
}

TEST_CASE("invalid UTF-8 is an error naming the byte offset, or repaired on request") {
  try {
    (void)parley::normalize_for_matching("Prix: 12\xE2\x82 net");
    FAIL("expected an error");
  } catch (const parley::Error& error) {
    CHECK(error.code() == parley::ErrorCode::invalid_utf8);
    CHECK(error.message() == "invalid UTF-8 at byte offset 8");
  }
  // Overlong "/" (C0 AF) and a surrogate (ED A0 80) are ill-formed too.
  CHECK(!parley::is_valid_utf8("\xC0\xAF"));
  CHECK(!parley::is_valid_utf8("\xED\xA0\x80"));
  CHECK(parley::repair_utf8("Prix: 12\xE2\x82 net") == "Prix: 12\xEF\xBF\xBD net");
  CHECK(parley::repair_utf8("\xFF"
                            "ok\xC3") ==
        "\xEF\xBF\xBD"
        "ok\xEF\xBF\xBD");
  CHECK(parley::repair_utf8("på") == "på");
}

TEST_CASE("a 50 MB single segment normalizes and segments without trouble") {
  // 50 MiB of "renew the contract " (19 bytes, 3 words): 2,759,410 repetitions = 52,428,790 bytes.
  const std::string unit = "Renew the contract ";
  const std::size_t repetitions = (50u << 20) / unit.size();
  std::string big;
  big.reserve(repetitions * unit.size());
  for (std::size_t i = 0; i < repetitions; ++i) big += unit;
  const std::string normalized = parley::normalize_for_matching(big);
  CHECK(normalized.size() == big.size());
  CHECK(normalized.compare(0, unit.size(), "renew the contract ") == 0);
  parley::WordSegmenter segmenter("en-US");
  CHECK(segmenter.count_words(big) == 3 * repetitions);
}

TEST_CASE(
    "property: the table-driven normalizer equals ICU's whole-text NFKC_Casefold on random tricky text") {
  // Pieces that interact across characters: combining marks after ASCII and after precomposed
  // letters, Hangul jamo that compose, ligatures, fullwidth and halfwidth forms, ß, final sigma,
  // dotted I, an ignorable soft hyphen, an emoji outside the BMP, CJK, Arabic with harakat, Hebrew.
  const std::vector<std::string> pieces{"a",
                                        "E",
                                        " ",
                                        "\xCC\x81",
                                        "\xCC\xA3",
                                        "\xC3\xA9",
                                        "\xC3\x85",
                                        "\xE1\x84\x80",
                                        "\xE1\x85\xA1",
                                        "\xE1\x86\xA8",
                                        "\xEF\xAC\x81",
                                        "\xEF\xBC\xA1",
                                        "\xEF\xBD\xB6",
                                        "\xEF\xBE\x9E",
                                        "\xC3\x9F",
                                        "\xCE\xA3",
                                        "\xC4\xB0",
                                        "\xC2\xAD",
                                        "\xF0\x9F\x98\x80",
                                        "\xE5\x8D\x8E",
                                        "\xD9\x85\xD9\x8F",
                                        "\xD7\xA9\xD7\x81",
                                        "\xE2\x84\xAB",
                                        "1",
                                        "."};
  std::mt19937 rng(99);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string fast;
  icu::Edits edits;
  std::string whole;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(pick(rng) % 12);
    for (int k = 0; k < n; ++k) text += pieces[pick(rng)];
    parley::normalize_for_matching(text, fast);
    parley::text_detail::normalize_with_edits(text, {}, whole, edits);
    CAPTURE(text);
    REQUIRE(fast == whole);
  }
}

TEST_CASE("property: ASCII is lower-cased byte for byte, in ASCII-only text and between other letters") {
  // Independent method: std::tolower in the C locale on each ASCII byte; "é" (precomposed,
  // already folded) between ASCII runs is kept as it is. Lengths around 8 and 16 exercise the
  // eight-bytes-at-a-time paths and their tails.
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(1, 127), length(0, 40);
  std::string normalized;
  for (int round = 0; round < 5000; ++round) {
    std::string text, expected;
    const int pieces = 1 + round % 3;
    for (int p = 0; p < pieces; ++p) {
      if (p > 0 && round % 2) {
        text += "\xC3\xA9";
        expected += "\xC3\xA9";
      }
      for (int k = length(rng); k > 0; --k) {
        const char c = static_cast<char>(byte(rng));
        text += c;
        expected += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    parley::normalize_for_matching(text, normalized);
    CAPTURE(text);
    REQUIRE(normalized == expected);
  }
}

TEST_CASE("a hit inside a run of unchanged characters maps one to one after a change of length") {
  // "，" (U+FF0C, 3 bytes) normalizes to "," (1 byte); the Han characters after it are unchanged.
  // Normalized: "," + 我们在比较 (5 x 3 bytes) -> 华为 starts at 1 + 15 = 16 and ends at 16 + 6 = 22;
  // in the original the comma is 3 bytes, so 华为 is at 3 + 15 = 18 .. 24.
  const std::string text = "\xEF\xBC\x8C我们在比较华为和阿里巴巴";
  CHECK(parley::normalize_for_matching(text) == ",我们在比较华为和阿里巴巴");
  parley::text_detail::SourceMapper mapper(text, {});
  CHECK(mapper.map(16, 22) == std::pair<std::size_t, std::size_t>{18, 24});
  // 阿里巴巴 after 和: normalized 22 + 3 = 25 .. 37, original 24 + 3 = 27 .. 39.
  CHECK(mapper.map(25, 37) == std::pair<std::size_t, std::size_t>{27, 39});
}

TEST_CASE("property: hits map back to original bytes covering what ICU's edits give, and no less") {
  const std::vector<std::string> pieces{"a",
                                        "E",
                                        " ",
                                        " ",
                                        "\xCC\x81",
                                        "\xC3\xA9",
                                        "\xE1\x84\x80",
                                        "\xE1\x85\xA1",
                                        "\xEF\xAC\x81",
                                        "\xEF\xBC\xA1",
                                        "\xEF\xBD\xB6",
                                        "\xEF\xBE\x9E",
                                        "\xC3\x9F",
                                        "\xC4\xB0",
                                        "\xC2\xAD",
                                        "\xF0\x9F\x98\x80",
                                        "\xE5\x8D\x8E",
                                        "\xE2\x84\xAB"};
  std::mt19937 rng(5);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::string normalized;
  icu::Edits edits;
  for (int round = 0; round < 1500; ++round) {
    std::string text;
    for (int k = 0; k < 14; ++k) text += pieces[pick(rng)];
    parley::text_detail::normalize_with_edits(text, {}, normalized, edits);
    parley::text_detail::SourceMapper mapper(text, {});
    // Every space-separated word of the normalized text, in order.
    for (std::size_t begin = 0; begin < normalized.size();) {
      if (normalized[begin] == ' ') {
        ++begin;
        continue;
      }
      const std::size_t end = std::min(normalized.find(' ', begin), normalized.size());
      CAPTURE(text);
      CAPTURE(begin);
      const auto fast = mapper.map(begin, end);
      const auto icu_range = parley::text_detail::source_range(edits, begin, end);
      CAPTURE(fast.first);
      CAPTURE(fast.second);
      CAPTURE(icu_range.first);
      CAPTURE(icu_range.second);
      // The walk works in whole combining sequences (a letter with its marks, an ignorable soft
      // hyphen), so it may be wider than ICU's finest edits, never narrower, and the original bytes
      // it names normalize to text containing the hit.
      CHECK(fast.first <= icu_range.first);
      CHECK(fast.second >= icu_range.second);
      const std::string renormalized =
          parley::normalize_for_matching(std::string_view(text).substr(fast.first, fast.second - fast.first));
      CHECK(renormalized.find(normalized.substr(begin, end - begin)) != std::string::npos);
      begin = end;
    }
  }
}

TEST_CASE("unspaced scripts: the fast ranges agree with ICU's Script_Extensions everywhere") {
  // The definition: Han, Hiragana, Katakana, Thai, Lao, Khmer or Myanmar among the character's
  // Script_Extensions. Checked for every code point up to the end of the CJK extension planes.
  std::size_t differences = 0, unspaced = 0;
  std::uint32_t first_difference = 0;
  for (char32_t c = 0; c < 0x40000; ++c) {
    const auto cp = static_cast<UChar32>(c);
    bool expected = false;
    for (UScriptCode script : {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA, USCRIPT_THAI, USCRIPT_LAO,
                               USCRIPT_KHMER, USCRIPT_MYANMAR}) {
      expected = expected || uscript_hasScript(cp, script);
    }
    unspaced += expected ? 1 : 0;
    if (parley::text_detail::is_unspaced_script_char(c) != expected && differences++ == 0) {
      first_difference = static_cast<std::uint32_t>(c);
    }
  }
  INFO("first difference at U+" << std::hex << first_difference);
  CHECK(differences == 0);
  CHECK(unspaced > 90'000);  // the Han extensions alone are tens of thousands
}
