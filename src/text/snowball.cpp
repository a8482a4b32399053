#include "text/snowball.hpp"

#include <libstemmer.h>

#include <string>
#include <utility>

#include "model/ascii.hpp"
#include "parley/error.hpp"

namespace parley::detail {

const char* snowball_algorithm(std::string_view tag) {
  const std::string primary = primary_language_subtag(tag);
  static constexpr std::pair<const char*, const char*> table[] = {
      {"ar", "arabic"},    {"da", "danish"},     {"nl", "dutch"},   {"en", "english"},   {"fi", "finnish"},
      {"fr", "french"},    {"de", "german"},     {"it", "italian"}, {"nb", "norwegian"}, {"no", "norwegian"},
      {"nn", "norwegian"}, {"pt", "portuguese"}, {"es", "spanish"}, {"sv", "swedish"}};
  for (const auto& [code, name] : table) {
    if (primary == code) return name;
  }
  return nullptr;
}

void SnowballStemmer::Deleter::operator()(sb_stemmer* stemmer) const noexcept { sb_stemmer_delete(stemmer); }

SnowballStemmer::SnowballStemmer(const char* algorithm) : stemmer_(sb_stemmer_new(algorithm, "UTF_8")) {
  if (!stemmer_) throw Error(ErrorCode::internal, std::string("Snowball stemmer '") + algorithm + "' unavailable");
}

std::string_view SnowballStemmer::stem(std::string_view word) {
  const sb_symbol* stemmed = sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                             static_cast<int>(word.size()));
  if (stemmed == nullptr) return {};
  return {reinterpret_cast<const char*>(stemmed), static_cast<std::size_t>(sb_stemmer_length(stemmer_.get()))};
}

}  // namespace parley::detail
