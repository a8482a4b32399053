// The C ABI's sentiment of plain text (parley.h, "Sentiment of plain text"): the scores are the C++
// SentimentScorer's, the options and the extra lexicon take effect, score_many and score_lines split
// and fill arrays as the header says, and errors name the text or line at fault.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "capi_test.hpp"
#include "parley/sentiment.hpp"

using capi_test::check_error;
using capi_test::ScorerPtr;

namespace {

ScorerPtr make_scorer(const std::string& language = "en", const std::string& options = "",
                      const std::string& extra = "") {
  parley_scorer* scorer = nullptr;
  CAPI_REQUIRE_OK(parley_scorer_create(language.data(), language.size(), options.data(), options.size(),
                                       extra.data(), extra.size(), &scorer));
  return ScorerPtr(scorer);
}

parley_sentiment_score score(parley_scorer* scorer, const std::string& text) {
  parley_sentiment_score out{};
  out.struct_size = sizeof out;
  CAPI_REQUIRE_OK(parley_scorer_score(scorer, text.data(), text.size(), &out));
  return out;
}

parley::SegmentSentiment cpp_score(const std::string& text, parley::SentimentOptions options = {}) {
  parley::SentimentScorer scorer(parley::bundled_sentiment_lexicon("en"), options);
  return scorer.score(text);
}

void check_same(const parley_sentiment_score& got, const parley::SegmentSentiment& want) {
  CHECK(got.score == want.score);
  CHECK(static_cast<int>(got.label) == static_cast<int>(want.label));
  CHECK(got.word_count == want.word_count);
  CHECK(got.matched_terms == want.matched_terms);
}

}  // namespace

TEST_CASE("scoring a text gives the C++ scorer's score, label and counts") {
  const ScorerPtr scorer = make_scorer();
  const parley_sentiment_score great = score(scorer.get(), "This is great!");
  check_same(great, cpp_score("This is great!"));
  CHECK(great.struct_size == sizeof great);
  CHECK(great.label == PARLEY_SENTIMENT_POSITIVE);
  CHECK(great.word_count == 3);
  CHECK(great.matched_terms == 1);
  // VADER's rules by hand: great 3.1 plus 0.292 for the '!', normalised by sqrt(x^2 + 15).
  const double sum = double{3.1f} + 0.292;
  CHECK(great.score == doctest::Approx(sum / std::sqrt(sum * sum + 15.0)).epsilon(1e-6));

  const parley_sentiment_score bad = score(scorer.get(), "The onboarding was a terrible mess.");
  check_same(bad, cpp_score("The onboarding was a terrible mess."));
  CHECK(bad.label == PARLEY_SENTIMENT_NEGATIVE);
  const parley_sentiment_score empty = score(scorer.get(), "");
  CHECK(empty.score == 0.0);
  CHECK(empty.word_count == 0);
  CHECK(empty.label == PARLEY_SENTIMENT_NEUTRAL);
  // NUL-terminated text.
  parley_sentiment_score terminated{};
  terminated.struct_size = sizeof terminated;
  CAPI_REQUIRE_OK(parley_scorer_score(scorer.get(), "This is great!", PARLEY_NUL_TERMINATED, &terminated));
  CHECK(terminated.score == great.score);
}

TEST_CASE("scorer options and an extra lexicon change the scores as the C++ scorer's do") {
  const std::string options = R"({"positive_threshold": 0.9, "exclamation_increment": 0.5})";
  const ScorerPtr strict = make_scorer("en", options);
  parley::SentimentOptions cpp_options;
  cpp_options.positive_threshold = 0.9;
  cpp_options.exclamation_increment = 0.5;
  const parley_sentiment_score great = score(strict.get(), "This is great!");
  check_same(great, cpp_score("This is great!", cpp_options));
  CHECK(great.label == PARLEY_SENTIMENT_NEUTRAL);  // below the raised threshold

  // An extra lexicon adds words and overrides the bundled ones.
  const ScorerPtr extended = make_scorer("en", "", "zorgle\t3.0\ngreat\t-2.0\n");
  CHECK(score(extended.get(), "zorgle").label == PARLEY_SENTIMENT_POSITIVE);
  CHECK(score(extended.get(), "zorgle").matched_terms == 1);
  CHECK(score(extended.get(), "great").label == PARLEY_SENTIMENT_NEGATIVE);
  CHECK(score(make_scorer().get(), "zorgle").matched_terms == 0);

  // A host word merged over German's bundled list and rules: "nicht" negates it.
  const ScorerPtr german = make_scorer("de", "", "zorgel\t3.0\n");
  CHECK(score(german.get(), "Das ist nicht zorgel").label == PARLEY_SENTIMENT_NEGATIVE);
  CHECK(score(make_scorer("de").get(), "Das ist zorgel").matched_terms == 0);

  // Invalid UTF-8: an error by default, spaces when the options say so.
  const std::string latin1 = "caf\xE9 great";
  parley_sentiment_score out{};
  out.struct_size = sizeof out;
  check_error(parley_scorer_score(make_scorer().get(), latin1.data(), latin1.size(), &out),
              PARLEY_E_INVALID_UTF8, {"byte"});
  const ScorerPtr lenient = make_scorer("en", R"({"replace_invalid_utf8": true})");
  CHECK(score(lenient.get(), latin1).matched_terms == 1);
}

TEST_CASE("score_many fills an array of any element size with each text's score") {
  const ScorerPtr scorer = make_scorer();
  const std::vector<std::string> texts = {"This is great!", "", "I hate waiting.",
                                          "The pricing works for us."};
  std::vector<const char*> pointers;
  std::vector<size_t> lengths;
  for (const std::string& text : texts) {
    pointers.push_back(text.data());
    lengths.push_back(text.size());
  }
  lengths[3] = PARLEY_NUL_TERMINATED;
  std::vector<parley_sentiment_score> scores(texts.size());
  scores[0].struct_size = sizeof(parley_sentiment_score);
  CAPI_REQUIRE_OK(
      parley_scorer_score_many(scorer.get(), pointers.data(), lengths.data(), texts.size(), scores.data()));
  for (size_t i = 0; i < texts.size(); ++i) {
    CAPTURE(i);
    check_same(scores[i], cpp_score(texts[i]));
    CHECK(scores[i].struct_size == sizeof(parley_sentiment_score));
  }

  // A newer caller's larger elements: each filled at its own offset, the extra bytes untouched.
  struct Longer {
    parley_sentiment_score score;
    double added_later;
  };
  std::vector<Longer> longer(texts.size());
  for (Longer& element : longer) element.added_later = 7.5;
  longer[0].score.struct_size = sizeof(Longer);
  CAPI_REQUIRE_OK(parley_scorer_score_many(scorer.get(), pointers.data(), lengths.data(), texts.size(),
                                           &longer[0].score));
  for (size_t i = 0; i < texts.size(); ++i) {
    CAPTURE(i);
    CHECK(longer[i].score.score == scores[i].score);
    CHECK(longer[i].score.word_count == scores[i].word_count);
    CHECK(longer[i].score.struct_size == sizeof(Longer));
    CHECK(longer[i].added_later == 7.5);
  }

  // The first failure stops the run and names the text.
  const std::string bad = "good \xFF";
  pointers[2] = bad.data();
  lengths[2] = bad.size();
  check_error(
      parley_scorer_score_many(scorer.get(), pointers.data(), lengths.data(), texts.size(), scores.data()),
      PARLEY_E_INVALID_UTF8, {"texts[2]: "});
  pointers[2] = nullptr;
  check_error(
      parley_scorer_score_many(scorer.get(), pointers.data(), lengths.data(), texts.size(), scores.data()),
      PARLEY_E_INVALID_ARGUMENT, {"'texts[2]' is NULL with length 6"});
  pointers[2] = bad.data();
  lengths[2] = PARLEY_MAX_INPUT_BYTES + 1;
  check_error(
      parley_scorer_score_many(scorer.get(), pointers.data(), lengths.data(), texts.size(), scores.data()),
      PARLEY_E_LIMIT_EXCEEDED, {"'texts[2]'"});
  check_error(parley_scorer_score_many(scorer.get(), nullptr, lengths.data(), 2, scores.data()),
              PARLEY_E_INVALID_ARGUMENT, {"'texts' is NULL with count 2"});
  check_error(parley_scorer_score_many(scorer.get(), pointers.data(), nullptr, 2, scores.data()),
              PARLEY_E_INVALID_ARGUMENT, {"'lengths' is NULL with count 2"});
  check_error(parley_scorer_score_many(scorer.get(), pointers.data(), lengths.data(), 2, nullptr),
              PARLEY_E_INVALID_ARGUMENT, {"'out_scores' is NULL with count 2"});
  scores[0].struct_size = 0;
  check_error(parley_scorer_score_many(scorer.get(), pointers.data(), lengths.data(), 2, scores.data()),
              PARLEY_E_INVALID_ARGUMENT, {"'out_scores[0]'", "struct_size 0"});
  check_error(parley_scorer_score_many(nullptr, pointers.data(), lengths.data(), 2, scores.data()),
              PARLEY_E_INVALID_ARGUMENT, {"'scorer' is NULL"});
  CAPI_REQUIRE_OK(parley_scorer_score_many(scorer.get(), nullptr, nullptr, 0, nullptr));
}

TEST_CASE("score_lines splits at newlines, drops a '\\r', ignores a final empty line, and asks for room") {
  const ScorerPtr scorer = make_scorer();
  // Lines: "This is great!", "", "I hate waiting." (its '\r' dropped), "ok"; no line after the last '\n'.
  const std::string text = "This is great!\n\nI hate waiting.\r\nok\n";
  std::vector<parley_sentiment_score> scores(4);
  scores[0].struct_size = sizeof(parley_sentiment_score);
  size_t count = 99;
  CAPI_REQUIRE_OK(
      parley_scorer_score_lines(scorer.get(), text.data(), text.size(), scores.data(), 4, &count));
  REQUIRE(count == 4);
  check_same(scores[0], cpp_score("This is great!"));
  check_same(scores[1], cpp_score(""));
  check_same(scores[2], cpp_score("I hate waiting."));
  check_same(scores[3], cpp_score("ok"));
  CHECK(scores[2].label == PARLEY_SENTIMENT_NEGATIVE);

  // A last line without '\n' counts; "\n" alone is one empty line; "" is none.
  CAPI_REQUIRE_OK(parley_scorer_score_lines(scorer.get(), "a\nThis is great!", 16, scores.data(), 4, &count));
  CHECK(count == 2);
  check_same(scores[1], cpp_score("This is great!"));
  CAPI_REQUIRE_OK(parley_scorer_score_lines(scorer.get(), "\n", 1, scores.data(), 4, &count));
  CHECK(count == 1);
  CHECK(scores[0].word_count == 0);
  CAPI_REQUIRE_OK(parley_scorer_score_lines(scorer.get(), nullptr, 0, nullptr, 0, &count));
  CHECK(count == 0);

  // Not enough room: nothing is scored, and out_count says how many are needed.
  scores[0].score = 42;
  check_error(parley_scorer_score_lines(scorer.get(), text.data(), text.size(), scores.data(), 3, &count),
              PARLEY_E_LIMIT_EXCEEDED, {"'capacity' is 3", "4 lines"});
  CHECK(count == 4);
  CHECK(scores[0].score == 42);
  check_error(parley_scorer_score_lines(scorer.get(), text.data(), text.size(), nullptr, 0, &count),
              PARLEY_E_LIMIT_EXCEEDED, {"'capacity' is 0"});
  CHECK(count == 4);

  const std::string bad = "fine\nnot \xC3(\n";
  check_error(parley_scorer_score_lines(scorer.get(), bad.data(), bad.size(), scores.data(), 4, &count),
              PARLEY_E_INVALID_UTF8, {"line 2: "});
  CHECK(count == 0);
  check_error(parley_scorer_score_lines(scorer.get(), text.data(), text.size(), scores.data(), 4, nullptr),
              PARLEY_E_INVALID_ARGUMENT, {"'out_count' is NULL"});
  check_error(parley_scorer_score_lines(scorer.get(), text.data(), text.size(), nullptr, 4, &count),
              PARLEY_E_INVALID_ARGUMENT, {"'out_scores' is NULL with count 4"});
  check_error(parley_scorer_score_lines(nullptr, text.data(), text.size(), scores.data(), 4, &count),
              PARLEY_E_INVALID_ARGUMENT, {"'scorer' is NULL"});
  check_error(parley_scorer_score_lines(scorer.get(), nullptr, 3, scores.data(), 4, &count),
              PARLEY_E_INVALID_ARGUMENT, {"'text' is NULL with length 3"});
}

TEST_CASE("creating a scorer refuses unknown languages, bad options and bad lexicon lines, naming them") {
  parley_scorer* out = reinterpret_cast<parley_scorer*>(0x1);
  const auto create = [&](const std::string& language, const std::string& options = "",
                          const std::string& extra = "") {
    return parley_scorer_create(language.data(), language.size(), options.data(), options.size(),
                                extra.data(), extra.size(), &out);
  };
  check_error(create(""), PARLEY_E_INVALID_ARGUMENT, {"'language' is empty"});
  CHECK(out == nullptr);
  check_error(create("tlh"), PARLEY_E_NOT_FOUND, {"tlh"});
  check_error(create("en", R"({"positive_treshold": 0.2})"), PARLEY_E_PARSE,
              {"options_json: unknown member 'positive_treshold'", "positive_threshold"});
  check_error(create("en", R"({"negation_window": 65})"), PARLEY_E_INVALID_ARGUMENT,
              {"options_json.negation_window = 65: must be <= 64"});
  check_error(create("en", R"({"replace_invalid_utf8": "yes"})"), PARLEY_E_PARSE,
              {"options_json: replace_invalid_utf8: expected true or false"});
  check_error(create("en", "", "good\t1.0\nwow\t9\n"), PARLEY_E_PARSE, {"extra_lexicon_tsv:2:", "wow"});
  check_error(parley_scorer_create("en", 2, nullptr, 0, nullptr, 0, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_scorer' is NULL"});
  check_error(parley_scorer_create(nullptr, 2, nullptr, 0, nullptr, 0, &out), PARLEY_E_INVALID_ARGUMENT,
              {"'language' is NULL with length 2"});
  check_error(parley_scorer_create("en", 2, nullptr, 0, "x", PARLEY_MAX_INPUT_BYTES + 1, &out),
              PARLEY_E_LIMIT_EXCEEDED, {"'extra_lexicon_tsv'"});
  CHECK(out == nullptr);

  const ScorerPtr scorer = make_scorer();
  parley_sentiment_score small{};
  small.struct_size = sizeof(size_t);
  check_error(parley_scorer_score(scorer.get(), "ok", 2, &small), PARLEY_E_INVALID_ARGUMENT,
              {"'out_score'", "smaller than its first version"});
  check_error(parley_scorer_score(scorer.get(), "ok", 2, nullptr), PARLEY_E_INVALID_ARGUMENT,
              {"'out_score' is NULL"});
  small.struct_size = sizeof small;
  check_error(parley_scorer_score(nullptr, "ok", 2, &small), PARLEY_E_INVALID_ARGUMENT, {"'scorer' is NULL"});
  check_error(parley_scorer_score(scorer.get(), "ok", PARLEY_MAX_INPUT_BYTES + 1, &small),
              PARLEY_E_LIMIT_EXCEEDED, {"'text'"});
}

TEST_CASE("a scorer says whether its language has a word list; German and Japanese score") {
  int32_t has_lexicon = -1;
  const ScorerPtr german = make_scorer("de-DE");
  CAPI_REQUIRE_OK(parley_scorer_has_lexicon(german.get(), &has_lexicon));
  CHECK(has_lexicon == 1);
  CHECK(score(german.get(), "Der Support war leider sehr schlecht.").label == PARLEY_SENTIMENT_NEGATIVE);
  const ScorerPtr japanese = make_scorer("ja-JP");
  CAPI_REQUIRE_OK(parley_scorer_has_lexicon(japanese.get(), &has_lexicon));
  CHECK(has_lexicon == 1);
  CHECK(score(japanese.get(), "このツールは最悪です。").label == PARLEY_SENTIMENT_NEGATIVE);
  // A language with rules only (its word list left out) says 0 and scores words 0.
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "parley-capi-rules-only";
  std::filesystem::create_directories(folder / "sentiment");
  std::ofstream(folder / "sentiment" / "xx.rules.tsv") << "nicht\t-0.74\tpost_negator\n";
  const char* previous = std::getenv("PARLEY_DATA_DIR");
  const std::string saved = previous ? previous : "";
  setenv("PARLEY_DATA_DIR", folder.c_str(), 1);
  const ScorerPtr rules_only = make_scorer("xx");
  if (previous) {
    setenv("PARLEY_DATA_DIR", saved.c_str(), 1);
  } else {
    unsetenv("PARLEY_DATA_DIR");
  }
  std::filesystem::remove_all(folder);
  CAPI_REQUIRE_OK(parley_scorer_has_lexicon(rules_only.get(), &has_lexicon));
  CHECK(has_lexicon == 0);
  CHECK(score(rules_only.get(), "gut").score == 0.0);
}
