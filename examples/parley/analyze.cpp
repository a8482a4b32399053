// parley analyze: reads transcripts, assigns roles by the host's rules, prints every metric.
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "parley/parley.hpp"
#include "parley/readers.hpp"

namespace parley_cli {
namespace {

enum class OutputFormat { text, json };

struct AnalyzeArguments {
  TranscriptOptions transcript;
  std::vector<parley::TrackedTerm> tracked_terms;
  std::vector<std::string> our_names;  // our organisation: never an "other brand"
  OutputFormat output_format = OutputFormat::text;
  std::vector<std::string> files;
  bool help = false;  // --help: print the usage, analyse nothing
};

AnalyzeArguments parse_arguments(std::span<const std::string_view> arguments) {
  AnalyzeArguments parsed;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string_view argument = arguments[i];
    if (is_help_option(argument)) {
      parsed.help = true;
      return parsed;
    }
    if (argument == "--role") {
      add_role_rule(parsed.transcript.role_rules, take_value(arguments, i));
    } else if (argument == "--our-user") {
      parsed.transcript.role_rules.our_users.emplace_back(take_value(arguments, i));
    } else if (argument == "--our-domain") {
      parsed.transcript.role_rules.our_email_domains.emplace_back(take_value(arguments, i));
    } else if (argument == "--language") {
      parsed.transcript.read_options.default_language = std::string(take_value(arguments, i));
    } else if (argument == "--input-format") {
      const std::string_view name = take_value(arguments, i);
      parsed.transcript.input_format = parley::parse_format_name(name);
      if (!parsed.transcript.input_format) throw UsageError(fmt::format("unknown input format '{}'", name));
    } else if (argument == "--terms") {
      std::vector<parley::TrackedTerm> terms = parley::load_term_list(std::string(take_value(arguments, i)));
      parsed.tracked_terms.insert(parsed.tracked_terms.end(), terms.begin(), terms.end());
    } else if (argument == "--ours") {
      parsed.our_names.emplace_back(take_value(arguments, i));
    } else if (argument == "--format") {
      const std::string_view name = take_value(arguments, i);
      if (name == "text")
        parsed.output_format = OutputFormat::text;
      else if (name == "json")
        parsed.output_format = OutputFormat::json;
      else
        throw UsageError(fmt::format("unknown output format '{}' (text or json)", name));
    } else if (argument.starts_with("--")) {
      throw UsageError(fmt::format("unknown option '{}'", argument));
    } else {
      parsed.files.emplace_back(argument);
    }
  }
  if (parsed.files.empty()) throw UsageError("analyze needs at least one FILE");
  return parsed;
}

std::string percent(const std::optional<double>& ratio) {
  return ratio ? fmt::format("{:.0f}%", *ratio * 100.0) : std::string("n/a");
}

std::string seconds(double milliseconds) { return fmt::format("{:.1f} s", milliseconds / 1000.0); }

std::string optional_seconds(const std::optional<double>& milliseconds) {
  return milliseconds ? seconds(*milliseconds) : std::string("n/a");
}

std::string optional_number(const std::optional<double>& value, int decimals = 1) {
  return value ? fmt::format("{:.{}f}", *value, decimals) : std::string("n/a");
}

std::string clock(parley::Milliseconds milliseconds) {
  const long long total = milliseconds / 1000;
  return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

// "[0:01:12 Marco Rossi]": where in the call something was said, and by whom.
std::string where(const parley::Call& call, std::uint32_t segment, parley::Milliseconds offset_ms) {
  return fmt::format("[{} {}]", clock(offset_ms),
                     call.participants[call.segments[segment].speaker].display_name);
}

std::string_view excerpt(const parley::Call& call, std::uint32_t segment, std::uint32_t begin,
                         std::uint32_t end) {
  return std::string_view(call.segments[segment].text).substr(begin, end - begin);
}

void print_signals(const parley::Call& call, const parley::CallAnalysis& analysis) {
  const parley::CallSignals& signals = analysis.signals;
  if (analysis.sentiment) {
    const parley::CallSentiment& sentiment = *analysis.sentiment;
    const auto summary = [](const parley::SentimentSummary& s) {
      return s.words == 0 ? std::string("n/a")
                          : fmt::format("{:+.2f} ({})", s.score, parley::sentiment_label_name(s.label));
    };
    fmt::print("sentiment:\n");
    fmt::print("  customer                    {}\n", summary(sentiment.customer));
    fmt::print("  seller                      {}\n", summary(sentiment.seller));
    fmt::print("  customer start/middle/end   {} / {} / {}\n", summary(sentiment.customer_trajectory[0]),
               summary(sentiment.customer_trajectory[1]), summary(sentiment.customer_trajectory[2]));
    for (std::size_t i = 0; i < sentiment.segments.size(); ++i) {
      const parley::SegmentSentiment& segment = sentiment.segments[i];
      if (segment.label == parley::SentimentLabel::neutral) continue;
      fmt::print("  {} {:+.2f} {}\n", where(call, static_cast<std::uint32_t>(i), call.segments[i].start_ms),
                 segment.score, parley::sentiment_label_name(segment.label));
    }
  } else {
    fmt::print("sentiment: no lexicon for language '{}'\n", analysis.language);
  }
  if (!analysis.term_hits.empty()) {
    fmt::print("tracked terms:\n");
    for (const parley::TermCount& count : analysis.term_counts.terms) {
      if (count.total == 0) continue;
      fmt::print("  {:<24} {:<10} {} (seller {}, customer {})\n", count.name,
                 parley::term_kind_name(count.kind), count.total, count.by_seller, count.by_customer);
    }
    for (const parley::TermHit& hit : analysis.term_hits) {
      fmt::print("  {} \"{}\"\n", where(call, hit.segment, hit.offset_ms),
                 excerpt(call, hit.segment, hit.begin, hit.end));
    }
  }
  if (!signals.prices.empty()) fmt::print("prices:\n");
  for (const parley::PriceMention& price : signals.prices) {
    fmt::print("  {} \"{}\" = {} {}\n", where(call, price.segment, price.offset_ms), price.text, price.amount,
               price.currency);
  }
  if (!signals.brand_counts.empty()) fmt::print("other brands and organizations:\n");
  for (const parley::BrandCount& brand : signals.brand_counts) {
    fmt::print("  {:<32} {} (customer {}), first at {}\n", brand.name, brand.count, brand.customer_count,
               where(call, brand.first_segment, call.segments[brand.first_segment].start_ms));
  }
  if (!signals.action_items.empty()) fmt::print("action items:\n");
  for (const parley::ActionItem& item : signals.action_items) {
    // Whose it is ("speaker", "other_side", "both") and, when said, by when.
    const std::string due = item.due_date.empty() ? item.due_text : item.due_date;
    fmt::print("  {} {}{}{}: {}\n", where(call, item.segment, item.offset_ms), parley::action_owner_name(item.owner),
               due.empty() ? "" : ", due ", due, item.text);
  }
  fmt::print("questions: seller {}, customer {}, other {}\n", signals.seller_questions,
             signals.customer_questions, signals.other_questions);
  fmt::print("filler words:\n");
  for (const parley::ParticipantFillers& fillers : signals.fillers) {
    std::vector<std::string> phrases;
    for (const parley::FillerCount& filler : fillers.by_phrase)
      phrases.push_back(fmt::format("{} {}", filler.phrase, filler.count));
    const auto per_minute = analysis.timing.participants[fillers.participant].filler_words_per_minute;
    fmt::print("  {:<24} {} ({:.1f} per minute){}{}\n", call.participants[fillers.participant].display_name,
               fillers.count, per_minute.value_or(0.0), phrases.empty() ? "" : ": ",
               fmt::join(phrases, ", "));
  }
}

void print_text_report(const std::string& file, const parley::Call& call,
                       const parley::CallAnalysis& analysis) {
  const parley::CallTiming& t = analysis.timing;
  fmt::print("== {} (call '{}', {}, {} segments, language {})\n", file, call.id, clock(t.duration_ms),
             call.segments.size(), call.language.empty() ? "unknown" : call.language);
  fmt::print("participants:\n");
  for (const parley::ParticipantTiming& p : t.participants) {
    fmt::print(
        "  {:<24} {:<8} talk {:>9}  share {:>4}  turns {:>3}  words {:>5}  wpm {:>5}  questions {:>2}  "
        "longest monologue {:>8}\n",
        call.participants[p.participant].display_name, parley::role_name(p.role), seconds(double(p.talk_ms)),
        percent(p.talk_share), p.turns, p.words, optional_number(p.words_per_minute, 0), p.questions,
        seconds(double(p.longest_monologue_ms)));
  }
  fmt::print("conversation:\n");
  fmt::print("  talk-to-listen ratio        {} / {}\n", percent(t.talk_ratio), percent(t.listen_ratio));
  fmt::print("  talk time                   {} of {} (silence {}, overlap {})\n", seconds(double(t.talk_ms)),
             seconds(double(t.duration_ms)), seconds(double(t.silence_ms)), seconds(double(t.overlap_ms)));
  fmt::print("  turns                       {}\n", t.turns);
  fmt::print("  switches                    {} ({} per hour)\n", t.switches,
             optional_number(t.switch_rate_per_hour));
  fmt::print("  interactivity (0-10)        {}\n", optional_number(t.interactivity));
  fmt::print("  average pause               {} over {} hand-overs\n", optional_seconds(t.average_pause_ms),
             t.pauses);
  fmt::print("  patience                    {}\n", optional_seconds(t.patience_ms));
  fmt::print("  longest seller monologue    {}\n", seconds(double(t.seller.longest_monologue_ms)));
  fmt::print("  longest customer monologue  {}\n", seconds(double(t.customer.longest_monologue_ms)));
  fmt::print("  talking speed (wpm)         seller {}, customer {}\n",
             optional_number(t.seller.words_per_minute, 0), optional_number(t.customer.words_per_minute, 0));
  fmt::print("  questions                   seller {}, customer {} (seller {} per hour)\n",
             t.seller.questions, t.customer.questions, optional_number(t.seller.question_rate_per_hour));
  fmt::print("  interruptions               seller {}, customer {}\n", t.seller.interruptions_made,
             t.customer.interruptions_made);
  if (t.participation_gini) fmt::print("  participation Gini          {:.2f}\n", *t.participation_gini);
  if (t.has_confidence) fmt::print("  low-confidence speech       {}\n", percent(t.low_confidence_share));
  print_signals(call, analysis);
  fmt::print("\n");
}

}  // namespace

int run_analyze(std::span<const std::string_view> arguments) {
  const AnalyzeArguments parsed = parse_arguments(arguments);
  if (parsed.help) {
    fmt::print("{}", usage_text("analyze"));
    return 0;
  }
  parley::AnalysisOptions options;
  if (!parsed.transcript.read_options.default_language.empty())
    options.default_language = parsed.transcript.read_options.default_language;
  options.signals.our_names = parsed.our_names;
  const parley::CallAnalyzer analyzer(options, parsed.tracked_terms);
  int failures = 0;
  // JSON is one document, written as it grows: each call's analysis goes out as soon as it is made,
  // so memory stays flat however many files are given.
  const bool json = parsed.output_format == OutputFormat::json;
  if (json) fmt::print("{{\"parley_version\":\"{}\",\"calls\":[", parley::version());
  bool first_call = true;
  for (const std::string& file : parsed.files) {
    try {
      const AnalysedTranscript read = analyse_transcript(file, parsed.transcript, analyzer);
      const parley::Call& call = read.call;
      const parley::CallAnalysis& analysis = read.analysis;
      if (json) {
        fmt::print("{}{{\"file\":{},\"analysis\":{}}}", first_call ? "" : ",", parley::json_string(file),
                   parley::to_json(call, analysis));
        first_call = false;
        std::fflush(stdout);
      } else {
        print_text_report(file, call, analysis);
      }
    } catch (const parley::Error& error) {
      ++failures;
      fmt::print(stderr, "parley: {}\n", error.message());
    }
  }
  if (json) fmt::print("]}}\n");
  return failures == 0 ? 0 : 1;
}

}  // namespace parley_cli
