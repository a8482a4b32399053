// Loading, merging and looking up sentiment lexicons (docs/sentiment.md, "Lexicon files").
#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "model/data_source.hpp"
#include "model/ascii.hpp"
#include "model/enum_names.hpp"
#include "parley/error.hpp"
#include "parley/text.hpp"
#include "sentiment/lexicon_table.hpp"
#include "text/chars.hpp"
#include "text/snowball.hpp"

namespace parley {

namespace {

constexpr detail::EnumName<SentimentTermKind> term_kind_names[] = {
    {SentimentTermKind::valence, "valence"},
    {SentimentTermKind::negator, "negator"},
    {SentimentTermKind::booster, "booster"},
    {SentimentTermKind::contrast, "contrast"},
    {SentimentTermKind::post_negator, "post_negator"},
    {SentimentTermKind::post_booster, "post_booster"},
};

// Lines of these kinds are rules about words rather than terms: they live in their own tables.
enum class RuleKind : std::uint8_t { prefix, suffix, setting };
constexpr detail::EnumName<RuleKind> rule_kind_names[] = {
    {RuleKind::prefix, "prefix"},
    {RuleKind::suffix, "suffix"},
    {RuleKind::setting, "setting"},
};
constexpr std::string_view all_kind_names =
    "valence, negator, post_negator, booster, post_booster, contrast, prefix, suffix or setting";
constexpr std::string_view setting_question_weight = "question_weight";
constexpr std::string_view setting_stem = "stem";
constexpr std::string_view setting_negation_looks_back = "negation_looks_back";

// Scripts written without spaces between words: a term in them is cut into words by the language's
// dictionary segmenter, as the scorer cuts the text, so that "あきらめました" is the phrase the
// scorer will see.
bool in_unspaced_script(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = 1;
    const char32_t cp = text_detail::decode_at(text, i, length);
    if ((cp >= 0x0E00 && cp <= 0x0EFF) ||                      // Thai, Lao
        (cp >= 0x1000 && cp <= 0x109F) ||                      // Myanmar
        (cp >= 0x1780 && cp <= 0x17FF) ||                      // Khmer
        (cp >= 0x3040 && cp <= 0x30FF) ||                      // Hiragana, Katakana
        (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||  // Han
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF)) {
      return true;
    }
    i += length;
  }
  return false;
}

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Splits a normalized term into words and joins them with single spaces.
std::string canonical_phrase(std::string_view folded, std::size_t& words) {
  std::string out;
  words = 0;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && is_space(folded[i])) ++i;
    if (i >= folded.size()) break;
    std::size_t end = i;
    while (end < folded.size() && !is_space(folded[end])) ++end;
    if (!out.empty()) out.push_back(' ');
    out.append(folded.substr(i, end - i));
    ++words;
    i = end;
  }
  return out;
}

// Terms in the order they were defined; later definitions of the same term replace earlier ones.
struct TermList {
  struct Term {
    std::string text;
    float value;
    SentimentTermKind kind;
    std::uint8_t words;
  };
  std::vector<Term> terms;
  std::unordered_map<std::string, std::size_t> index;
  std::vector<std::string> prefixes;
  std::vector<std::string> suffixes;
  std::map<std::string, double, std::less<>> settings;

  static void add_unique(std::vector<std::string>& list, std::string text) {
    if (std::find(list.begin(), list.end(), text) == list.end()) list.push_back(std::move(text));
  }

  void put(std::string text, float value, SentimentTermKind kind, std::uint8_t words) {
    if (auto found = index.find(text); found != index.end()) {
      terms[found->second] = Term{std::move(text), value, kind, words};
      return;
    }
    index.emplace(text, terms.size());
    terms.push_back(Term{std::move(text), value, kind, words});
  }
};

std::vector<std::string> longest_first(std::vector<std::string> list) {
  std::sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  return list;
}

std::shared_ptr<SentimentLexicon::Impl> build(std::string language, const TermList& list, bool has_valence_lexicon) {
  using Impl = SentimentLexicon::Impl;
  auto impl = std::make_shared<Impl>();
  impl->language = std::move(language);
  impl->has_valence_lexicon = has_valence_lexicon;
  impl->prefixes = longest_first(list.prefixes);
  impl->suffixes = longest_first(list.suffixes);
  if (auto found = list.settings.find(setting_question_weight); found != list.settings.end())
    impl->question_weight = static_cast<float>(found->second);
  if (auto found = list.settings.find(setting_negation_looks_back); found != list.settings.end())
    impl->negation_looks_back = found->second != 0;
  if (auto found = list.settings.find(setting_stem); found != list.settings.end() && found->second != 0) {
    impl->stem = true;
    impl->stemmer_algorithm = detail::snowball_algorithm(impl->language);
  }
  std::unordered_map<std::string_view, std::uint8_t> phrase_starts;
  for (const auto& term : list.terms) {
    Impl::Entry entry;
    entry.term_offset = static_cast<std::uint32_t>(impl->arena.size());
    entry.term_length = static_cast<std::uint32_t>(term.text.size());
    entry.value = term.value;
    entry.kind = term.kind;
    impl->arena.append(term.text);
    impl->entries.push_back(entry);
    impl->has_post_roles |= term.kind == SentimentTermKind::post_negator || term.kind == SentimentTermKind::post_booster;
    if (term.words > 1) {
      const std::string_view first = std::string_view(term.text).substr(0, term.text.find(' '));
      auto& longest = phrase_starts[first];
      longest = std::max(longest, term.words);
    }
  }
  impl->build_index();
  // Mark the first words of phrases, adding placeholder entries for those not in the lexicon.
  bool added = false;
  for (const auto& [first, words] : phrase_starts) {
    std::uint32_t index = impl->find_index(first);
    if (index == Impl::npos) {
      Impl::Entry entry;
      entry.term_offset = static_cast<std::uint32_t>(impl->arena.size());
      entry.term_length = static_cast<std::uint32_t>(first.size());
      entry.placeholder = true;
      entry.phrase_max_words = words;
      impl->arena.append(first);
      impl->entries.push_back(entry);
      added = true;
    } else {
      impl->entries[index].phrase_max_words = words;
    }
  }
  if (added) impl->build_index();
  if (impl->stem && impl->stemmer_algorithm != nullptr) {
    detail::SnowballStemmer stemmer(impl->stemmer_algorithm);
    std::unordered_map<std::string, std::pair<double, int>> sums;
    for (const auto& term : list.terms) {
      if (term.kind != SentimentTermKind::valence || term.words != 1 || term.value == 0) continue;
      auto& [total, count] = sums[std::string(stemmer.stem(term.text))];
      total += term.value;
      ++count;
    }
    for (auto& [stem, sum] : sums)
      impl->stem_values.emplace(stem, static_cast<float>(sum.first / sum.second));
  }
  return impl;
}

// The settings lines a lexicon was built from (those that differ from the defaults).
std::map<std::string, double, std::less<>> settings_of(const SentimentLexicon::Impl& impl) {
  std::map<std::string, double, std::less<>> settings;
  if (impl.question_weight != 1) settings[std::string(setting_question_weight)] = impl.question_weight;
  if (impl.stem) settings[std::string(setting_stem)] = 1;
  if (impl.negation_looks_back) settings[std::string(setting_negation_looks_back)] = 1;
  return settings;
}

TermList term_list_of(const SentimentLexicon::Impl& impl) {
  TermList list;
  for (const auto& entry : impl.entries) {
    if (entry.placeholder) continue;
    std::string text(impl.term(entry));
    const auto words = static_cast<std::uint8_t>(std::count(text.begin(), text.end(), ' ') + 1);
    list.put(std::move(text), entry.value, entry.kind, words);
  }
  list.prefixes = impl.prefixes;
  list.suffixes = impl.suffixes;
  list.settings = settings_of(impl);
  return list;
}

// Joins the words the language's segmenter finds in a term written without spaces.
std::string segmented(std::string_view term, std::optional<WordSegmenter>& segmenter, std::string_view language,
                      std::vector<WordToken>& words) {
  if (!segmenter) segmenter.emplace(language.empty() ? std::string_view("und") : language);
  std::string out;
  for (std::size_t start = 0; start < term.size();) {
    std::size_t end = term.find(' ', start);
    if (end == std::string_view::npos) end = term.size();
    segmenter->segment(term.substr(start, end - start), words);
    for (const WordToken& word : words) {
      if (!out.empty()) out.push_back(' ');
      out.append(term.substr(start + word.begin, word.end - word.begin));
    }
    start = end + 1;
  }
  return out;
}

void parse_into(std::string_view tsv, std::string_view source_name, std::string_view language, TermList& list) {
  std::optional<WordSegmenter> segmenter;  // built on the first term in an unspaced script
  std::vector<WordToken> segmenter_words;
  if (tsv.size() >= 3 && tsv.substr(0, 3) == "\xEF\xBB\xBF") tsv.remove_prefix(3);  // UTF-8 BOM
  std::size_t line_number = 0;
  std::size_t position = 0;
  std::string folded;
  while (position < tsv.size()) {
    ++line_number;
    std::size_t line_end = tsv.find('\n', position);
    if (line_end == std::string_view::npos) line_end = tsv.size();
    std::string_view line = tsv.substr(position, line_end - position);
    position = line_end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto fail = [&](const std::string& what) {
      throw Error(ErrorCode::parse, fmt::format("{}:{}: {}", source_name, line_number, what));
    };
    if (const std::size_t bad = find_invalid_utf8(line); bad != std::string_view::npos) {
      fail(fmt::format("invalid UTF-8 at byte {} of the line", bad));
    }
    if (line.empty() || line.front() == '#' ||
        std::all_of(line.begin(), line.end(), [](char c) { return is_space(c); })) {
      continue;
    }
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) fail("expected 'term<TAB>value', found no tab");
    const std::string_view term = line.substr(0, tab);
    std::string_view rest = line.substr(tab + 1);
    const std::size_t tab2 = rest.find('\t');
    const std::string_view value_text = rest.substr(0, tab2);
    std::string_view kind_text = "valence";
    if (tab2 != std::string_view::npos) {
      rest = rest.substr(tab2 + 1);
      kind_text = rest.substr(0, rest.find('\t'));
      if (kind_text.empty()) kind_text = "valence";
    }
    folded.clear();
    append_folded(term, folded);
    // Terms that may be phrases are cut as the scorer cuts text; a single-word role stays whole.
    const auto term_kind = detail::parse_name(term_kind_names, kind_text);
    if ((!term_kind || *term_kind == SentimentTermKind::valence || *term_kind == SentimentTermKind::booster ||
         *term_kind == SentimentTermKind::post_booster) &&
        !detail::parse_name(rule_kind_names, kind_text) && in_unspaced_script(folded)) {
      folded = segmented(folded, segmenter, language, segmenter_words);
    }
    std::size_t words = 0;
    std::string canonical = canonical_phrase(folded, words);
    if (canonical.empty()) fail("empty term");
    if (words > SentimentLexicon::Impl::max_phrase_words) {
      fail(fmt::format("phrase '{}' has {} words, at most {} are allowed", term, words,
                       SentimentLexicon::Impl::max_phrase_words));
    }
    double value = 0;
    const auto [end, error] =
        std::from_chars(value_text.data(), value_text.data() + value_text.size(), value);
    if (error != std::errc() || end != value_text.data() + value_text.size() || !std::isfinite(value)) {
      fail(fmt::format("value '{}' of term '{}' is not a number", value_text, term));
    }
    if (const auto rule = detail::parse_name(rule_kind_names, kind_text)) {
      if (words > 1) fail(fmt::format("a {} must be a single word, '{}' is a phrase", kind_text, term));
      switch (*rule) {
        case RuleKind::prefix: TermList::add_unique(list.prefixes, std::move(canonical)); break;
        case RuleKind::suffix: TermList::add_unique(list.suffixes, std::move(canonical)); break;
        case RuleKind::setting:
          if (canonical == setting_question_weight) {
            if (value < 0 || value > 1)
              fail(fmt::format("setting question_weight = {}: must be in [0, 1]", value_text));
          } else if (canonical == setting_stem || canonical == setting_negation_looks_back) {
            if (value != 0 && value != 1) fail(fmt::format("setting {} = {}: must be 0 or 1", canonical, value_text));
          } else {
            fail(fmt::format("unknown setting '{}' (expected {}, {} or {})", term, setting_question_weight,
                             setting_stem, setting_negation_looks_back));
          }
          list.settings[canonical] = value;
          break;
      }
      continue;
    }
    const auto kind = term_kind;
    if (!kind) {
      fail(fmt::format("unknown kind '{}' of term '{}' (expected {})", kind_text, term, all_kind_names));
    }
    if (*kind == SentimentTermKind::valence && (value < -4.0 || value > 4.0)) {
      fail(fmt::format("valence {} of term '{}' is outside [-4, 4]", value_text, term));
    }
    if (*kind == SentimentTermKind::contrast && value <= 0) {
      fail(fmt::format("contrast weight {} of term '{}' must be > 0", value_text, term));
    }
    if (*kind != SentimentTermKind::valence && words > 1 && *kind != SentimentTermKind::booster &&
        *kind != SentimentTermKind::post_booster) {
      fail(fmt::format("a {} must be a single word, '{}' is a phrase", kind_text, term));
    }
    list.put(std::move(canonical), static_cast<float>(value), *kind, static_cast<std::uint8_t>(words));
  }
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, fmt::format("{}: cannot open the sentiment lexicon file", path));
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::io, fmt::format("{}: cannot read the sentiment lexicon file", path));
  return std::move(content).str();
}

}  // namespace

namespace {

// Arabic and Hebrew letter forms that spelling varies on, in UTF-8 from `from` on: vowel marks,
// the tatweel and Hebrew points are dropped; alef with hamza or madda becomes alef, alef maqsura
// yeh, teh marbuta heh, and a Hebrew final letter its ordinary form. So "جداً", "جدًا" and "جدا"
// are one word, and Hebrew "מדהים" keeps its stem in "מדהימה" (מדהימ + ה).
void fold_arabic_and_hebrew_forms(std::string& text, std::size_t from) {
  std::size_t out = from;
  for (std::size_t i = from; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0xD6 || lead > 0xDB || i + 1 >= text.size()) {
      text[out++] = text[i++];
      continue;
    }
    const auto next = static_cast<unsigned char>(text[i + 1]);
    const char32_t cp = (static_cast<char32_t>(lead & 0x1F) << 6) | (next & 0x3F);
    i += 2;
    const bool hebrew_point = (cp >= 0x0591 && cp <= 0x05BD) || cp == 0x05BF || cp == 0x05C1 || cp == 0x05C2 ||
                              cp == 0x05C4 || cp == 0x05C5 || cp == 0x05C7;
    const bool arabic_mark = (cp >= 0x064B && cp <= 0x0652) || cp == 0x0670 || cp == 0x0640;
    if (hebrew_point || arabic_mark) continue;
    char32_t mapped = cp;
    if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625) mapped = 0x0627;
    if (cp == 0x0649) mapped = 0x064A;
    if (cp == 0x0629) mapped = 0x0647;
    if (cp == 0x05DA || cp == 0x05DD || cp == 0x05DF || cp == 0x05E3 || cp == 0x05E5) mapped = cp + 1;  // ך ם ן ף ץ
    text[out++] = static_cast<char>(0xC0 | (mapped >> 6));
    text[out++] = static_cast<char>(0x80 | (mapped & 0x3F));
  }
  text.resize(out);
}

}  // namespace

void append_folded(std::string_view text, std::string& out) {
  if (detail::is_ascii(text)) {
    for (char c : text) out.push_back(detail::ascii_lower(c));
  } else {
    const std::size_t from = out.size();
    out.append(normalize_for_matching(text));
    fold_arabic_and_hebrew_forms(out, from);
  }
}

void SentimentLexicon::Impl::build_index() {
  std::size_t capacity = 16;
  while (capacity < entries.size() * 2) capacity *= 2;
  slots.assign(capacity, 0);
  mask = capacity - 1;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& entry = entries[i];
    const std::uint64_t h = hash(arena.data() + entry.term_offset, entry.term_length);
    std::uint64_t position = h & mask;
    while (slots[position] != 0) position = (position + 1) & mask;
    slots[position] = (h & 0xFFFFFFFF00000000ull) | static_cast<std::uint64_t>(i + 1);
  }
}

std::string_view sentiment_term_kind_name(SentimentTermKind kind) noexcept {
  return detail::name_of(term_kind_names, kind);
}

SentimentLexicon::SentimentLexicon() : impl_(std::make_shared<const Impl>()) {}
SentimentLexicon::SentimentLexicon(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

SentimentLexicon SentimentLexicon::parse(std::string_view tsv, std::string_view source_name,
                                         std::string_view language) {
  TermList list;
  parse_into(tsv, source_name, language, list);
  const bool rates = std::any_of(list.terms.begin(), list.terms.end(),
                                 [](const TermList::Term& t) { return t.kind == SentimentTermKind::valence; });
  return SentimentLexicon(build(std::string(language), list, rates));
}

SentimentLexicon SentimentLexicon::merged_with(const SentimentLexicon& overrides) const {
  TermList list = term_list_of(*impl_);
  for (const auto& entry : overrides.impl_->entries) {
    if (entry.placeholder) continue;
    std::string text(overrides.impl_->term(entry));
    const auto words = static_cast<std::uint8_t>(std::count(text.begin(), text.end(), ' ') + 1);
    list.put(std::move(text), entry.value, entry.kind, words);
  }
  for (const std::string& prefix : overrides.impl_->prefixes) TermList::add_unique(list.prefixes, prefix);
  for (const std::string& suffix : overrides.impl_->suffixes) TermList::add_unique(list.suffixes, suffix);
  for (const auto& [name, value] : settings_of(*overrides.impl_)) list.settings[name] = value;
  const std::string& language = impl_->language.empty() ? overrides.impl_->language : impl_->language;
  return SentimentLexicon(build(language, list, impl_->has_valence_lexicon || overrides.impl_->has_valence_lexicon));
}

const std::string& SentimentLexicon::language() const noexcept { return impl_->language; }

std::size_t SentimentLexicon::size() const noexcept {
  return static_cast<std::size_t>(std::count_if(impl_->entries.begin(), impl_->entries.end(),
                                                [](const Impl::Entry& e) { return !e.placeholder; }));
}

std::size_t SentimentLexicon::valence_term_count() const noexcept {
  return static_cast<std::size_t>(std::count_if(
      impl_->entries.begin(), impl_->entries.end(),
      [](const Impl::Entry& e) { return !e.placeholder && e.kind == SentimentTermKind::valence; }));
}

const std::vector<std::string>& SentimentLexicon::prefixes() const noexcept { return impl_->prefixes; }
const std::vector<std::string>& SentimentLexicon::suffixes() const noexcept { return impl_->suffixes; }
double SentimentLexicon::question_weight() const noexcept { return impl_->question_weight; }
bool SentimentLexicon::has_valence_lexicon() const noexcept { return impl_->has_valence_lexicon; }
bool SentimentLexicon::stems_unknown_words() const noexcept { return impl_->stemmer_algorithm != nullptr; }

std::optional<SentimentTerm> SentimentLexicon::find(std::string_view term) const {
  std::string folded;
  append_folded(term, folded);
  if (in_unspaced_script(folded)) {
    std::optional<WordSegmenter> segmenter;
    std::vector<WordToken> words_found;
    folded = segmented(folded, segmenter, impl_->language, words_found);
  }
  std::size_t words = 0;
  const std::string canonical = canonical_phrase(folded, words);
  const std::uint32_t index = impl_->find_index(canonical);
  if (index == Impl::npos || impl_->entries[index].placeholder) return std::nullopt;
  const Impl::Entry& entry = impl_->entries[index];
  return SentimentTerm{canonical, entry.value, entry.kind};
}

SentimentLexicon load_sentiment_lexicon(const std::string& path, std::string_view language) {
  return SentimentLexicon::parse(read_file(path), path, language);
}

SentimentLexicon bundled_sentiment_lexicon(std::string_view language, const std::string& data_dir) {
  const DataSource source(data_dir);
  const std::string primary = detail::primary_language_subtag(language);
  // In load order: later files override earlier ones, so the rules' "no" is a negator, not -1.2,
  // and a permissive lexicon's rating beats a share-alike one's.
  const std::string paths[] = {"sentiment/share-alike/" + primary + ".tsv", "sentiment/" + primary + ".tsv",
                               "sentiment/" + primary + ".rules.tsv"};
  std::optional<std::string> contents[std::size(paths)];
  bool any = false;
  for (std::size_t i = 0; i < std::size(paths) && !primary.empty(); ++i) {
    contents[i] = source.read(paths[i]);
    any |= contents[i].has_value();
  }
  if (!any) {
    throw Error(ErrorCode::not_found,
                fmt::format("no bundled sentiment lexicon or rules for language '{}': tried {}, {} and {} in {}",
                            language, source.name_of(paths[0]), source.name_of(paths[1]),
                            source.name_of(paths[2]), source.description()));
  }
  TermList list;
  if (const auto emoji = source.read("sentiment/emoji.tsv"))
    parse_into(*emoji, source.name_of("sentiment/emoji.tsv"), language, list);
  for (std::size_t i = 0; i < std::size(paths); ++i) {
    if (contents[i]) parse_into(*contents[i], source.name_of(paths[i]), language, list);
  }
  return SentimentLexicon(build(std::string(language), list, contents[0] || contents[1]));
}

SentimentLexicon bundled_sentiment_lexicon(std::string_view language) {
  return bundled_sentiment_lexicon(language, std::string());
}

std::vector<std::string> bundled_sentiment_languages(const std::string& data_dir) {
  std::vector<std::string> languages;
  for (const std::string& name : DataSource(data_dir).files_in("sentiment")) {
    std::string primary;
    if (name.size() > 10 && name.ends_with(".rules.tsv"))
      primary = name.substr(0, name.size() - 10);
    else if (name.size() > 4 && name.ends_with(".tsv") && name != "emoji.tsv")
      primary = name.substr(0, name.size() - 4);
    if (primary.empty() || primary.find('.') != std::string::npos) continue;
    if (std::find(languages.begin(), languages.end(), primary) == languages.end())
      languages.push_back(primary);
  }
  std::sort(languages.begin(), languages.end());
  return languages;
}

}  // namespace parley
