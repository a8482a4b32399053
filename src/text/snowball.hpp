#pragma once
// Internal interface of the text area (for the areas above it; never installed): Snowball stemmers
// (Debian's libstemmer), shared by related-forms term matching and the sentiment lexicons' stem lookup.
#include <memory>
#include <string_view>

struct sb_stemmer;

namespace parley::detail {

// The Snowball algorithm of a BCP 47 tag's language ("german"), or nullptr if Snowball has none
// (he, zh, ja).
const char* snowball_algorithm(std::string_view tag);

// One stemmer for UTF-8 words. Not thread-safe: one per thread or per scan.
class SnowballStemmer {
 public:
  explicit SnowballStemmer(const char* algorithm);  // Error(internal) if libstemmer lacks it
  // The stem of a lower-case word; valid until the next call.
  std::string_view stem(std::string_view word);

 private:
  struct Deleter {
    void operator()(sb_stemmer* stemmer) const noexcept;
  };
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

}  // namespace parley::detail
