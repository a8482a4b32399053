// The segment scorer (docs/sentiment.md, "Rules"). Three passes over reusable arrays:
//  1. tokenize: whitespace chunks; ASCII chunks take a fast path (edge punctuation stripped,
//     lower-cased into one buffer, emoticons tried first); chunks with other characters go through
//     the text pipeline's word segmenter and normalization, and emoji between words become tokens;
//  2. resolve: each token's lexicon role, longest multi-word phrase first;
//  3. score: each valence word adjusted by capitals, boosters and negators before it in its
//     sentence, then contrastive weights per sentence, the sum emphasised by '!' and '?', and
//     normalized into (-1, 1).
#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>
#include <utf8proc.h>

#include "model/ascii.hpp"
#include "model/enum_names.hpp"
#include "parley/error.hpp"
#include "parley/text.hpp"
#include "sentiment/lexicon_table.hpp"
#include "text/snowball.hpp"

namespace parley {

namespace {

constexpr detail::EnumName<SentimentLabel> sentiment_label_names[] = {
    {SentimentLabel::negative, "negative"},
    {SentimentLabel::neutral, "neutral"},
    {SentimentLabel::positive, "positive"},
};

using Entry = SentimentLexicon::Impl::Entry;
constexpr std::uint32_t npos = SentimentLexicon::Impl::npos;

// What a token does once phrases are resolved.
enum class TokenRole : std::uint8_t { none, valence, negator, booster, contrast, post_negator, post_booster };

struct Token {
  std::uint32_t begin = 0;  // into the folded buffer
  std::uint32_t length = 0;
  std::uint32_t entry = npos;
  bool caps = false;            // a word of two or more letters, all upper case
  bool sentence_start = false;  // first token after . ! ? ; (or of the text)
  bool clause_start = false;    // first token after , or : (or of a sentence): ends negation scope
  bool question_end = false;    // last token of a sentence that ends with a question mark
  bool stemmed = false;         // rated through its Snowball stem (value holds the valence)
  TokenRole role = TokenRole::none;
  float value = 0;
};

// What post_negator and post_booster words do to the rated token before them (apply_post_roles);
// kept beside the tokens, and only for lexicons with such words.
struct PostAdjustment {
  float factor = 1;
  float boost = 0;
};

inline bool is_ascii_space(unsigned char c) noexcept { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool is_sentence_end(unsigned char c) noexcept { return c == '.' || c == '!' || c == '?' || c == ';'; }
inline bool is_clause_end(unsigned char c) noexcept { return c == ',' || c == ':'; }
inline bool is_question_mark(char32_t c) noexcept { return c == '?' || c == 0xFF1F || c == 0x061F; }  // ? ？ ؟

bool all_ascii(std::string_view text) noexcept {
  const char* p = text.data();
  std::size_t n = text.size();
  while (n >= 8) {
    std::uint64_t chunk;
    std::memcpy(&chunk, p, 8);
    if (chunk & 0x8080808080808080ull) return false;
    p += 8;
    n -= 8;
  }
  while (n > 0) {
    if (static_cast<unsigned char>(*p) >= 0x80) return false;
    ++p;
    --n;
  }
  return true;
}

// Decay of a booster's effect with its distance (1-based) from the valence word.
inline double booster_decay(std::uint32_t distance) noexcept {
  return distance == 1 ? 1.0 : distance == 2 ? 0.95 : 0.9;
}

inline double sign_of(double x) noexcept { return x < 0 ? -1.0 : 1.0; }

}  // namespace

std::string_view sentiment_label_name(SentimentLabel label) noexcept {
  return detail::name_of(sentiment_label_names, label);
}

struct SentimentScorer::Impl {
  static constexpr std::size_t max_text_bytes = std::size_t{1} << 30;  // 1 GiB
  SentimentLexicon lexicon;
  SentimentOptions options;
  const SentimentLexicon::Impl* table = nullptr;

  // Reused buffers: they grow to the longest text seen and are never shrunk.
  std::string folded;
  std::vector<Token> tokens;
  std::vector<PostAdjustment> post;  // per token, filled only when the lexicon has post roles
  std::string phrase_key;
  std::string cleaned;  // text with invalid UTF-8 replaced (replace_invalid_utf8 only)
  std::vector<WordToken> words;
  std::optional<WordSegmenter> segmenter;
  std::optional<detail::SnowballStemmer> stemmer;  // built on the first unknown word (stem setting)

  // Per-text state of the tokenizer.
  std::uint32_t exclamations = 0;
  std::uint32_t questions = 0;
  std::uint32_t letter_tokens = 0;
  std::uint32_t caps_tokens = 0;
  std::uint32_t pieces = 0;
  bool pending_sentence_start = true;
  bool pending_clause_start = true;

  // Which word rules the lexicon has (English has none: its words take the shortest path).
  bool affixes = false;
  bool stems = false;
  bool word_rules = false;

  Impl(SentimentLexicon lex, SentimentOptions opts)
      : lexicon(std::move(lex)), options(opts), table(&lexicon.impl()) {
    affixes = !table->prefixes.empty() || !table->suffixes.empty();
    stems = table->stemmer_algorithm != nullptr && !table->stem_values.empty();
    word_rules = affixes || stems;
  }

  void push_token(std::uint32_t begin, std::uint32_t length, std::uint32_t entry, bool caps,
                  bool has_letters) {
    Token& token = tokens.emplace_back();
    token.begin = begin;
    token.length = length;
    token.entry = entry;
    token.caps = caps;
    token.sentence_start = pending_sentence_start;
    token.clause_start = pending_sentence_start || pending_clause_start;
    pending_sentence_start = pending_clause_start = false;
    letter_tokens += has_letters ? 1 : 0;
    caps_tokens += caps ? 1 : 0;
  }

  std::uint32_t find(std::uint32_t begin, std::size_t length) const noexcept {
    return table->find_index(folded.data() + begin, length);
  }
  std::string_view folded_view(std::uint32_t begin, std::size_t length) const noexcept {
    return std::string_view(folded).substr(begin, length);
  }

  // A word that is not a term may be a known term with clitics attached (French "l'offre", Arabic
  // "والخدمة", Chinese "不好"): strip up to three listed prefixes and one suffix, and if what is left
  // is a term, push the pieces as tokens of their own (a prefix or suffix may itself be a term,
  // "不" a negator). Returns false, pushing nothing, if no split leaves a term.
  bool push_split_word(std::uint32_t begin, std::uint32_t length, bool caps, bool has_letters) {
    std::uint32_t prefix_ends[4] = {begin, 0, 0, 0};
    std::size_t depth = 0;
    for (;;) {
      const std::uint32_t core_begin = prefix_ends[depth];
      const std::uint32_t core_length = begin + length - core_begin;
      std::uint32_t core_entry = depth > 0 ? find(core_begin, core_length) : npos;
      std::uint32_t suffix_length = 0;
      if (core_entry == npos) {
        const std::string_view core = folded_view(core_begin, core_length);
        for (const std::string& suffix : table->suffixes) {
          if (suffix.size() >= core.size() || !core.ends_with(suffix)) continue;
          const std::uint32_t entry = find(core_begin, core.size() - suffix.size());
          if (entry != npos) {
            core_entry = entry;
            suffix_length = static_cast<std::uint32_t>(suffix.size());
            break;
          }
        }
      }
      if (core_entry != npos) {
        const std::size_t first = tokens.size();
        for (std::size_t k = 0; k < depth; ++k) {
          const std::uint32_t piece_length = prefix_ends[k + 1] - prefix_ends[k];
          push_token(prefix_ends[k], piece_length, find(prefix_ends[k], piece_length), false, true);
        }
        const std::uint32_t stem_length = core_length - suffix_length;
        push_token(core_begin, stem_length, core_entry, caps, has_letters);
        if (suffix_length > 0) {
          const std::uint32_t suffix_begin = core_begin + stem_length;
          push_token(suffix_begin, suffix_length, find(suffix_begin, suffix_length), false, true);
        }
        // The word counts once, whatever it was split into.
        pieces += static_cast<std::uint32_t>(tokens.size() - first - 1);
        return true;
      }
      if (depth == 3) return false;
      const std::string_view core = folded_view(core_begin, core_length);
      const std::string* prefix = nullptr;
      for (const std::string& candidate : table->prefixes) {
        if (candidate.size() < core.size() && core.starts_with(candidate)) {
          prefix = &candidate;
          break;
        }
      }
      if (prefix == nullptr) return false;
      prefix_ends[++depth] = core_begin + static_cast<std::uint32_t>(prefix->size());
    }
  }

  // Pushes one word of the text (already folded at `begin`): looked up whole, then split into
  // attached pieces, then by its Snowball stem.
  void push_word(std::uint32_t begin, std::uint32_t length, bool caps, bool has_letters) {
    const std::uint32_t entry = find(begin, length);
    // A phrase's first word that is no term itself may still be rated through its stem.
    const bool phrase_start_only = entry != npos && stems && table->entries[entry].placeholder;
    if (!word_rules || (entry != npos && !phrase_start_only) || !has_letters) {
      push_token(begin, length, entry, caps, has_letters);
      return;
    }
    push_unknown_word(begin, length, entry, phrase_start_only, caps, has_letters);
  }

  // A word not found whole, in a language with word rules: out of line, so that the path of every
  // found word (and of every English word) stays small.
  [[gnu::noinline]] void push_unknown_word(std::uint32_t begin, std::uint32_t length, std::uint32_t entry,
                                           bool phrase_start_only, bool caps, bool has_letters) {
    if (!phrase_start_only && affixes &&
        push_split_word(begin, length, caps, has_letters)) {
      return;
    }
    push_token(begin, length, entry, caps, has_letters);
    // Stems of short words ("sono", "tem") say little: only words of four bytes or more.
    if (length >= 4 && stems) {
      if (!stemmer) stemmer.emplace(table->stemmer_algorithm);
      if (auto found = table->stem_values.find(stemmer->stem(folded_view(begin, length)));
          found != table->stem_values.end()) {
        tokens.back().stemmed = true;
        tokens.back().value = found->second;
      }
    }
  }

  void mark_question_end() {
    if (!tokens.empty()) tokens.back().question_end = true;
  }

  std::uint32_t append_lower_ascii(const char* p, std::size_t n) {
    const auto begin = static_cast<std::uint32_t>(folded.size());
    folded.resize(folded.size() + n);
    char* out = folded.data() + begin;
    for (std::size_t i = 0; i < n; ++i) out[i] = detail::ascii_lower(p[i]);
    return begin;
  }

  // An ASCII chunk (no whitespace inside).
  void tokenize_ascii_chunk(const char* chunk, std::size_t n) {
    // One pass: lower-case the whole chunk into the buffer while counting what the rules need.
    const auto begin = static_cast<std::uint32_t>(folded.size());
    folded.resize(folded.size() + n);
    char* out = folded.data() + begin;
    std::size_t lead = n, trail = 0;  // first alphanumeric, one past the last
    std::uint32_t upper = 0, lower = 0, bangs = 0, questions_here = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const auto c = static_cast<unsigned char>(chunk[i]);
      const bool is_upper = static_cast<unsigned>(c - 'A') < 26u;
      const bool is_lower = static_cast<unsigned>(c - 'a') < 26u;
      const bool is_alnum = is_upper || is_lower || static_cast<unsigned>(c - '0') < 10u;
      out[i] = static_cast<char>(is_upper ? c + 32 : c);
      upper += is_upper;
      lower += is_lower;
      bangs += c == '!';
      questions_here += c == '?';
      if (is_alnum) {
        lead = std::min(lead, i);
        trail = i + 1;
      }
    }
    exclamations += bangs;
    questions += questions_here;
    bool sentence_end = false, clause_end = false;
    if (trail < n || lead == n) {
      for (std::size_t i = lead == n ? 0 : trail; i < n; ++i) {
        sentence_end |= is_sentence_end(static_cast<unsigned char>(chunk[i]));
        clause_end |= is_clause_end(static_cast<unsigned char>(chunk[i]));
      }
    }
    bool pushed = false;
    if (lead > 0 || trail < n) {
      // Emoticons (":)", ":-D", "<3") and punctuated lexicon terms are looked up whole first.
      const std::uint32_t entry = table->find_index(out, n);
      if (entry != npos && table->entries[entry].kind == SentimentTermKind::valence &&
          !table->entries[entry].placeholder) {
        push_token(begin, static_cast<std::uint32_t>(n), entry, false, false);
        pushed = true;
        sentence_end = clause_end = false;  // the ':' or ';' of an emoticon ends no clause
      }
    }
    if (!pushed && lead < trail) {
      push_word(begin + static_cast<std::uint32_t>(lead), static_cast<std::uint32_t>(trail - lead),
                upper >= 2 && lower == 0, upper + lower > 0);
    }
    if (questions_here > 0 && sentence_end) mark_question_end();
    if (sentence_end) pending_sentence_start = true;
    if (clause_end) pending_clause_start = true;
  }

  // A word found by the segmenter inside a non-ASCII chunk.
  void tokenize_word(std::string_view word) {
    std::uint32_t upper = 0, lower = 0, letters = 0;
    utf8proc_ssize_t offset = 0;
    const auto size = static_cast<utf8proc_ssize_t>(word.size());
    while (offset < size) {
      utf8proc_int32_t cp = 0;
      const utf8proc_ssize_t used = utf8proc_iterate(
          reinterpret_cast<const utf8proc_uint8_t*>(word.data()) + offset, size - offset, &cp);
      if (used <= 0) break;
      offset += used;
      const utf8proc_category_t category = utf8proc_category(cp);
      if (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ++letters;
      upper += utf8proc_isupper(cp) ? 1 : 0;
      lower += utf8proc_islower(cp) ? 1 : 0;
    }
    const auto begin = static_cast<std::uint32_t>(folded.size());
    append_folded(word, folded);
    const auto length = static_cast<std::uint32_t>(folded.size() - begin);
    push_word(begin, length, upper >= 2 && lower == 0, letters > 0);
  }

  // Text between words inside a non-ASCII chunk: punctuation and emoji.
  void tokenize_gap(std::string_view gap) {
    std::size_t i = 0;
    while (i < gap.size()) {
      const auto c = static_cast<unsigned char>(gap[i]);
      if (c < 0x80) {
        exclamations += c == '!';
        questions += c == '?';
        if (c == '?') mark_question_end();
        if (is_sentence_end(c)) pending_sentence_start = true;
        if (is_clause_end(c)) pending_clause_start = true;
        ++i;
        continue;
      }
      utf8proc_int32_t cp = 0;
      const utf8proc_ssize_t used =
          utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(gap.data()) + i,
                           static_cast<utf8proc_ssize_t>(gap.size() - i), &cp);
      const std::size_t length = used > 0 ? static_cast<std::size_t>(used) : 1;
      if (cp == 0xFF01) ++exclamations;  // fullwidth !
      if (cp == 0xFF1F) ++questions;     // fullwidth ?
      if (is_question_mark(static_cast<char32_t>(cp))) mark_question_end();
      if (cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B || cp == 0xFF0E || cp == 0x0964 ||
          cp == 0x06D4 || cp == 0x061F || cp == 0x2026) {  // 。！？；． । ۔ ؟ …
        pending_sentence_start = true;
      }
      if (cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1A || cp == 0x060C)
        pending_clause_start = true;  // ，、：،
      // Emoji presentation selectors, joiners and skin tones modify the emoji before them.
      const bool modifier = cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D || (cp >= 0x1F3FB && cp <= 0x1F3FF);
      if (!modifier && used > 0) {
        const std::uint32_t entry = table->find_index(gap.data() + i, length);
        if (entry != npos && table->entries[entry].kind == SentimentTermKind::valence &&
            !table->entries[entry].placeholder) {
          const auto begin = static_cast<std::uint32_t>(folded.size());
          folded.append(gap.substr(i, length));
          push_token(begin, static_cast<std::uint32_t>(length), entry, false, false);
        }
      }
      i += length;
    }
  }

  void tokenize_unicode_chunk(std::string_view chunk) {
    if (!segmenter)
      segmenter.emplace(lexicon.language().empty() ? std::string_view("und") : lexicon.language());
    segmenter->segment(chunk, words);
    std::size_t previous_end = 0;
    for (const WordToken& word : words) {
      tokenize_gap(chunk.substr(previous_end, word.begin - previous_end));
      tokenize_word(chunk.substr(word.begin, word.end - word.begin));
      previous_end = word.end;
    }
    tokenize_gap(chunk.substr(previous_end));
  }

  void tokenize(std::string_view text, bool ascii) {
    folded.clear();
    tokens.clear();
    exclamations = questions = letter_tokens = caps_tokens = pieces = 0;
    pending_sentence_start = pending_clause_start = true;
    const char* p = text.data();
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
      while (i < n && is_ascii_space(static_cast<unsigned char>(p[i]))) ++i;
      if (i >= n) break;
      std::size_t end = i;
      bool chunk_ascii = true;
      while (end < n && !is_ascii_space(static_cast<unsigned char>(p[end]))) {
        chunk_ascii &= static_cast<unsigned char>(p[end]) < 0x80;
        ++end;
      }
      if (ascii || chunk_ascii)
        tokenize_ascii_chunk(p + i, end - i);
      else
        tokenize_unicode_chunk(text.substr(i, end - i));
      i = end;
    }
  }

  // Pass 2: roles, with the longest phrase starting at each token.
  std::uint32_t resolve_roles() {
    const std::size_t n = tokens.size();
    std::uint32_t matched = 0;
    std::size_t i = 0;
    while (i < n) {
      Token& token = tokens[i];
      if (token.entry == npos) {
        if (token.stemmed) {
          token.role = TokenRole::valence;
          ++matched;
        }
        ++i;
        continue;
      }
      const Entry* entry = &table->entries[token.entry];
      std::size_t span = 1;
      if (entry->phrase_max_words > 1) {
        std::size_t longest = std::min<std::size_t>(entry->phrase_max_words, n - i);
        // A phrase never crosses a sentence end.
        for (std::size_t k = 1; k < longest; ++k) {
          if (tokens[i + k].sentence_start) {
            longest = k;
            break;
          }
        }
        for (std::size_t words_in = longest; words_in >= 2; --words_in) {
          phrase_key.clear();
          for (std::size_t k = 0; k < words_in; ++k) {
            if (k > 0) phrase_key.push_back(' ');
            phrase_key.append(folded, tokens[i + k].begin, tokens[i + k].length);
          }
          const std::uint32_t phrase = table->find_index(phrase_key);
          if (phrase != npos && !table->entries[phrase].placeholder) {
            entry = &table->entries[phrase];
            span = words_in;
            break;
          }
        }
      }
      if (span == 1 && entry->placeholder) {
        if (token.stemmed) {
          token.role = TokenRole::valence;
          ++matched;
        }
        ++i;
        continue;
      }
      // A valence phrase sits on its first word (boosters before it keep their distance); a booster
      // phrase ("kind of") on its last, so its distance to the word it modifies is counted from there.
      Token& holder = entry->kind == SentimentTermKind::valence ? token : tokens[i + span - 1];
      switch (entry->kind) {
        case SentimentTermKind::valence:
          holder.role = TokenRole::valence;
          ++matched;
          break;
        case SentimentTermKind::negator: holder.role = TokenRole::negator; break;
        case SentimentTermKind::booster: holder.role = TokenRole::booster; break;
        case SentimentTermKind::contrast: holder.role = TokenRole::contrast; break;
        case SentimentTermKind::post_negator: holder.role = TokenRole::post_negator; break;
        case SentimentTermKind::post_booster: holder.role = TokenRole::post_booster; break;
      }
      holder.value = entry->value;
      if (span > 1) {
        bool caps = true;
        for (std::size_t k = 0; k < span; ++k) caps &= tokens[i + k].caps;
        holder.caps = caps;
      }
      i += span;
    }
    return matched;
  }

  // The rated tokens within `window` tokens of `at` in its clause and on its side of a contrastive
  // word, before it (direction -1) or after it (+1), calling on_rated(token index, distance). Returns how
  // many there were.
  template <class OnRated>
  std::size_t for_rated_near(std::size_t at, int direction, std::uint32_t window, OnRated&& on_rated) {
    std::size_t found = 0;
    for (std::uint32_t distance = 1; distance <= window; ++distance) {
      if (direction < 0) {
        if (distance > at || tokens[at - distance + 1].clause_start) break;
      } else if (at + distance >= tokens.size() || tokens[at + distance].clause_start) {
        break;
      }
      const std::size_t index = direction < 0 ? at - distance : at + distance;
      const Token& near = tokens[index];
      if (near.role == TokenRole::contrast) break;  // "良くないけど便利": the two sides stay apart
      if (near.role == TokenRole::valence && near.value != 0) {  // a 0 entry only guards a word
        on_rated(index, distance);
        ++found;
      }
    }
    return found;
  }

  // Pass 2b: a post_negator negates what follows it in its clause, else (or, with the
  // negation_looks_back setting, always) what precedes it; a
  // post_booster boosts what precedes it, else what follows. Acting forward, they become plain
  // negators and boosters for pass 3; acting backward, they leave a factor or boost on the word.
  void apply_post_roles() {
    const SentimentOptions& o = options;
    post.assign(tokens.size(), PostAdjustment{});
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      Token& token = tokens[i];
      if (token.role == TokenRole::post_negator) {
        const auto nothing = [](std::size_t, std::uint32_t) {};
        if (!table->negation_looks_back && for_rated_near(i, +1, o.negation_window, nothing) > 0) {
          token.role = TokenRole::negator;
        } else {
          for_rated_near(i, -1, o.negation_window, [&](std::size_t rated, std::uint32_t) { post[rated].factor *= token.value; });
        }
      } else if (token.role == TokenRole::post_booster) {
        const float boost = token.value;
        const std::size_t before = for_rated_near(
            i, -1, o.booster_window,
            [&](std::size_t rated, std::uint32_t distance) {
              post[rated].boost += boost * static_cast<float>(booster_decay(distance));
            });
        if (before == 0) token.role = TokenRole::booster;
      }
    }
  }

  // Pass 3: the score.
  double score_tokens() {
    const std::size_t n = tokens.size();
    const bool mixed_case = caps_tokens > 0 && caps_tokens < letter_tokens;
    const SentimentOptions& o = options;
    const std::uint32_t look_back = std::max(o.negation_window, o.booster_window);
    double sum = 0;
    std::size_t sentence_begin = 0;
    std::size_t contrast_at = npos;
    float contrast_weight = 1;
    double before = 0, after = 0;  // valence of the current sentence before / after the contrast
    const double question_weight = table->question_weight;
    const bool has_post = table->has_post_roles;
    for (std::size_t i = 0; i <= n; ++i) {
      if (i == n || (tokens[i].sentence_start && i > sentence_begin)) {
        double sentence = contrast_at == npos ? before : before * o.contrast_before_weight + after * contrast_weight;
        if (i > 0 && tokens[i - 1].question_end) sentence *= question_weight;
        sum += sentence;
        before = after = 0;
        contrast_at = npos;
        sentence_begin = i;
        if (i == n) break;
      }
      const Token& token = tokens[i];
      if (token.role == TokenRole::contrast) {
        // The last contrastive word of a sentence splits it: fold what came after an earlier one
        // back into "before".
        before += after;
        after = 0;
        contrast_at = i;
        contrast_weight = token.value;
        continue;
      }
      if (token.role != TokenRole::valence) continue;
      const double base = token.value;
      double value = base;
      if (token.caps && mixed_case) value += sign_of(base) * o.caps_increment;
      if (has_post) value += sign_of(base) * post[i].boost;
      // Look back within the clause: a comma ends the reach of "not" and "very".
      for (std::uint32_t distance = 1; distance <= look_back && !tokens[i - distance + 1].clause_start;
           ++distance) {
        const Token& before_token = tokens[i - distance];
        if (before_token.role == TokenRole::booster && distance <= o.booster_window) {
          double boost = before_token.value;
          if (before_token.caps && mixed_case) boost += sign_of(boost) * o.caps_increment;
          value += sign_of(base) * boost * booster_decay(distance);
        } else if (before_token.role == TokenRole::negator && distance <= o.negation_window) {
          value *= before_token.value;
        }
      }
      if (has_post) value *= post[i].factor;
      (contrast_at == npos ? before : after) += value;
    }
    if (sum != 0) {
      double emphasis = std::min(exclamations, o.max_exclamations) * o.exclamation_increment;
      if (questions > 1) emphasis += std::min<std::uint32_t>(questions, 3) * o.question_increment;
      sum += sign_of(sum) * emphasis;
    }
    const double score = sum / std::sqrt(sum * sum + o.normalization_alpha);
    return std::clamp(score, -1.0, 1.0);
  }

  SegmentSentiment score(std::string_view text) {
    // Token offsets are 32-bit; the model already rejects segments over 64 MiB.
    if (text.size() > max_text_bytes) {
      throw Error(ErrorCode::limit_exceeded, fmt::format("sentiment text: {} bytes exceed the limit of {}",
                                                         text.size(), max_text_bytes));
    }
    const bool ascii = all_ascii(text);
    if (!ascii) {
      std::size_t bad = find_invalid_utf8(text);
      if (bad != std::string_view::npos) {
        if (!options.replace_invalid_utf8) {
          throw Error(ErrorCode::invalid_utf8,
                      fmt::format("sentiment text: invalid UTF-8 at byte offset {}", bad));
        }
        cleaned.assign(text);
        while (bad != std::string_view::npos) {
          cleaned[bad] = ' ';
          const std::size_t next = find_invalid_utf8(std::string_view(cleaned).substr(bad + 1));
          bad = next == std::string_view::npos ? next : bad + 1 + next;
        }
        text = cleaned;
      }
    }
    tokenize(text, ascii);
    SegmentSentiment result;
    result.matched_terms = resolve_roles();
    if (table->has_post_roles) apply_post_roles();
    result.word_count = static_cast<std::uint32_t>(tokens.size()) - pieces;
    result.score = score_tokens();
    result.label = options.label_of(result.score);
    return result;
  }
};

SentimentScorer::SentimentScorer(SentimentLexicon lexicon, SentimentOptions options) {
  options.validate();
  impl_ = std::make_unique<Impl>(std::move(lexicon), options);
}
SentimentScorer::~SentimentScorer() = default;
SentimentScorer::SentimentScorer(SentimentScorer&&) noexcept = default;
SentimentScorer& SentimentScorer::operator=(SentimentScorer&&) noexcept = default;

SegmentSentiment SentimentScorer::score(std::string_view text) { return impl_->score(text); }
const SentimentLexicon& SentimentScorer::lexicon() const noexcept { return impl_->lexicon; }
const SentimentOptions& SentimentScorer::options() const noexcept { return impl_->options; }

}  // namespace parley
