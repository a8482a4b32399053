// Correctness against an independent implementation: the npm package vader-sentiment (the JavaScript
// port of VADER, whose published lexicon parley's English lexicon is). Both score the same 3,000
// sales-call sentences (tests/data/sentiment/sales_sentences.txt, made by
// tests/peers/make_sentences.js); the test asserts the Pearson correlation of the scores and the
// share of identical labels. Needs `npm ci --prefix tests/peers`; without it CTest reports the test
// skipped.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parley/sentiment.hpp"
#include "test_skip.hpp"

using namespace parley;

namespace {

const std::string source_dir = PARLEY_SOURCE_DIR;

// Runs a command and returns its standard output (empty on failure).
std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  std::array<char, 65536> buffer{};
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), got);
  if (pclose(pipe) != 0) output.clear();
  return output;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i], my += y[i];
  mx /= n;
  my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

SentimentLabel vader_label(double compound) {
  // VADER's own published thresholds, the same as parley's defaults.
  return compound >= 0.05    ? SentimentLabel::positive
         : compound <= -0.05 ? SentimentLabel::negative
                             : SentimentLabel::neutral;
}

}  // namespace

TEST_CASE("agreement with vader-sentiment (npm) on 3,000 English sales-call sentences") {
  const std::string modules = source_dir + "/tests/peers/node_modules/vader-sentiment";
  if (!std::filesystem::is_directory(modules)) {
    parley_test::report_skipped(
        "tests/peers/node_modules is absent; run `npm ci --prefix tests/peers` first");
    return;
  }
  const std::string sentences_path = PARLEY_TEST_DATA_DIR "/sentiment/sales_sentences.txt";
  const std::string output =
      run("node '" + source_dir + "/tests/peers/score_peers.js' '" + sentences_path + "' 2>/dev/null");
  if (output.empty()) {
    parley_test::report_skipped("could not run node on tests/peers/score_peers.js");
    return;
  }
  std::ifstream sentences(sentences_path);
  std::istringstream peer_lines(output);
  SentimentScorer scorer(bundled_sentiment_lexicon("en", PARLEY_SOURCE_DIR "/data"));
  std::vector<double> ours, theirs, afinn;
  std::size_t same_label = 0, opposite = 0;
  std::string sentence, peer_line;
  while (std::getline(sentences, sentence) && std::getline(peer_lines, peer_line)) {
    double compound = 0, comparative = 0;
    REQUIRE(std::sscanf(peer_line.c_str(), "%lf\t%lf", &compound, &comparative) == 2);
    const SegmentSentiment result = scorer.score(sentence);
    ours.push_back(result.score);
    theirs.push_back(compound);
    afinn.push_back(comparative);
    const SentimentLabel peer = vader_label(compound);
    same_label += result.label == peer;
    opposite += (result.label == SentimentLabel::positive && peer == SentimentLabel::negative) ||
                (result.label == SentimentLabel::negative && peer == SentimentLabel::positive);
  }
  REQUIRE(ours.size() == 3000);
  const double correlation = pearson(ours, theirs);
  const double agreement = static_cast<double>(same_label) / static_cast<double>(ours.size());
  const double opposite_share = static_cast<double>(opposite) / static_cast<double>(ours.size());
  MESSAGE("pearson(parley, vader) = " << correlation << ", identical labels = " << agreement
                                      << ", opposite labels = " << opposite_share
                                      << ", pearson(parley, afinn comparative) = " << pearson(ours, afinn));
  // Thresholds (docs/sentiment.md, "Agreement with VADER"): same lexicon and the same family of
  // rules, with deliberate differences (clause-scoped negation, sentence-scoped "but", sales
  // phrases, "pretty" as an intensifier, emoji), so the scores must stay strongly correlated and
  // opposite labels rare.
  CHECK(correlation > 0.90);
  CHECK(agreement > 0.85);
  CHECK(opposite_share < 0.03);
}
