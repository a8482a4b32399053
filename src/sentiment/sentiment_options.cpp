// SentimentOptions::validate: the ranges documented beside each field in sentiment.hpp.
#include "model/option_checks.hpp"
#include "parley/sentiment.hpp"

namespace parley {

void SentimentOptions::validate(std::string_view where) const {
  namespace check = option_checks;
  check::in_range(where, "positive_threshold", positive_threshold, -1, 1);
  check::in_range(where, "negative_threshold", negative_threshold, -1, 1);
  if (negative_threshold >= positive_threshold) {
    check::fail(where, "negative_threshold", negative_threshold,
                fmt::format("must be below positive_threshold ({})", positive_threshold));
  }
  check::at_most<std::uint32_t>(where, "negation_window", negation_window, 64);
  check::at_most<std::uint32_t>(where, "booster_window", booster_window, 64);
  check::finite_at_least_zero(where, "caps_increment", caps_increment);
  check::finite_at_least_zero(where, "exclamation_increment", exclamation_increment);
  check::finite_at_least_zero(where, "question_increment", question_increment);
  check::finite_at_least_zero(where, "contrast_before_weight", contrast_before_weight);
  check::finite_positive(where, "normalization_alpha", normalization_alpha);
}

}  // namespace parley
