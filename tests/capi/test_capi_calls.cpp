// The C ABI's calls (parley.h, "Calls"): transcripts read from files and memory give what the C++
// readers give, calls built by hand hold exactly what was put in, and every argument error is named.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "capi_test.hpp"
#include "parley/readers.hpp"

using capi_test::CallPtr;
using capi_test::check_error;
using capi_test::OwnedString;
using capi_test::source_path;
using nlohmann::json;

namespace {

constexpr double no_confidence = std::numeric_limits<double>::quiet_NaN();

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

parley_participant participant(const char* id, parley_role role, const char* display_name = "",
                               const char* crm_id = "") {
  parley_participant p{};
  p.struct_size = sizeof p;
  p.id = id;
  p.id_length = PARLEY_NUL_TERMINATED;
  p.display_name = display_name;
  p.display_name_length = PARLEY_NUL_TERMINATED;
  p.role = role;
  p.crm_id = crm_id;
  p.crm_id_length = PARLEY_NUL_TERMINATED;
  return p;
}

parley_segment segment(uint32_t speaker, int64_t start_ms, int64_t end_ms, const char* text,
                       double confidence = no_confidence) {
  parley_segment s{};
  s.struct_size = sizeof s;
  s.speaker = speaker;
  s.start_ms = start_ms;
  s.end_ms = end_ms;
  s.text = text;
  s.text_length = std::strlen(text);
  s.confidence = confidence;
  return s;
}

json call_json(const parley_call* call) {
  OwnedString out;
  CAPI_REQUIRE_OK(parley_call_to_json(call, out.out()));
  return json::parse(out.str());
}

parley_call_info info_of(const parley_call* call) {
  parley_call_info info{};
  info.struct_size = sizeof info;
  CAPI_REQUIRE_OK(parley_call_get_info(call, &info));
  return info;
}

// Dana (seller) and Marco (customer) with two segments, built through the C ABI.
CallPtr two_party_call() {
  parley_call* call = nullptr;
  CAPI_REQUIRE_OK(parley_call_create("c-1", PARLEY_NUL_TERMINATED, &call));
  CallPtr owned(call);
  const parley_participant dana = participant("dana", PARLEY_ROLE_SELLER, "Dana Whitfield", "u-1");
  const parley_participant marco = participant("marco", PARLEY_ROLE_CUSTOMER);
  uint32_t index = 99;
  CAPI_REQUIRE_OK(parley_call_add_participant(call, &dana, &index));
  CHECK(index == 0);
  CAPI_REQUIRE_OK(parley_call_add_participant(call, &marco, &index));
  CHECK(index == 1);
  const parley_segment segments[] = {segment(0, 0, 30'000, "Hello, what does your team need?", 0.9),
                                     segment(1, 30'000, 40'000, "Better reports.")};
  CAPI_REQUIRE_OK(parley_call_add_segments(call, segments, 2));
  return owned;
}

}  // namespace

TEST_CASE("a call built by hand holds every field, participant, segment and word put in") {
  CallPtr call = two_party_call();
  CAPI_REQUIRE_OK(parley_call_set_field(call.get(), PARLEY_CALL_LANGUAGE, "en-US", 5));
  CAPI_REQUIRE_OK(
      parley_call_set_field(call.get(), PARLEY_CALL_OWNER_SELLER_ID, "u-1", PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(parley_call_set_field(call.get(), PARLEY_CALL_ACCOUNT_ID, "acc-7", PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(parley_call_set_field(call.get(), PARLEY_CALL_CONTACT_ID, "con-8", PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(parley_call_set_field(call.get(), PARLEY_CALL_LEAD_ID, "lead-9", PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(
      parley_call_set_field(call.get(), PARLEY_CALL_OPPORTUNITY_ID, "opp-10", PARLEY_NUL_TERMINATED));
  CAPI_REQUIRE_OK(parley_call_set_times(call.get(), 1'767'225'600'000, 45'000));
  parley_word words[2] = {};
  words[0] = {sizeof(parley_word), 0, 400, "Hello,", 6, 0.95};
  words[1] = {sizeof(parley_word), 500, 900, "what", 4, no_confidence};
  CAPI_REQUIRE_OK(parley_call_set_words(call.get(), 0, words, 2));

  // The C++ reader of parley's own JSON gives back exactly the call that was built.
  OwnedString text;
  CAPI_REQUIRE_OK(parley_call_to_json(call.get(), text.out()));
  const parley::Call back =
      parley::parse_transcript(text.str(), parley::TranscriptFormat::parley_json, "x.json");
  CHECK(back.id == "c-1");
  CHECK(back.language == "en-US");
  CHECK(back.start_time_ms == 1'767'225'600'000);
  CHECK(back.duration_ms == 45'000);
  CHECK(back.owner_seller_id == "u-1");
  CHECK(back.account_id == "acc-7");
  CHECK(back.contact_id == "con-8");
  CHECK(back.lead_id == "lead-9");
  CHECK(back.opportunity_id == "opp-10");
  REQUIRE(back.participants.size() == 2);
  CHECK(back.participants[0].id == "dana");
  CHECK(back.participants[0].display_name == "Dana Whitfield");
  CHECK(back.participants[0].role == parley::Role::seller);
  CHECK(back.participants[0].crm_id == "u-1");
  CHECK(back.participants[1].display_name == "marco");  // empty: the id
  CHECK(back.participants[1].role == parley::Role::customer);
  REQUIRE(back.segments.size() == 2);
  CHECK(back.segments[0].speaker == 0);
  CHECK(back.segments[0].end_ms == 30'000);
  CHECK(back.segments[0].text == "Hello, what does your team need?");
  CHECK(back.segments[0].confidence == 0.9);
  CHECK_FALSE(back.segments[1].confidence.has_value());  // NaN: not given
  CHECK(back.segments[1].start_ms == 30'000);
  REQUIRE(back.segments[0].words.size() == 2);
  CHECK(back.segments[0].words[0].text == "Hello,");
  CHECK(back.segments[0].words[0].confidence == 0.95);
  CHECK(back.segments[0].words[1].start_ms == 500);
  CHECK_FALSE(back.segments[0].words[1].confidence.has_value());

  const parley_call_info info = info_of(call.get());
  CHECK(std::string(info.id) == "c-1");
  CHECK(std::string(info.language) == "en-US");
  CHECK(info.start_time_ms == 1'767'225'600'000);
  CHECK(info.duration_ms == 45'000);
  CHECK(info.effective_duration_ms == 45'000);  // the duration is later than the last end (40 s)
  CHECK(info.participant_count == 2);
  CHECK(info.segment_count == 2);
  CHECK(info.warning_count == 0);

  // Without a duration the last segment end is the call's length; set_words replaces.
  CAPI_REQUIRE_OK(parley_call_set_times(call.get(), 0, 0));
  CHECK(info_of(call.get()).effective_duration_ms == 40'000);
  CAPI_REQUIRE_OK(parley_call_set_words(call.get(), 0, nullptr, 0));
  CHECK_FALSE(call_json(call.get())["segments"][0].contains("words"));
  OwnedString warnings;
  CAPI_REQUIRE_OK(parley_call_warnings_json(call.get(), warnings.out()));
  CHECK(warnings.str() == "[]");
}

TEST_CASE("arrays of structs follow array[0].struct_size, so a newer caller's larger structs work") {
  // A caller compiled against a later parley.h whose segment has one more field.
  struct LongerSegment {
    parley_segment segment;
    double added_later;
  };
  CallPtr call = two_party_call();
  LongerSegment longer[2] = {};
  longer[0].segment = segment(0, 40'000, 41'000, "One.");
  longer[1].segment = segment(1, 41'000, 43'000, "Two.");
  longer[0].segment.struct_size = longer[1].segment.struct_size = sizeof(LongerSegment);
  longer[0].added_later = longer[1].added_later = 1e300;
  CAPI_REQUIRE_OK(parley_call_add_segments(call.get(), &longer[0].segment, 2));
  const json document = call_json(call.get());
  REQUIRE(document["segments"].size() == 4);
  CHECK(document["segments"][2]["text"] == "One.");
  CHECK(document["segments"][3]["text"] == "Two.");
  CHECK(document["segments"][3]["end_ms"] == 43'000);

  // The info struct is written as far as the caller's struct_size reaches, and no further.
  struct LongerInfo {
    parley_call_info info;
    uint64_t canary;
  } longer_info{};
  longer_info.info.struct_size = sizeof longer_info;
  longer_info.canary = 0x5A5A5A5A5A5A5A5Aull;
  CAPI_REQUIRE_OK(parley_call_get_info(call.get(), &longer_info.info));
  CHECK(longer_info.info.struct_size == sizeof longer_info);
  CHECK(longer_info.info.segment_count == 4);
  CHECK(longer_info.canary == 0x5A5A5A5A5A5A5A5Aull);
}

TEST_CASE("reading the sample call from a file gives what the C++ reader gives") {
  const std::string path = source_path("samples/discovery-call.vtt");
  parley_call* read = nullptr;
  CAPI_REQUIRE_OK(parley_call_read_file(path.data(), path.size(), nullptr, 0, nullptr, 0, &read));
  CallPtr call(read);
  const parley::ReadResult expected = parley::read_transcript_with_warnings(path);
  CHECK(call_json(call.get()) == json::parse(parley::write_parley_json(expected.call)));
  const parley_call_info info = info_of(call.get());
  CHECK(std::string(info.id) == "discovery-call");  // the file name without its extension
  CHECK(std::string(info.language) == expected.call.language);
  CHECK(info.participant_count == 2);
  CHECK(info.segment_count == expected.call.segments.size());
  CHECK(info.warning_count == expected.warnings.size());

  // Named format and options: the call id and the language come from the options.
  const std::string options = R"({"call_id": "disc-1", "default_language": "en-GB"})";
  CAPI_REQUIRE_OK(
      parley_call_read_file(path.data(), path.size(), "vtt", 3, options.data(), options.size(), &read));
  CallPtr named(read);
  CHECK(std::string(info_of(named.get()).id) == "disc-1");
  CHECK(std::string(info_of(named.get()).language) == "en-US");  // the file says so: it wins
}

TEST_CASE("parsing transcripts in memory: named formats, JSON detection, read options, warnings") {
  const std::string deepgram = file_text(source_path("tests/data/readers/deepgram_onboarding.json"));
  parley_call* parsed = nullptr;
  // An empty format detects the JSON form from the content.
  CAPI_REQUIRE_OK(parley_call_parse(deepgram.data(), deepgram.size(), "", 0, "onboarding.json",
                                    PARLEY_NUL_TERMINATED, nullptr, 0, &parsed));
  CallPtr call(parsed);
  const parley::ReadResult expected =
      parley::parse_transcript_with_warnings(deepgram, parley::TranscriptFormat::deepgram, "onboarding.json");
  CHECK(call_json(call.get()) == json::parse(parley::write_parley_json(expected.call)));
  CHECK(std::string(info_of(call.get()).id) == "onboarding");

  // A cue without a speaker goes to the participant the options name, or fails if they say so.
  const std::string vtt = file_text(source_path("tests/data/readers/missing_speaker.vtt"));
  const std::string renamed = R"json({"unknown_speaker_id": "(unattributed)"})json";
  CAPI_REQUIRE_OK(parley_call_parse(vtt.data(), vtt.size(), "webvtt", 6, "missing_speaker.vtt",
                                    PARLEY_NUL_TERMINATED, renamed.data(), renamed.size(), &parsed));
  CallPtr unattributed(parsed);
  CHECK(call_json(unattributed.get())["participants"][1]["id"] == "(unattributed)");
  const std::string strict = R"({"missing_speaker": "error"})";
  parsed = reinterpret_cast<parley_call*>(0x1);  // cleared on failure
  check_error(parley_call_parse(vtt.data(), vtt.size(), "webvtt", 6, "missing_speaker.vtt",
                                PARLEY_NUL_TERMINATED, strict.data(), strict.size(), &parsed),
              PARLEY_E_PARSE, {"missing_speaker.vtt:7: cue has no speaker"});
  CHECK(parsed == nullptr);

  // Latin-1 text: an error naming the line by default, repaired with a warning on request.
  const std::string latin1 = file_text(source_path("tests/data/readers/latin1.srt"));
  check_error(
      parley_call_parse(latin1.data(), latin1.size(), "srt", 3, "latin1.srt", 10, nullptr, 0, &parsed),
      PARLEY_E_INVALID_UTF8, {"latin1.srt:3: invalid UTF-8 (byte 0xE9 at offset 35)"});
  const std::string replace = R"({"invalid_utf8": "replace"})";
  CAPI_REQUIRE_OK(parley_call_parse(latin1.data(), latin1.size(), "srt", 3, "latin1.srt", 10, replace.data(),
                                    replace.size(), &parsed));
  CallPtr repaired(parsed);
  parley::ReadOptions replace_options;
  replace_options.invalid_utf8 = parley::InvalidUtf8::replace;
  const parley::ReadResult repaired_expected = parley::parse_transcript_with_warnings(
      latin1, parley::TranscriptFormat::srt, "latin1.srt", replace_options);
  REQUIRE_FALSE(repaired_expected.warnings.empty());
  CHECK(info_of(repaired.get()).warning_count == repaired_expected.warnings.size());
  OwnedString warnings;
  CAPI_REQUIRE_OK(parley_call_warnings_json(repaired.get(), warnings.out()));
  CHECK(json::parse(warnings.str()) == json::parse(parley::to_json(repaired_expected.warnings)));
  CHECK(json::parse(warnings.str())[0]["source"] == "latin1.srt");
}

TEST_CASE("every read option is read and takes effect") {
  const std::string vtt =
      "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nDana: Hello there.\n\n"
      "00:00:02.500 --> 00:00:04.000\n<v Marco>Hi.</v>\n";
  const std::string every = R"({"limits": {"max_segments": 100, "max_participants": 5,
      "max_segment_text_bytes": 1000, "max_words_per_segment": 100, "max_call_duration_ms": 3600000},
      "max_input_bytes": 4096, "invalid_utf8": "error", "call_id": "every-1", "default_language": "en-GB",
      "missing_speaker": "unknown_participant", "unknown_speaker_id": "nobody", "speaker_name_prefixes": false,
      "split_segments_at_sentence_end": true, "split_segments_at_gap_ms": 0, "max_warnings": 3})";
  parley_call* parsed = nullptr;
  CAPI_REQUIRE_OK(parley_call_parse(vtt.data(), vtt.size(), "webvtt", 6, "x.vtt", 5, every.data(),
                                    every.size(), &parsed));
  const CallPtr call(parsed);
  const json document = call_json(call.get());
  CHECK(document["id"] == "every-1");
  CHECK(document["language"] == "en-GB");
  // Without name prefixes the first cue names no speaker: it goes to the unknown speaker's id.
  CHECK(document["participants"][0]["id"] == "nobody");
  CHECK(document["segments"][0]["text"] == "Dana: Hello there.");
  CHECK(document["participants"][1]["id"] == "Marco");

  // The size limits are the options': input beyond max_input_bytes, a call beyond the limits.
  const std::string small_input = R"({"max_input_bytes": 10})";
  check_error(parley_call_parse(vtt.data(), vtt.size(), "webvtt", 6, "x.vtt", 5, small_input.data(),
                                small_input.size(), &parsed),
              PARLEY_E_LIMIT_EXCEEDED, {"x.vtt"});
  const std::string one_participant = R"({"limits": {"max_participants": 1}})";
  check_error(parley_call_parse(vtt.data(), vtt.size(), "webvtt", 6, "x.vtt", 5, one_participant.data(),
                                one_participant.size(), &parsed),
              PARLEY_E_LIMIT_EXCEEDED, {"participants"});
  CHECK(parsed == nullptr);
}

TEST_CASE("transcript reading errors name the format, the path, the option and its JSON path") {
  parley_call* call = nullptr;
  const char vtt[] = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>Hi.\n";
  check_error(parley_call_parse(vtt, sizeof vtt - 1, "", 0, "x.vtt", 5, nullptr, 0, &call),
              PARLEY_E_INVALID_ARGUMENT, {"'format'", "x.vtt", "name the format"});
  check_error(parley_call_parse(vtt, sizeof vtt - 1, "flac", 4, "x.vtt", 5, nullptr, 0, &call),
              PARLEY_E_INVALID_ARGUMENT, {"'format'", "flac", "webvtt"});
  const std::string unknown = R"({"call_id": "a", "limits": {"max_segmentz": 3}})";
  check_error(
      parley_call_parse(vtt, sizeof vtt - 1, "webvtt", 6, "x.vtt", 5, unknown.data(), unknown.size(), &call),
      PARLEY_E_PARSE, {"read_options_json: limits: unknown member 'max_segmentz'", "max_segments"});
  const std::string bad_enum = R"({"invalid_utf8": "ignore"})";
  check_error(parley_call_parse(vtt, sizeof vtt - 1, "webvtt", 6, "x.vtt", 5, bad_enum.data(),
                                bad_enum.size(), &call),
              PARLEY_E_PARSE,
              {"read_options_json: invalid_utf8: unknown value \"ignore\" (expected error or replace)"});
  const std::string out_of_range = R"({"max_input_bytes": 0})";
  check_error(parley_call_parse(vtt, sizeof vtt - 1, "webvtt", 6, "x.vtt", 5, out_of_range.data(),
                                out_of_range.size(), &call),
              PARLEY_E_INVALID_ARGUMENT, {"read_options_json.max_input_bytes = 0: must be > 0"});
  const std::string syntax = R"({"call_id": )";
  check_error(
      parley_call_parse(vtt, sizeof vtt - 1, "webvtt", 6, "x.vtt", 5, syntax.data(), syntax.size(), &call),
      PARLEY_E_PARSE, {"read_options_json:1:"});
  const std::string limits = R"({"limits": {"max_segments": 0}})";
  check_error(
      parley_call_parse(vtt, sizeof vtt - 1, "webvtt", 6, "x.vtt", 5, limits.data(), limits.size(), &call),
      PARLEY_E_INVALID_ARGUMENT, {"read_options_json.limits.max_segments = 0"});

  const std::string missing = source_path("tests/data/readers/no-such-file.vtt");
  check_error(parley_call_read_file(missing.data(), missing.size(), "", 0, nullptr, 0, &call), PARLEY_E_IO,
              {"no-such-file.vtt"});
  check_error(parley_call_read_file("", 0, "", 0, nullptr, 0, &call), PARLEY_E_INVALID_ARGUMENT,
              {"'path' is empty"});
  check_error(parley_call_read_file("a\0b.vtt", 7, "", 0, nullptr, 0, &call), PARLEY_E_INVALID_ARGUMENT,
              {"'path' contains a NUL byte"});
  check_error(parley_call_read_file(missing.data(), missing.size(), "doc", 3, nullptr, 0, &call),
              PARLEY_E_INVALID_ARGUMENT, {"'format'", "doc"});
  check_error(parley_call_read_file(nullptr, 4, "", 0, nullptr, 0, &call), PARLEY_E_INVALID_ARGUMENT,
              {"'path' is NULL with length 4"});
  check_error(parley_call_read_file(missing.data(), missing.size(), "", 0, nullptr, 0, nullptr),
              PARLEY_E_INVALID_ARGUMENT, {"'out_call' is NULL"});
  check_error(parley_call_parse(vtt, PARLEY_MAX_INPUT_BYTES + 1, "webvtt", 6, "x.vtt", 5, nullptr, 0, &call),
              PARLEY_E_LIMIT_EXCEEDED, {"'content'", "PARLEY_MAX_INPUT_BYTES"});
  CHECK(call == nullptr);
}

TEST_CASE("building a call refuses what cannot be a participant, a segment or a word, and changes nothing") {
  CallPtr call = two_party_call();
  const json before = call_json(call.get());

  const parley_participant duplicate = participant("dana", PARLEY_ROLE_OTHER);
  check_error(parley_call_add_participant(call.get(), &duplicate, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'participant.id'", "'dana'", "participant 0"});
  const parley_participant empty_id = participant("", PARLEY_ROLE_OTHER);
  check_error(parley_call_add_participant(call.get(), &empty_id, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'participant.id' is empty"});
  parley_participant bad_role = participant("eve", PARLEY_ROLE_OTHER);
  bad_role.role = static_cast<parley_role>(7);
  check_error(parley_call_add_participant(call.get(), &bad_role, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'participant.role' is 7"});
  parley_participant latin1 = participant("jos\xE9", PARLEY_ROLE_OTHER);
  check_error(parley_call_add_participant(call.get(), &latin1, nullptr), PARLEY_E_INVALID_UTF8,
              {"'participant.id'", "byte 3"});
  parley_participant null_name = participant("eve", PARLEY_ROLE_OTHER);
  null_name.display_name = nullptr;
  null_name.display_name_length = 3;
  check_error(parley_call_add_participant(call.get(), &null_name, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'participant.display_name' is NULL with length 3"});
  parley_participant unsized = participant("eve", PARLEY_ROLE_OTHER);
  unsized.struct_size = 0;
  check_error(parley_call_add_participant(call.get(), &unsized, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'participant'", "struct_size 0"});
  unsized.struct_size = sizeof(size_t) + 1;  // smaller than the first version
  check_error(parley_call_add_participant(call.get(), &unsized, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'participant'", "smaller than its first version"});
  unsized.struct_size = 1u << 20;  // garbage
  check_error(parley_call_add_participant(call.get(), &unsized, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'participant'", "not a struct size"});
  check_error(parley_call_add_participant(call.get(), nullptr, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'participant' is NULL"});

  // A segment naming no participant, bad text, a bad element: the whole array is refused.
  const parley_segment unknown_speaker[] = {segment(0, 50'000, 51'000, "Fine."),
                                            segment(2, 51'000, 52'000, "Who?")};
  check_error(parley_call_add_segments(call.get(), unknown_speaker, 2), PARLEY_E_INVALID_ARGUMENT,
              {"'segments[1].speaker' is 2", "2 participant(s)"});
  const parley_segment bad_text[] = {segment(0, 50'000, 51'000, "Fine."),
                                     segment(1, 51'000, 52'000, "caf\xC3")};
  check_error(parley_call_add_segments(call.get(), bad_text, 2), PARLEY_E_INVALID_UTF8,
              {"'segments[1].text'", "byte 3"});
  parley_segment unsized_segment[] = {segment(0, 50'000, 51'000, "Fine.")};
  unsized_segment[0].struct_size = 0;
  check_error(parley_call_add_segments(call.get(), unsized_segment, 1), PARLEY_E_INVALID_ARGUMENT,
              {"'segments[0]'", "struct_size 0"});
  check_error(parley_call_add_segments(call.get(), nullptr, 2), PARLEY_E_INVALID_ARGUMENT,
              {"'segments' is NULL with count 2"});
  check_error(parley_call_add_segments(call.get(), unsized_segment, PARLEY_MAX_INPUT_BYTES + 1),
              PARLEY_E_LIMIT_EXCEEDED, {"'segments'"});
  CAPI_REQUIRE_OK(parley_call_add_segments(call.get(), nullptr, 0));  // nothing to add

  parley_word word{sizeof(parley_word), 0, 100, "Hi", 2, no_confidence};
  check_error(parley_call_set_words(call.get(), 2, &word, 1), PARLEY_E_INVALID_ARGUMENT,
              {"'segment_index' is 2", "2 segment(s)"});
  word.text_length = PARLEY_MAX_INPUT_BYTES + 1;
  check_error(parley_call_set_words(call.get(), 0, &word, 1), PARLEY_E_LIMIT_EXCEEDED, {"'words[0].text'"});

  check_error(parley_call_set_field(call.get(), static_cast<parley_call_field>(7), "x", 1),
              PARLEY_E_INVALID_ARGUMENT, {"'field' is 7"});
  check_error(parley_call_set_field(call.get(), PARLEY_CALL_ID, "\xFF", 1), PARLEY_E_INVALID_UTF8,
              {"'value'"});
  check_error(parley_call_set_times(call.get(), 0, -1), PARLEY_E_INVALID_ARGUMENT, {"'duration_ms' is -1"});
  check_error(parley_call_set_role(call.get(), "nobody", PARLEY_NUL_TERMINATED, PARLEY_ROLE_SELLER),
              PARLEY_E_NOT_FOUND, {"'nobody'", "'c-1'"});
  check_error(parley_call_set_role(call.get(), "dana", PARLEY_NUL_TERMINATED, static_cast<parley_role>(-1)),
              PARLEY_E_INVALID_ARGUMENT, {"'role' is -1"});
  CHECK(call_json(call.get()) == before);

  parley_call* created = reinterpret_cast<parley_call*>(0x1);
  check_error(parley_call_create("\xC0\x80", 2, &created), PARLEY_E_INVALID_UTF8, {"'call_id'"});
  CHECK(created == nullptr);
}

TEST_CASE("roles: set one by id, or assign every one by the host's rules") {
  CallPtr call = two_party_call();
  CAPI_REQUIRE_OK(parley_call_set_role(call.get(), "marco", 5, PARLEY_ROLE_OTHER));
  CHECK(call_json(call.get())["participants"][1]["role"] == "other");
  // Dana matches two entries, by id and by display name: the first name in byte order wins
  // ('D' 0x44 before 'd' 0x64), whatever the document's order (docs/c-api.md).
  for (const std::string both : {R"({"by_name": {"dana": "customer", "Dana Whitfield": "other"}})",
                                 R"({"by_name": {"Dana Whitfield": "other", "dana": "customer"}})"}) {
    CAPI_REQUIRE_OK(parley_call_assign_roles(call.get(), both.data(), both.size(), nullptr));
    CHECK(call_json(call.get())["participants"][0]["role"] == "other");
  }

  const std::string path = source_path("samples/discovery-call.vtt");
  parley_call* read = nullptr;
  CAPI_REQUIRE_OK(parley_call_read_file(path.data(), path.size(), "", 0, nullptr, 0, &read));
  CallPtr sample(read);
  // Only Dana is named: Marco is listed as unmatched and gets the rules' role for the unmatched.
  const std::string rules = R"({"by_name": {"dana whitfield": "seller"}, "unmatched": "customer"})";
  OwnedString unmatched;
  CAPI_REQUIRE_OK(parley_call_assign_roles(sample.get(), rules.data(), rules.size(), unmatched.out()));
  CHECK(json::parse(unmatched.str()) == json::array({"Marco Rossi"}));
  json document = call_json(sample.get());
  CHECK(document["participants"][0]["role"] == "seller");
  CHECK(document["participants"][1]["role"] == "customer");

  // our_users and the default for the unmatched (other); the unmatched list may be left out.
  const std::string users = R"({"our_users": ["Marco Rossi"], "our_email_domains": ["fabrikam.com"]})";
  CAPI_REQUIRE_OK(parley_call_assign_roles(sample.get(), users.data(), users.size(), nullptr));
  document = call_json(sample.get());
  CHECK(document["participants"][0]["role"] == "other");
  CHECK(document["participants"][1]["role"] == "seller");

  const std::string bad_role = R"({"by_name": {"Dana Whitfield": "boss"}})";
  check_error(parley_call_assign_roles(sample.get(), bad_role.data(), bad_role.size(), unmatched.out()),
              PARLEY_E_PARSE, {"role_rules_json: by_name.Dana Whitfield", "unknown role \"boss\""});
  CHECK(unmatched.get() == nullptr);
  const std::string unknown = R"({"our_user": []})";
  check_error(parley_call_assign_roles(sample.get(), unknown.data(), unknown.size(), nullptr), PARLEY_E_PARSE,
              {"role_rules_json: unknown member 'our_user'", "our_users"});
  check_error(parley_call_assign_roles(nullptr, nullptr, 0, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'call' is NULL"});
  CHECK(call_json(sample.get()) == document);  // unchanged by the failures
}

namespace {

parley_participant participant_at(const parley_call* call, size_t index) {
  parley_participant out{};
  out.struct_size = sizeof out;
  CAPI_REQUIRE_OK(parley_call_get_participant(call, index, &out));
  CHECK(out.struct_size == sizeof out);
  return out;
}

std::string_view id_of(const parley_participant& p) { return {p.id, p.id_length}; }
std::string_view display_name_of(const parley_participant& p) {
  return {p.display_name, p.display_name_length};
}
std::string_view crm_id_of(const parley_participant& p) { return {p.crm_id, p.crm_id_length}; }

}  // namespace

TEST_CASE("a call's participants can be read back: id, display name, role and CRM id, by index") {
  // The sample names its two speakers in <v> tags, Dana first; readers leave every role `other`.
  const std::string path = source_path("samples/discovery-call.vtt");
  parley_call* read = nullptr;
  CAPI_REQUIRE_OK(parley_call_read_file(path.data(), path.size(), "", 0, nullptr, 0, &read));
  CallPtr sample(read);
  REQUIRE(info_of(sample.get()).participant_count == 2);
  parley_participant dana = participant_at(sample.get(), 0);
  CHECK(id_of(dana) == "Dana Whitfield");
  CHECK(display_name_of(dana) == "Dana Whitfield");
  CHECK(dana.role == PARLEY_ROLE_OTHER);
  CHECK(crm_id_of(dana).empty());
  const parley_participant marco = participant_at(sample.get(), 1);
  CHECK(id_of(marco) == "Marco Rossi");
  CHECK(display_name_of(marco) == "Marco Rossi");
  CHECK(marco.role == PARLEY_ROLE_OTHER);
  // A role set afterwards is what the next read gives.
  CAPI_REQUIRE_OK(
      parley_call_set_role(sample.get(), "Dana Whitfield", PARLEY_NUL_TERMINATED, PARLEY_ROLE_SELLER));
  dana = participant_at(sample.get(), 0);
  CHECK(dana.role == PARLEY_ROLE_SELLER);
  CHECK(id_of(dana) == "Dana Whitfield");

  // Built by hand: Dana with a display name and a CRM id, Marco with neither (shown by his id).
  CallPtr built = two_party_call();
  const parley_participant seller = participant_at(built.get(), 0);
  CHECK(id_of(seller) == "dana");
  CHECK(display_name_of(seller) == "Dana Whitfield");
  CHECK(seller.role == PARLEY_ROLE_SELLER);
  CHECK(crm_id_of(seller) == "u-1");
  const parley_participant customer = participant_at(built.get(), 1);
  CHECK(id_of(customer) == "marco");
  CHECK(display_name_of(customer) == "marco");
  CHECK(customer.role == PARLEY_ROLE_CUSTOMER);
  CHECK(crm_id_of(customer).empty());

  // A newer caller's larger struct: parley fills what it knows and leaves the rest alone.
  struct {
    parley_participant known;
    uint64_t newer_field;
  } larger{};
  larger.known.struct_size = sizeof larger;
  larger.newer_field = 0x5eed;
  CAPI_REQUIRE_OK(parley_call_get_participant(built.get(), 1, &larger.known));
  CHECK(larger.known.struct_size == sizeof larger);
  CHECK(id_of(larger.known) == "marco");
  CHECK(larger.newer_field == 0x5eed);
}

TEST_CASE("reading a participant refuses an index out of range, NULL and a struct without its size") {
  CallPtr call = two_party_call();
  parley_participant out{};
  out.struct_size = sizeof out;
  check_error(parley_call_get_participant(call.get(), 2, &out), PARLEY_E_INVALID_ARGUMENT,
              {"'index' is 2", "2 participant(s)"});
  check_error(parley_call_get_participant(call.get(), static_cast<size_t>(-1), &out),
              PARLEY_E_INVALID_ARGUMENT, {"'index' is 18446744073709551615", "2 participant(s)"});
  CHECK(out.id == nullptr);  // untouched by the failures
  check_error(parley_call_get_participant(nullptr, 0, &out), PARLEY_E_INVALID_ARGUMENT, {"'call' is NULL"});
  check_error(parley_call_get_participant(call.get(), 0, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_participant' is NULL"});
  parley_participant unsized{};
  check_error(parley_call_get_participant(call.get(), 0, &unsized), PARLEY_E_INVALID_ARGUMENT,
              {"'out_participant' has struct_size 0", "set it to sizeof the struct"});
  CHECK(unsized.id == nullptr);

  parley_call* empty = nullptr;
  CAPI_REQUIRE_OK(parley_call_create("empty", PARLEY_NUL_TERMINATED, &empty));
  CallPtr owned(empty);
  check_error(parley_call_get_participant(empty, 0, &out), PARLEY_E_INVALID_ARGUMENT,
              {"'index' is 0", "call 'empty' has 0 participant(s)"});
}
