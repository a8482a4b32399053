// What a reader skips or repairs without failing comes back as warnings with the call: a cue lost
// at the end of a cut file, an unterminated tag, a cue left without text, replaced bytes, lines of
// no known kind, parts of a JSON document parley does not read. Line numbers are counted by hand.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parley/readers.hpp"
#include "readers_test_support.hpp"

using parley::ErrorCode;
using parley::ReadOptions;
using parley::ReadResult;
using parley::ReadWarning;
using parley::TranscriptFormat;
using readers_test::check_error;

namespace {

// Each warning as its one-line form, for exact comparison.
std::vector<std::string> lines_of(const ReadResult& result) {
  std::vector<std::string> out;
  for (const ReadWarning& warning : result.warnings) out.push_back(parley::to_string(warning));
  return out;
}

ReadResult parse(const std::string& content, TranscriptFormat format, const std::string& source,
                 const ReadOptions& options = {}) {
  return parley::parse_transcript_with_warnings(content, format, source, options);
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("a file cut inside a voice tag keeps its earlier cues and says the last one was lost") {
  // Line 6 is the last cue's timing, line 7 the cut "<v Marco".
  const std::string vtt =
      "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Ana>Hola.\n\n00:00:05.000 --> 00:00:09.500\n<v Marco";
  const ReadResult result = parse(vtt, TranscriptFormat::webvtt, "t.vtt");
  REQUIRE(result.call.segments.size() == 1);
  CHECK(result.call.segments[0].text == "Hola.");
  CHECK(result.call.participants.at(0).id == "Ana");
  CHECK(lines_of(result) ==
        Lines{"t.vtt:7: warning: the file ends inside the tag '<v Marco': the rest of the line is dropped "
              "(truncated file?)",
              "t.vtt:6: warning: cue has no text: skipped"});
  REQUIRE(result.warnings.size() == 2);
  CHECK(result.warnings[0].source == "t.vtt");
  CHECK(result.warnings[0].line == 7);
  CHECK(result.warnings[0].json_path.empty());
  // The plain entry point reads the same call.
  CHECK(parley::parse_transcript(vtt, TranscriptFormat::webvtt, "t.vtt").segments.size() == 1);
}

TEST_CASE("a file cut at a cue's identifier, timing line or text loses that cue only, with a warning") {
  const ReadResult after_timing =
      parse(readers_test::load_fixture("truncated_cue.vtt"), TranscriptFormat::webvtt, "truncated_cue.vtt");
  REQUIRE(after_timing.call.segments.size() == 1);
  CHECK(after_timing.call.segments[0].start_ms == 1000);
  CHECK(after_timing.call.segments[0].end_ms == 4000);
  CHECK(lines_of(after_timing) == Lines{"truncated_cue.vtt:8: warning: the file ends after the cue timing, "
                                        "with no text: the cue is skipped (truncated file?)"});

  const std::string first_cue = "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nA: hi\n\n";
  CHECK(lines_of(parse(first_cue + "2\n", TranscriptFormat::webvtt, "x.vtt")) ==
        Lines{"x.vtt:7: warning: the file ends after cue identifier '2', with no timing line: the cue is "
              "skipped (truncated file?)"});
  CHECK(lines_of(parse(first_cue + "2\n00:03.0", TranscriptFormat::webvtt, "x.vtt")) ==
        Lines{"x.vtt:8: warning: the file ends inside the timing line of cue '2': the cue is skipped "
              "(truncated file?)"});
  // Cut inside the end time: the cue has no text, whatever its timing says.
  const ReadResult cut_time =
      parse(first_cue + "2\n00:03.000 --> 00:0\n\n", TranscriptFormat::webvtt, "x.vtt");
  CHECK(cut_time.call.segments.size() == 1);
  CHECK(lines_of(cut_time) == Lines{"x.vtt:8: warning: the file ends after the cue timing, with no text: the "
                                    "cue is skipped (truncated file?)"});

  const ReadResult srt =
      parse(readers_test::load_fixture("truncated.srt"), TranscriptFormat::srt, "truncated.srt");
  REQUIRE(srt.call.segments.size() == 2);
  CHECK(srt.call.segments[1].text == "Bonjour.");
  CHECK(lines_of(srt) == Lines{"truncated.srt:9: warning: the file ends after subtitle number 3, with no "
                               "timing line: the subtitle is skipped (truncated file?)"});
  CHECK(lines_of(parse("1\n00:00:01,000 --> 00:00:02,000\nA: hi\n\n2\n00:00:03,000 --> 00:00:04,000\n",
                       TranscriptFormat::srt, "x.srt")) ==
        Lines{"x.srt:6: warning: the file ends after the timing line, with no text: the subtitle is skipped "
              "(truncated file?)"});
}

TEST_CASE("cues emptied by their markup and unterminated tags inside a file are reported") {
  const ReadResult vtt = parse(
      "WEBVTT\n\n00:01.000 --> 00:02.000\n<c.x></c>\n\n00:03.000 --> 00:04.000\n<v Ana>Hola <b amigo\n\n",
      TranscriptFormat::webvtt, "x.vtt");
  REQUIRE(vtt.call.segments.size() == 1);
  CHECK(vtt.call.segments[0].text == "Hola");
  CHECK(lines_of(vtt) ==
        Lines{"x.vtt:3: warning: cue has no text: skipped",
              "x.vtt:7: warning: unterminated tag '<b amigo': the rest of the line is dropped"});
  const ReadResult srt =
      parse("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}\n\n2\n00:00:03,000 --> 00:00:04,000\nA: hi\n",
            TranscriptFormat::srt, "x.srt");
  CHECK(srt.call.segments.size() == 1);
  CHECK(lines_of(srt) == Lines{"x.srt:2: warning: subtitle has no text: skipped"});
  // A well-formed file gives no warning.
  CHECK(parse(readers_test::load_fixture("teams_discovery.vtt"), TranscriptFormat::webvtt, "t.vtt")
            .warnings.empty());
}

TEST_CASE("replaced bytes are counted, with the first one's line and offset") {
  ReadOptions replace;
  replace.invalid_utf8 = parley::InvalidUtf8::replace;
  // "Jos\xE9 Garc\xEDa: \xA1Hola!" on line 3: three Latin-1 bytes, the first at offset 35.
  const ReadResult result =
      parse(readers_test::load_fixture("latin1.srt"), TranscriptFormat::srt, "latin1.srt", replace);
  CHECK(result.call.segments.at(0).text == "\uFFFDHola!");
  CHECK(lines_of(result) ==
        Lines{"latin1.srt:3: warning: 3 invalid UTF-8 sequences replaced with U+FFFD; the "
              "first is byte 0xE9 at offset 35"});
}

TEST_CASE("RTTM: lines of no RTTM type, a cut last line and a file without SPEAKER lines") {
  const std::string speaker = "SPEAKER f 1 0.5 1.0 <NA> <NA> A <NA> <NA>\n";
  const ReadResult result =
      parse(speaker + "hello there\nSPKR-INFO f 1 <NA> <NA> <NA> unknown A <NA> <NA>\nSPEAKER f 1 2.0",
            TranscriptFormat::rttm, "x.rttm");
  CHECK(result.call.segments.size() == 1);
  CHECK(lines_of(result) ==
        Lines{"x.rttm:2: warning: not an RTTM line ('hello there'): skipped",
              "x.rttm:4: warning: the file ends inside this SPEAKER line: skipped (truncated file?)"});
  // With its newline the short line is not a cut one.
  check_error(
      [&] { parse(speaker + "SPEAKER f 1 2.0\n", TranscriptFormat::rttm, "x.rttm"); }, ErrorCode::parse,
      "x.rttm:2: SPEAKER line has 4 fields, expected at least 8 (type file channel start duration ortho "
      "subtype speaker)");
  const ReadResult empty = parse(";; nothing diarized\n", TranscriptFormat::rttm, "x.rttm");
  CHECK(empty.call.segments.empty());
  CHECK(lines_of(empty) == Lines{"x.rttm: warning: no SPEAKER line: the call has no segments"});
  check_error(
      [] { parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>hi\n", TranscriptFormat::rttm, "x.rttm"); },
      ErrorCode::parse,
      "x.rttm: no SPEAKER line: the content looks like webvtt; read it as webvtt (--input-format webvtt)");
}

TEST_CASE("JSON: parts parley does not read are named by their path") {
  const std::string job = R"({"status": "COMPLETED", "results": {
    "channel_labels": {"number_of_channels": 2, "channels": []},
    "items": [
      {"alternatives": [{"confidence": "0.0", "content": "¿"}], "type": "punctuation"},
      {"start_time": "0.5", "end_time": "0.9", "speaker_label": "spk_0", "alternatives": [{"content": "Hola"}], "type": "pronunciation"}]}})";
  const ReadResult result = parse(job, TranscriptFormat::amazon_transcribe, "t.json");
  REQUIRE(result.call.segments.size() == 1);
  CHECK(result.call.segments[0].text == "Hola");
  CHECK(lines_of(result) ==
        Lines{"t.json: results.channel_labels: warning: channel identification is not read: speakers come "
              "from speaker_label only",
              "t.json: results.items[0]: warning: punctuation '¿' before the first word: dropped"});
  CHECK(result.warnings.at(1).json_path == "results.items[0]");
  CHECK(result.warnings.at(1).line == 0);
}

TEST_CASE("warnings beyond ReadOptions::max_warnings are counted in a last one") {
  ReadOptions options;
  options.max_warnings = 2;
  const ReadResult result =
      parse("SPEAKER f 1 0.5 1.0 <NA> <NA> A <NA> <NA>\nhello 1\nhello 2\nhello 3\nhello 4\nhello 5\n",
            TranscriptFormat::rttm, "x.rttm", options);
  CHECK(lines_of(result) ==
        Lines{"x.rttm:2: warning: not an RTTM line ('hello 1'): skipped",
              "x.rttm:3: warning: not an RTTM line ('hello 2'): skipped",
              "x.rttm: warning: 3 more warnings not listed (ReadOptions::max_warnings = 2)"});
}

TEST_CASE("read_transcript_with_warnings names the file, and warnings have a JSON form") {
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / "parley_read_warnings_test";
  std::filesystem::create_directories(directory);
  const std::string path = (directory / "cut.vtt").string();
  std::ofstream(path, std::ios::binary)
      << "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hola.\n\n00:03.000 --> 00:04.000\n";
  const ReadResult result = parley::read_transcript_with_warnings(path);
  CHECK(result.call.id == "cut");
  CHECK(result.call.segments.size() == 1);
  CHECK(lines_of(result) ==
        Lines{path + ":6: warning: the file ends after the cue timing, with no text: the cue "
                     "is skipped (truncated file?)"});
  std::filesystem::remove_all(directory);

  const std::vector<ReadWarning> warnings = {{"a.vtt", 3, "", "cue has no text: skipped"},
                                             {"b.json", 0, "results.items[0]", "say \"hi\""},
                                             {"c.rttm", 0, "", "no SPEAKER line: the call has no segments"}};
  CHECK(
      parley::to_json(warnings) ==
      R"([{"source":"a.vtt","line":3,"json_path":null,"message":"cue has no text: skipped"},)"
      R"({"source":"b.json","line":null,"json_path":"results.items[0]","message":"say \"hi\""},)"
      R"({"source":"c.rttm","line":null,"json_path":null,"message":"no SPEAKER line: the call has no segments"}])");
  CHECK(parley::to_json(std::vector<ReadWarning>{}) == "[]");
}

TEST_CASE("ReadOptions are validated before anything is read, naming the field, value and range") {
  const std::string vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>hi\n";
  const auto check_option = [&](auto&& change, const std::string& message) {
    ReadOptions options;
    change(options);
    check_error([&] { parley::parse_transcript(vtt, TranscriptFormat::webvtt, "x.vtt", options); },
                ErrorCode::invalid_argument, message);
  };
  check_option([](ReadOptions& o) { o.limits.max_participants = 0; },
               "ReadOptions.limits.max_participants = 0: must be > 0");
  check_option([](ReadOptions& o) { o.max_input_bytes = 0; }, "ReadOptions.max_input_bytes = 0: must be > 0");
  check_option([](ReadOptions& o) { o.invalid_utf8 = static_cast<parley::InvalidUtf8>(7); },
               "ReadOptions.invalid_utf8 = 7: must be error or replace");
  check_option([](ReadOptions& o) { o.call_id = "x\xFF"; },
               "ReadOptions.call_id: must be valid UTF-8 (byte 0xFF at offset 1 is not)");
  check_option(
      [](ReadOptions& o) { o.default_language = "english"; },
      "ReadOptions.default_language = 'english': must be a BCP 47 tag of a known language, such as 'en' "
      "or 'pt-BR'");
  check_option([](ReadOptions& o) { o.missing_speaker = static_cast<parley::MissingSpeaker>(5); },
               "ReadOptions.missing_speaker = 5: must be unknown_participant or error");
  check_option([](ReadOptions& o) { o.unknown_speaker_id = ""; },
               "ReadOptions.unknown_speaker_id = '': must not be empty");
  check_option([](ReadOptions& o) { o.split_segments_at_gap_ms = -5; },
               "ReadOptions.split_segments_at_gap_ms = -5: must be >= 0");
  ReadOptions fine;
  fine.default_language = "de-DE";
  CHECK(parley::parse_transcript(vtt, TranscriptFormat::webvtt, "x.vtt", fine).language == "de-DE");
}
