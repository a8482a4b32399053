// WebVTT, SRT and RTTM readers on realistic fixtures (tests/data/readers) and malformed input.
// Expected values are read off the fixture files by eye; times are the cue timings converted by hand
// (h*3600000 + m*60000 + s*1000 + ms).
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>

#include "parley/readers.hpp"
#include "readers_test_support.hpp"

using parley::Call;
using parley::ErrorCode;
using parley::ReadOptions;
using parley::Role;
using parley::TranscriptFormat;
using readers_test::check_error;
using readers_test::parse_fixture;

namespace {

// Speaker id of segment i.
std::string speaker_of(const Call& call, std::size_t i) {
  return call.participants.at(call.segments.at(i).speaker).id;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

bool same_segments(const Call& a, const Call& b) {
  if (a.segments.size() != b.segments.size() || a.participants.size() != b.participants.size()) return false;
  for (std::size_t i = 0; i < a.participants.size(); ++i) {
    if (a.participants[i].id != b.participants[i].id) return false;
  }
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    const auto& x = a.segments[i];
    const auto& y = b.segments[i];
    if (x.speaker != y.speaker || x.start_ms != y.start_ms || x.end_ms != y.end_ms || x.text != y.text)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("WebVTT from a meeting tool with <v> voice tags, NOTE blocks, multi-line cues and entities") {
  const Call call = parse_fixture("teams_discovery.vtt", TranscriptFormat::webvtt);
  CHECK(call.id == "teams_discovery");
  REQUIRE(call.participants.size() == 3);
  CHECK(call.participants[0].id == "Dana Whitfield");
  CHECK(call.participants[0].display_name == "Dana Whitfield");
  CHECK(call.participants[1].id == "Jürgen Köhler");
  CHECK(call.participants[2].id == "Marta Nowak");
  for (const auto& participant : call.participants) CHECK(participant.role == Role::other);  // never guessed
  REQUIRE(call.segments.size() == 19);  // cues 14-0 .. 32-0
  CHECK(call.segments[0].speaker == 0);
  CHECK(call.segments[0].start_ms == 3120);
  CHECK(call.segments[0].end_ms == 7480);
  CHECK(call.segments[0].text == "Good morning, Jürgen. Thanks for making the time today.");
  // Three payload lines joined with single spaces; &amp; decoded.
  CHECK(call.segments[3].start_ms == 14600);
  CHECK(call.segments[3].end_ms == 24870);
  CHECK(call.segments[3].text ==
        "Great to meet you, Marta. So the plan for today: I'd like to understand how your team handles "
        "quotes & "
        "approvals right now, and then show you a short demo.");
  CHECK(
      call.segments[6].text ==
      "Ja, genau. And when the price is > 50.000 € it goes to the CFO as well. We lose deals because of it, "
      "honestly.");
  // 00:01:09.500 = 60000 + 9500
  CHECK(call.segments[8].start_ms == 69500);
  CHECK(speaker_of(call, 8) == "Marta Nowak");
  CHECK(call.segments[12].text ==
        "Perfect. Then let me show you the approval flow. You see the quote here, and the approvers on the "
        "right\u00A0side.");
  // 00:02:55.300 = 120000 + 55300
  CHECK(call.segments[18].start_ms == 175300);
  CHECK(call.segments[18].end_ms == 177800);
  CHECK(call.segments[18].text == "Thank you, bye!");
  for (const auto& segment : call.segments) CHECK(segment.words.empty());
}

TEST_CASE("WebVTT with 'Name: text' speaker prefixes and numeric cue identifiers") {
  const Call call = parse_fixture("zoom_renewal.vtt", TranscriptFormat::webvtt);
  REQUIRE(call.participants.size() == 2);
  CHECK(call.participants[0].id == "Priya Raman");
  CHECK(call.participants[1].id == "Tomás Herrera");
  REQUIRE(call.segments.size() == 12);
  CHECK(call.segments[0].start_ms == 870);
  CHECK(call.segments[0].end_ms == 5240);
  CHECK(call.segments[0].text == "Hi Tomás, can you hear me okay?");
  CHECK(speaker_of(call, 5) == "Tomás Herrera");
  CHECK(call.segments[5].text ==
        "Mostly training. The onboarding was in English only and, well, half of them prefer Spanish. "
        "\"¿Dónde está "
        "el botón de pronóstico?\" was the question I got every week.");
  // Only a prefix at the start of a line names a speaker: "Note:" mid-cue is text.
  CHECK(speaker_of(call, 10) == "Priya Raman");
  CHECK(call.segments[10].text ==
        "Absolutely. I'll send the proposal today. Note: it's valid until March 20.");
  // 00:01:41.500 = 60000 + 41500
  CHECK(call.segments[11].start_ms == 101500);
  CHECK(call.segments[11].text == "Perfect. Gracias, Priya.");
}

TEST_CASE("WebVTT with a BOM, CRLF, unpadded times, cue settings, styling tags and several voices in a cue") {
  const Call call = parse_fixture("meet_unpadded.vtt", TranscriptFormat::webvtt);
  CHECK(call.language == "fr-FR");  // from the "Language:" header
  REQUIRE(call.participants.size() == 3);
  CHECK(call.participants[0].id == "Camille Laurent");
  CHECK(call.participants[1].id == "Olivier Petit");  // <v.loud Olivier Petit>
  CHECK(call.participants[2].id == "Sophie Martin");
  REQUIRE(call.segments.size() == 7);
  CHECK(call.segments[0].start_ms == 1200);  // 0:0:1.200
  CHECK(call.segments[0].end_ms == 6750);
  CHECK(call.segments[0].text == "Bonjour à tous, merci d'être là.");
  CHECK(call.segments[1].text == "Bonjour Camille ! On commence par le budget ?");
  CHECK(call.segments[2].text ==
        "Oui. Pour l'année prochaine, nous prévoyons deux licences de plus <si> le pilote marche.");
  // One cue, two voices: two segments with the cue's timing.
  CHECK(speaker_of(call, 3) == "Olivier Petit");
  CHECK(call.segments[3].text == "D'accord.");
  CHECK(speaker_of(call, 4) == "Sophie Martin");
  CHECK(call.segments[4].text == "Et le calendrier ?");
  CHECK(call.segments[4].start_ms == 24500);
  CHECK(call.segments[4].end_ms == 29000);
  CHECK(call.segments[5].text == "Signature fin mars, déploiement en avril. C'est faisable\u202F?");
  // 0:1:2.050 = 60000 + 2050, 0:1:9.900 = 60000 + 9900; the last line has no newline.
  CHECK(call.segments[6].start_ms == 62050);
  CHECK(call.segments[6].end_ms == 69900);
  CHECK(call.segments[6].text == "Oui, c'est faisable.\u200E");
}

TEST_CASE("WebVTT cue times in every form a tool writes") {
  const auto time_of = [](const std::string& timing) {
    const Call call =
        parley::parse_transcript("WEBVTT\n\n" + timing + "\n<v A>x\n", TranscriptFormat::webvtt, "t.vtt");
    return std::pair{call.segments.at(0).start_ms, call.segments.at(0).end_ms};
  };
  CHECK(time_of("00:00:05.320 --> 01:02:03.004") == std::pair<std::int64_t, std::int64_t>{5320, 3723004});
  CHECK(time_of("0:0:5.320 --> 0:0:6.5") == std::pair<std::int64_t, std::int64_t>{5320, 6500});
  CHECK(time_of("00:05.320 --> 75:00.000") ==
        std::pair<std::int64_t, std::int64_t>{5320, 4500000});  // 75 min
  CHECK(time_of("00:00:05,320 --> 00:00:05,9996") ==
        std::pair<std::int64_t, std::int64_t>{5320, 6000});  // rounded
  CHECK(time_of("10:00:00.000-->10:00:01.000") == std::pair<std::int64_t, std::int64_t>{36000000, 36001000});
  check_error([&] { time_of("00:00:61.000 --> 00:01:02.000"); }, ErrorCode::parse,
              "t.vtt:3: bad timestamp '00:00:61.000' in cue timing");
  check_error([&] { time_of("1:60:00.000 --> 2:00:00.000"); }, ErrorCode::parse,
              "t.vtt:3: bad timestamp '1:60:00.000' in cue timing");
  check_error([&] { time_of("5.320 --> 6.000"); }, ErrorCode::parse,
              "t.vtt:3: bad timestamp '5.320' in cue timing");
  check_error([&] { time_of("00:00:01.000 -->"); }, ErrorCode::parse,
              "t.vtt:3: truncated cue timing '00:00:01.000 -->': no end time");
  check_error([&] { time_of(" --> 00:00:01.000"); }, ErrorCode::parse,
              "t.vtt:3: cue timing ' --> 00:00:01.000' has no start time");
  check_error([&] { time_of("00:00:05.000 --> 00:00:03.000"); }, ErrorCode::parse,
              "t.vtt:3: cue ends at 00:00:03.000 before it starts at 00:00:05.000");
}

TEST_CASE("malformed WebVTT files are rejected with the file, line and what was wrong") {
  check_error([] { parse_fixture("bad_timestamp.vtt", TranscriptFormat::webvtt); }, ErrorCode::parse,
              "bad_timestamp.vtt:8: bad timestamp '00:0x:01.000' in cue timing");
  check_error(
      [] {
        parley::parse_transcript(std::string("WEBVTT\n\n\0\0\0\x01", 12), TranscriptFormat::webvtt, "x.vtt");
      },
      ErrorCode::parse, "x.vtt:3: NUL byte: this is binary data, not a webvtt file");
  check_error(
      [] {
        parley::parse_transcript("1\n00:00:01.000 --> 00:00:02.000\nhi\n", TranscriptFormat::webvtt, "x.vtt");
      },
      ErrorCode::parse,
      "x.vtt:1: missing 'WEBVTT' header (found '1'): the content looks like srt; read it as srt "
      "(--input-format "
      "srt)");
  check_error([] { parley::parse_transcript("", TranscriptFormat::webvtt, "empty.vtt"); }, ErrorCode::parse,
              "empty.vtt:1: missing 'WEBVTT' header (found '')");
  // Before the last cue, a block without a timing line is stray text (at the end: a cut file, a warning).
  check_error(
      [] {
        parley::parse_transcript("WEBVTT\n\nintro\n\n00:01.000 --> 00:02.000\nA: hi\n",
                                 TranscriptFormat::webvtt, "x.vtt");
      },
      ErrorCode::parse, "x.vtt:3: cue 'intro' has no timing line (truncated cue or stray text)");
  check_error(
      [] { parley::parse_transcript("WEBVTT\n\nintro\nhello\n", TranscriptFormat::webvtt, "x.vtt"); },
      ErrorCode::parse,
      "x.vtt:4: expected a cue timing line ('start --> end') after cue identifier 'intro', found 'hello'");
}

TEST_CASE("a cue without a speaker goes to the 'unknown' participant, or is an error if the host says so") {
  const Call call = parse_fixture("missing_speaker.vtt", TranscriptFormat::webvtt);
  REQUIRE(call.participants.size() == 2);
  CHECK(call.participants[1].id == "unknown");
  CHECK(call.participants[1].role == Role::other);
  CHECK(call.segments[1].speaker == 1);
  CHECK(call.segments[1].text == "So what is the timeline here?");

  ReadOptions renamed;
  renamed.unknown_speaker_id = "(unattributed)";
  CHECK(parse_fixture("missing_speaker.vtt", TranscriptFormat::webvtt, renamed).participants[1].id ==
        "(unattributed)");

  ReadOptions strict;
  strict.missing_speaker = parley::MissingSpeaker::error;
  check_error([&] { parse_fixture("missing_speaker.vtt", TranscriptFormat::webvtt, strict); },
              ErrorCode::parse,
              "missing_speaker.vtt:7: cue has no speaker (no <v> voice tag or 'Name:' prefix)");
}

TEST_CASE("speaker prefixes are read only where they look like names, and can be turned off") {
  const std::string vtt =
      "WEBVTT\n\n00:01.000 --> 00:02.000\nDr. Lee: Price: 40 dollars\n\n00:03.000 --> 00:04.000\n"
      "Well, honestly: no.\n\n00:05.000 --> 00:06.000\n2024: a good year\n\n00:07.000 --> 00:08.000\n"
      "<v Ana>Ben: hi</v>\n";
  const Call call = parley::parse_transcript(vtt, TranscriptFormat::webvtt, "p.vtt");
  REQUIRE(call.segments.size() == 4);
  CHECK(speaker_of(call, 0) == "Dr. Lee");
  CHECK(call.segments[0].text == "Price: 40 dollars");
  CHECK(speaker_of(call, 1) == "unknown");  // "Well, honestly" has a comma: not a name
  CHECK(call.segments[1].text == "Well, honestly: no.");
  CHECK(speaker_of(call, 2) == "unknown");  // digits only: not a name
  CHECK(speaker_of(call, 3) == "Ana");      // a voice tag wins over a prefix
  CHECK(call.segments[3].text == "Ben: hi");

  ReadOptions no_prefixes;
  no_prefixes.speaker_name_prefixes = false;
  const Call plain = parley::parse_transcript(vtt, TranscriptFormat::webvtt, "p.vtt", no_prefixes);
  CHECK(speaker_of(plain, 0) == "unknown");
  CHECK(plain.segments[0].text == "Dr. Lee: Price: 40 dollars");
}

TEST_CASE("line endings, a BOM and trailing whitespace do not change what is read") {
  const std::string lf = readers_test::load_fixture("zoom_renewal.vtt");
  const Call expected = parley::parse_transcript(lf, TranscriptFormat::webvtt, "z.vtt");
  const Call crlf =
      parley::parse_transcript(replace_all(lf, "\n", "\r\n"), TranscriptFormat::webvtt, "z.vtt");
  const Call bom = parley::parse_transcript("\xEF\xBB\xBF" + lf, TranscriptFormat::webvtt, "z.vtt");
  const Call spaces =
      parley::parse_transcript(replace_all(lf, "\n", " \t\n"), TranscriptFormat::webvtt, "z.vtt");
  std::string no_final_newline = lf;
  no_final_newline.pop_back();
  const Call cut = parley::parse_transcript(no_final_newline, TranscriptFormat::webvtt, "z.vtt");
  CHECK(same_segments(expected, crlf));
  CHECK(same_segments(expected, bom));
  CHECK(same_segments(expected, spaces));
  CHECK(same_segments(expected, cut));
}

TEST_CASE("SRT with 'Name: text' prefixes, CRLF, Chinese text, <i>/<font> tags and {\\an8}") {
  const Call call = parse_fixture("wechat_followup.srt", TranscriptFormat::srt);
  REQUIRE(call.participants.size() == 2);
  CHECK(call.participants[0].id == "Li Wei");
  CHECK(call.participants[1].id == "Chen Jing");
  REQUIRE(call.segments.size() == 11);
  CHECK(call.segments[0].start_ms == 2000);
  CHECK(call.segments[0].end_ms == 6500);
  // Two Chinese lines join without a space.
  CHECK(call.segments[0].text == "您好，我是销售部的李伟。请问您现在方便通话吗？");
  CHECK(call.segments[3].text == "我们现在用Excel，每份报价都要财务和总经理签字，通常需要三到五天。");
  CHECK(call.segments[6].text == "我们的系统可以实时显示每一步的审批状态，手机上也能审批。");
  // 00:01:36,000 = 96000; {\an8} comes before the prefix.
  CHECK(speaker_of(call, 10) == "Li Wei");
  CHECK(call.segments[10].start_ms == 96000);
  CHECK(call.segments[10].end_ms == 98200);
  CHECK(call.segments[10].text == "好的，再见！");
}

TEST_CASE("SRT quirks: no subtitle numbers, a missing blank line, dialogue without prefixes") {
  const std::string srt =
      "00:00:01,000 --> 00:00:02,000\nAna: Hi.\n2\n00:00:03,000 --> 00:00:04,500\nBen: Hello!\n"
      "00:00:05,000 --> 00:00:06,000\nAna: Bye.";
  const Call call = parley::parse_transcript(srt, TranscriptFormat::srt, "q.srt");
  REQUIRE(call.segments.size() == 3);
  CHECK(call.segments[0].text == "Hi.");
  CHECK(speaker_of(call, 1) == "Ben");
  CHECK(call.segments[1].start_ms == 3000);
  CHECK(call.segments[1].end_ms == 4500);
  CHECK(call.segments[2].text == "Bye.");
}

TEST_CASE("malformed SRT files are rejected with the file, line and what was wrong") {
  // Before the last subtitle, a number without a timing line is an error (at the end: a cut file, a warning).
  check_error(
      [] {
        parley::parse_transcript(
            "1\n00:00:01,000 --> 00:00:02,000\nA: hi\n\n2\n\n3\n00:00:03,000 --> 00:00:04,000\nB: ho\n",
            TranscriptFormat::srt, "x.srt");
      },
      ErrorCode::parse, "x.srt:5: subtitle 2 has no timing line");
  // "1\n" is 2 bytes and the timing line 30, so 'é' (0xE9 in Latin-1) of "José" is at offset 35.
  check_error([] { parse_fixture("latin1.srt", TranscriptFormat::srt); }, ErrorCode::invalid_utf8,
              "latin1.srt:3: invalid UTF-8 (byte 0xE9 at offset 35)");
  check_error([] { parley::parse_transcript("Hello there\n", TranscriptFormat::srt, "x.srt"); },
              ErrorCode::parse,
              "x.srt:1: expected a subtitle number or a timing line ('start --> end'), found 'Hello there'");
  check_error(
      [] { parley::parse_transcript("1\nHello there\n", TranscriptFormat::srt, "x.srt"); }, ErrorCode::parse,
      "x.srt:2: expected a timing line ('start --> end') after subtitle number 1, found 'Hello there'");
  check_error(
      [] {
        parley::parse_transcript("1\n00:00:01,000 --> 00:00:0x,000\nA: b\n", TranscriptFormat::srt, "x.srt");
      },
      ErrorCode::parse, "x.srt:2: bad timestamp '00:00:0x,000' in cue timing");
  ReadOptions strict;
  strict.missing_speaker = parley::MissingSpeaker::error;
  check_error(
      [&] {
        parley::parse_transcript("1\n00:00:01,000 --> 00:00:02,000\n- Hi!\n", TranscriptFormat::srt, "x.srt",
                                 strict);
      },
      ErrorCode::parse, "x.srt:3: subtitle has no speaker (no 'Name:' prefix)");
}

TEST_CASE("invalid UTF-8 may be replaced with U+FFFD instead") {
  ReadOptions replace;
  replace.invalid_utf8 = parley::InvalidUtf8::replace;
  const Call call = parse_fixture("latin1.srt", TranscriptFormat::srt, replace);
  // "Jos\xE9 Garc\xEDa: \xA1Hola!": each Latin-1 byte becomes one U+FFFD.
  CHECK(call.participants.at(0).id == "Jos\uFFFD Garc\uFFFDa");
  CHECK(call.segments.at(0).text == "\uFFFDHola!");
}

TEST_CASE("RTTM from a diarization tool: SPEAKER lines only, read leniently") {
  const Call call = parse_fixture("pyannote_diarization.rttm", TranscriptFormat::rttm);
  CHECK(call.id == "acme_call_0305");  // the RTTM file field
  REQUIRE(call.participants.size() == 3);
  CHECK(call.participants[0].id == "SPEAKER_00");
  CHECK(call.participants[1].id == "SPEAKER_01");
  CHECK(call.participants[2].id == "SPEAKER_02");
  REQUIRE(call.segments.size() == 11);  // SPKR-INFO, NON-SPEECH and the comment are skipped
  CHECK(call.segments[0].start_ms == 31);
  CHECK(call.segments[0].end_ms == 4447);  // 0.031 + 4.416 s
  CHECK(call.segments[0].text.empty());
  CHECK(call.segments[4].start_ms == 22513);  // tab-separated line
  CHECK(call.segments[4].end_ms == 25613);
  REQUIRE(call.segments[4].confidence.has_value());
  CHECK(*call.segments[4].confidence == doctest::Approx(0.87));
  CHECK_FALSE(call.segments[0].confidence.has_value());
  CHECK(call.segments[5].start_ms == call.segments[5].end_ms);  // zero-length turn kept
  CHECK(call.segments[6].start_ms == 26200);
  CHECK(call.segments[6].end_ms == 57950);  // 26.2 + 31.75
  CHECK(call.segments[7].end_ms == 69980);  // 57.950 + 12.030, a line without the last two fields
  CHECK(call.segments[10].start_ms == 174925);
  CHECK(call.segments[10].end_ms == 180000);

  ReadOptions named;
  named.call_id = "call-0305";
  CHECK(parse_fixture("pyannote_diarization.rttm", TranscriptFormat::rttm, named).id == "call-0305");
}

TEST_CASE("malformed RTTM lines are rejected with the line") {
  check_error([] { parse_fixture("bad_start.rttm", TranscriptFormat::rttm); }, ErrorCode::parse,
              "bad_start.rttm:2: bad start time 'abc' (expected seconds)");
  check_error([] { parley::parse_transcript("SPEAKER call 1 0.5 2.0\n", TranscriptFormat::rttm, "x.rttm"); },
              ErrorCode::parse,
              "x.rttm:1: SPEAKER line has 5 fields, expected at least 8 (type file channel start duration "
              "ortho subtype "
              "speaker)");
  check_error(
      [] {
        parley::parse_transcript("SPEAKER c 1 1.0 -2 <NA> <NA> A <NA> <NA>\n", TranscriptFormat::rttm,
                                 "x.rttm");
      },
      ErrorCode::parse, "x.rttm:1: bad duration '-2' (expected seconds)");
  ReadOptions strict;
  strict.missing_speaker = parley::MissingSpeaker::error;
  check_error(
      [&] {
        parley::parse_transcript("SPEAKER c 1 1.0 2 <NA> <NA> <NA> <NA> <NA>\n", TranscriptFormat::rttm,
                                 "x.rttm", strict);
      },
      ErrorCode::parse, "x.rttm:1: SPEAKER line has no speaker name ('<NA>')");
}

TEST_CASE("read_transcript picks the format from the extension or content, and names I/O failures") {
  const Call call = parley::read_transcript(readers_test::fixture_path("zoom_renewal.vtt"));
  CHECK(call.id == "zoom_renewal");
  CHECK(call.segments.size() == 12);
  CHECK(parley::read_transcript(readers_test::fixture_path("pyannote_diarization.rttm")).segments.size() ==
        11);
  CHECK(parley::read_transcript(readers_test::fixture_path("wechat_followup.srt")).segments.size() == 11);
  check_error([] { parley::read_transcript("/nonexistent/dir/call.vtt"); }, ErrorCode::io,
              "cannot open '/nonexistent/dir/call.vtt': No such file or directory");
  const std::string directory = std::string(PARLEY_TEST_DATA_DIR) + "/readers";
  check_error([&] { parley::read_transcript(directory); }, ErrorCode::io,
              "cannot read '" + directory + "': Is a directory");
  ReadOptions small;
  small.max_input_bytes = 100;
  const std::string path = readers_test::fixture_path("zoom_renewal.vtt");
  check_error([&] { parley::read_transcript(path, small); }, ErrorCode::limit_exceeded,
              path + ": 1710 bytes, more than the limit of 100 (ReadOptions::max_input_bytes)");
  check_error(
      [&] { parley::parse_transcript(std::string(101, 'x'), TranscriptFormat::srt, "big.srt", small); },
      ErrorCode::limit_exceeded,
      "big.srt: 101 bytes, more than the limit of 100 (ReadOptions::max_input_bytes)");
}

TEST_CASE("format names and extensions") {
  using parley::format_from_path;
  using parley::format_name;
  using parley::parse_format_name;
  for (auto format : {TranscriptFormat::webvtt, TranscriptFormat::srt, TranscriptFormat::rttm,
                      TranscriptFormat::parley_json, TranscriptFormat::amazon_transcribe,
                      TranscriptFormat::assemblyai, TranscriptFormat::deepgram}) {
    CHECK(parse_format_name(format_name(format)) == format);  // round trip for every format
  }
  CHECK(format_name(TranscriptFormat::amazon_transcribe) == "amazon-transcribe");
  CHECK(parse_format_name("Amazon_Transcribe") == TranscriptFormat::amazon_transcribe);
  CHECK(parse_format_name("VTT") == TranscriptFormat::webvtt);
  CHECK_FALSE(parse_format_name("docx").has_value());
  CHECK(format_from_path("/calls/2024-03-05 acme.VTT") == TranscriptFormat::webvtt);
  CHECK(format_from_path("out.srt") == TranscriptFormat::srt);
  CHECK(format_from_path("diar/out.rttm") == TranscriptFormat::rttm);
  CHECK_FALSE(format_from_path("job.json").has_value());
  CHECK_FALSE(format_from_path("calls.d/transcript").has_value());
}

TEST_CASE("a file naming more speakers than the limit is rejected while it is read") {
  std::string vtt = "WEBVTT\n\n";
  for (int i = 0; i < 20; ++i)
    vtt += fmt::format("00:{:02}.000 --> 00:{:02}.500\n<v Speaker {}>hello\n\n", i, i, i);
  ReadOptions options;
  options.limits.max_participants = 10;
  check_error([&] { parley::parse_transcript(vtt, TranscriptFormat::webvtt, "many.vtt", options); },
              ErrorCode::limit_exceeded, "many.vtt: more than 10 speakers (ModelLimits::max_participants)");
  // 20 speakers are fine under the default limit, each its own participant in order.
  const Call call = parley::parse_transcript(vtt, TranscriptFormat::webvtt, "many.vtt");
  REQUIRE(call.participants.size() == 20);
  CHECK(call.participants[13].id == "Speaker 13");
  CHECK(call.segments[13].speaker == 13);
}
