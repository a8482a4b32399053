// Property: whatever bytes a reader is given, it returns a valid call or throws parley::Error —
// never another exception, never a crash (run under ASan/UBSan with -DPARLEY_SANITIZE=ON).
// Inputs are the fixtures with deterministic random damage: truncation, bytes replaced by
// structural characters of the formats, and lines duplicated or dropped.
#include <doctest/doctest.h>

#include <random>
#include <string>

#include "parley/readers.hpp"
#include "readers_test_support.hpp"

using parley::TranscriptFormat;

namespace {

std::string damage(const std::string& text, std::mt19937& random) {
  static constexpr char kStructural[] = "<>&;:-\n\r\t {}[]\",.0123456789v/\\#";
  std::string out = text;
  switch (random() % 4) {
    case 0:  // truncated anywhere, even inside a multi-byte character
      out.resize(random() % (out.size() + 1));
      break;
    case 1:  // a few bytes replaced
      for (int k = 0, n = 1 + static_cast<int>(random() % 6); k < n && !out.empty(); ++k) {
        out[random() % out.size()] = kStructural[random() % (sizeof kStructural - 1)];
      }
      break;
    case 2: {  // a slice repeated
      const std::size_t at = random() % (out.size() + 1);
      const std::size_t length = random() % 200;
      out.insert(at, out.substr(at, length));
      break;
    }
    default: {  // a slice dropped
      const std::size_t at = random() % (out.size() + 1);
      out.erase(at, random() % 300);
      break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("damaged input gives a valid call or a parley::Error, for every reader") {
  const std::pair<const char*, TranscriptFormat> fixtures[] = {
      {"teams_discovery.vtt", TranscriptFormat::webvtt},
      {"meet_unpadded.vtt", TranscriptFormat::webvtt},
      {"wechat_followup.srt", TranscriptFormat::srt},
      {"pyannote_diarization.rttm", TranscriptFormat::rttm},
      {"parley_pricing_call.json", TranscriptFormat::parley_json},
      {"transcribe_discovery.json", TranscriptFormat::amazon_transcribe},
      {"assemblyai_renewal.json", TranscriptFormat::assemblyai},
      {"deepgram_onboarding.json", TranscriptFormat::deepgram},
  };
  std::mt19937 random(7);
  parley::ReadOptions options;
  options.invalid_utf8 = parley::InvalidUtf8::replace;  // reach the parsers even after a cut character
  for (const auto& [name, format] : fixtures) {
    const std::string original = readers_test::load_fixture(name);
    int parsed = 0;
    int rejected = 0;
    for (int round = 0; round < 300; ++round) {
      const std::string input = damage(original, random);
      try {
        const parley::Call call = parley::parse_transcript(input, format, name, options);
        parley::validate_call(call);
        ++parsed;
      } catch (const parley::Error& error) {
        CHECK_FALSE(error.message().empty());
        ++rejected;
      } catch (const std::exception& other) {
        FAIL("not a parley::Error from " << name << ": " << other.what());
      }
    }
    CAPTURE(name);
    CHECK(parsed + rejected == 300);
  }
}
