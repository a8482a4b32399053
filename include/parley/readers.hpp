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
// ErrorCode::io naming the path and the operating system's reason. docs/transcript-formats.md
// describes every format, quirk and message.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

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

// parley's own JSON form (docs/transcript-formats.md), pretty-printed with two-space indentation.
// parse_transcript(write_parley_json(call), TranscriptFormat::parley_json, ...) gives the call back.
std::string write_parley_json(const Call& call);

}  // namespace parley
