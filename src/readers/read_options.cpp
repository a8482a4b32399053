// ReadOptions::validate: the ranges documented beside each field in readers.hpp.
#include "model/option_checks.hpp"
#include "parley/readers.hpp"
#include "parley/text.hpp"

namespace parley {

void ReadOptions::validate(std::string_view where) const {
  namespace check = option_checks;
  limits.validate(fmt::format("{}.limits", where));
  check::positive(where, "max_input_bytes", max_input_bytes);
  if (invalid_utf8 != InvalidUtf8::error && invalid_utf8 != InvalidUtf8::replace) {
    check::fail(where, "invalid_utf8", invalid_utf8, "must be error or replace");
  }
  check::utf8(where, "call_id", call_id, find_invalid_utf8(call_id));
  if (!default_language.empty()) {
    check::language(where, "default_language", default_language, is_known_language_tag(default_language));
  }
  if (missing_speaker != MissingSpeaker::unknown_participant && missing_speaker != MissingSpeaker::error) {
    check::fail(where, "missing_speaker", missing_speaker, "must be unknown_participant or error");
  }
  check::text(where, "unknown_speaker_id", unknown_speaker_id, find_invalid_utf8(unknown_speaker_id));
  check::at_least<Milliseconds>(where, "split_segments_at_gap_ms", split_segments_at_gap_ms, 0);
}

}  // namespace parley
