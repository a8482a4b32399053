// Errors that tell the host what the input really is: another transcript format than the one
// named, binary data (by its signature or a NUL byte), or UTF-16 text. Messages are written out
// by hand from docs/transcript-formats.md.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "parley/readers.hpp"
#include "readers_test_support.hpp"

using parley::ErrorCode;
using parley::TranscriptFormat;
using readers_test::check_error;

namespace {

void check_parse_error(const std::string& content, TranscriptFormat format, const std::string& source,
                       ErrorCode code, const std::string& message) {
  check_error([&] { parley::parse_transcript(content, format, source); }, code, message);
}

}  // namespace

TEST_CASE("content of another format says which format it looks like and how to read it") {
  const std::string srt = "1\n00:00:01,000 --> 00:00:02,000\nAna: Hola.\n";
  check_parse_error(srt, TranscriptFormat::webvtt, "x.vtt", ErrorCode::parse,
                    "x.vtt:1: missing 'WEBVTT' header (found '1'): the content looks like srt; read it as "
                    "srt (--input-format srt)");
  const std::string vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hola.\n";
  check_parse_error(vtt, TranscriptFormat::srt, "x.srt", ErrorCode::parse,
                    "x.srt:1: expected a subtitle number or a timing line ('start --> end'), found 'WEBVTT': "
                    "the content looks like webvtt; read it as webvtt (--input-format webvtt)");
  const std::string json = R"({"segments": [{"speaker": "A", "start_ms": 0, "end_ms": 5, "text": "hi"}]})";
  check_parse_error(json, TranscriptFormat::webvtt, "x.vtt", ErrorCode::parse,
                    "x.vtt:1: missing 'WEBVTT' header (found '{\"segments\": [{\"speaker\": \"A\", "
                    "\"start_ms\": 0, \"end_ms\": 5, \"...'): the content looks like parley-json; read it "
                    "as parley-json (--input-format parley-json)");
  // A .vtt file of SRT content: the format comes from the extension, the hint is the same.
  const std::filesystem::path directory = std::filesystem::temp_directory_path() / "parley_read_errors_test";
  std::filesystem::create_directories(directory);
  const std::string path = (directory / "call.vtt").string();
  std::ofstream(path, std::ios::binary) << srt;
  check_error([&] { parley::read_transcript(path); }, ErrorCode::parse,
              path +
                  ":1: missing 'WEBVTT' header (found '1'): the content looks like srt; read it as srt "
                  "(--input-format srt)");
  std::filesystem::remove_all(directory);
  // Text that is no known format keeps the plain message.
  check_parse_error("Call notes\n", TranscriptFormat::webvtt, "x.vtt", ErrorCode::parse,
                    "x.vtt:1: missing 'WEBVTT' header (found 'Call notes')");
}

TEST_CASE("binary data is named as such, by its signature or a NUL byte, before any UTF-8 check") {
  // The PNG signature 89 50 4E 47 0D 0A 1A 0A starts binary_garbage.vtt.
  check_error([] { readers_test::parse_fixture("binary_garbage.vtt", TranscriptFormat::webvtt); },
              ErrorCode::parse, "binary_garbage.vtt:1: a PNG image: this is binary data, not a webvtt file");
  check_parse_error(std::string("RIFF\x24\x08\x00\x00WAVEfmt ", 16), TranscriptFormat::srt, "call.srt",
                    ErrorCode::parse, "call.srt:1: a WAV audio file: this is binary data, not a srt file");
  check_parse_error(std::string("ID3\x04\x00\x00\x00\x00\x00\x21", 10), TranscriptFormat::webvtt, "call.vtt",
                    ErrorCode::parse,
                    "call.vtt:1: an MP3 audio file: this is binary data, not a webvtt file");
  check_parse_error(std::string("\x00\x00\x00\x20\x66typM4A ", 12), TranscriptFormat::deepgram, "call.json",
                    ErrorCode::parse,
                    "call.json:1: an MP4 or M4A media file: this is binary data, not a deepgram file");
  check_parse_error(std::string("PK\x03\x04\x14\x00", 6), TranscriptFormat::parley_json, "call.json",
                    ErrorCode::parse,
                    "call.json:1: a ZIP archive (or a .docx or .xlsx document): this is binary data, not a "
                    "parley-json file");
  check_parse_error("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", TranscriptFormat::srt, "call.srt", ErrorCode::parse,
                    "call.srt:1: a PDF document: this is binary data, not a srt file");
  // No known signature: the first NUL byte names it, even after bytes that are not UTF-8.
  check_parse_error(std::string("WEBVTT\n\n\xC3\x28\n\0\x01", 13), TranscriptFormat::webvtt, "x.vtt",
                    ErrorCode::parse, "x.vtt:4: NUL byte: this is binary data, not a webvtt file");
}

TEST_CASE("UTF-16 text is named as such, with or without a byte order mark") {
  // "WEBVTT" in UTF-16: little-endian with the mark FF FE, big-endian without one.
  check_parse_error(std::string("\xFF\xFEW\0E\0B\0V\0T\0T\0", 14), TranscriptFormat::webvtt, "x.vtt",
                    ErrorCode::invalid_utf8,
                    "x.vtt:1: UTF-16 text (byte order mark FF FE), not UTF-8: convert it to UTF-8");
  check_parse_error(std::string("\0W\0E\0B\0V\0T\0T\0\n", 14), TranscriptFormat::webvtt, "x.vtt",
                    ErrorCode::invalid_utf8,
                    "x.vtt:1: UTF-16 text (big-endian), not UTF-8: convert it to UTF-8");
  check_parse_error(std::string("1\0\n\0", 4), TranscriptFormat::srt, "x.srt", ErrorCode::invalid_utf8,
                    "x.srt:1: UTF-16 text (little-endian), not UTF-8: convert it to UTF-8");
}
