#pragma once
// Signals (docs/signals.md): price mentions, other brands and
// organizations, action items, questions and filler words, found in a call's segments.
//
// Pattern lists (action items, fillers, interrogative openers, brand stop words) are per language
// and loaded from UTF-8 data files (docs/signals.md describes the formats), so a host can replace or
// extend them. A SignalDetector is compiled once from them; it is immutable and safe to share
// between threads.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/model.hpp"

namespace parley {

// ---------------------------------------------------------------------------------------------
// Pattern data (plain values; load from files or fill in code)

// One entry of an action-item list (docs/signals.md "Action items"): `id` is its kind ("commit",
// "request", "joint", "commit_phrase", "request_phrase", "joint_phrase", "verb", "negation",
// "hypothetical", "reported", "closing") and `phrase` what is said ("i'll", "send", "see you").
// Due-date lists use the same shape with `id` the rule ("day+1", "weekday=5", "next_week",
// "end_of_week", "end_of_month").
struct ActionPattern {
  std::string id;
  std::string phrase;
};

// A currency token ("$", "kr", "euros", "EUR") and the ISO 4217 code it stands for. When the same
// token has several entries, the one whose `languages` lists the call's language tag (or its
// primary subtag) wins; an entry with empty `languages` is the default.
struct CurrencyToken {
  std::string token;
  std::string code;
  std::vector<std::string> languages;  // BCP 47 tags or primary subtags, e.g. "sv", "es-MX"
  // The token is also an ordinary word or a unit ("pounds" of weight, "won"): it makes a price only
  // after the number and with a price context (docs/signals.md, "Prices").
  bool needs_price_context = false;
};

// A word or suffix that multiplies the number before it: "k" 1e3, "million" 1e6, "万" 1e4.
// Multipliers are powers of ten. Resolved by language as currency tokens are: with several entries
// for one token the one listing the call's tag (or primary subtag) wins, else the one without
// languages; a token listed only for other languages is no multiplier in the call ("mil" is a
// thousand in Spanish and Portuguese, nothing in English).
struct AmountMultiplier {
  std::string token;
  int power_of_ten = 0;
  std::vector<std::string> languages;  // empty: every language
};

// A host-supplied organization name and the variants it may be said as.
struct GazetteerEntry {
  std::string name;                   // canonical display name, e.g. "Contoso Ltd"
  std::vector<std::string> variants;  // e.g. "Contoso", "Contoso Limited"
};

// The patterns of one language.
struct LanguageSignalPatterns {
  std::vector<ActionPattern> action_items;
  std::vector<std::string> fillers;            // "um", "you know", "like,"
  std::vector<std::string> filler_exceptions;  // phrases that are not fillers: "do you know"
  std::vector<std::string> interrogatives;     // sentence openers: "what", "do you", "¿"
  std::vector<std::string> question_endings;   // sentence endings: "吗", "ですか"
  std::vector<std::string> brand_stop_words;   // capitalised words that are never part of a name
  std::vector<ActionPattern> due_dates;        // time expressions of action items: rule and phrase
};

// Every pattern the detector uses; languages are keyed by BCP 47 tag or primary subtag ("en",
// "pt-BR"). A call uses its exact tag if present, else its primary subtag.
struct SignalPatterns {
  std::map<std::string, LanguageSignalPatterns> languages;
  std::vector<CurrencyToken> currencies;
  std::vector<AmountMultiplier> multipliers;
  std::vector<std::string> person_names;  // first and last names of any language: never a brand
};

// Loaders; each throws Error(ErrorCode::io) if the file cannot be read and Error(ErrorCode::parse)
// naming the file and line of a malformed entry.
// One entry per line; '#' starts a comment line; blank lines are ignored (fillers, interrogatives,
// brand stop words). Lines of a filler file starting with '!' are filler exceptions; lines of an
// interrogative file starting with "..." are question endings.
std::vector<std::string> load_phrase_list(const std::string& path);
// "<id> <phrase>": the id (letters, digits, '_', '-', '.') then whitespace then the phrase.
std::vector<ActionPattern> load_action_patterns(const std::string& path);
// "<token>\t<ISO 4217 code>[\t<language>,<language>...[\t<flags>]]"; languages "*" or empty: all;
// the one flag is "context" (CurrencyToken::needs_price_context).
std::vector<CurrencyToken> load_currency_tokens(const std::string& path);
// "<token>\t<power of ten>[\t<language>,<language>...]".
std::vector<AmountMultiplier> load_amount_multipliers(const std::string& path);
// "<name>[ | <variant> | <variant> ...]".
std::vector<GazetteerEntry> load_gazetteer(const std::string& path);
// Every file under <data_dir>/signals/: currencies.tsv, multipliers.tsv, person_names.txt and, per
// language directory <data_dir>/signals/<lang>/, action_items.txt, due_dates.txt, fillers.txt,
// interrogatives.txt and brand_stop_words.txt (each optional). An empty data_dir: the rule in
// parley/resources.hpp.
SignalPatterns load_signal_patterns(const std::string& data_dir = {});

// ---------------------------------------------------------------------------------------------
// Options and results

struct SignalOptions {
  // Language used when a call has none (Call::language empty). A call whose language has no
  // patterns still gets prices, brands and question-mark questions.
  std::string fallback_language = "en";
  // Organizations always recognised (in every language, also in scripts without capitals).
  std::vector<GazetteerEntry> gazetteer;
  // Names that are not "other brands" (the tracked keywords and competitors): a candidate whose
  // normalized key equals one of these, or contains one as whole words, is dropped.
  std::vector<std::string> brand_exclusions;
  // Our own organisation's names and short forms ("Brightwave Solutions", "Brightwave"): never
  // reported as a brand, nor any name containing one or contained in one.
  std::vector<std::string> our_names;
  // Folder of the Hunspell dictionaries (<folder>/<lang>_<REGION>.dic and .aff) that tell common
  // words from names; empty: /usr/share/hunspell. A language without a dictionary there gets
  // multi-word capitalised names only (docs/signals.md "Other brands and organizations").
  std::string dictionary_dir;
  // Capitalised candidate names: word count range. Names from the gazetteer are always kept.
  std::uint32_t min_name_words = 1;  // one word only where a dictionary knows the language
  std::uint32_t max_name_words = 6;
  // Which signals to detect.
  bool detect_prices = true;
  bool detect_brands = true;
  bool detect_action_items = true;
  bool detect_questions = true;
  bool detect_fillers = true;

  // Throws Error(invalid_argument) naming the field, its value and the allowed range: the fallback
  // language must be a known BCP 47 tag, names and exclusions valid UTF-8 and gazetteer names not
  // empty, 1 <= min_name_words <= max_name_words. `where` names this struct in the message.
  void validate(std::string_view where = "SignalOptions") const;
};

// A money amount with its currency, as said in a segment.
struct PriceMention {
  std::uint32_t segment = 0;   // index into Call::segments
  Role role = Role::other;     // the speaker's role
  Milliseconds offset_ms = 0;  // the segment's start
  std::uint32_t begin = 0;     // byte offsets [begin, end) into the segment's text
  std::uint32_t end = 0;
  std::string amount;    // exact decimal, '.' as separator, no grouping: "1200.5"
  double value = 0.0;    // the same amount as a double
  std::string currency;  // ISO 4217 code: "USD", "EUR"
  std::string text;      // as said: "1.200,50 €", "twelve hundred dollars"
};

// A name of an organization or brand (not a tracked term) said in a segment.
struct BrandMention {
  std::uint32_t segment = 0;
  Role role = Role::other;
  Milliseconds offset_ms = 0;
  std::uint32_t begin = 0;  // byte offsets into the segment's text
  std::uint32_t end = 0;
  std::string name;  // as said ("Acme Corp."); for gazetteer hits, as said too
  std::string key;   // normalized key grouping variants ("acme")
  bool from_gazetteer = false;
};

// Per-call count of one name (all its variants).
struct BrandCount {
  std::string key;
  std::string name;  // the gazetteer's canonical name, else the first form said
  std::uint32_t count = 0;
  std::uint32_t customer_count = 0;
  std::uint32_t first_segment = 0;
};

// Who is to do an action item, seen from its speaker.
enum class ActionOwner : std::uint8_t {
  speaker,     // a commitment: "I'll send it"
  other_side,  // a request: "could you send me the figures?"
  both,        // a joint proposal: "let's meet on Tuesday"
};
std::string_view action_owner_name(ActionOwner owner) noexcept;  // "speaker", "other_side", "both"

// A sentence with a commitment, a request or a joint proposal (docs/signals.md "Action items").
struct ActionItem {
  std::uint32_t segment = 0;
  Role role = Role::other;  // the speaker's role
  Milliseconds offset_ms = 0;
  std::uint32_t begin = 0;  // the sentence's byte offsets in the segment's text
  std::uint32_t end = 0;
  std::string pattern_id;  // the action verb, or the phrase trigger, as written in the list
  std::string text;        // the sentence
  ActionOwner owner = ActionOwner::speaker;
  std::string due_text;  // the time expression ("by friday"), normalized; empty if none
  std::string due_date;  // YYYY-MM-DD from Call::start_time_ms (UTC); empty if none or no call date
};

// Filler words of one participant.
struct FillerCount {
  std::string phrase;
  std::uint32_t count = 0;
};
// Rates per minute of talk are timing's (ParticipantTiming::filler_words_per_minute): the analyzer
// passes fillers_per_segment to compute_timing, as it does with questions_per_segment.
struct ParticipantFillers {
  std::uint32_t participant = 0;  // index into Call::participants
  Role role = Role::other;
  std::uint32_t count = 0;
  std::vector<FillerCount> by_phrase;  // sorted by count (descending), then phrase
};

struct CallSignals {
  std::string language;                  // the pattern language used ("en"), empty when none matched
  std::vector<PriceMention> prices;      // in time order (segment start, then offset)
  std::vector<BrandMention> brands;      // in time order
  std::vector<BrandCount> brand_counts;  // by count (descending), then key
  std::vector<ActionItem> action_items;  // in time order; seller and other roles alike
  std::vector<std::uint32_t> questions_per_segment;  // aligned with Call::segments
  std::vector<std::uint32_t> fillers_per_segment;    // aligned with Call::segments
  std::uint32_t seller_questions = 0;
  std::uint32_t customer_questions = 0;
  std::uint32_t other_questions = 0;
  std::vector<ParticipantFillers> fillers;  // one per participant, in participant order
};

// ---------------------------------------------------------------------------------------------
// Detection

class SignalDetector {
 public:
  // Compiles the patterns; throws Error(ErrorCode::invalid_argument) naming the language and list
  // of an empty or invalid pattern (empty phrase, invalid UTF-8, unknown currency code).
  explicit SignalDetector(const SignalPatterns& patterns, SignalOptions options = {});
  // Loads the bundled patterns (load_signal_patterns()).
  explicit SignalDetector(SignalOptions options = {});
  ~SignalDetector();
  SignalDetector(SignalDetector&&) noexcept;
  SignalDetector& operator=(SignalDetector&&) noexcept;

  // Every signal of a call. Throws Error(ErrorCode::invalid_utf8) naming the segment and byte
  // offset of invalid text and Error(ErrorCode::invalid_argument) for a segment whose speaker is
  // not a participant. Results do not depend on the order of the segments.
  CallSignals detect(const Call& call) const;

  // Single-text helpers with the same rules (language: BCP 47 tag; valid UTF-8 or invalid_utf8).
  std::uint32_t count_questions(std::string_view text, std::string_view language) const;
  std::vector<PriceMention> find_prices(std::string_view text, std::string_view language) const;

  const SignalOptions& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Questions in one text by the rules of SignalDetector::count_questions with the bundled patterns
// (compiled on first use from load_signal_patterns(), then shared; the first call may throw what
// load_signal_patterns throws).
std::uint32_t count_questions(std::string_view text, std::string_view language);

// The normalized key of an organization name: NFKC, case folded, accents stripped, punctuation
// dropped, a trailing legal-form suffix ("Inc", "GmbH", "Ltd") and a possessive "'s" removed.
std::string brand_key(std::string_view name);

// JSON (snake_case fields, durations in ms).
std::string to_json(const CallSignals& signals);
std::string to_json(const PriceMention& price);

}  // namespace parley
