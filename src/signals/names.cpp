// Hunspell dictionaries behind the brand detector (names.hpp).
#include "signals/names.hpp"

#include <algorithm>
#include <filesystem>
#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <hunspell/hunspell.hxx>

#include "model/ascii.hpp"
#include "signals/scan.hpp"

namespace parley::signals_detail {

namespace {

bool has_files(const std::string& stem) {
  std::error_code error;
  return std::filesystem::is_regular_file(stem + ".dic", error) &&
         std::filesystem::is_regular_file(stem + ".aff", error);
}

}  // namespace

Dictionary::Dictionary(std::string stem) : stem_(std::move(stem)), available_(has_files(stem_)) {}

Dictionary::~Dictionary() {
  if (converter_) ucnv_close(converter_);
}

void Dictionary::open() const {
  hunspell_ = std::make_unique<Hunspell>((stem_ + ".aff").c_str(), (stem_ + ".dic").c_str());
  const std::string encoding = hunspell_->get_dict_encoding();
  if (detail::ascii_lowered(encoding) != "utf-8") {
    UErrorCode status = U_ZERO_ERROR;
    converter_ = ucnv_open(encoding.c_str(), &status);
    if (U_FAILURE(status)) {
      converter_ = nullptr;
      hunspell_.reset();  // an encoding ICU does not know: behave as if absent
      return;
    }
    // A character the encoding lacks must fail the lookup, not turn into '?' or a substitute.
    status = U_ZERO_ERROR;
    ucnv_setFromUCallBack(converter_, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  }
}

bool Dictionary::knows(std::string_view word) const {
  if (!available_ || word.empty()) return false;
  std::call_once(opened_, [this] { open(); });
  if (!hunspell_) return false;
  std::string encoded;
  if (converter_) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
    UErrorCode status = U_ZERO_ERROR;
    std::string buffer(static_cast<std::size_t>(text.length()) * 4 + 4, '\0');
    const std::lock_guard lock(lookup_);
    const int32_t written = ucnv_fromUChars(converter_, buffer.data(), static_cast<int32_t>(buffer.size()),
                                            text.getBuffer(), text.length(), &status);
    if (U_FAILURE(status)) return false;
    buffer.resize(static_cast<std::size_t>(written));
    return hunspell_->spell(buffer);
  }
  const std::lock_guard lock(lookup_);
  return hunspell_->spell(std::string(word));
}

bool PlaceNames::contains(std::string_view normalized) const {
  std::call_once(built_, [this] { build(); });
  return std::binary_search(names_.begin(), names_.end(), normalized);
}

void PlaceNames::build() const {
  std::string utf8, normalized;
  const auto add = [&](const icu::UnicodeString& name) {
    if (name.isEmpty()) return;
    utf8.clear();
    name.toUTF8String(utf8);
    normalize_phrase(utf8, normalized);
    if (!normalized.empty()) names_.push_back(normalized);
  };
  for (const icu::Locale& in : {icu::Locale(language_.c_str()), icu::Locale::getEnglish()}) {
    icu::UnicodeString name;
    for (const char* const* country = icu::Locale::getISOCountries(); *country; ++country)
      add(icu::Locale("", *country).getDisplayCountry(in, name));
    for (const URegionType type : {URGN_WORLD, URGN_CONTINENT, URGN_SUBCONTINENT}) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::StringEnumeration> regions(icu::Region::getAvailable(type, status));
      if (U_FAILURE(status) || !regions) continue;
      while (const char* code = regions->next(nullptr, status)) {
        if (U_FAILURE(status)) break;
        add(icu::Locale("", code).getDisplayCountry(in, name));
      }
    }
    for (const char* const* code = icu::Locale::getISOLanguages(); *code; ++code)
      add(icu::Locale(*code).getDisplayLanguage(in, name));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZoneNames> zones(icu::TimeZoneNames::createInstance(in, status));
    std::unique_ptr<icu::StringEnumeration> ids(
        icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
    if (U_SUCCESS(status) && zones && ids) {
      while (const icu::UnicodeString* id = ids->snext(status)) {
        if (U_FAILURE(status)) break;
        add(zones->getExemplarLocationName(*id, name));
      }
    }
  }
  std::sort(names_.begin(), names_.end());
  names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
}

std::string dictionary_stem(std::string_view folder, std::string_view language) {
  const std::string tag = detail::ascii_lowered(language);
  const std::string primary = detail::primary_language_subtag(tag);
  const std::string base = std::string(folder.empty() ? std::string_view("/usr/share/hunspell") : folder) + "/";
  // The tag's own region: "en-GB" -> en_GB.
  if (const std::size_t dash = tag.find('-'); dash != std::string::npos && tag.size() - dash - 1 == 2) {
    std::string region = tag.substr(dash + 1);
    for (char& c : region) c = static_cast<char>(c - 'a' + 'A');
    if (std::string stem = base + primary + "_" + region; has_files(stem)) return stem;
  }
  static constexpr std::pair<std::string_view, std::string_view> usual[] = {
      {"ar", "ar"},    {"da", "da_DK"}, {"de", "de_DE"}, {"en", "en_US"}, {"es", "es_ES"},
      {"fi", "fi_FI"}, {"fr", "fr_FR"}, {"he", "he_IL"}, {"it", "it_IT"}, {"nb", "nb_NO"},
      {"nl", "nl_NL"}, {"no", "nb_NO"}, {"nn", "nn_NO"}, {"pt", "pt_PT"}, {"sv", "sv_SE"}};
  for (const auto& [code, file] : usual) {
    if (code == primary) {
      if (std::string stem = base + std::string(file); has_files(stem)) return stem;
    }
  }
  return {};
}

}  // namespace parley::signals_detail
