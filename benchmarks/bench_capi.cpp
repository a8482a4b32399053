// What the C ABI costs over the C++ API, measured in one run:
//   - analysing a one-hour English call (sample organisation calls joined end to end):
//     CallAnalyzer::analyze (alone, and with make_analysis_record for the metrics a host stores)
//     against parley_analyzer_analyze + parley_analysis_get_metrics + parley_analysis_free;
//   - scoring 100,000 sentences: SentimentScorer::score per sentence against
//     parley_scorer_score_lines and parley_scorer_score_many.
// Repetitions of all benchmarks run interleaved in random order (the machine's other load falls on
// both sides alike); the program ends with the ratios of the medians.
//
// Environment:
//   PARLEY_SENTIMENT_SENTENCES  one sentence per line (default: the 3,000 test sentences, repeated
//                               to 100,000)
//   PARLEY_BENCH_CALLS_DIR      a folder written by --write-sample-calls: adds
//                               BM_analyze_sample_calls_cpp, the C++ peer of the Python package's
//                               run in benchmarks/bindings_vs_cpp.sh
// bench_capi --write-sample-calls=DIR [--count=N] writes N English sample calls (parley JSON, roles
// set) and their tracked terms (terms.tsv, docs/terms.md) into DIR.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <unistd.h>

#include "parley.h"
#include "parley/analysis.hpp"
#include "parley/error.hpp"
#include "parley/ingest.hpp"
#include "parley/readers.hpp"
#include "parley/sentiment.hpp"
#include "sample_org.hpp"

namespace {

// The source tree. A ccache build names this file relative to the build folder Ninja runs in.
const std::string source_dir = (std::filesystem::path(PARLEY_BENCH_BUILD_DIR).parent_path() / __FILE__)
                                   .parent_path()
                                   .parent_path()
                                   .string();

parley::SampleOrganisation english_organisation(int calls) {
  parley::SampleOrganisationOptions options;
  options.languages = {"en-US"};
  options.call_count = calls;
  options.opportunities_per_seller = 0;
  options.activities_per_opportunity = 0;
  options.comment_share = 0;
  return parley::generate_sample_organisation(2026, options);
}

// The terms as a term-list file (docs/terms.md): the form both the C++ API (parse_term_list) and the
// C ABI (parley_terms_parse) read, so both sides compile the same list.
std::string term_list_tsv(const std::vector<parley::TrackedTerm>& terms) {
  std::string out = "# kind\tname\tvariants\tscope\toptions\n";
  for (const parley::TrackedTerm& term : terms) {
    out += term.kind == parley::TermKind::competitor ? "competitor\t" : "keyword\t";
    out += term.name + '\t';
    for (std::size_t i = 0; i < term.variants.size(); ++i) (out += i == 0 ? "" : "|") += term.variants[i];
    out += term.scope.level == parley::TermScope::Level::team ? "\tteam:" + term.scope.team_id
                                                              : "\torganisation";
    std::string options;
    if (term.match_related_forms) options += ",related_forms";
    if (term.only_in_questions) options += ",only_in_questions";
    if (term.said_by == parley::SpeakerFilter::seller) options += ",said_by=seller";
    if (term.said_by == parley::SpeakerFilter::customer) options += ",said_by=customer";
    out += '\t' + (options.empty() ? options : options.substr(1)) + '\n';
  }
  return out;
}

// A diarized turn often holds several sentences; captions give one cue per sentence or two. Splits
// a segment after each ". ", "? " or "! ", sharing its time by length.
std::vector<parley::Segment> sentences_of(const parley::Segment& segment) {
  std::vector<parley::Segment> out;
  const std::string& text = segment.text;
  const auto duration = static_cast<double>(segment.end_ms - segment.start_ms);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t stop = text.find_first_of(".?!", start);
    while (stop != std::string::npos && stop + 1 < text.size() && text[stop + 1] != ' ')
      stop = text.find_first_of(".?!", stop + 1);
    stop = stop == std::string::npos || stop + 1 >= text.size() ? text.size() : stop + 1;
    parley::Segment part = segment;
    part.text = text.substr(start, stop - start);
    part.start_ms =
        segment.start_ms + static_cast<parley::Milliseconds>(duration * static_cast<double>(start) /
                                                             static_cast<double>(text.size()));
    part.end_ms = segment.start_ms + static_cast<parley::Milliseconds>(duration * static_cast<double>(stop) /
                                                                       static_cast<double>(text.size()));
    part.words.clear();
    out.push_back(std::move(part));
    start = stop + 1;
  }
  return out;
}

struct OneHourCall {
  parley::Call call;
  std::string terms_tsv;
};

// Sample calls joined end to end, a second apart, until an hour is filled, a segment per sentence:
// realistic turns, questions, mentions and sentiment at the length of a long meeting.
const OneHourCall& one_hour_call() {
  static const OneHourCall instance = [] {
    const parley::SampleOrganisation org = english_organisation(300);
    OneHourCall out;
    out.terms_tsv = term_list_tsv(org.tracked_terms);
    parley::Call& call = out.call;
    call.id = "one-hour";
    call.language = "en-US";
    call.start_time_ms = org.calls.front().start_time_ms;
    call.owner_seller_id = org.calls.front().owner_seller_id;
    call.participants = {org.calls.front().participants.at(0), org.calls.front().participants.at(1)};
    constexpr parley::Milliseconds hour_ms = 3'600'000;
    parley::Milliseconds offset = 0;
    for (const parley::Call& part : org.calls) {
      parley::Milliseconds end = offset;
      for (const parley::Segment& turn : part.segments) {
        if (offset + turn.end_ms > hour_ms) break;
        for (parley::Segment segment : sentences_of(turn)) {
          segment.speaker = std::min<std::uint32_t>(segment.speaker, 1);  // a second customer joins the first
          segment.start_ms += offset;
          segment.end_ms += offset;
          end = std::max(end, segment.end_ms);
          call.segments.push_back(std::move(segment));
        }
      }
      offset = end + 1000;
      if (offset >= hour_ms) break;
    }
    call.duration_ms = offset;
    return out;
  }();
  return instance;
}

void check(parley_status status) {
  if (status != PARLEY_OK) {
    std::fprintf(stderr, "bench_capi: [%s] %s\n", parley_status_name(status), parley_last_error_message());
    std::exit(1);
  }
}

void count_segments(benchmark::State& state, const parley::Call& call) {
  state.counters["segments"] = static_cast<double>(call.segments.size());
  state.counters["minutes"] = static_cast<double>(call.effective_duration_ms()) / 60000.0;
}

void BM_analyze_one_hour_call_cpp(benchmark::State& state) {
  const OneHourCall& input = one_hour_call();
  const parley::CallAnalyzer analyzer({}, parley::parse_term_list(input.terms_tsv, "terms.tsv"));
  for (auto _ : state) benchmark::DoNotOptimize(analyzer.analyze(input.call));
  count_segments(state, input.call);
}
BENCHMARK(BM_analyze_one_hour_call_cpp)->Unit(benchmark::kMillisecond);

// What a C++ host does to get the figures parley_analysis_get_metrics gives.
void BM_analyze_one_hour_call_cpp_with_metrics(benchmark::State& state) {
  const OneHourCall& input = one_hour_call();
  const parley::CallAnalyzer analyzer({}, parley::parse_term_list(input.terms_tsv, "terms.tsv"));
  for (auto _ : state) {
    const parley::CallAnalysis analysis = analyzer.analyze(input.call);
    benchmark::DoNotOptimize(parley::make_analysis_record(analysis, analyzer.tracked_terms()).metrics);
  }
  count_segments(state, input.call);
}
BENCHMARK(BM_analyze_one_hour_call_cpp_with_metrics)->Unit(benchmark::kMillisecond);

void BM_analyze_one_hour_call_capi(benchmark::State& state) {
  const OneHourCall& input = one_hour_call();
  const std::string call_json = parley::write_parley_json(input.call);
  parley_call* call = nullptr;
  char* terms = nullptr;
  parley_analyzer* analyzer = nullptr;
  check(parley_call_parse(call_json.data(), call_json.size(), "parley-json", PARLEY_NUL_TERMINATED,
                          "one-hour", PARLEY_NUL_TERMINATED, nullptr, 0, &call));
  check(parley_terms_parse(input.terms_tsv.data(), input.terms_tsv.size(), "terms.tsv", PARLEY_NUL_TERMINATED,
                           &terms));
  check(parley_analyzer_create(nullptr, 0, terms, PARLEY_NUL_TERMINATED, &analyzer));
  parley_string_free(terms);
  for (auto _ : state) {
    parley_analysis* analysis = nullptr;
    check(parley_analyzer_analyze(analyzer, call, &analysis));
    parley_call_metrics metrics{};
    metrics.struct_size = sizeof metrics;
    check(parley_analysis_get_metrics(analysis, &metrics));
    benchmark::DoNotOptimize(metrics);
    parley_analysis_free(analysis);
  }
  parley_analyzer_free(analyzer);
  parley_call_free(call);
  count_segments(state, input.call);
}
BENCHMARK(BM_analyze_one_hour_call_capi)->Unit(benchmark::kMillisecond);

struct Sentences {
  std::vector<std::string> lines;
  std::string text;  // the lines joined by '\n', for score_lines
};

const Sentences& sentences() {
  static const Sentences instance = [] {
    const char* path = std::getenv("PARLEY_SENTIMENT_SENTENCES");
    const bool given = path != nullptr && *path != '\0';
    std::ifstream in(given ? std::string(path) : source_dir + "/tests/data/sentiment/sales_sentences.txt");
    Sentences out;
    for (std::string line; std::getline(in, line);) out.lines.push_back(line);
    if (out.lines.empty()) {
      std::fprintf(stderr, "bench_capi: no sentences in %s\n", given ? path : "the test sentences");
      std::exit(1);
    }
    for (std::size_t i = 0; !given && out.lines.size() < 100'000; ++i) out.lines.push_back(out.lines[i]);
    for (const std::string& line : out.lines) (out.text += line) += '\n';
    return out;
  }();
  return instance;
}

void count_sentences(benchmark::State& state) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * sentences().lines.size()));
  state.counters["sentences"] = static_cast<double>(sentences().lines.size());
}

void BM_score_sentences_cpp(benchmark::State& state) {
  parley::SentimentScorer scorer(parley::bundled_sentiment_lexicon("en", std::string()));
  const auto& input = sentences();
  for (auto _ : state) {
    double sum = 0;
    for (const std::string& line : input.lines) sum += scorer.score(line).score;
    benchmark::DoNotOptimize(sum);
  }
  count_sentences(state);
}
BENCHMARK(BM_score_sentences_cpp)->Unit(benchmark::kMillisecond);

parley_scorer* english_scorer() {
  parley_scorer* scorer = nullptr;
  check(parley_scorer_create("en", PARLEY_NUL_TERMINATED, nullptr, 0, nullptr, 0, &scorer));
  return scorer;
}

void BM_score_sentences_capi_score_lines(benchmark::State& state) {
  parley_scorer* scorer = english_scorer();
  const auto& input = sentences();
  std::vector<parley_sentiment_score> scores(input.lines.size());
  for (auto _ : state) {
    scores[0].struct_size = sizeof(parley_sentiment_score);
    std::size_t count = 0;
    check(parley_scorer_score_lines(scorer, input.text.data(), input.text.size(), scores.data(),
                                    scores.size(), &count));
    benchmark::DoNotOptimize(scores.data());
  }
  parley_scorer_free(scorer);
  count_sentences(state);
}
BENCHMARK(BM_score_sentences_capi_score_lines)->Unit(benchmark::kMillisecond);

void BM_score_sentences_capi_score_many(benchmark::State& state) {
  parley_scorer* scorer = english_scorer();
  const auto& input = sentences();
  std::vector<const char*> texts;
  std::vector<std::size_t> lengths;
  for (const std::string& line : input.lines) {
    texts.push_back(line.data());
    lengths.push_back(line.size());
  }
  std::vector<parley_sentiment_score> scores(input.lines.size());
  for (auto _ : state) {
    scores[0].struct_size = sizeof(parley_sentiment_score);
    check(parley_scorer_score_many(scorer, texts.data(), lengths.data(), texts.size(), scores.data()));
    benchmark::DoNotOptimize(scores.data());
  }
  parley_scorer_free(scorer);
  count_sentences(state);
}
BENCHMARK(BM_score_sentences_capi_score_many)->Unit(benchmark::kMillisecond);

// The calls of PARLEY_BENCH_CALLS_DIR (read before timing) analysed one after another on one
// thread with the terms beside them: what benchmarks/bindings_vs_cpp.sh times the Python package
// against.
void BM_analyze_sample_calls_cpp(benchmark::State& state, const std::string& folder) {
  std::vector<parley::Call> calls;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() == ".json") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) calls.push_back(parley::read_transcript(path.string()));
  const parley::CallAnalyzer analyzer({}, parley::load_term_list(folder + "/terms.tsv"));
  for (auto _ : state) {
    for (const parley::Call& call : calls) benchmark::DoNotOptimize(analyzer.analyze(call));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * calls.size()));
  state.counters["calls"] = static_cast<double>(calls.size());
}

int write_sample_calls(const std::string& folder, int count) {
  const parley::SampleOrganisation org = english_organisation(count);
  std::filesystem::create_directories(folder);
  char name[32];
  std::size_t segments = 0;
  for (std::size_t i = 0; i < org.calls.size(); ++i) {
    std::snprintf(name, sizeof name, "/call-%05zu.json", i);
    std::ofstream(folder + name) << parley::write_parley_json(org.calls[i]);
    segments += org.calls[i].segments.size();
  }
  std::ofstream(folder + "/terms.tsv") << term_list_tsv(org.tracked_terms);
  std::printf("%zu calls (%zu segments) and terms.tsv (%zu terms) in %s\n", org.calls.size(), segments,
              org.tracked_terms.size(), folder.c_str());
  return 0;
}

// The console report, then the ratio of the medians of each C ABI benchmark to its C++ peer, in real
// time and in CPU time (the steadier one on a loaded machine).
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  RatioReporter() : ConsoleReporter(isatty(fileno(stdout)) ? OO_ColorTabular : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& reports) override {
    for (const Run& run : reports) {
      if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
      real_[run.run_name.function_name].push_back(run.GetAdjustedRealTime());
      cpu_[run.run_name.function_name].push_back(run.GetAdjustedCPUTime());
    }
    ConsoleReporter::ReportRuns(reports);
  }

  void print_ratios() const {
    std::printf("\nC ABI / C++, medians of the interleaved repetitions:            real time  CPU time\n");
    ratio("BM_analyze_one_hour_call_capi", "BM_analyze_one_hour_call_cpp");
    ratio("BM_analyze_one_hour_call_capi", "BM_analyze_one_hour_call_cpp_with_metrics");
    ratio("BM_score_sentences_capi_score_lines", "BM_score_sentences_cpp");
    ratio("BM_score_sentences_capi_score_many", "BM_score_sentences_cpp");
  }

 private:
  using Times = std::map<std::string, std::vector<double>>;

  static double median(const Times& times, const std::string& name) {
    auto found = times.find(name);
    if (found == times.end() || found->second.empty()) return 0;
    std::vector<double> values = found->second;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  void ratio(const std::string& capi, const std::string& cpp) const {
    const double real_capi = median(real_, capi), real_cpp = median(real_, cpp);
    const double cpu_capi = median(cpu_, capi), cpu_cpp = median(cpu_, cpp);
    if (real_capi > 0 && real_cpp > 0 && cpu_capi > 0 && cpu_cpp > 0)
      std::printf("  %s / %s\n  %60s %+8.1f %% %+8.1f %%\n", capi.c_str() + 3, cpp.c_str() + 3, "",
                  100.0 * (real_capi / real_cpp - 1.0), 100.0 * (cpu_capi / cpu_cpp - 1.0));
  }

  Times real_, cpu_;
};

}  // namespace

int main(int argc, char** argv) {
  std::string write_folder;
  int count = 1000;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument.rfind("--write-sample-calls=", 0) == 0) write_folder = argument.substr(21);
    if (argument.rfind("--count=", 0) == 0) count = std::atoi(argument.c_str() + 8);
  }
  try {
    if (!write_folder.empty()) return write_sample_calls(write_folder, count);
    if (const char* folder = std::getenv("PARLEY_BENCH_CALLS_DIR"); folder != nullptr && *folder != '\0') {
      benchmark::RegisterBenchmark("BM_analyze_sample_calls_cpp", BM_analyze_sample_calls_cpp,
                                   std::string(folder))
          ->Unit(benchmark::kMillisecond);
    }
  } catch (const parley::Error& error) {
    std::fprintf(stderr, "bench_capi: %s\n", error.what());
    return 1;
  }
  // Defaults that the command line may override (a later flag wins).
  std::vector<char*> arguments = {argv[0]};
  std::string interleave = "--benchmark_enable_random_interleaving=true",
              repetitions = "--benchmark_repetitions=7";
  arguments.push_back(interleave.data());
  arguments.push_back(repetitions.data());
  for (int i = 1; i < argc; ++i) arguments.push_back(argv[i]);
  int argument_count = static_cast<int>(arguments.size());
  benchmark::Initialize(&argument_count, arguments.data());
  if (benchmark::ReportUnrecognizedArguments(argument_count, arguments.data())) return 1;
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratios();
  benchmark::Shutdown();
  return 0;
}
