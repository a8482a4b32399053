// parley sentiment: one text per line on stdin -> one "score<TAB>label" (or JSON) line on stdout.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "commands.hpp"
#include "parley/error.hpp"
#include "parley/json.hpp"
#include "parley/sentiment.hpp"

namespace parley_cli {

int run_sentiment(std::span<const std::string_view> arguments) {
  std::string language = "en";
  bool json = false;
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    if (is_help_option(arguments[i])) {
      fmt::print("{}", usage_text("sentiment"));
      return 0;
    }
    if (arguments[i] == "--lang" && i + 1 < arguments.size()) {
      language = std::string(arguments[++i]);
    } else if (arguments[i] == "--format" && i + 1 < arguments.size()) {
      const std::string_view format = arguments[++i];
      if (format != "tsv" && format != "json")
        throw UsageError(fmt::format("unknown output format '{}' (tsv or json)", format));
      json = format == "json";
    } else {
      throw UsageError(fmt::format("sentiment: unexpected argument '{}'", arguments[i]));
    }
  }
  parley::SentimentLexicon lexicon = parley::bundled_sentiment_lexicon(language);
  if (!lexicon.has_valence_lexicon()) {
    // Rules without a word list score only emoji and emoticons (docs/sentiment.md, "No lexicon").
    fmt::print(stderr, "parley: no lexicon for this language ('{}'): only emoji and emoticons will score\n",
               language);
  }
  parley::SentimentScorer scorer(std::move(lexicon));

  std::ios::sync_with_stdio(false);
  std::string line;
  fmt::memory_buffer output;
  std::size_t line_number = 0;
  int failures = 0;
  while (std::getline(std::cin, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    try {
      const parley::SegmentSentiment result = scorer.score(line);
      if (json) {
        fmt::format_to(std::back_inserter(output), "{{\"score\":{:.4f},\"label\":\"{}\"}}\n", result.score,
                       parley::sentiment_label_name(result.label));
      } else {
        fmt::format_to(std::back_inserter(output), "{:.4f}\t{}\n", result.score,
                       parley::sentiment_label_name(result.label));
      }
    } catch (const parley::Error& error) {
      // The output keeps one line per input line; the reason goes to stderr.
      ++failures;
      fmt::print(stderr, "parley: stdin:{}: {}\n", line_number, error.message());
      if (json) {
        fmt::format_to(std::back_inserter(output), "{{\"error\":{}}}\n",
                       parley::json_string(error.message()));
      } else {
        fmt::format_to(std::back_inserter(output), "\terror\n");
      }
    }
    if (output.size() > (1u << 16)) {
      std::fwrite(output.data(), 1, output.size(), stdout);
      output.clear();
    }
  }
  std::fwrite(output.data(), 1, output.size(), stdout);
  return failures == 0 ? 0 : 1;
}

}  // namespace parley_cli
