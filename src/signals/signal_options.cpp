// SignalOptions::validate: the ranges documented beside each field in signals.hpp. Whether a
// gazetteer name has letters or digits is checked when the detector normalizes it.
#include "model/option_checks.hpp"
#include "parley/signals.hpp"
#include "parley/text.hpp"

namespace parley {

void SignalOptions::validate(std::string_view where) const {
  namespace check = option_checks;
  check::language(where, "fallback_language", fallback_language, is_known_language_tag(fallback_language));
  // Field names are formatted only for a value that fails: a gazetteer may hold thousands of names.
  const auto name = [&](const std::string& value, auto&& field) {
    const std::size_t bad = find_invalid_utf8(value);
    if (bad != std::string_view::npos || value.empty()) check::text(where, field(), value, bad);
  };
  for (std::size_t i = 0; i < gazetteer.size(); ++i) {
    name(gazetteer[i].name, [&] { return fmt::format("gazetteer[{}].name", i); });
    for (std::size_t k = 0; k < gazetteer[i].variants.size(); ++k) {
      name(gazetteer[i].variants[k], [&] { return fmt::format("gazetteer[{}].variants[{}]", i, k); });
    }
  }
  for (const auto& [field, names] : {std::pair{"brand_exclusions", &brand_exclusions}, std::pair{"our_names", &our_names}}) {
    for (std::size_t i = 0; i < names->size(); ++i) {
      const std::size_t bad = find_invalid_utf8((*names)[i]);
      if (bad != std::string_view::npos) check::utf8(where, fmt::format("{}[{}]", field, i), (*names)[i], bad);
    }
  }
  check::at_least<std::uint32_t>(where, "min_name_words", min_name_words, 1);
  if (max_name_words < min_name_words) {
    check::fail(where, "max_name_words", max_name_words,
                fmt::format("must be >= min_name_words ({})", min_name_words));
  }
}

}  // namespace parley
