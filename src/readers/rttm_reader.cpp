// NIST RTTM: "SPEAKER <file> <channel> <start s> <duration s> <ortho> <stype> <name> <conf> <slat>".
// Speaker timing only (segments have no text). Read leniently, as diarization tools write it:
// other line types and comments are skipped (lines of no RTTM type with a warning), fields are
// split on any run of spaces or tabs, and the trailing fields after the name may be missing.
#include <charconv>

#include "readers/reader_support.hpp"

namespace parley::readers {
namespace {

constexpr std::size_t kMaxFields = 10;

// Splits on runs of spaces and tabs; returns the number of fields (at most kMaxFields are kept).
std::size_t split_fields(std::string_view line, std::string_view (&fields)[kMaxFields]) noexcept {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i == line.size()) break;
    std::size_t end = i;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    if (count < kMaxFields) fields[count] = line.substr(i, end - i);
    ++count;
    i = end;
  }
  return count;
}

bool is_not_given(std::string_view field) noexcept {
  return field == "<NA>" || field == "<na>" || field == "-";
}

// The record types of the RTTM format (NIST Rich Transcription evaluations).
bool is_rttm_type(std::string_view field) noexcept {
  static constexpr std::string_view kTypes[] = {
      "SEGMENT",    "NOSCORE", "NO_RT_METADATA", "LEXEME",   "NON-LEX",
      "NON-SPEECH", "FILLER",  "EDIT",           "IP",       "CB",
      "A/P",        "SU",      "SPEAKER",        "SPKR-INFO"};
  for (const std::string_view type : kTypes) {
    if (field == type) return true;
  }
  return false;
}

}  // namespace

Call read_rttm(std::string_view content, std::string_view source, const ReadOptions& options,
               WarningList& warnings) {
  Call call;
  LineCursor cursor(content);
  std::string_view fields[kMaxFields];
  SpeakerTable speakers(call, options, source);
  while (auto line = cursor.next()) {
    const std::string_view text = trim(*line);
    if (text.empty() || text.starts_with(";;") || text.starts_with('#')) continue;
    const std::size_t count = split_fields(text, fields);
    const std::size_t line_number = cursor.line_number();
    if (fields[0] != "SPEAKER") {  // SPKR-INFO, LEXEME, NON-SPEECH, ...: not speaker turns
      if (!is_rttm_type(fields[0])) {
        warnings.at_line(line_number, fmt::format("not an RTTM line ('{}'): skipped", excerpt(text)));
      }
      continue;
    }
    if (count < 8) {
      if (!cursor.peek() && !content.ends_with('\n')) {
        warnings.at_line(line_number, "the file ends inside this SPEAKER line: skipped (truncated file?)");
        break;
      }
      fail_at_line(source, line_number,
                   fmt::format("SPEAKER line has {} fields, expected at least 8 "
                               "(type file channel start duration ortho subtype speaker)",
                               count));
    }
    const auto start = parse_decimal_seconds(fields[3]);
    if (!start)
      fail_at_line(source, line_number, fmt::format("bad start time '{}' (expected seconds)", fields[3]));
    const auto duration = parse_decimal_seconds(fields[4]);
    if (!duration) {
      fail_at_line(source, line_number, fmt::format("bad duration '{}' (expected seconds)", fields[4]));
    }
    const std::string_view name = is_not_given(fields[7]) ? std::string_view{} : fields[7];
    const std::uint32_t speaker = speakers.index(name, [&] {
      return fmt::format("{}:{}: SPEAKER line has no speaker name ('{}')", source, line_number, fields[7]);
    });
    Segment& segment = call.segments.emplace_back();
    segment.speaker = speaker;
    segment.start_ms = *start;
    segment.end_ms = *start + *duration;
    // The confidence column is optional and often garbage; keep it only when it is a probability.
    if (count >= 9 && !is_not_given(fields[8])) {
      double confidence = -1;
      const auto [end, error] =
          std::from_chars(fields[8].data(), fields[8].data() + fields[8].size(), confidence);
      if (error == std::errc{} && end == fields[8].data() + fields[8].size() && confidence >= 0 &&
          confidence <= 1) {
        segment.confidence = confidence;
      }
    }
    if (call.id.empty() && !is_not_given(fields[1])) call.id = std::string(fields[1]);
  }
  if (call.segments.empty()) {
    const std::string hint = other_format_hint(content, TranscriptFormat::rttm);
    if (!hint.empty()) throw Error(ErrorCode::parse, fmt::format("{}: no SPEAKER line{}", source, hint));
    warnings.about_input("no SPEAKER line: the call has no segments");
  }
  return call;
}

}  // namespace parley::readers
