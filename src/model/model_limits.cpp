// ModelLimits::validate: every limit must let something through.
#include "model/option_checks.hpp"
#include "parley/model.hpp"

namespace parley {

void ModelLimits::validate(std::string_view where) const {
  namespace check = option_checks;
  check::positive(where, "max_segments", max_segments);
  check::positive(where, "max_participants", max_participants);
  check::positive(where, "max_segment_text_bytes", max_segment_text_bytes);
  check::positive(where, "max_words_per_segment", max_words_per_segment);
  check::positive(where, "max_call_duration_ms", max_call_duration_ms);
}

}  // namespace parley
