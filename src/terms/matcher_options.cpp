// TermMatcherOptions::validate: the ranges documented beside each field in terms.hpp.
#include "model/option_checks.hpp"
#include "parley/terms.hpp"
#include "parley/text.hpp"

namespace parley {

void TermMatcherOptions::validate(std::string_view where) const {
  namespace check = option_checks;
  for (std::size_t i = 0; i < languages.size(); ++i) {
    if (!is_known_language_tag(languages[i])) {
      check::language(where, fmt::format("languages[{}]", i), languages[i], false);
    }
  }
  check::positive(where, "max_terms", max_terms);
}

}  // namespace parley
