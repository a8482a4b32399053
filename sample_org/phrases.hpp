#pragma once
// Phrase banks of the sample generator: what sellers and customers say, per language. Templates
// carry placeholders {name} (customer), {seller}, {kw} (a tracked keyword in the call's language),
// {comp} (a competitor), {brand} (another organisation) and {price} (an amount in local format).
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace parley::sample {

enum class PhraseKind : std::uint8_t {
  seller_greeting,
  customer_greeting,
  seller_question,
  seller_keyword,
  seller_statement,
  seller_price,
  seller_next_step,
  customer_positive,
  customer_neutral,
  customer_negative,
  customer_keyword_question,
  customer_competitor,
  customer_brand,
  customer_question,
  backchannel,
  seller_closing,
  customer_closing,
  count_
};

inline constexpr std::size_t phrase_kind_count = static_cast<std::size_t>(PhraseKind::count_);

// Languages with phrase banks (base language codes).
enum class SampleLanguage : std::uint8_t { en, de, da, fr, es, count_ };
inline constexpr std::size_t sample_language_count = static_cast<std::size_t>(SampleLanguage::count_);

struct PhraseBank {
  std::array<std::vector<std::string_view>, phrase_kind_count> phrases;
  std::vector<std::string_view> first_names;  // customers' first names
  std::vector<std::string_view> last_names;
  std::string_view company_suffix;  // "Inc.", "GmbH", "A/S" ...
  const std::vector<std::string_view>& operator[](PhraseKind kind) const {
    return phrases[static_cast<std::size_t>(kind)];
  }
};

const PhraseBank& phrase_bank(SampleLanguage language);

// A tracked term of the sample organisation: its name and how it is said in each sample language.
struct SampleTermSpec {
  std::string_view name;
  bool competitor = false;
  std::string_view team;  // "" organisation-wide, "north" or "south" for a team's own term
  std::array<std::string_view, sample_language_count> forms;
  std::vector<std::string_view> extra_variants;  // other ways to say it ("Contoso" for "Contoso 360")
};

const std::vector<SampleTermSpec>& sample_terms();
// Organisations customers mention that nobody tracks; the last `new_brand_count` appear only in the
// final 14 and 5 days, so "new brands" have something to show.
const std::vector<std::string_view>& sample_brands();
inline constexpr std::size_t new_brand_count = 2;
const std::vector<std::string_view>& company_stems();
const std::vector<std::string_view>& coaching_notes();

}  // namespace parley::sample
