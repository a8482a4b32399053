#pragma once
// Which capitalised words name something (private; docs/signals.md "Other brands and
// organizations"): a language's Hunspell dictionary tells common words ("Team", "Okay") from names,
// and person-name lists and the call's participants tell people from organisations.
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

struct UConverter;
class Hunspell;

namespace parley::signals_detail {

// One Hunspell dictionary, opened on first use (opening takes 50-120 ms) and then shared. Lookups
// are serialised: Hunspell keeps no promise about concurrent calls.
class Dictionary {
 public:
  // `stem`: the path without ".aff"/".dic" ("/usr/share/hunspell/en_US").
  explicit Dictionary(std::string stem);
  ~Dictionary();
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // Both files exist (checked when built).
  bool available() const noexcept { return available_; }
  // Is `word` (UTF-8) correctly spelled, in exactly this case form? False when unavailable or when
  // the word cannot be written in the dictionary's encoding.
  bool knows(std::string_view word) const;

 private:
  void open() const;
  std::string stem_;
  bool available_ = false;
  mutable std::once_flag opened_;
  mutable std::mutex lookup_;
  mutable std::unique_ptr<Hunspell> hunspell_;
  mutable UConverter* converter_ = nullptr;  // null: the dictionary is UTF-8
};

// Names of places and peoples that ICU knows, in one language and in English: countries and
// regions ("Europe"), languages ("Italian", also the usual adjective of a people) and the cities
// of the time-zone database ("Paris", "San Francisco"). Built on first use, then shared.
class PlaceNames {
 public:
  explicit PlaceNames(std::string language) : language_(std::move(language)) {}
  // Is `normalized` (normalize_phrase) one of them?
  bool contains(std::string_view normalized) const;

 private:
  void build() const;
  std::string language_;
  mutable std::once_flag built_;
  mutable std::vector<std::string> names_;  // normalized, sorted
};

// The dictionary file stem of a language tag in `folder`: the tag's own region when given and
// present ("en-GB" -> en_GB), else the language's usual one (en_US, de_DE, pt_PT, nb_NO, ...).
// Empty when no dictionary is there.
std::string dictionary_stem(std::string_view folder, std::string_view language);

}  // namespace parley::signals_detail
