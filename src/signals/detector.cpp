// SignalDetector: one pass over a call's segments in time order, sentence by sentence.
#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <shared_mutex>
#include <unordered_map>

#include <utf8proc.h>

#include "model/ascii.hpp"
#include "parley/error.hpp"
#include "parley/signals.hpp"
#include "parley/text.hpp"
#include "signals/actions.hpp"
#include "signals/names.hpp"
#include "signals/prices.hpp"
#include "signals/scan.hpp"

namespace parley {

using signals_detail::decode_at;
using signals_detail::is_boundary;
using signals_detail::is_space;
using signals_detail::is_unspaced_script_char;
using signals_detail::is_word_char;
using signals_detail::normalize_phrase;
using signals_detail::PhraseMatcher;

namespace {

constexpr std::uint32_t kFillerException = 0xFFFFFFFFu;

// ------------------------------------------------------------------ sentences and questions

bool is_question_mark(char32_t cp) {
  switch (cp) {
    case '?':
    case 0xFF1F:  // ？ full width
    case 0x061F:  // ؟ Arabic
    case 0x037E:  // ; Greek question mark
    case 0x2047:  // ⁇
    case 0x2048:  // ⁈
    case 0x2049:  // ⁉
    case 0x1367:  // ፧ Ethiopic
    case 0x2E2E:  // ⸮ reversed
    case 0xFE56:  // ﹖ small
    case 0x055E:  // ՞ Armenian (written on the word, counted where it ends a sentence)
      return true;
    default: return false;
  }
}

// Terminators that end a sentence wherever they stand (scripts without ambiguous full stops).
bool is_strong_terminator(char32_t cp) {
  switch (cp) {
    case 0x3002:  // 。
    case 0xFF01:  // ！
    case 0xFF0E:  // ．
    case 0xFF1B:  // ；
    case 0xFF61:  // ｡
    case 0x061B:  // ؛ Arabic semicolon
    case 0x06D4:  // ۔ Arabic full stop
    case 0x203C:  // ‼
    case 0x2026:  // …
    case 0x0589:  // ։ Armenian full stop
    case 0x1362:  // ። Ethiopic full stop
    case 0x0964:  // । Devanagari danda
    case 0x0965:  // ॥
    case 0xFE52:  // ﹒
    case 0xFE57:  // ﹗
      return true;
    default: return is_question_mark(cp) && cp != '?';
  }
}

// ASCII terminators end a sentence unless a letter or digit follows at once ("1.200", "e.g.x").
bool is_ascii_terminator(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == ';'; }

bool is_closing(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0x00BB ||
         cp == 0x300D || cp == 0x300F || cp == 0xFF09;
}

struct Sentence {
  std::size_t begin = 0;
  std::size_t content_end = 0;  // before the terminating punctuation
  std::size_t end = 0;          // after it
  bool terminated = false;
  bool question_mark = false;
  bool has_word = false;
};

void split_sentences(std::string_view text, std::vector<Sentence>& out) {
  out.clear();
  Sentence current;
  bool started = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t length = 1;
    const char32_t cp = decode_at(text, pos, length);
    if (!started) {
      if (is_space(cp)) {
        pos += length;
        continue;
      }
      current = Sentence{};
      current.begin = pos;
      started = true;
    }
    bool ends = is_strong_terminator(cp);
    if (!ends && is_ascii_terminator(cp)) {
      std::size_t next_length = 1;
      ends = pos + length >= text.size() || !is_word_char(decode_at(text, pos + length, next_length));
    }
    if (!ends) {
      if (is_word_char(cp)) current.has_word = true;
      pos += length;
      continue;
    }
    current.content_end = pos;
    current.terminated = true;
    // The run of terminators and closing quotes: "really?!", "。」".
    while (pos < text.size()) {
      const char32_t run = decode_at(text, pos, length);
      if (!(is_strong_terminator(run) || is_ascii_terminator(run) || is_closing(run))) break;
      if (is_question_mark(run)) current.question_mark = true;
      pos += length;
    }
    current.end = pos;
    out.push_back(current);
    started = false;
  }
  if (started) {
    current.content_end = current.end = text.size();
    while (current.content_end > current.begin) {  // trailing white space is not content
      const std::size_t previous = signals_detail::previous_start(text, current.content_end);
      std::size_t length = 1;
      if (!is_space(decode_at(text, previous, length))) break;
      current.content_end = previous;
    }
    out.push_back(current);
  }
}

// ------------------------------------------------------------------ compiled language patterns

struct CompiledLanguage {
  std::string name;
  PhraseMatcher fillers;
  std::vector<std::string> filler_phrases;  // as written in the list, by matcher value
  std::optional<signals_detail::ActionMatcher> actions;
  PhraseMatcher interrogatives;
  std::vector<std::string> question_endings;  // normalized
  std::vector<std::string> brand_stop_words;  // normalized, sorted
  std::unique_ptr<signals_detail::Dictionary> dictionary;  // null: none for this language
  std::unique_ptr<signals_detail::PlaceNames> places;
};

std::string normalized_entry(std::string_view phrase, const std::string& language, std::string_view list,
                             std::size_t index) {
  const std::string where = "signal patterns, language '" + language + "', " + std::string(list) + " entry " +
                            std::to_string(index + 1);
  if (const std::size_t bad = find_invalid_utf8(phrase); bad != std::string_view::npos) {
    throw Error(ErrorCode::invalid_argument, where + ": invalid UTF-8 at byte " + std::to_string(bad));
  }
  std::string normalized;
  normalize_phrase(phrase, normalized);
  if (normalized.empty()) throw Error(ErrorCode::invalid_argument, where + ": empty phrase");
  return normalized;
}

CompiledLanguage compile_language(const std::string& name, const LanguageSignalPatterns& patterns) {
  CompiledLanguage compiled;
  compiled.name = name;
  for (std::size_t i = 0; i < patterns.fillers.size(); ++i) {
    compiled.fillers.add(normalized_entry(patterns.fillers[i], name, "fillers", i),
                         static_cast<std::uint32_t>(compiled.filler_phrases.size()));
    compiled.filler_phrases.push_back(patterns.fillers[i]);
  }
  for (std::size_t i = 0; i < patterns.filler_exceptions.size(); ++i) {
    compiled.fillers.add(normalized_entry(patterns.filler_exceptions[i], name, "filler exceptions", i),
                         kFillerException);
  }
  compiled.fillers.compile();
  compiled.actions.emplace(name, patterns.action_items, patterns.due_dates);
  for (std::size_t i = 0; i < patterns.interrogatives.size(); ++i) {
    compiled.interrogatives.add(normalized_entry(patterns.interrogatives[i], name, "interrogatives", i), 0);
  }
  compiled.interrogatives.compile();
  for (std::size_t i = 0; i < patterns.question_endings.size(); ++i) {
    compiled.question_endings.push_back(
        normalized_entry(patterns.question_endings[i], name, "question endings", i));
  }
  for (std::size_t i = 0; i < patterns.brand_stop_words.size(); ++i) {
    compiled.brand_stop_words.push_back(
        normalized_entry(patterns.brand_stop_words[i], name, "brand stop words", i));
  }
  std::sort(compiled.brand_stop_words.begin(), compiled.brand_stop_words.end());
  return compiled;
}

// Is the normalized sentence a question by its opener or ending (used when it has no final
// punctuation)? Leading punctuation and fillers ("um, what do you think") are skipped.
bool is_question_by_words(std::string_view normalized, const CompiledLanguage& language) {
  // A backchannel or any other one-word sentence ("right", "okay", "好") asks nothing.
  const std::size_t words = signals_detail::count_words(normalized, 0, normalized.size());
  if (words <= 1) return false;
  std::size_t pos = 0;
  PhraseMatcher::Match match;
  for (int skipped = 0; skipped < 8 && pos < normalized.size(); ++skipped) {
    if (language.interrogatives.longest_at(normalized, pos, match)) return true;
    std::size_t length = 1;
    const char32_t cp = decode_at(normalized, pos, length);
    if (language.fillers.longest_at(normalized, pos, match) && match.value != kFillerException) {
      pos = match.end;
    } else if (!is_word_char(cp)) {
      pos += length;
    } else {
      break;
    }
    while (pos < normalized.size()) {  // spaces and commas after a filler
      const char32_t next = decode_at(normalized, pos, length);
      if (is_word_char(next)) break;
      if (language.interrogatives.longest_at(normalized, pos, match)) return true;  // "um, ¿qué..."
      pos += length;
    }
  }
  // Endings: "...吗", "...ですか", "..., n'est-ce pas".
  std::size_t end = normalized.size();
  while (end > 0) {
    const std::size_t previous = signals_detail::previous_start(normalized, end);
    std::size_t length = 1;
    if (is_word_char(decode_at(normalized, previous, length))) break;
    end = previous;
  }
  const std::string_view content = normalized.substr(0, end);
  // A tag ending only closes a clause of three words or more ("好吧" and "okay right" ask nothing);
  // in scripts written without spaces, four characters.
  for (const std::string& ending : language.question_endings) {
    if (content.size() >= ending.size() && content.substr(content.size() - ending.size()) == ending &&
        is_boundary(content, content.size() - ending.size())) {
      const std::size_t before = content.size() - ending.size();
      std::size_t length = 1;
      const bool unspaced = before > 0 && signals_detail::is_unspaced_script_char(
                                              decode_at(content, signals_detail::previous_start(content, before), length));
      if (signals_detail::count_words(content, 0, before) >= (unspaced ? 4u : 3u)) return true;
    }
  }
  return false;
}

// ------------------------------------------------------------------ brand keys

constexpr std::array<std::string_view, 31> kLegalForms = {
    "inc", "incorporated", "corp", "corporation", "co",  "company", "ltd", "limited", "llc", "plc", "gmbh",
    "ag",  "sa",           "sas",  "sarl",        "srl", "spa",     "bv",  "nv",      "ab",  "as",  "asa",
    "oy",  "oyj",          "aps",  "kk",          "pty", "se",      "kg",  "lp",      "llp"};

// Lower-case connectors that may join the capitalised words of a name ("Bank of America"). "and"
// is left out: in speech it joins two names in a list far more often than it sits inside one.
constexpr std::array<std::string_view, 19> kNameConnectors = {"of",  "de",  "du",  "des", "la",  "le", "van",
                                                              "von", "der", "den", "di",  "del", "da", "do",
                                                              "dos", "das", "for", "für", "&"};

bool is_connector(std::string_view word) {
  return std::find(kNameConnectors.begin(), kNameConnectors.end(), word) != kNameConnectors.end();
}

}  // namespace

std::string brand_key(std::string_view name) {
  if (const std::size_t bad = find_invalid_utf8(name); bad != std::string_view::npos) {
    throw Error(ErrorCode::invalid_utf8, "brand name: invalid UTF-8 at byte " + std::to_string(bad));
  }
  NormalizeOptions options;
  options.strip_accents = true;
  std::string folded = normalize_for_matching(name, options);
  folded.erase(std::remove(folded.begin(), folded.end(), '.'), folded.end());  // "S.A." -> "sa"
  std::vector<std::string> words(1);
  std::size_t pos = 0;
  while (pos < folded.size()) {
    std::size_t length = 1;
    const char32_t cp = decode_at(folded, pos, length);
    if (is_word_char(cp) || cp == '&') {
      words.back().append(folded, pos, length);
    } else if (cp == '\'' || cp == 0x2019) {
      // "Acme's": the possessive goes; other apostrophes join ("O'Reilly" -> "oreilly").
      const std::size_t after = pos + length;
      if (after < folded.size() && folded[after] == 's' &&
          (after + 1 == folded.size() || !is_word_char(static_cast<unsigned char>(folded[after + 1])))) {
        pos = after + 1;
        continue;
      }
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
    pos += length;
  }
  words.erase(std::remove_if(words.begin(), words.end(), [](const std::string& w) { return w.empty(); }),
              words.end());
  while (words.size() > 1 &&
         std::find(kLegalForms.begin(), kLegalForms.end(), words.back()) != kLegalForms.end()) {
    words.pop_back();
  }
  std::string key;
  for (const std::string& word : words) {
    if (!key.empty()) key.push_back(' ');
    key += word;
  }
  return key;
}

// ------------------------------------------------------------------ the detector

struct SignalDetector::Impl {
  SignalOptions options;
  std::map<std::string, CompiledLanguage, std::less<>> languages;  // keyed by lower-cased tag
  signals_detail::PriceScanner prices;
  PhraseMatcher gazetteer{true};
  std::vector<std::string> gazetteer_names;  // canonical names by matcher value
  std::vector<std::string> gazetteer_keys;
  std::vector<std::string> exclusion_keys;
  std::vector<std::string> person_names;  // normalized, sorted

  Impl(const SignalPatterns& patterns, SignalOptions opts)
      : options(std::move(opts)), prices(patterns.currencies, patterns.multipliers) {
    options.validate();
    for (const auto& [name, language] : patterns.languages) {
      CompiledLanguage compiled = compile_language(name, language);
      compiled.places = std::make_unique<signals_detail::PlaceNames>(name);
      if (const std::string stem = signals_detail::dictionary_stem(options.dictionary_dir, name); !stem.empty()) {
        compiled.dictionary = std::make_unique<signals_detail::Dictionary>(stem);
      }
      languages.emplace(detail::ascii_lowered(name), std::move(compiled));
    }
    for (std::size_t i = 0; i < options.gazetteer.size(); ++i) {
      const GazetteerEntry& entry = options.gazetteer[i];
      const std::string where = "gazetteer entry " + std::to_string(i + 1);
      gazetteer.add(entry.name, static_cast<std::uint32_t>(i));
      for (const std::string& variant : entry.variants) gazetteer.add(variant, static_cast<std::uint32_t>(i));
      gazetteer_names.push_back(entry.name);
      gazetteer_keys.push_back(brand_key(entry.name));
      if (gazetteer_keys.back().empty()) {
        throw Error(ErrorCode::invalid_argument,
                    where + ": name '" + entry.name + "' has no letters or digits");
      }
    }
    gazetteer.compile();
    std::string scratch_name;
    for (const std::string& name : patterns.person_names) {
      normalize_phrase(name, scratch_name);
      if (!scratch_name.empty()) person_names.push_back(scratch_name);
    }
    std::sort(person_names.begin(), person_names.end());
    person_names.erase(std::unique(person_names.begin(), person_names.end()), person_names.end());
    for (const auto* names : {&options.brand_exclusions, &options.our_names}) {
      for (const std::string& exclusion : *names) {
        std::string key = brand_key(exclusion);
        if (!key.empty()) exclusion_keys.push_back(std::move(key));
      }
    }
  }

  // The number conventions of each language tag seen, made once: an ICU number format costs
  // microseconds, a call's prices or one short text far less. Bounded, whatever the input's tags.
  signals_detail::LocaleNumbers locale_for(std::string_view tag) const {
    {
      const std::shared_lock lock(locales_mutex);
      if (const auto found = locales.find(tag); found != locales.end()) return found->second;
    }
    signals_detail::LocaleNumbers numbers = signals_detail::locale_numbers(tag);
    const std::unique_lock lock(locales_mutex);
    if (locales.size() >= kLocalesLimit) locales.clear();
    locales.emplace(std::string(tag), numbers);
    return numbers;
  }
  static constexpr std::size_t kLocalesLimit = 256;
  mutable std::shared_mutex locales_mutex;
  mutable std::map<std::string, signals_detail::LocaleNumbers, std::less<>> locales;

  const CompiledLanguage* find_language(std::string_view tag) const {
    if (tag.empty()) tag = options.fallback_language;
    const std::string lowered = detail::ascii_lowered(tag);
    if (auto it = languages.find(lowered); it != languages.end()) return &it->second;
    std::string primary = detail::primary_language_subtag(lowered);
    if (primary == "no" || primary == "nn") primary = "nb";  // Norwegian: one list for both forms
    if (auto it = languages.find(primary); it != languages.end()) return &it->second;
    return nullptr;
  }

  // A key equal to an exclusion, containing one as whole words ("acme data" for "acme"), or
  // contained in one ("brightwave" for "brightwave solutions").
  bool excluded(const std::string& key) const {
    const auto contains_words = [](const std::string& whole, const std::string& part) {
      const std::size_t at = whole.find(part);
      return at != std::string::npos && (at == 0 || whole[at - 1] == ' ') &&
             (at + part.size() == whole.size() || whole[at + part.size()] == ' ');
    };
    for (const std::string& exclusion : exclusion_keys) {
      if (contains_words(key, exclusion) || contains_words(exclusion, key)) return true;
    }
    return false;
  }

  bool is_stop_word(std::string_view word, const CompiledLanguage* language, std::string& scratch) const {
    if (word == "I" || word.rfind("I'", 0) == 0 || word.rfind("I\xE2\x80\x99", 0) == 0) return true;
    if (!language || language->brand_stop_words.empty()) return false;
    normalize_phrase(word, scratch);
    return std::binary_search(language->brand_stop_words.begin(), language->brand_stop_words.end(), scratch);
  }

  // What one call tells about names: its participants' name words and the words already judged.
  struct NameContext {
    std::vector<std::string> participant_words;  // normalized, sorted
    std::unordered_map<std::string, std::uint8_t> judged;  // word as said -> its WordKind
    std::string scratch;
  };

  // What a capitalised word can be, by the language's data.
  enum class WordKind : std::uint8_t {
    common,   // a common word, a person's name or a place: names no organisation
    proper,   // the dictionary knows only its capitalised form ("Nokia", "PowerPoint"); or no dictionary
    coined,   // unknown, with a capital or hyphen inside ("SmartKom", "Play-Doh", "iPod")
    unknown,  // unknown otherwise: a rare name, jargon, a typo, an abbreviation ("KLT")
  };

  // Not a name when it is a participant's or a listed person's name, a place or people ICU knows,
  // or a common word for the language's dictionary: the lower-case form ("Team" -> "team"), or in
  // German, where nouns are capitalised, the word as written ("Schritt"); an all-capital word the
  // dictionary knows is a common abbreviation ("TV", "PC").
  WordKind word_kind(std::string_view word, const CompiledLanguage* language, NameContext& context) const {
    const auto emplaced = context.judged.try_emplace(std::string(word), std::uint8_t{0});
    const auto it = emplaced.first;
    if (!emplaced.second) return static_cast<WordKind>(it->second);
    const KnownWord known = known_word(word, language);
    const WordKind kind =
        std::binary_search(context.participant_words.begin(), context.participant_words.end(), known.folded)
            ? WordKind::common
            : known.kind;
    it->second = static_cast<std::uint8_t>(kind);
    return kind;
  }

  // What a word is apart from the call's participants, remembered across calls: the person list,
  // ICU's places and Hunspell cost microseconds a word, and calls repeat their capitalised words.
  struct KnownWord {
    WordKind kind = WordKind::common;
    std::string folded;  // normalized, without a possessive or an abbreviation's plural
  };
  static constexpr std::size_t kKnownWordsLimit = std::size_t{1} << 16;
  mutable std::shared_mutex known_words_mutex;
  mutable std::unordered_map<std::string, KnownWord> known_words;  // "<language>\x1f<word as said>"
  KnownWord known_word(std::string_view word, const CompiledLanguage* language) const {
    std::string key = language ? language->name : std::string();
    key.push_back('\x1f');
    key.append(word);
    {
      const std::shared_lock lock(known_words_mutex);
      if (const auto found = known_words.find(key); found != known_words.end()) return found->second;
    }
    KnownWord known = judge_word(word, language);
    const std::unique_lock lock(known_words_mutex);
    if (known_words.size() >= kKnownWordsLimit) known_words.clear();  // bounded memory, whatever the input
    known_words.emplace(std::move(key), known);
    return known;
  }

  KnownWord judge_word(std::string_view word, const CompiledLanguage* language) const {
    KnownWord known;
    // The possessive and the plural of an abbreviation say nothing: "Steve's", "LCDs".
    for (const std::string_view possessive : {"'s", "\xE2\x80\x99s"}) {
      if (word.size() > possessive.size() && word.ends_with(possessive)) word.remove_suffix(possessive.size());
    }
    if (word.size() > 2 && word.back() == 's' &&
        signals_detail::is_uppercase_letter(static_cast<unsigned char>(word[word.size() - 2])))
      word.remove_suffix(1);
    normalize_phrase(word, known.folded);
    const std::string& folded = known.folded;
    if (std::binary_search(person_names.begin(), person_names.end(), folded) ||
        (language && language->places->contains(folded))) {
      known.kind = WordKind::common;
      return known;
    }
    if (!has_dictionary(language)) {
      known.kind = WordKind::proper;
      return known;
    }
    bool all_capitals = true, inner_capital = false, hyphen = false;
    std::size_t letters = 0;
    for (std::size_t pos = 0; pos < word.size();) {
      std::size_t length = 1;
      const char32_t cp = decode_at(word, pos, length);
      if (signals_detail::is_letter(cp)) {
        const bool upper = signals_detail::is_uppercase_letter(cp);
        if (!upper) all_capitals = false;
        if (upper && letters > 0) inner_capital = true;
        ++letters;
      } else if (cp == '-') {
        hyphen = true;
      }
      pos += length;
    }
    all_capitals = all_capitals && letters >= 2;
    const signals_detail::Dictionary& dictionary = *language->dictionary;
    const bool german_noun = language->name == "de" && !all_capitals;
    if (german_noun ? dictionary.knows(word) : dictionary.knows(folded) || (all_capitals && dictionary.knows(word))) {
      known.kind = WordKind::common;
    } else if (dictionary.knows(word)) {
      known.kind = WordKind::proper;
    } else {
      known.kind = ((inner_capital && !all_capitals) || hyphen) ? WordKind::coined : WordKind::unknown;
    }
    return known;
  }

  static bool all_capital_word(std::string_view word) {
    for (std::size_t pos = 0; pos < word.size();) {
      std::size_t length = 1;
      const char32_t cp = decode_at(word, pos, length);
      if (signals_detail::is_letter(cp) && !signals_detail::is_uppercase_letter(cp)) return false;
      pos += length;
    }
    return true;
  }

  bool has_dictionary(const CompiledLanguage* language) const {
    return language && language->dictionary && language->dictionary->available();
  }

  // Capitalised names in one sentence of original text, not overlapping `taken`.
  void find_capitalised_names(std::string_view text, const Sentence& sentence,
                              const CompiledLanguage* language,
                              const std::vector<std::pair<std::size_t, std::size_t>>& taken,
                              NameContext& context,
                              std::vector<std::pair<std::size_t, std::size_t>>& names) const {
    const std::string_view content = text.substr(0, sentence.content_end);
    // A sentence with no lower-case letter (all capitals, or a script without case) has no clue.
    bool any_lower = false;
    for (std::size_t pos = sentence.begin; pos < content.size() && !any_lower;) {
      std::size_t length = 1;
      const char32_t cp = decode_at(content, pos, length);
      any_lower = cp < 0x80 ? (cp >= 'a' && cp <= 'z')
                            : utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
      pos += length;
    }
    if (!any_lower) return;

    struct Word {
      std::size_t begin, end;
      bool capitalised;
    };
    std::vector<Word> run;
    std::size_t connectors = 0;
    // German capitalises every noun, so "in drei Monaten den Erfolg" or "Schritt für Schritt" would
    // read as names: there only adjacent capitalised words form one ("Deutsche Telekom").
    const bool joins_names = language == nullptr || language->name != "de";
    std::string scratch;
    bool run_at_start = false;  // the run began with the sentence's first word
    const auto flush = [&] {
      while (!run.empty() && !run.back().capitalised) run.pop_back();
      if (run_at_start && !run.empty()) {
        // A capitalised first word may be an ordinary word ("Acme Data Systems is..." gives no
        // clue whether "Acme" belongs): drop it, and keep the rest only with a word to spare.
        run.erase(run.begin());
        while (!run.empty() && !run.front().capitalised) run.erase(run.begin());
        std::uint32_t rest = 0;
        for (const Word& w : run) rest += w.capitalised ? 1 : 0;
        if (rest < std::max<std::uint32_t>(options.min_name_words, 2) + 1) run.clear();
      }
      run_at_start = false;
      std::uint32_t capitalised = 0;
      bool naming = false;       // some word names something: not all common words or people
      bool single_name = false;  // the last word could stand alone as a name (not an unknown abbreviation)
      bool dropped = false;
      std::size_t letters_of_last = 0;
      for (std::size_t i = 0; i < run.size() && !dropped; ++i) {
        if (!run[i].capitalised) continue;
        const std::string_view word = content.substr(run[i].begin, run[i].end - run[i].begin);
        const WordKind kind = word_kind(word, language, context);
        if (capitalised == 0 && run.size() > 1 && kind == WordKind::common) {
          // A person's full name starts with a first name ("John Ohala", "Jerry Feldman").
          normalize_phrase(word, context.scratch);
          dropped = std::binary_search(person_names.begin(), person_names.end(), context.scratch);
        }
        if (i + 1 < run.size()) {
          // A stutter repeats the start of the next word: "Th they", "Ther there".
          const std::string_view next = content.substr(run[i + 1].begin, run[i + 1].end - run[i + 1].begin);
          dropped = dropped || signals_detail::is_stutter_of(word, next);
        }
        ++capitalised;
        naming = naming || kind != WordKind::common;
        single_name = kind == WordKind::proper || kind == WordKind::coined ||
                      (kind == WordKind::unknown && !all_capital_word(word));
        letters_of_last = word.size();
      }
      if (dropped) naming = false;
      // One word alone is a name only where a dictionary can say it is not a common word, and only
      // with three letters or more and not an abbreviation the dictionary does not know ("KLT").
      const std::uint32_t least = has_dictionary(language) ? options.min_name_words
                                                            : std::max<std::uint32_t>(options.min_name_words, 2);
      if (capitalised == 1 && (!single_name || letters_of_last < 3)) naming = false;
      if (naming && capitalised >= least && run.size() <= options.max_name_words) {
        const std::size_t begin = run.front().begin, end = run.back().end;
        if (language && run.size() > 1) {  // "San Francisco", "United States"
          normalize_phrase(content.substr(begin, end - begin), context.scratch);
          if (language->places->contains(context.scratch)) {
            run.clear();
            connectors = 0;
            return;
          }
        }
        const bool overlaps = std::any_of(taken.begin(), taken.end(), [&](const auto& span) {
          return span.first < end && begin < span.second;
        });
        if (!overlaps) names.emplace_back(begin, end);
      }
      run.clear();
      connectors = 0;
    };
    std::size_t pos = sentence.begin;
    std::size_t previous_end = sentence.begin;
    bool first_word = true;
    while (pos < content.size()) {
      std::size_t length = 1;
      char32_t cp = decode_at(content, pos, length);
      if (!is_word_char(cp) && cp != '&') {
        pos += length;
        continue;
      }
      if (is_unspaced_script_char(cp)) {  // Han, kana: each character ends a name
        flush();
        first_word = false;
        pos += length;
        previous_end = pos;
        continue;
      }
      // The word, with joiners inside it: "Coca-Cola", "O'Reilly", "AT&T".
      const std::size_t begin = pos;
      std::size_t end = pos;
      while (end < content.size()) {
        cp = decode_at(content, end, length);
        if ((is_word_char(cp) && !is_unspaced_script_char(cp)) || (cp == '&' && end == begin)) {
          end += length;
          continue;
        }
        if ((cp == '-' || cp == '\'' || cp == 0x2019 || cp == '&' || cp == '.') &&
            end + length < content.size()) {
          std::size_t next_length = 1;
          const char32_t next = decode_at(content, end + length, next_length);
          if (is_word_char(next) && !(cp == '.' && !signals_detail::is_uppercase_letter(next))) {
            end += length;
            continue;
          }
        }
        break;
      }
      pos = end;
      // Only spaces may separate the words of a name.
      bool spaced = true;
      for (std::size_t at = previous_end; at < begin;) {
        const char32_t between = decode_at(content, at, length);
        if (!is_space(between)) spaced = false;
        at += length;
      }
      previous_end = end;
      if (!spaced && !run.empty()) flush();
      const std::string_view word = content.substr(begin, end - begin);
      std::size_t first_length = 1;
      const char32_t first = decode_at(word, 0, first_length);
      const bool was_first = first_word;
      first_word = false;
      // Only capitalised words can be stop words here (and normalizing every word would cost).
      const bool capitalised = signals_detail::is_uppercase_letter(first);
      if (capitalised && is_stop_word(word, language, scratch)) {
        flush();
        continue;
      }
      if (was_first) {
        flush();
        if (signals_detail::is_uppercase_letter(first)) {
          run.push_back({begin, end, true});
          run_at_start = true;
        }
        continue;
      }
      if (signals_detail::is_uppercase_letter(first) || (!run.empty() && signals_detail::is_digit(first))) {
        run.push_back({begin, end, true});
        connectors = 0;
      } else if (!run.empty() && connectors < 2 && joins_names && is_connector(word)) {
        run.push_back({begin, end, false});
        ++connectors;
      } else {
        flush();
      }
    }
    flush();
  }
};

SignalDetector::SignalDetector(const SignalPatterns& patterns, SignalOptions options)
    : impl_(std::make_unique<Impl>(patterns, std::move(options))) {}
SignalDetector::SignalDetector(SignalOptions options)
    : impl_(std::make_unique<Impl>(load_signal_patterns(), std::move(options))) {}
SignalDetector::~SignalDetector() = default;
SignalDetector::SignalDetector(SignalDetector&&) noexcept = default;
SignalDetector& SignalDetector::operator=(SignalDetector&&) noexcept = default;

const SignalOptions& SignalDetector::options() const noexcept { return impl_->options; }

namespace {

void check_text(std::string_view text, std::string_view what) {
  if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    throw Error(ErrorCode::invalid_utf8,
                std::string(what) + ": invalid UTF-8 at byte " + std::to_string(bad));
  }
}

}  // namespace

std::uint32_t SignalDetector::count_questions(std::string_view text, std::string_view language) const {
  check_text(text, "text");
  const CompiledLanguage* compiled = impl_->find_language(language);
  std::vector<Sentence> sentences;
  split_sentences(text, sentences);
  std::string normalized;
  std::uint32_t count = 0;
  for (const Sentence& sentence : sentences) {
    if (!sentence.has_word) continue;
    if (sentence.question_mark) {
      ++count;
    } else if (!sentence.terminated && compiled) {
      normalize_phrase(text.substr(sentence.begin, sentence.content_end - sentence.begin), normalized);
      if (is_question_by_words(normalized, *compiled)) ++count;
    }
  }
  return count;
}

std::vector<PriceMention> SignalDetector::find_prices(std::string_view text,
                                                      std::string_view language) const {
  check_text(text, "text");
  const auto locale = impl_->locale_for(language.empty() ? impl_->options.fallback_language : language);
  std::vector<signals_detail::FoundPrice> found;
  impl_->prices.scan(text, locale, found);
  std::vector<PriceMention> mentions;
  for (auto& price : found) {
    PriceMention mention;
    mention.begin = static_cast<std::uint32_t>(price.begin);
    mention.end = static_cast<std::uint32_t>(price.end);
    mention.amount = std::move(price.amount);
    mention.value = price.value;
    mention.currency = std::move(price.currency);
    mention.text = std::string(text.substr(price.begin, price.end - price.begin));
    mentions.push_back(std::move(mention));
  }
  return mentions;
}

CallSignals SignalDetector::detect(const Call& call) const {
  const Impl& impl = *impl_;
  const SignalOptions& options = impl.options;
  CallSignals result;
  const std::string_view language_tag =
      call.language.empty() ? std::string_view(options.fallback_language) : std::string_view(call.language);
  const CompiledLanguage* language = impl.find_language(language_tag);
  if (language) result.language = language->name;
  const auto locale = impl.locale_for(language_tag);

  const std::size_t segment_count = call.segments.size();
  result.questions_per_segment.assign(segment_count, 0);
  result.fillers_per_segment.assign(segment_count, 0);
  for (std::size_t i = 0; i < segment_count; ++i) {
    const Segment& segment = call.segments[i];
    if (segment.speaker >= call.participants.size()) {
      throw Error(ErrorCode::invalid_argument, "call '" + call.id + "': segment " + std::to_string(i) +
                                                   ": speaker " + std::to_string(segment.speaker) +
                                                   " is not a participant");
    }
    if (segment.text.size() > 0xFFFFFFFFull) {
      throw Error(ErrorCode::limit_exceeded,
                  "call '" + call.id + "': segment " + std::to_string(i) + ": text over 4 GiB");
    }
    check_text(segment.text, "call '" + call.id + "': segment " + std::to_string(i));
  }

  // Time order (ties by speaker, then text) so that results do not depend on the input order.
  std::vector<std::uint32_t> order(segment_count);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Segment& x = call.segments[a];
    const Segment& y = call.segments[b];
    if (x.start_ms != y.start_ms) return x.start_ms < y.start_ms;
    if (x.end_ms != y.end_ms) return x.end_ms < y.end_ms;
    if (x.speaker != y.speaker) return x.speaker < y.speaker;
    return x.text < y.text;
  });

  const std::size_t participant_count = call.participants.size();
  std::vector<std::uint32_t> filler_totals(participant_count, 0);
  std::vector<std::map<std::uint32_t, std::uint32_t>> filler_phrases(participant_count);
  std::map<std::string, std::size_t> brand_index;  // key -> position in result.brand_counts

  std::vector<Sentence> sentences;
  std::vector<signals_detail::FoundPrice> prices;
  std::vector<std::pair<std::size_t, std::size_t>> taken;
  std::vector<std::pair<std::size_t, std::size_t>> names;
  std::string normalized;
  Impl::NameContext name_context;
  if (options.detect_brands) {
    for (const Participant& participant : call.participants) {
      for (const std::string* name : {&participant.display_name, &participant.id}) {
        std::size_t pos = 0;
        while (pos < name->size()) {
          std::size_t length = 1;
          const std::size_t begin = pos;
          while (pos < name->size() && is_word_char(decode_at(*name, pos, length))) pos += length;
          if (pos > begin) {
            normalize_phrase(std::string_view(*name).substr(begin, pos - begin), normalized);
            name_context.participant_words.push_back(normalized);
          } else {
            pos += length;
          }
        }
      }
    }
    std::sort(name_context.participant_words.begin(), name_context.participant_words.end());
  }

  const auto add_brand = [&](std::uint32_t index, const Segment& segment, std::size_t begin, std::size_t end,
                             std::string key, const std::string* canonical) {
    if (key.empty() || impl.excluded(key)) return;
    const Role role = call.participants[segment.speaker].role;
    BrandMention mention{index,
                         role,
                         segment.start_ms,
                         static_cast<std::uint32_t>(begin),
                         static_cast<std::uint32_t>(end),
                         segment.text.substr(begin, end - begin),
                         key,
                         canonical != nullptr};
    auto [it, inserted] = brand_index.emplace(key, result.brand_counts.size());
    if (inserted) result.brand_counts.push_back({key, canonical ? *canonical : mention.name, 0, 0, index});
    BrandCount& count = result.brand_counts[it->second];
    if (canonical) count.name = *canonical;
    ++count.count;
    if (role == Role::customer) ++count.customer_count;
    result.brands.push_back(std::move(mention));
  };

  for (const std::uint32_t index : order) {
    const Segment& segment = call.segments[index];
    const std::string_view text = segment.text;
    const Role role = call.participants[segment.speaker].role;

    if (options.detect_prices) {
      prices.clear();
      impl.prices.scan(text, locale, prices);
      for (auto& price : prices) {
        result.prices.push_back({index, role, segment.start_ms, static_cast<std::uint32_t>(price.begin),
                                 static_cast<std::uint32_t>(price.end), std::move(price.amount), price.value,
                                 std::move(price.currency),
                                 std::string(text.substr(price.begin, price.end - price.begin))});
      }
    }

    split_sentences(text, sentences);
    for (const Sentence& sentence : sentences) {
      if (!sentence.has_word) continue;
      const std::string_view original = text.substr(sentence.begin, sentence.end - sentence.begin);
      const bool needs_normalized =
          language && (options.detect_fillers || options.detect_action_items ||
                       (options.detect_questions && !sentence.question_mark && !sentence.terminated));
      if (needs_normalized) normalize_phrase(original, normalized);

      if (options.detect_questions) {
        const bool question = sentence.question_mark || (!sentence.terminated && language &&
                                                         is_question_by_words(normalized, *language));
        if (question) {
          ++result.questions_per_segment[index];
          (role == Role::seller     ? result.seller_questions
           : role == Role::customer ? result.customer_questions
                                    : result.other_questions) += 1;
        }
      }
      if (options.detect_fillers && language) {
        language->fillers.for_each(normalized, [&](const PhraseMatcher::Match& match) {
          if (match.value == kFillerException) return;
          ++result.fillers_per_segment[index];
          ++filler_totals[segment.speaker];
          ++filler_phrases[segment.speaker][match.value];
        });
      }
      if (options.detect_action_items && language && !language->actions->empty()) {
        if (auto action = language->actions->find(normalized, call.start_time_ms)) {
          result.action_items.push_back({index, role, segment.start_ms, static_cast<std::uint32_t>(sentence.begin),
                                         static_cast<std::uint32_t>(sentence.end), std::move(action->pattern),
                                         std::string(original), action->owner, std::move(action->due_text),
                                         std::move(action->due_date)});
        }
      }
      if (options.detect_brands) {
        taken.clear();
        const std::string_view content = text.substr(0, sentence.content_end);
        std::size_t pos = sentence.begin;
        PhraseMatcher::Match match;
        while (!impl.gazetteer.empty() && pos < content.size()) {
          if (impl.gazetteer.longest_at(content, pos, match)) {
            taken.emplace_back(match.begin, match.end);
            add_brand(index, segment, match.begin, match.end, impl.gazetteer_keys[match.value],
                      &impl.gazetteer_names[match.value]);
            pos = match.end;
          } else {
            std::size_t length = 1;
            decode_at(content, pos, length);
            pos += length;
          }
        }
        names.clear();
        impl.find_capitalised_names(text, sentence, language, taken, name_context, names);
        for (const auto& [begin, end] : names) {
          add_brand(index, segment, begin, end, brand_key(text.substr(begin, end - begin)), nullptr);
        }
      }
    }
  }

  std::stable_sort(result.brand_counts.begin(), result.brand_counts.end(),
                   [](const BrandCount& a, const BrandCount& b) {
                     if (a.count != b.count) return a.count > b.count;
                     return a.key < b.key;
                   });

  if (options.detect_fillers) {
    for (std::uint32_t p = 0; p < participant_count; ++p) {
      ParticipantFillers fillers;
      fillers.participant = p;
      fillers.role = call.participants[p].role;
      fillers.count = filler_totals[p];
      for (const auto& [phrase, count] : filler_phrases[p])
        fillers.by_phrase.push_back({language->filler_phrases[phrase], count});
      std::stable_sort(fillers.by_phrase.begin(), fillers.by_phrase.end(),
                       [](const FillerCount& a, const FillerCount& b) {
                         if (a.count != b.count) return a.count > b.count;
                         return a.phrase < b.phrase;
                       });
      result.fillers.push_back(std::move(fillers));
    }
  }
  return result;
}

std::uint32_t count_questions(std::string_view text, std::string_view language) {
  // Compiled once from the bundled data on first use; immutable, so safe to share between threads.
  static const SignalDetector bundled;
  return bundled.count_questions(text, language);
}

}  // namespace parley
