// AnalysisOptions::validate: each nested options struct by its own validate(), named by its path.
#include "model/option_checks.hpp"
#include "parley/analysis.hpp"
#include "parley/text.hpp"

namespace parley {

void AnalysisOptions::validate(std::string_view where) const {
  namespace check = option_checks;
  timing.validate(fmt::format("{}.timing", where));
  signals.validate(fmt::format("{}.signals", where));
  sentiment.validate(fmt::format("{}.sentiment", where));
  terms.validate(fmt::format("{}.terms", where));
  limits.validate(fmt::format("{}.limits", where));
  check::language(where, "default_language", default_language, is_known_language_tag(default_language));
  // CallAnalyzer replaces the signals' fallback with default_language: a different value set here
  // would be ignored without a word.
  if (signals.fallback_language != default_language &&
      signals.fallback_language != SignalOptions{}.fallback_language) {
    check::fail(where, "signals.fallback_language", signals.fallback_language,
                fmt::format("must be default_language ('{}'), which CallAnalyzer uses in every area",
                            default_language));
  }
}

}  // namespace parley
