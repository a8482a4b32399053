#pragma once
// Transcript readers (docs/transcript-formats.md): WebVTT, SRT, NIST RTTM, parley's own JSON form, and the
// word-timed JSON of Amazon Transcribe, AssemblyAI and Deepgram, each turned into a parley::Call.
//
// Readers keep speakers as written: every speaker label (`spk_0`, `A`, `2`, `Dana Whitfield`)
// becomes a Participant whose id is that label and whose role is Role::other. Roles are the host's
// decision (assign_roles in model.hpp); a reader never guesses one. The one exception is parley's
// own JSON form, the host's own document, which may carry roles explicitly.
//
// Errors are parley::Error: ErrorCode::parse with "<source>:<line>: <what>" for line-based formats
// and "<source>:<line>:<column>: <what>" or "<source>: <json.path>: <what>" for JSON;
// ErrorCode::invalid_utf8 with the line; ErrorCode::limit_exceeded for oversize input;
// ErrorCode::io naming the path and the operating system's reason; ErrorCode::invalid_argument for
// options out of range (ReadOptions::validate). What a reader skips or repairs without failing is
// returned as warnings (read_transcript_with_warnings). docs/transcript-formats.md describes every
// format, quirk, message and warning.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parley/model.hpp"

namespace parley {

enum class TranscriptFormat { webvtt, srt, rttm, parley_json, amazon_transcribe, assemblyai, deepgram };

// Stable name of a format, as accepted by `--input-format`: "webvtt", "srt", "rttm", "parley-json",
// "amazon-transcribe", "assemblyai", "deepgram".
std::string_view format_name(TranscriptFormat format) noexcept;
// Inverse of format_name; also accepts "vtt", "json" (parley's form), "transcribe", "aws" and
// underscores for hyphens, case-insensitively.
std::optional<TranscriptFormat> parse_format_name(std::string_view name) noexcept;
// The format implied by a file's extension (.vtt, .srt, .rttm; case-insensitive). A .json file
// gives std::nullopt because its kind is only known from its content (detect_json_format).
std::optional<TranscriptFormat> format_from_path(std::string_view path) noexcept;
// Which JSON form a document is, from its top-level keys; std::nullopt if it is not JSON or none
// matches. Throws nothing.
std::optional<TranscriptFormat> detect_json_format(std::string_view content) noexcept;

// What a reader does with a cue or word that names no speaker.
enum class MissingSpeaker {
  unknown_participant,  // attribute it to the participant ReadOptions::unknown_speaker_id (default)
  error,                // reject the file, naming the line or JSON path
};

// What a reader does with bytes that are not UTF-8.
enum class InvalidUtf8 {
  error,    // ErrorCode::invalid_utf8 naming the line (default)
  replace,  // each ill-formed sequence becomes U+FFFD, then reading goes on
};

struct ReadOptions {
  // Sizes beyond which the resulting call is rejected (validate_call).
  ModelLimits limits{};
  // Input larger than this is rejected with ErrorCode::limit_exceeded before it is parsed.
  std::size_t max_input_bytes = 512u << 20;  // 512 MiB: a 2-hour word-timed JSON is ~15 MiB
  InvalidUtf8 invalid_utf8 = InvalidUtf8::error;
  // The call's id. Empty: the id written in the document (parley JSON, RTTM's file column), else
  // the file name without directory and extension ("/in/2024-03-05 acme.vtt" -> "2024-03-05 acme").
  std::string call_id;
  // The call's language (BCP 47) when the document does not say; empty = unknown.
  std::string default_language;
  MissingSpeaker missing_speaker = MissingSpeaker::unknown_participant;
  // Participant id for speech with no speaker (MissingSpeaker::unknown_participant).
  std::string unknown_speaker_id = "unknown";
  // WebVTT and SRT: read a leading "Name: " on a cue line as its speaker, as some meeting tools
  // write it. The name must look like a name: at most 64 bytes and 5 words, no sentence punctuation,
  // not only digits. A <v> voice tag always wins over a prefix.
  bool speaker_name_prefixes = true;
  // Word-timed JSON without utterances (Amazon Transcribe, Deepgram, AssemblyAI without
  // `utterances`): words are grouped into segments, a new one at every speaker change and, if this
  // is true, after every word that ends a sentence (. ? ! … 。 ？ ！).
  bool split_segments_at_sentence_end = true;
  // ... and, if > 0, wherever the silence between two words of one speaker exceeds this.
  Milliseconds split_segments_at_gap_ms = 0;
  // Warnings beyond this many are counted, not listed: one last warning says how many more there were.
  std::size_t max_warnings = 100;

  // Throws Error(invalid_argument) naming the field, its value and the allowed range:
  // "ReadOptions.max_input_bytes = 0: must be > 0". `where` names this struct in the message.
  void validate(std::string_view where = "ReadOptions") const;
};

// Something a reader skipped or repaired, or a doubt about the input; the call was still read.
struct ReadWarning {
  std::string source;     // the input's name: the path, or parse_transcript's source_name
  std::size_t line = 0;   // line (from 1) the warning is about; 0 for a JSON path or the whole input
  std::string json_path;  // JSON forms: the path of the value concerned ("results.items[3]"); else empty
  std::string message;    // what was skipped or repaired, and why
};

// One line, as compilers write warnings: "<source>:<line>: warning: <message>",
// "<source>: <json_path>: warning: <message>" or "<source>: warning: <message>".
std::string to_string(const ReadWarning& warning);
// A JSON array of objects {"source", "line" (null when 0), "json_path" (null when empty), "message"}.
std::string to_json(std::span<const ReadWarning> warnings);

// A call and what was skipped or repaired while reading it.
struct ReadResult {
  Call call;
  std::vector<ReadWarning> warnings;  // in the order the reader met them
};

// Reads a transcript file. Without `format`, the format comes from the extension (format_from_path)
// and, for .json or an unknown extension, from the content (detect_json_format); if neither tells,
// ErrorCode::invalid_argument. The result has passed validate_call(options.limits).
Call read_transcript(const std::string& path, const ReadOptions& options = {},
                     std::optional<TranscriptFormat> format = {});

// Parses a transcript held in memory. `source_name` names it in error messages and, when
// options.call_id is empty, gives the call id (its file name without extension).
Call parse_transcript(std::string_view content, TranscriptFormat format, std::string_view source_name,
                      const ReadOptions& options = {});

// The same two, returning the warnings too (read_transcript and parse_transcript drop them).
ReadResult read_transcript_with_warnings(const std::string& path, const ReadOptions& options = {},
                                         std::optional<TranscriptFormat> format = {});
ReadResult parse_transcript_with_warnings(std::string_view content, TranscriptFormat format,
                                          std::string_view source_name, const ReadOptions& options = {});

// parley's own JSON form (docs/transcript-formats.md), pretty-printed with two-space indentation.
// parse_transcript(write_parley_json(call), TranscriptFormat::parley_json, ...) gives the call back.
std::string write_parley_json(const Call& call);

}  // namespace parley
