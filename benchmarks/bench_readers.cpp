// Transcript readers on a generated 2-hour meeting with word timings (about 18,000 words, four
// speakers, mixed-language vocabulary), written in memory in every supported format and parsed with
// parse_transcript. Bytes/s and segments/s per reader, against baselines measured in the same run:
// memcpy of 256 MiB (main-memory bandwidth), and memcpy and a byte sum (one read-only pass) over a
// buffer of the largest input's size, which fits in cache. BM_validate_call shows the share of each
// reader's time taken by validate_call, which every reader ends with. A third peer, nlohmann::json::parse
// alone on each JSON input, shows how much of a JSON reader's time is the DOM parse it is built on.
//
//   cmake -S . -B build/readers-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_BUILD_BENCHMARKS=ON
//   cmake --build build/readers-release --target bench_readers
//   build/readers-release/benchmarks/bench_readers --benchmark_repetitions=5
//   --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "parley/readers.hpp"

namespace {

using parley::TranscriptFormat;

struct Word {
  std::string text;  // with trailing punctuation when it ends a clause or sentence
  std::int64_t start_ms, end_ms;
  double confidence;
};

// One sentence of one speaker: the unit every cue format writes as a cue.
struct Sentence {
  int speaker;
  std::vector<Word> words;
};

const char* const kSpeakers[] = {"Dana Whitfield", "Jürgen Köhler", "Marta Nowak", "Li Wei"};
const char* const kVocabulary[] = {"the",        "price",      "quote",     "approval",     "we",
                                   "need",       "to",         "check",     "with",         "our",
                                   "team",       "next",       "week",      "budget",       "integration",
                                   "Salesforce", "contract",   "renewal",   "discount",     "users",
                                   "pilot",      "onboarding", "dashboard", "forecast",     "pipeline",
                                   "I",          "think",      "that",      "makes",        "sense",
                                   "honestly",   "timeline",   "Q3",        "genau",        "Zusammenarbeit",
                                   "Angebot",    "dziękuję",   "wdrożenie", "präsentation", "café",
                                   "naïve",      "报价",       "审批",      "the",          "and",
                                   "a",          "is",         "it",        "of",           "for",
                                   "on",         "can",        "you",       "send",         "me",
                                   "proposal"};

std::vector<Sentence> generate_meeting() {
  std::mt19937 random(20240305);
  std::vector<Sentence> sentences;
  std::int64_t now = 1500;
  const std::int64_t end = 2LL * 3600 * 1000;
  int speaker = 0;
  while (now < end) {
    // A turn of 1-4 sentences, then someone else speaks.
    const int turn_sentences = 1 + static_cast<int>(random() % 4);
    for (int s = 0; s < turn_sentences && now < end; ++s) {
      Sentence sentence{speaker, {}};
      const int words = 4 + static_cast<int>(random() % 14);
      for (int w = 0; w < words; ++w) {
        std::string text = kVocabulary[random() % std::size(kVocabulary)];
        if (w == 0) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
        if (w == words - 1)
          text += (random() % 5 == 0) ? "?" : ".";
        else if (random() % 9 == 0)
          text += ",";
        const std::int64_t duration = 120 + static_cast<std::int64_t>(text.size()) * 35 + random() % 80;
        sentence.words.push_back({std::move(text), now, now + duration, 0.6 + (random() % 400) / 1000.0});
        now += duration + 40 + random() % 120;
      }
      sentences.push_back(std::move(sentence));
      now += 200 + random() % 600;
    }
    speaker = (speaker + 1 + static_cast<int>(random() % 3)) % 4;
  }
  return sentences;
}

std::string clock(std::int64_t ms, char fraction_separator) {
  return fmt::format("{:02}:{:02}:{:02}{}{:03}", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
                     fraction_separator, ms % 1000);
}

std::string sentence_text(const Sentence& sentence) {
  std::string text;
  for (const Word& word : sentence.words) {
    if (!text.empty()) text.push_back(' ');
    text += word.text;
  }
  return text;
}

// Word timings as WebVTT timestamp tags: <v Name>First <00:00:01.300>second ...</v>.
std::string write_webvtt(const std::vector<Sentence>& sentences) {
  std::string out = "WEBVTT\n\n";
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    out += fmt::format("{}\n{} --> {}\n<v {}>", i + 1, clock(s.words.front().start_ms, '.'),
                       clock(s.words.back().end_ms, '.'), kSpeakers[s.speaker]);
    for (std::size_t w = 0; w < s.words.size(); ++w) {
      if (w > 0) out += fmt::format(" <{}>", clock(s.words[w].start_ms, '.'));
      out += s.words[w].text;
    }
    out += "</v>\n\n";
  }
  return out;
}

std::string write_srt(const std::vector<Sentence>& sentences) {
  std::string out;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    out += fmt::format("{}\n{} --> {}\n{}: {}\n\n", i + 1, clock(s.words.front().start_ms, ','),
                       clock(s.words.back().end_ms, ','), kSpeakers[s.speaker], sentence_text(s));
  }
  return out;
}

std::string write_rttm(const std::vector<Sentence>& sentences) {
  std::string out;
  for (const Sentence& s : sentences) {
    const std::int64_t start = s.words.front().start_ms;
    out += fmt::format("SPEAKER meeting 1 {:.3f} {:.3f} <NA> <NA> spk_{} <NA> <NA>\n", start / 1000.0,
                       (s.words.back().end_ms - start) / 1000.0, s.speaker);
  }
  return out;
}

std::string write_parley(const std::vector<Sentence>& sentences) {
  parley::Call call;
  call.id = "bench";
  for (const char* name : kSpeakers) call.participant_index(name);
  for (const Sentence& s : sentences) {
    parley::Segment segment;
    segment.speaker = static_cast<std::uint32_t>(s.speaker);
    segment.start_ms = s.words.front().start_ms;
    segment.end_ms = s.words.back().end_ms;
    segment.text = sentence_text(s);
    for (const Word& w : s.words) segment.words.push_back({w.start_ms, w.end_ms, w.text, w.confidence});
    call.segments.push_back(std::move(segment));
  }
  return parley::write_parley_json(call);
}

std::string seconds(std::int64_t ms) { return fmt::format("{}.{:03}", ms / 1000, ms % 1000); }

std::string write_transcribe(const std::vector<Sentence>& sentences) {
  nlohmann::json items = nlohmann::json::array();
  for (const Sentence& s : sentences) {
    for (const Word& w : s.words) {
      std::string bare = w.text;
      std::string punctuation;
      if (!bare.empty() && (bare.back() == '.' || bare.back() == '?' || bare.back() == ',')) {
        punctuation = bare.substr(bare.size() - 1);
        bare.pop_back();
      }
      items.push_back(
          {{"id", items.size()},
           {"type", "pronunciation"},
           {"alternatives", {{{"confidence", fmt::format("{:.3f}", w.confidence)}, {"content", bare}}}},
           {"start_time", seconds(w.start_ms)},
           {"end_time", seconds(w.end_ms)},
           {"speaker_label", fmt::format("spk_{}", s.speaker)}});
      if (!punctuation.empty()) {
        items.push_back({{"id", items.size()},
                         {"type", "punctuation"},
                         {"alternatives", {{{"confidence", "0.0"}, {"content", punctuation}}}},
                         {"speaker_label", fmt::format("spk_{}", s.speaker)}});
      }
    }
  }
  nlohmann::json doc = {
      {"jobName", "bench"}, {"status", "COMPLETED"}, {"results", {{"items", std::move(items)}}}};
  return doc.dump();
}

nlohmann::json assemblyai_word(const Word& w, int speaker) {
  return {{"text", w.text},
          {"start", w.start_ms},
          {"end", w.end_ms},
          {"confidence", w.confidence},
          {"speaker", std::string(1, static_cast<char>('A' + speaker))}};
}

std::string write_assemblyai(const std::vector<Sentence>& sentences) {
  nlohmann::json words = nlohmann::json::array();
  nlohmann::json utterances = nlohmann::json::array();
  for (const Sentence& s : sentences) {
    nlohmann::json utterance_words = nlohmann::json::array();
    for (const Word& w : s.words) {
      utterance_words.push_back(assemblyai_word(w, s.speaker));
      words.push_back(assemblyai_word(w, s.speaker));
    }
    utterances.push_back({{"speaker", std::string(1, static_cast<char>('A' + s.speaker))},
                          {"start", s.words.front().start_ms},
                          {"end", s.words.back().end_ms},
                          {"confidence", 0.9},
                          {"text", sentence_text(s)},
                          {"words", std::move(utterance_words)}});
  }
  nlohmann::json doc = {
      {"id", "bench"},          {"status", "completed"},     {"language_code", "en_us"},
      {"audio_duration", 7200}, {"words", std::move(words)}, {"utterances", std::move(utterances)}};
  return doc.dump();
}

std::string write_deepgram(const std::vector<Sentence>& sentences) {
  nlohmann::json words = nlohmann::json::array();
  for (const Sentence& s : sentences) {
    for (const Word& w : s.words) {
      words.push_back({{"word", w.text},
                       {"start", w.start_ms / 1000.0},
                       {"end", w.end_ms / 1000.0},
                       {"confidence", w.confidence},
                       {"speaker", s.speaker},
                       {"speaker_confidence", 0.8},
                       {"punctuated_word", w.text}});
    }
  }
  nlohmann::json doc = {
      {"metadata", {{"request_id", "bench"}, {"duration", 7200.0}, {"channels", 1}}},
      {"results",
       {{"channels",
         {{{"alternatives", {{{"transcript", ""}, {"confidence", 0.9}, {"words", std::move(words)}}}}}}}}}};
  return doc.dump();
}

struct Inputs {
  std::vector<std::pair<TranscriptFormat, std::string>> documents;
  std::size_t largest = 0;
};

const Inputs& inputs() {
  static const Inputs built = [] {
    const std::vector<Sentence> meeting = generate_meeting();
    Inputs result;
    result.documents = {{TranscriptFormat::webvtt, write_webvtt(meeting)},
                        {TranscriptFormat::srt, write_srt(meeting)},
                        {TranscriptFormat::rttm, write_rttm(meeting)},
                        {TranscriptFormat::parley_json, write_parley(meeting)},
                        {TranscriptFormat::amazon_transcribe, write_transcribe(meeting)},
                        {TranscriptFormat::assemblyai, write_assemblyai(meeting)},
                        {TranscriptFormat::deepgram, write_deepgram(meeting)}};
    for (const auto& [format, text] : result.documents)
      result.largest = std::max(result.largest, text.size());
    return result;
  }();
  return built;
}

const std::string& document(TranscriptFormat format) {
  for (const auto& [f, text] : inputs().documents) {
    if (f == format) return text;
  }
  std::abort();
}

void BM_read(benchmark::State& state, TranscriptFormat format) {
  const std::string& text = document(format);
  std::size_t segments = 0;
  std::size_t words = 0;
  for (auto _ : state) {
    parley::Call call = parley::parse_transcript(text, format, "bench");
    segments = call.segments.size();
    words = 0;
    for (const auto& segment : call.segments) words += segment.words.size();
    benchmark::DoNotOptimize(call);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["input_MB"] = static_cast<double>(text.size()) / 1e6;
  state.counters["segments"] = static_cast<double>(segments);
  state.counters["words"] = static_cast<double>(words);
  state.counters["segments_per_s"] =
      benchmark::Counter(static_cast<double>(segments), benchmark::Counter::kIsIterationInvariantRate);
}

// The share of a reader's time spent in validate_call (model.hpp), which every reader ends with.
void BM_validate_call(benchmark::State& state, TranscriptFormat format) {
  const parley::Call call = parley::parse_transcript(document(format), format, "bench");
  for (auto _ : state) {
    parley::validate_call(call);
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * document(format).size()));
}

// Peer: nlohmann's DOM parse alone, which every JSON reader starts with.
void BM_nlohmann_parse_only(benchmark::State& state, TranscriptFormat format) {
  const std::string& text = document(format);
  for (auto _ : state) {
    nlohmann::json doc = nlohmann::json::parse(text);
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

// Baselines on a buffer as large as the largest input (it fits in the last-level cache): copying it
// and summing its bytes (one read-only pass).
void BM_baseline_memcpy(benchmark::State& state) {
  const std::size_t size = inputs().largest;
  std::vector<char> source(size, 'x'), target(size);
  for (auto _ : state) {
    std::memcpy(target.data(), source.data(), size);
    benchmark::DoNotOptimize(target.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

// Main-memory bandwidth: memcpy of 256 MiB, far more than any cache.
void BM_baseline_memcpy_dram(benchmark::State& state) {
  const std::size_t size = std::size_t{256} << 20;
  std::vector<char> source(size, 'x'), target(size, 'y');
  for (auto _ : state) {
    std::memcpy(target.data(), source.data(), size);
    benchmark::DoNotOptimize(target.data());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

void BM_baseline_byte_sum(benchmark::State& state) {
  const std::string* largest = &inputs().documents.front().second;
  for (const auto& [format, text] : inputs().documents) {
    if (text.size() > largest->size()) largest = &text;
  }
  const std::string& text = *largest;
  for (auto _ : state) {
    std::uint64_t sum = 0;
    for (unsigned char c : text) sum += c;
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

}  // namespace

BENCHMARK(BM_baseline_memcpy)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_baseline_memcpy_dram)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_baseline_byte_sum)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_read, webvtt, TranscriptFormat::webvtt)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_read, srt, TranscriptFormat::srt)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_read, rttm, TranscriptFormat::rttm)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_read, parley_json, TranscriptFormat::parley_json)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_read, amazon_transcribe, TranscriptFormat::amazon_transcribe)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_read, assemblyai, TranscriptFormat::assemblyai)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_read, deepgram, TranscriptFormat::deepgram)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_validate_call, webvtt, TranscriptFormat::webvtt)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_validate_call, srt, TranscriptFormat::srt)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_validate_call, rttm, TranscriptFormat::rttm)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_validate_call, assemblyai, TranscriptFormat::assemblyai)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_nlohmann_parse_only, parley_json, TranscriptFormat::parley_json)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_nlohmann_parse_only, amazon_transcribe, TranscriptFormat::amazon_transcribe)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_nlohmann_parse_only, assemblyai, TranscriptFormat::assemblyai)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_nlohmann_parse_only, deepgram, TranscriptFormat::deepgram)
    ->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
