// Sentiment scorer, lexicon files and call level. Expected scores are computed
// by hand from the documented rules: score = S / sqrt(S^2 + 15) where S is the adjusted sum.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parley/error.hpp"
#include "parley/sentiment.hpp"

using namespace parley;

namespace {

const std::string data_dir = PARLEY_TEST_DATA_DIR "/sentiment";
const std::string bundled_dir = PARLEY_SOURCE_DIR "/data";

double normalized(double sum) { return sum / std::sqrt(sum * sum + 15.0); }

SentimentLexicon tiny() { return load_sentiment_lexicon(data_dir + "/tiny_en.tsv", "en"); }

std::string error_message(auto&& action) {
  try {
    action();
  } catch (const Error& error) {
    return error.message();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("tiny lexicon: every rule by hand") {
  SentimentScorer scorer(tiny());
  // good = 2.
  CHECK(scorer.score("good").score == doctest::Approx(normalized(2.0)));
  // Negation: 2 * -0.74 = -1.48.
  CHECK(scorer.score("not good").score == doctest::Approx(normalized(-1.48)));
  // Negation reaches three words: not [so] [very]... here "not really that good": 2 * -0.74.
  CHECK(scorer.score("not really that good").score == doctest::Approx(normalized(-1.48)));
  // ... but not four.
  CHECK(scorer.score("not one two three good").score == doctest::Approx(normalized(2.0)));
  // A comma ends the negation's reach: -1.48 for the first, +2 for the second = 0.52.
  CHECK(scorer.score("not good, good").score == doctest::Approx(normalized(0.52)));
  // Intensifier: 2 + 0.293; dampener: 2 - 0.293; at distance 2: 2 + 0.293 * 0.95.
  CHECK(scorer.score("very good").score == doctest::Approx(normalized(2.293)));
  CHECK(scorer.score("slightly good").score == doctest::Approx(normalized(1.707)));
  CHECK(scorer.score("very nice good").score == doctest::Approx(normalized(2.0 + 0.293 * 0.95)));
  // On a negative word the intensifier adds magnitude: -2 - 0.293.
  CHECK(scorer.score("very bad").score == doctest::Approx(normalized(-2.293)));
  // Negated intensified: (2 + 0.293) * -0.74 = -1.69682.
  CHECK(scorer.score("not very good").score == doctest::Approx(normalized(-1.69682)));
  // Contrast: before x0.5, after x1.5: 2 * 0.5 + (-2) * 1.5 = -2.
  CHECK(scorer.score("good but bad").score == doctest::Approx(normalized(-2.0)));
  CHECK(scorer.score("bad but good").score == doctest::Approx(normalized(2.0)));
  // Contrast stays within its sentence: 2 + (0.5 * 2 + 1.5 * -2) = 0.
  CHECK(scorer.score("good. good but bad").score == doctest::Approx(0.0));
  // Capitals in a mixed-case text: 2 + 0.733; all-caps text gets no emphasis.
  CHECK(scorer.score("GOOD product").score == doctest::Approx(normalized(2.733)));
  CHECK(scorer.score("GOOD PRODUCT").score == doctest::Approx(normalized(2.0)));
  // Exclamation marks: 2 + 2 * 0.292; at most four count: 2 + 4 * 0.292.
  CHECK(scorer.score("good!!").score == doctest::Approx(normalized(2.584)));
  CHECK(scorer.score("good!!!!!!!").score == doctest::Approx(normalized(3.168)));
  // Two question marks: 2 + 2 * 0.18; one adds nothing.
  CHECK(scorer.score("good??").score == doctest::Approx(normalized(2.36)));
  CHECK(scorer.score("good?").score == doctest::Approx(normalized(2.0)));
  // Multi-word phrase, counted once: -3; its words do not also count ("time" is not rated anyway).
  const SegmentSentiment phrase = scorer.score("what a waste of time");
  CHECK(phrase.score == doctest::Approx(normalized(-3.0)));
  CHECK(phrase.matched_terms == 1);
  CHECK(phrase.word_count == 5);
  // A negated phrase: -3 * -0.74 = 2.22.
  CHECK(scorer.score("not a waste of time").score == doctest::Approx(normalized(2.22)));
  // Punctuation and case around words do not matter.
  CHECK(scorer.score("\"Good,\" he said.").score == doctest::Approx(normalized(2.0)));
}

TEST_CASE("labels follow the documented thresholds") {
  SentimentScorer scorer(tiny());
  CHECK(scorer.score("good").label == SentimentLabel::positive);
  CHECK(scorer.score("bad").label == SentimentLabel::negative);
  CHECK(scorer.score("the meeting is on tuesday").label == SentimentLabel::neutral);
  SentimentOptions strict;
  strict.positive_threshold = 0.5;  // normalized(2) = 0.4588 < 0.5
  SentimentScorer strict_scorer(tiny(), strict);
  CHECK(strict_scorer.score("good").label == SentimentLabel::neutral);
  CHECK(sentiment_label_name(SentimentLabel::negative) == "negative");
}

TEST_CASE("English bundled lexicon: rules on real sentences") {
  SentimentScorer scorer(bundled_sentiment_lexicon("en-US", bundled_dir));
  CHECK(scorer.lexicon().valence_term_count() > 7000);
  const double great = scorer.score("The demo was great.").score;
  // great = 3.1 in the VADER lexicon.
  CHECK(great == doctest::Approx(normalized(3.1)));
  // Negation flips: 3.1 * -0.74 = -2.294.
  CHECK(scorer.score("The demo was not great.").score == doctest::Approx(normalized(-2.294)));
  CHECK(scorer.score("The demo wasn't great.").score == doctest::Approx(normalized(-2.294)));
  CHECK(scorer.score("The demo wasn\u2019t great.").score == doctest::Approx(normalized(-2.294)));
  // "but" shifts the weight to what follows: great 3.1 * 0.5 + expensive... use "bad" (-2.5):
  // 1.55 - 3.75 = -2.2.
  CHECK(scorer.score("The demo was great but the pricing is bad").score == doctest::Approx(normalized(-2.2)));
  // Intensifier: 3.1 + 0.293.
  CHECK(scorer.score("The demo was really great").score == doctest::Approx(normalized(3.393)));
  // Dampener phrase "kind of": 1.9 - 0.293.
  CHECK(scorer.score("That is kind of good").score == doctest::Approx(normalized(1.607)));
  // Capitals: 3.1 + 0.733.
  CHECK(scorer.score("The demo was GREAT").score == doctest::Approx(normalized(3.833)));
  // Emoji and emoticons: thumbs up 1.9 (emoji.tsv); ":)" 2.0 in the VADER lexicon.
  CHECK(scorer.score("\U0001F44D").score == doctest::Approx(normalized(1.9)));
  CHECK(scorer.score("see you then \U0001F44D\U0001F3FD").score == doctest::Approx(normalized(1.9)));
  CHECK(scorer.score("see you then :)").score > 0.3);
  CHECK(scorer.score("that's a problem :(").score < -0.4);
  // Idioms of sales calls: "no problem" +1.5, "deal breaker" -2.2.
  CHECK(scorer.score("No problem at all").score == doctest::Approx(normalized(1.5)));
  CHECK(scorer.score("That is a deal breaker for us").score == doctest::Approx(normalized(-2.2)));
  // "no" directly before a noun negates it; after a comma it does not reach.
  CHECK(scorer.score("No, this is great").score == doctest::Approx(normalized(3.1)));
}

// The bundled rules files alone (negators, boosters, contrastive words), with a small host lexicon
// of known values in place of the bundled word lists, so every expected score is worked by hand.
static SentimentLexicon rules_with_host(const std::string& language, const std::string& host_file) {
  return load_sentiment_lexicon(bundled_dir + "/sentiment/emoji.tsv", language)
      .merged_with(load_sentiment_lexicon(bundled_dir + "/sentiment/" + language.substr(0, 2) + ".rules.tsv", language))
      .merged_with(load_sentiment_lexicon(data_dir + "/" + host_file, language));
}

TEST_CASE("German, French and Spanish rules with a host lexicon") {
  SUBCASE("German") {
    const auto lexicon = rules_with_host("de-DE", "de_host.tsv");
    SentimentScorer scorer(lexicon);
    CHECK(scorer.score("Das Angebot ist gut.").score == doctest::Approx(normalized(2.0)));
    CHECK(scorer.score("Das Angebot ist nicht gut.").score == doctest::Approx(normalized(-1.48)));
    CHECK(scorer.score("Das Angebot ist sehr gut.").score == doctest::Approx(normalized(2.293)));
    // "aber": 2 * 0.5 + (-2) * 1.5 = -2.
    CHECK(scorer.score("Die Demo war gut, aber der Preis ist schlecht.").score ==
          doctest::Approx(normalized(-2.0)));
    // Non-ASCII words go through the segmenter and case folding: "GROSSARTIG" folds like "großartig".
    CHECK(scorer.score("Die Integration ist großartig").score == doctest::Approx(normalized(3.0)));
    CHECK(scorer.score("Wir sind ENTTÄUSCHT von dem Support").score == doctest::Approx(normalized(-2.733)));
    CHECK(scorer.score("Wir sind zufrieden \U0001F44D").score == doctest::Approx(normalized(1.8 + 1.9)));
  }
  SUBCASE("French") {
    const auto lexicon = rules_with_host("fr-FR", "fr_host.tsv");
    SentimentScorer scorer(lexicon);
    CHECK(scorer.score("Ce n'est pas bon.").score == doctest::Approx(normalized(-1.48)));
    CHECK(scorer.score("C'est très bon").score == doctest::Approx(normalized(2.293)));
    CHECK(scorer.score("Le produit est génial mais le prix est mauvais").score ==
          doctest::Approx(normalized(-1.5)));
    CHECK(scorer.score("Nous sommes BLORQUÉS").score == doctest::Approx(0.0));  // not a term anywhere
    CHECK(scorer.score("Franchement, je suis DÉÇU du support").score == doctest::Approx(normalized(-2.733)));
  }
  SUBCASE("Spanish") {
    const auto lexicon = rules_with_host("es-MX", "es_host.tsv");
    SentimentScorer scorer(lexicon);
    CHECK(scorer.score("El servicio no es bueno").score == doctest::Approx(normalized(-1.48)));
    CHECK(scorer.score("¡Muy bueno!").score == doctest::Approx(normalized(2.293 + 0.292)));
    // pero: 3 * 0.5 + (-2) * 1.5 = -1.5.
    CHECK(scorer.score("La demo fue excelente pero el soporte es malo").score ==
          doctest::Approx(normalized(-1.5)));
    CHECK(scorer.score("Estoy decepcionado").score == doctest::Approx(normalized(-2.0)));
  }
}

TEST_CASE("Chinese and Japanese: emoji and full-width punctuation through the segmenter") {
  SentimentScorer chinese(
      bundled_sentiment_lexicon("zh-CN", bundled_dir)
          .merged_with(SentimentLexicon::parse("\xE5\xA5\xBD\t2\n", "host.tsv", "zh-CN")));  // 好 = 2
  // 好 (2) + thumbs up (1.9) = 3.9, plus one full-width exclamation mark: 3.9 + 0.292.
  CHECK(chinese.score("\xE8\xBF\x99\xE4\xB8\xAA\xE5\xA5\xBD \U0001F44D\xEF\xBC\x81").score ==
        doctest::Approx(normalized(3.9 + 0.292)));
  // An emoji alone in Japanese text (no Japanese valence lexicon is bundled): crying face -2.2.
  SentimentScorer japanese(bundled_sentiment_lexicon("ja-JP", bundled_dir));
  CHECK(japanese.score("\xE3\x81\x84\xE3\x81\xA4\xE3\x81\xA7\xE3\x81\x99\xE3\x81\x8B\U0001F622").score ==
        doctest::Approx(normalized(-2.2)));
}

TEST_CASE("bundled languages and missing ones") {
  const auto languages = bundled_sentiment_languages(bundled_dir);
  CHECK(std::find(languages.begin(), languages.end(), "en") != languages.end());
  CHECK(std::find(languages.begin(), languages.end(), "de") != languages.end());
  CHECK(error_message([] { bundled_sentiment_lexicon("xx-YY", bundled_dir); }) ==
        "no bundled sentiment lexicon or rules for language 'xx-YY': tried " + bundled_dir +
            "/sentiment/share-alike/xx.tsv, " + bundled_dir + "/sentiment/xx.tsv and " + bundled_dir +
            "/sentiment/xx.rules.tsv in the folder " + bundled_dir +
            " (named by data_dir; the embedded data is read only when no folder is named)");
  // A language left with rules only (as PARLEY_SHARE_ALIKE_DATA=OFF leaves most) has no valence
  // lexicon: its calls are answered "no lexicon", neutral, with nothing scored.
  const std::filesystem::path folder = std::filesystem::temp_directory_path() / "parley-rules-only";
  std::filesystem::create_directories(folder / "sentiment");
  std::ofstream(folder / "sentiment" / "xx.rules.tsv") << "nicht\t-0.74\tpost_negator\ngut\t1.9\n";
  const SentimentLexicon rules_only = bundled_sentiment_lexicon("xx", folder.string());
  CHECK_FALSE(rules_only.has_valence_lexicon());
  SentimentScorer scorer(rules_only);
  Call call;
  call.participants = {{"C", "Customer", Role::customer, ""}};
  call.segments = {{0, 0, 1000, "Das ist gut", {}, {}}};
  const CallSentiment sentiment = score_call(call, scorer);
  CHECK(sentiment.no_lexicon);
  CHECK(sentiment.customer.words == 0);
  CHECK(sentiment.segments.at(0).score == 0.0);
  std::filesystem::remove_all(folder);
  // A bundled language with a word list has one.
  CHECK(bundled_sentiment_lexicon("de", bundled_dir).has_valence_lexicon());
}

TEST_CASE("lexicon files: merge, override and malformed lines") {
  const auto base = tiny();
  CHECK(base.size() == 8);
  CHECK(base.find("GOOD")->value == doctest::Approx(2.0));
  CHECK(base.find("Waste  of time")->kind == SentimentTermKind::valence);
  CHECK_FALSE(base.find("waste").has_value());  // only a phrase start, not a term
  const auto extension = SentimentLexicon::parse("good\t3\nsplendid\t3.5\n", "host.tsv", "en");
  const auto merged = base.merged_with(extension);
  CHECK(merged.size() == 9);
  CHECK(merged.find("good")->value == doctest::Approx(3.0));
  CHECK(base.find("good")->value == doctest::Approx(2.0));  // the original is unchanged
  CHECK(error_message([] { load_sentiment_lexicon(data_dir + "/bad_value.tsv", "en"); }) ==
        data_dir + "/bad_value.tsv:3: value 'abc' of term 'very' is not a number");
  CHECK(error_message([] { load_sentiment_lexicon(data_dir + "/no_tab.tsv", "en"); }) ==
        data_dir + "/no_tab.tsv:2: expected 'term<TAB>value', found no tab");
  CHECK(error_message([] { load_sentiment_lexicon(data_dir + "/bad_kind.tsv", "en"); }) ==
        data_dir +
            "/bad_kind.tsv:2: unknown kind 'flipper' of term 'not' (expected valence, negator, post_negator, "
            "booster, post_booster, contrast, prefix, suffix or setting)");
  CHECK(error_message([] { SentimentLexicon::parse("ok\t1\nwow\t9\n", "x.tsv", "en"); }) ==
        "x.tsv:2: valence 9 of term 'wow' is outside [-4, 4]");
  CHECK(error_message([] { SentimentLexicon::parse("\xff\t1\n", "x.tsv", "en"); }) ==
        "x.tsv:1: invalid UTF-8 at byte 0 of the line");
  CHECK(error_message([] { load_sentiment_lexicon(data_dir + "/missing.tsv", "en"); }) ==
        data_dir + "/missing.tsv: cannot open the sentiment lexicon file");
}

TEST_CASE("bad input: empty, huge, invalid UTF-8") {
  SentimentScorer scorer(bundled_sentiment_lexicon("en", bundled_dir));
  const SegmentSentiment empty = scorer.score("");
  CHECK(empty.score == 0.0);
  CHECK(empty.label == SentimentLabel::neutral);
  CHECK(empty.word_count == 0);
  CHECK(scorer.score("   \t ... !!! ").score == 0.0);
  // 1 MB of one word: the sum saturates towards 1 but stays within [-1, 1].
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "good ";
  const SegmentSentiment many = scorer.score(huge);
  CHECK(many.word_count == huge.size() / 5);
  CHECK(many.score <= 1.0);
  CHECK(many.score > 0.99);
  CHECK(error_message([&] { scorer.score("great \xC3\x28 deal"); }) ==
        "sentiment text: invalid UTF-8 at byte offset 6");
  SentimentOptions lenient;
  lenient.replace_invalid_utf8 = true;
  SentimentScorer lenient_scorer(bundled_sentiment_lexicon("en", bundled_dir), lenient);
  CHECK(lenient_scorer.score("great \xC3\x28 deal").score == doctest::Approx(normalized(3.1)));
  SentimentOptions wrong;
  wrong.negative_threshold = 0.5;
  CHECK(error_message([&] { SentimentScorer s(tiny(), wrong); }) ==
        "SentimentOptions.negative_threshold = 0.5: must be below positive_threshold (0.05)");
}

TEST_CASE("property: scores stay in [-1, 1] and negation never keeps the sign of a lone word") {
  SentimentScorer scorer(bundled_sentiment_lexicon("en", bundled_dir));
  for (const char* word : {"good", "great", "terrible", "helpful", "frustrated", "love", "worried"}) {
    const double plain = scorer.score(std::string("it is ") + word).score;
    const double negated = scorer.score(std::string("it is not ") + word).score;
    CHECK(plain * negated < 0);
    CHECK(std::abs(negated) < std::abs(plain));  // x0.74 shrinks
  }
}

TEST_CASE("call level: weighted by words, roles and thirds") {
  SentimentScorer scorer(tiny());
  Call call;
  call.id = "c1";
  call.duration_ms = 90'000;
  call.participants = {{"rep", "Rep", Role::seller, ""}, {"cust", "Cust", Role::customer, ""}};
  // Customer: "good" (1 word, s1 = n(2)) at 0-10 s (first third), "bad bad bad" (3 words,
  // s2 = n(-6)) at 40-50 s (middle), "fine fine" (2 words, s3 = n(2)) at 70-80 s (end).
  call.segments = {{1, 0, 10'000, "good", {}, {}},
                   {0, 10'000, 20'000, "good good", {}, {}},
                   {1, 40'000, 50'000, "bad bad bad", {}, {}},
                   {1, 70'000, 80'000, "fine fine", {}, {}},
                   {1, 80'000, 81'000, "", {}, {}}};
  const CallSentiment result = score_call(call, scorer);
  const double s1 = normalized(2), s2 = normalized(-6), s3 = normalized(2), seller = normalized(4);
  CHECK(result.customer.words == 6);
  CHECK(result.customer.segments == 3);  // the empty segment has no words
  CHECK(result.customer.score == doctest::Approx((1 * s1 + 3 * s2 + 2 * s3) / 6));
  CHECK(result.seller.score == doctest::Approx(seller));
  CHECK(result.seller.label == SentimentLabel::positive);
  CHECK(result.overall.words == 8);
  CHECK(result.customer_trajectory[0].score == doctest::Approx(s1));
  CHECK(result.customer_trajectory[1].score == doctest::Approx(s2));
  CHECK(result.customer_trajectory[1].label == SentimentLabel::negative);
  CHECK(result.customer_trajectory[2].score == doctest::Approx(s3));
  CHECK(result.segments.size() == 5);
  const std::string json = to_json(result);
  CHECK(json.find("\"customer_trajectory\":{\"end\"") != std::string::npos);
}
