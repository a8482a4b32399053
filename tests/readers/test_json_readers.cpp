// JSON readers (parley's form, Amazon Transcribe, AssemblyAI, Deepgram) and the parley JSON writer.
// Expected values are read off the fixtures (tests/data/readers, written by make_json_fixtures.py
// from hand-written dialogues) with Python's json module, not with parley.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

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

std::string speaker_of(const Call& call, std::size_t i) {
  return call.participants.at(call.segments.at(i).speaker).id;
}

// Every field of two calls, compared exactly.
void check_same_call(const Call& a, const Call& b) {
  CHECK(a.id == b.id);
  CHECK(a.start_time_ms == b.start_time_ms);
  CHECK(a.duration_ms == b.duration_ms);
  CHECK(a.language == b.language);
  CHECK(a.owner_seller_id == b.owner_seller_id);
  CHECK(a.account_id == b.account_id);
  CHECK(a.contact_id == b.contact_id);
  CHECK(a.lead_id == b.lead_id);
  CHECK(a.opportunity_id == b.opportunity_id);
  REQUIRE(a.participants.size() == b.participants.size());
  for (std::size_t i = 0; i < a.participants.size(); ++i) {
    CHECK(a.participants[i].id == b.participants[i].id);
    CHECK(a.participants[i].display_name == b.participants[i].display_name);
    CHECK(a.participants[i].role == b.participants[i].role);
    CHECK(a.participants[i].crm_id == b.participants[i].crm_id);
  }
  REQUIRE(a.segments.size() == b.segments.size());
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    const auto& x = a.segments[i];
    const auto& y = b.segments[i];
    CHECK(x.speaker == y.speaker);
    CHECK(x.start_ms == y.start_ms);
    CHECK(x.end_ms == y.end_ms);
    CHECK(x.text == y.text);
    CHECK(x.confidence == y.confidence);
    REQUIRE(x.words.size() == y.words.size());
    for (std::size_t w = 0; w < x.words.size(); ++w) {
      CHECK(x.words[w].text == y.words[w].text);
      CHECK(x.words[w].start_ms == y.words[w].start_ms);
      CHECK(x.words[w].end_ms == y.words[w].end_ms);
      CHECK(x.words[w].confidence == y.words[w].confidence);
    }
  }
}

Call parse_json(const std::string& text, TranscriptFormat format, const ReadOptions& options = {}) {
  return parley::parse_transcript(text, format, "t.json", options);
}

}  // namespace

TEST_CASE("parley JSON: every field, roles as the host wrote them, word timings") {
  const Call call = parse_fixture("parley_pricing_call.json", TranscriptFormat::parley_json);
  CHECK(call.id == "call-2024-03-07-northwind");
  // 2024-03-07T15:30:00+01:00 = 14:30 UTC = 1709821800 s since the epoch (Python's datetime).
  CHECK(call.start_time_ms == 1709821800000);
  CHECK(call.duration_ms == 184000);
  CHECK(call.language == "en-GB");
  CHECK(call.owner_seller_id == "user-017");
  CHECK(call.account_id == "acct-northwind");
  CHECK(call.contact_id.empty());
  CHECK(call.opportunity_id == "opp-2291");
  REQUIRE(call.participants.size() == 3);
  CHECK(call.participants[0].id == "spk_0");
  CHECK(call.participants[0].display_name == "Sam Okafor");
  CHECK(call.participants[0].role == Role::seller);
  CHECK(call.participants[0].crm_id == "user-017");
  CHECK(call.participants[1].display_name == "Hélène Dubois");
  CHECK(call.participants[1].role == Role::customer);
  CHECK(call.participants[2].role == Role::other);  // no role given
  REQUIRE(call.segments.size() == 9);
  CHECK(call.segments[0].confidence == 0.96);
  REQUIRE(call.segments[0].words.size() == 6);
  CHECK(call.segments[0].words[1].text == "Hélène,");
  CHECK(call.segments[0].words[1].start_ms == 1620);
  CHECK(call.segments[0].words[1].end_ms == 2210);
  CHECK(call.segments[0].words[1].confidence == 0.88);
  CHECK_FALSE(call.segments[0].words[3].confidence.has_value());
  CHECK_FALSE(call.segments[1].confidence.has_value());
  CHECK(call.segments[3].start_ms == 29900);  // overlaps the segment before: kept as written
  CHECK(call.segments[5].start_ms == call.segments[5].end_ms);
  CHECK(call.segments[5].text.empty());
  CHECK(call.segments[8].text == "Will do — you'll have them by tomorrow noon.");
}

TEST_CASE("parley JSON without a participants list creates participants from the speakers") {
  const Call call = parse_json(R"({"segments": [{"speaker": "B", "start_ms": 5, "end_ms": 9, "text": "hi"},
                                                {"speaker": "A", "start_ms": 10, "end_ms": 20}]})",
                               TranscriptFormat::parley_json);
  REQUIRE(call.participants.size() == 2);
  CHECK(call.participants[0].id == "B");
  CHECK(call.participants[1].id == "A");
  CHECK(call.id == "t");
  CHECK(call.start_time_ms == 0);
  CHECK(call.segments[1].text.empty());
}

TEST_CASE("malformed parley JSON is rejected with the JSON path, or line and column for syntax errors") {
  check_error([] { parse_fixture("missing_speaker.json", TranscriptFormat::parley_json); }, ErrorCode::parse,
              "missing_speaker.json: segments[1]: missing field 'speaker'");
  // The file stops inside the key "end_ms on line 5, whose 46 characters (4 spaces, then 42 up to and
  // including "end_ms) end at column 46: the input ends at column 47.
  check_error(
      [] { parse_fixture("truncated.json", TranscriptFormat::parley_json); }, ErrorCode::parse,
      "truncated.json:5:47: syntax error while parsing object key - invalid string: missing closing quote; "
      "last read: '\"end_ms'; expected string literal");
  // Line 3 is 4 spaces, {"speaker": "A", then the second comma at column 4 + 17 = 21.
  check_error(
      [] {
        parse_json("{\n  \"segments\": [\n    {\"speaker\": \"A\",, }\n  ]\n}",
                   TranscriptFormat::parley_json);
      },
      ErrorCode::parse,
      "t.json:3:21: syntax error while parsing object key - unexpected ','; expected string literal");
  check_error([] { parse_json("[]", TranscriptFormat::parley_json); }, ErrorCode::parse,
              "t.json: (document): expected an object at the top level, found array []");
  check_error([] { parse_json(R"({"id": "p"})", TranscriptFormat::parley_json); }, ErrorCode::parse,
              "t.json: (document): missing field 'segments'");
  check_error(
      [] {
        parse_json(R"({"segments": [{"speaker": "A", "start_ms": "12", "end_ms": 20}]})",
                   TranscriptFormat::parley_json);
      },
      ErrorCode::parse,
      "t.json: segments[0].start_ms: expected a number of milliseconds, found string \"12\"");
  check_error(
      [] {
        parse_json(R"({"segments": [{"speaker": "A", "start_ms": -5, "end_ms": 20}]})",
                   TranscriptFormat::parley_json);
      },
      ErrorCode::parse, "t.json: segments[0].start_ms: negative time -5 ms");
  check_error(
      [] {
        parse_json(R"({"segments": [{"speaker": "A", "start_ms": 200, "end_ms": 100}]})",
                   TranscriptFormat::parley_json);
      },
      ErrorCode::parse, "t.json: call 't': segment 0: end time 100 ms is before start time 200 ms");
  check_error(
      [] {
        parse_json(R"({"participants": [{"id": "A", "role": "boss"}], "segments": []})",
                   TranscriptFormat::parley_json);
      },
      ErrorCode::parse,
      "t.json: participants[0].role: unknown role 'boss' (expected seller, customer or other)");
  check_error(
      [] {
        parse_json(
            R"({"participants": [{"id": "A"}], "segments": [{"speaker": "spk_9", "start_ms": 0, "end_ms": 1}]})",
            TranscriptFormat::parley_json);
      },
      ErrorCode::parse, "t.json: segments[0].speaker: 'spk_9' is not one of the participants");
  check_error(
      [] {
        parse_json(R"({"start_time": "2024-03-07T15:30:00", "segments": []})", TranscriptFormat::parley_json);
      },
      ErrorCode::parse,
      "t.json: start_time: bad instant '2024-03-07T15:30:00' (expected ISO 8601 with a zone, e.g. "
      "2024-03-05T14:00:00Z)");
  check_error(
      [] {
        parse_json(R"({"start_time": "2024-02-30T10:00:00Z", "segments": []})",
                   TranscriptFormat::parley_json);
      },
      ErrorCode::parse,
      "t.json: start_time: bad instant '2024-02-30T10:00:00Z' (expected ISO 8601 with a zone, e.g. "
      "2024-03-05T14:00:00Z)");
  check_error([] { parse_json(R"({"version": 2, "segments": []})", TranscriptFormat::parley_json); },
              ErrorCode::parse, "t.json: version: unsupported version 2 (this reader reads version 1)");
  check_error(
      [] {
        parse_json(
            R"({"segments": [{"speaker": "A", "start_ms": 0, "end_ms": 1, "words": [{"text": "x", "start_ms": 0, "end_ms": 1, "confidence": 1.5}]}]})",
            TranscriptFormat::parley_json);
      },
      ErrorCode::parse, "t.json: segments[0].words[0].confidence: confidence 1.5 is outside 0..1");
}

TEST_CASE("deeply nested or binary JSON is an error, not a crash") {
  const std::string deep(100000, '[');
  check_error([&] { parse_json(deep, TranscriptFormat::parley_json); }, ErrorCode::parse,
              "t.json:1:100001: syntax error while parsing value - unexpected end of input; expected '[', "
              "'{', or a literal");
  check_error([] { parse_json(std::string("{\"a\":\0}", 7), TranscriptFormat::deepgram); }, ErrorCode::parse,
              "t.json:1: NUL byte: this is binary data, not a deepgram file");
}

TEST_CASE("Amazon Transcribe: items grouped by speaker and sentence, punctuation joined to words") {
  const Call call = parse_fixture("transcribe_discovery.json", TranscriptFormat::amazon_transcribe);
  CHECK(call.id == "transcribe_discovery");
  CHECK(call.language == "en-US");
  REQUIRE(call.participants.size() == 2);
  CHECK(call.participants[0].id == "spk_0");
  CHECK(call.participants[0].role == Role::other);
  CHECK(call.participants[1].id == "spk_1");
  // 13 turns holding 21 sentences (counted in the dialogue of make_json_fixtures.py).
  REQUIRE(call.segments.size() == 21);
  const auto& first = call.segments[0];
  CHECK(first.text == "Hi Alex, this is Jordan from Brightline.");
  CHECK(first.start_ms == 440);  // "0.44"
  CHECK(first.end_ms == 2800);   // "2.80", end of "Brightline"
  REQUIRE(first.words.size() == 7);
  CHECK(first.words[1].text == "Alex,");
  CHECK(first.words[1].start_ms == 670);
  CHECK(first.words[1].end_ms == 930);
  CHECK(first.words[1].confidence == 0.94);
  CHECK(call.segments[1].text == "Is now still a good time?");
  CHECK(call.segments[1].start_ms == 2860);
  CHECK(speaker_of(call, 2) == "spk_1");
  CHECK(call.segments[2].text == "Yes, perfect.");
  CHECK(call.segments[20].text == "I'll send her the invite.");
  CHECK(call.segments[20].end_ms == 54760);
  CHECK_FALSE(call.segments[20].confidence.has_value());

  ReadOptions whole_turns;
  whole_turns.split_segments_at_sentence_end = false;
  // Without sentence splits a segment is a run of one speaker: 13 turns, of which spk_1's turns 4-5
  // are one run: 12.
  CHECK(parse_fixture("transcribe_discovery.json", TranscriptFormat::amazon_transcribe, whole_turns)
            .segments.size() == 12);
}

TEST_CASE("Amazon Transcribe: older output with speakers only in speaker_labels.segments") {
  const std::string job = R"({"status": "COMPLETED", "results": {
    "speaker_labels": {"segments": [
      {"start_time": "0.5", "end_time": "1.4", "speaker_label": "spk_1", "items": []},
      {"start_time": "1.6", "end_time": "2.2", "speaker_label": "spk_0", "items": []}]},
    "items": [
      {"start_time": "0.5", "end_time": "0.9", "alternatives": [{"confidence": "0.99", "content": "Hello"}], "type": "pronunciation"},
      {"alternatives": [{"confidence": "0.0", "content": ","}], "type": "punctuation"},
      {"start_time": "1.0", "end_time": "1.4", "alternatives": [{"confidence": "0.98", "content": "Maria"}], "type": "pronunciation"},
      {"start_time": "1.6", "end_time": "2.2", "alternatives": [{"confidence": "0.97", "content": "Hi"}], "type": "pronunciation"},
      {"start_time": "3.0", "end_time": "3.5", "alternatives": [{"confidence": "0.90", "content": "um"}], "type": "pronunciation"}]}})";
  const Call call = parse_json(job, TranscriptFormat::amazon_transcribe);
  REQUIRE(call.segments.size() == 3);
  CHECK(speaker_of(call, 0) == "spk_1");
  CHECK(call.segments[0].text == "Hello, Maria");
  CHECK(call.segments[0].words[0].text == "Hello,");
  CHECK(speaker_of(call, 1) == "spk_0");
  CHECK(speaker_of(call, 2) == "unknown");  // 3.0 s falls in no speaker turn
  ReadOptions strict;
  strict.missing_speaker = parley::MissingSpeaker::error;
  check_error([&] { parse_json(job, TranscriptFormat::amazon_transcribe, strict); }, ErrorCode::parse,
              "t.json: results.items[4]: no speaker_label (was speaker identification on for this job?)");
}

TEST_CASE("malformed Amazon Transcribe output names the JSON path") {
  check_error(
      [] {
        parse_json(
            R"({"results": {"items": [{"type": "pronunciation", "start_time": "1.2x", "end_time": "1.5", "alternatives": [{"content": "a"}]}]}})",
            TranscriptFormat::amazon_transcribe);
      },
      ErrorCode::parse, "t.json: results.items[0].start_time: bad time \"1.2x\" (expected seconds >= 0)");
  check_error(
      [] {
        parse_json(
            R"({"results": {"items": [{"type": "pronunciation", "start_time": "1.2", "end_time": "1.5", "alternatives": []}]}})",
            TranscriptFormat::amazon_transcribe);
      },
      ErrorCode::parse, "t.json: results.items[0].alternatives: no alternatives");
  check_error(
      [] {
        parse_json(R"({"jobName": "x", "status": "FAILED", "results": {"items": []}})",
                   TranscriptFormat::amazon_transcribe);
      },
      ErrorCode::parse, "t.json: status: job status is \"FAILED\", not \"COMPLETED\"");
  check_error([] { parse_json(R"({"results": {"transcripts": []}})", TranscriptFormat::amazon_transcribe); },
              ErrorCode::parse, "t.json: results: missing field 'items'");
}

TEST_CASE("AssemblyAI: utterances with words, language code, audio duration") {
  const Call call = parse_fixture("assemblyai_renewal.json", TranscriptFormat::assemblyai);
  CHECK(call.language == "es");
  CHECK(call.duration_ms == 44000);  // audio_duration 44 s
  REQUIRE(call.participants.size() == 2);
  CHECK(call.participants[0].id == "A");
  CHECK(call.participants[1].id == "B");
  REQUIRE(call.segments.size() == 9);
  const auto& first = call.segments[0];
  CHECK(first.start_ms == 1200);
  CHECK(first.end_ms == 3970);
  CHECK(first.text == "Buenas tardes, Lucía. ¿Cómo va todo en Monterrey?");
  CHECK(first.confidence == 0.915);
  REQUIRE(first.words.size() == 8);
  CHECK(first.words[1].text == "tardes,");
  CHECK(first.words[1].start_ms == 1610);
  CHECK(first.words[1].end_ms == 1960);
  CHECK(first.words[1].confidence == 0.94);
  CHECK(speaker_of(call, 8) == "A");
  CHECK(call.segments[8].text == "Perfecto, muchas gracias, Lucía.");
  CHECK(call.segments[8].start_ms == 39800);
  CHECK(call.segments[8].end_ms == 41470);
}

TEST_CASE("AssemblyAI without utterances groups words, and failed transcripts are errors") {
  const Call call = parse_json(R"({"status": "completed", "language_code": "en_us", "words": [
      {"text": "Hi.", "start": 100, "end": 300, "confidence": 0.9, "speaker": null},
      {"text": "Okay", "start": 400, "end": 700, "confidence": 0.8, "speaker": null}]})",
                               TranscriptFormat::assemblyai);
  CHECK(call.language == "en-US");
  REQUIRE(call.segments.size() == 2);
  CHECK(speaker_of(call, 0) == "unknown");
  check_error(
      [] {
        parse_json(
            R"({"id": "x", "status": "error", "error": "Download error, unable to download the audio"})",
            TranscriptFormat::assemblyai);
      },
      ErrorCode::parse,
      "t.json: status: transcript status is \"error\", not \"completed\" (Download error, unable to download "
      "the audio)");
  check_error([] { parse_json(R"({"status": "completed", "text": "hi"})", TranscriptFormat::assemblyai); },
              ErrorCode::parse,
              "t.json: (document): neither 'utterances' nor 'words' is present: no timed speech to read");
  check_error(
      [] {
        parse_json(
            R"({"utterances": [{"speaker": "A", "start": 0, "end": 10, "text": "x", "words": [{"text": "x", "start": 0}]}]})",
            TranscriptFormat::assemblyai);
      },
      ErrorCode::parse, "t.json: utterances[0].words[0]: missing field 'end'");
}

TEST_CASE("Deepgram: words grouped by speaker and sentence with punctuated_word, times in seconds") {
  const Call call = parse_fixture("deepgram_onboarding.json", TranscriptFormat::deepgram);
  CHECK(call.language == "pl");
  CHECK(call.duration_ms == 37500);  // metadata.duration 37.5 s
  REQUIRE(call.participants.size() == 2);
  CHECK(call.participants[0].id == "0");
  CHECK(call.participants[1].id == "1");
  REQUIRE(call.segments.size() == 16);  // 9 turns holding 16 sentences
  const auto& first = call.segments[0];
  CHECK(first.text == "Dzień dobry, Pani Anno.");
  CHECK(first.start_ms == 320);
  CHECK(first.end_ms == 1630);
  REQUIRE(first.words.size() == 4);
  CHECK(first.words[2].text == "Pani");
  CHECK(first.words[2].start_ms == 1050);  // 1.0500001 s
  CHECK(first.words[2].confidence == 0.91);
  CHECK(call.segments[1].text == "Thanks for joining.");
  CHECK(call.segments[1].end_ms == 2770);
  CHECK(speaker_of(call, 2) == "1");
  CHECK(call.segments[2].text == "Hello!");
  CHECK(call.segments[15].text == "Dziękuję bardzo!");
  CHECK(call.segments[15].end_ms == 35325);
}

TEST_CASE("Deepgram: utterances when present, channels as speakers without diarization, errors by path") {
  const Call by_utterance = parse_json(
      R"({"metadata": {"duration": 3.0}, "results": {"channels": [{"alternatives": [{"words": []}]}],
      "utterances": [{"start": 0.5, "end": 1.25, "confidence": 0.9, "channel": 0, "transcript": "Hi there.", "speaker": 3,
                      "words": [{"word": "hi", "start": 0.5, "end": 0.8, "confidence": 0.9, "punctuated_word": "Hi"},
                                {"word": "there", "start": 0.85, "end": 1.25, "confidence": 0.95}]}]}})",
      TranscriptFormat::deepgram);
  REQUIRE(by_utterance.segments.size() == 1);
  CHECK(speaker_of(by_utterance, 0) == "3");
  CHECK(by_utterance.segments[0].text == "Hi there.");
  CHECK(by_utterance.segments[0].words[1].text == "there");  // no punctuated_word: the word as is
  CHECK(by_utterance.segments[0].end_ms == 1250);

  const Call stereo = parse_json(R"({"results": {"channels": [
      {"alternatives": [{"words": [{"word": "hello", "start": 0.1, "end": 0.4, "confidence": 0.9}]}]},
      {"alternatives": [{"words": [{"word": "hi", "start": 0.6, "end": 0.8, "confidence": 0.9}]}]}]}})",
                                 TranscriptFormat::deepgram);
  REQUIRE(stereo.participants.size() == 2);
  CHECK(stereo.participants[0].id == "channel_0");
  CHECK(stereo.participants[1].id == "channel_1");

  check_error(
      [] {
        parse_json(R"({"results": {"channels": [{"alternatives": [{"transcript": ""}]}]}})",
                   TranscriptFormat::deepgram);
      },
      ErrorCode::parse, "t.json: results.channels[0].alternatives[0]: missing field 'words'");
  check_error(
      [] {
        parse_json(
            R"({"results": {"channels": [{"alternatives": [{"words": [{"word": "a", "start": 2.0, "end": 1.0}]}]}]}})",
            TranscriptFormat::deepgram);
      },
      ErrorCode::parse,
      "t.json: results.channels[0].alternatives[0].words[0]: end 1000 ms is before start 2000 ms");
  check_error(
      [] {
        parse_json(
            R"({"results": {"channels": [{"alternatives": [{"words": [{"word": "a", "start": 1.0, "end": 2.0, "speaker": "x"}]}]}]}})",
            TranscriptFormat::deepgram);
      },
      ErrorCode::parse,
      "t.json: results.channels[0].alternatives[0].words[0].speaker: expected a speaker number, found string "
      "\"x\"");
}

TEST_CASE("JSON kinds are detected from content, and a mismatch is named") {
  CHECK(parley::detect_json_format(readers_test::load_fixture("transcribe_discovery.json")) ==
        TranscriptFormat::amazon_transcribe);
  CHECK(parley::detect_json_format(readers_test::load_fixture("assemblyai_renewal.json")) ==
        TranscriptFormat::assemblyai);
  CHECK(parley::detect_json_format(readers_test::load_fixture("deepgram_onboarding.json")) ==
        TranscriptFormat::deepgram);
  CHECK(parley::detect_json_format(readers_test::load_fixture("parley_pricing_call.json")) ==
        TranscriptFormat::parley_json);
  CHECK_FALSE(parley::detect_json_format("{\"hello\": 1}").has_value());
  CHECK_FALSE(parley::detect_json_format("WEBVTT\n").has_value());
  CHECK_FALSE(parley::detect_json_format("{\"segments\": [").has_value());
  CHECK(parley::read_transcript(readers_test::fixture_path("deepgram_onboarding.json")).segments.size() ==
        16);
  CHECK(parley::read_transcript(readers_test::fixture_path("assemblyai_renewal.json")).segments.size() == 9);
  check_error([] { parse_fixture("transcribe_discovery.json", TranscriptFormat::deepgram); },
              ErrorCode::parse, "transcribe_discovery.json: this is amazon-transcribe JSON, not deepgram");
  check_error([] { parley::parse_transcript(R"({"hello": 1})", TranscriptFormat::parley_json, "h.json"); },
              ErrorCode::parse, "h.json: (document): missing field 'segments'");
}

TEST_CASE("write_parley_json writes the documented form") {
  Call call;
  call.id = "c-1";
  call.start_time_ms = 1709647200250;  // 2024-03-05T14:00:00.250Z
  call.duration_ms = 60000;
  call.language = "de-DE";
  call.participants.push_back({"spk_0", "Dana", Role::seller, "u-1"});
  call.participants.push_back({"spk_1", "spk_1", Role::other, ""});
  call.segments.push_back(
      {1, 0, 1500, "Grüß Gott.", {{0, 700, "Grüß", 0.5}, {750, 1500, "Gott.", std::nullopt}}, 0.75});
  const std::string expected = R"({
  "format": "parley-transcript",
  "version": 1,
  "id": "c-1",
  "start_time": "2024-03-05T14:00:00.250Z",
  "duration_ms": 60000,
  "language": "de-DE",
  "participants": [
    {
      "id": "spk_0",
      "name": "Dana",
      "role": "seller",
      "crm_id": "u-1"
    },
    {
      "id": "spk_1",
      "name": "spk_1",
      "role": "other"
    }
  ],
  "segments": [
    {
      "speaker": "spk_1",
      "start_ms": 0,
      "end_ms": 1500,
      "text": "Grüß Gott.",
      "confidence": 0.75,
      "words": [
        {
          "text": "Grüß",
          "start_ms": 0,
          "end_ms": 700,
          "confidence": 0.5
        },
        {
          "text": "Gott.",
          "start_ms": 750,
          "end_ms": 1500
        }
      ]
    }
  ]
}
)";
  CHECK(parley::write_parley_json(call) == expected);
  call.segments[0].text = std::string("\xC3");  // assigning the literal: false -Wrestrict, g++ 12 -O3
  check_error([&] { parley::write_parley_json(call); }, ErrorCode::invalid_utf8,
              "write_parley_json: call 'c-1' holds text that is not valid UTF-8");
}

TEST_CASE("round trip: every fixture read, written as parley JSON and read back is the same call") {
  const std::pair<const char*, TranscriptFormat> fixtures[] = {
      {"teams_discovery.vtt", TranscriptFormat::webvtt},
      {"zoom_renewal.vtt", TranscriptFormat::webvtt},
      {"meet_unpadded.vtt", TranscriptFormat::webvtt},
      {"wechat_followup.srt", TranscriptFormat::srt},
      {"pyannote_diarization.rttm", TranscriptFormat::rttm},
      {"parley_pricing_call.json", TranscriptFormat::parley_json},
      {"transcribe_discovery.json", TranscriptFormat::amazon_transcribe},
      {"assemblyai_renewal.json", TranscriptFormat::assemblyai},
      {"deepgram_onboarding.json", TranscriptFormat::deepgram},
  };
  for (const auto& [name, format] : fixtures) {
    CAPTURE(name);
    Call call = parse_fixture(name, format);
    // Roles the host assigned survive the trip too.
    parley::RoleRules rules;
    rules.unmatched = Role::customer;
    rules.our_users = {call.participants.at(0).id};
    parley::assign_roles(call, rules);
    call.owner_seller_id = "user-1";
    call.start_time_ms = 1709647200000;
    const Call back =
        parley::parse_transcript(parley::write_parley_json(call), TranscriptFormat::parley_json, "rt.json");
    check_same_call(call, back);
  }
}

TEST_CASE("read_transcript tells formats apart by content when the extension does not") {
  const std::string directory = std::filesystem::temp_directory_path() / "parley_readers_test";
  std::filesystem::create_directories(directory);
  const auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(directory + "/" + name, std::ios::binary) << content;
    return directory + "/" + name;
  };
  // One line of JSON whose text holds "-->": still JSON, not an SRT timing line.
  const Call json = parley::read_transcript(write(
      "call.txt", R"({"segments": [{"speaker": "A", "start_ms": 0, "end_ms": 5, "text": "a --> b"}]})"));
  CHECK(json.segments.at(0).text == "a --> b");
  CHECK(json.id == "call");
  CHECK(parley::read_transcript(write("captions", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>hi\n"))
            .segments.size() == 1);
  CHECK(parley::read_transcript(write("diar.out", "SPEAKER f 1 0.5 1.0 <NA> <NA> A <NA> <NA>\n"))
            .segments.size() == 1);
  CHECK(parley::read_transcript(write("subs.txt", "1\n00:00:01,000 --> 00:00:02,000\nA: hi\n"))
            .segments.size() == 1);
  const std::string notes = write("notes.txt", "Call notes: customer wants a discount.\n");
  check_error([&] { parley::read_transcript(notes); }, ErrorCode::invalid_argument,
              notes + ": cannot tell the transcript format from the file name or content; name the format");
  const std::string other = write("other.json", R"({"hello": "world"})");
  check_error([&] { parley::read_transcript(other); }, ErrorCode::invalid_argument,
              other +
                  ": a JSON document in none of the known transcript forms (parley-json, amazon-transcribe, "
                  "assemblyai, deepgram); name the format");
  // The format named by the caller wins over the extension.
  CHECK(parley::read_transcript(write("x.vtt", "1\n00:00:01,000 --> 00:00:02,000\nA: hi\n"), {},
                                TranscriptFormat::srt)
            .segments.size() == 1);
  std::filesystem::remove_all(directory);
}
