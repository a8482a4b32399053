// Loading, merging and looking up sentiment lexicons (docs/sentiment.md, "Lexicon files").
#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "model/data_source.hpp"
#include "model/ascii.hpp"
#include "model/enum_names.hpp"
#include "parley/error.hpp"
#include "parley/text.hpp"
#include "sentiment/lexicon_table.hpp"

namespace parley {

namespace {

constexpr detail::EnumName<SentimentTermKind> term_kind_names[] = {
    {SentimentTermKind::valence, "valence"},
    {SentimentTermKind::negator, "negator"},
    {SentimentTermKind::booster, "booster"},
    {SentimentTermKind::contrast, "contrast"},
};

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

  void put(std::string text, float value, SentimentTermKind kind, std::uint8_t words) {
    if (auto found = index.find(text); found != index.end()) {
      terms[found->second] = Term{std::move(text), value, kind, words};
      return;
    }
    index.emplace(text, terms.size());
    terms.push_back(Term{std::move(text), value, kind, words});
  }
};

std::shared_ptr<SentimentLexicon::Impl> build(std::string language, const TermList& list) {
  using Impl = SentimentLexicon::Impl;
  auto impl = std::make_shared<Impl>();
  impl->language = std::move(language);
  std::unordered_map<std::string_view, std::uint8_t> phrase_starts;
  for (const auto& term : list.terms) {
    Impl::Entry entry;
    entry.term_offset = static_cast<std::uint32_t>(impl->arena.size());
    entry.term_length = static_cast<std::uint32_t>(term.text.size());
    entry.value = term.value;
    entry.kind = term.kind;
    impl->arena.append(term.text);
    impl->entries.push_back(entry);
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
  return impl;
}

TermList term_list_of(const SentimentLexicon::Impl& impl) {
  TermList list;
  for (const auto& entry : impl.entries) {
    if (entry.placeholder) continue;
    std::string text(impl.term(entry));
    const auto words = static_cast<std::uint8_t>(std::count(text.begin(), text.end(), ' ') + 1);
    list.put(std::move(text), entry.value, entry.kind, words);
  }
  return list;
}

void parse_into(std::string_view tsv, std::string_view source_name, TermList& list) {
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
    const auto kind = detail::parse_name(term_kind_names, kind_text);
    if (!kind) {
      fail(fmt::format("unknown kind '{}' of term '{}' (expected {})", kind_text, term,
                       detail::name_list(term_kind_names)));
    }
    if (*kind == SentimentTermKind::valence && (value < -4.0 || value > 4.0)) {
      fail(fmt::format("valence {} of term '{}' is outside [-4, 4]", value_text, term));
    }
    if (*kind == SentimentTermKind::contrast && value <= 0) {
      fail(fmt::format("contrast weight {} of term '{}' must be > 0", value_text, term));
    }
    if (*kind != SentimentTermKind::valence && words > 1 && *kind != SentimentTermKind::booster) {
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

void append_folded(std::string_view text, std::string& out) {
  if (detail::is_ascii(text)) {
    for (char c : text) out.push_back(detail::ascii_lower(c));
  } else {
    out.append(normalize_for_matching(text));
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
  parse_into(tsv, source_name, list);
  return SentimentLexicon(build(std::string(language), list));
}

SentimentLexicon SentimentLexicon::merged_with(const SentimentLexicon& overrides) const {
  TermList list = term_list_of(*impl_);
  for (const auto& entry : overrides.impl_->entries) {
    if (entry.placeholder) continue;
    std::string text(overrides.impl_->term(entry));
    const auto words = static_cast<std::uint8_t>(std::count(text.begin(), text.end(), ' ') + 1);
    list.put(std::move(text), entry.value, entry.kind, words);
  }
  const std::string& language = impl_->language.empty() ? overrides.impl_->language : impl_->language;
  return SentimentLexicon(build(language, list));
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

std::optional<SentimentTerm> SentimentLexicon::find(std::string_view term) const {
  std::string folded;
  append_folded(term, folded);
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
  const std::string lexicon_path = "sentiment/" + primary + ".tsv";
  const std::string rules_path = "sentiment/" + primary + ".rules.tsv";
  const std::optional<std::string> lexicon = primary.empty() ? std::nullopt : source.read(lexicon_path);
  const std::optional<std::string> rules = primary.empty() ? std::nullopt : source.read(rules_path);
  if (!lexicon && !rules) {
    throw Error(ErrorCode::not_found,
                fmt::format("no bundled sentiment lexicon or rules for language '{}': tried {} and {} in {}",
                            language, source.name_of(lexicon_path), source.name_of(rules_path),
                            source.description()));
  }
  // One term list in load order, so rules override lexicon entries ("no" is a negator, not -1.2).
  TermList list;
  if (const auto emoji = source.read("sentiment/emoji.tsv"))
    parse_into(*emoji, source.name_of("sentiment/emoji.tsv"), list);
  if (lexicon) parse_into(*lexicon, source.name_of(lexicon_path), list);
  if (rules) parse_into(*rules, source.name_of(rules_path), list);
  return SentimentLexicon(build(std::string(language), list));
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
