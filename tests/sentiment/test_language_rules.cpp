// The per-language rules of docs/sentiment.md ("Rules of each language"): post-posed negators and
// boosters, attached prefixes and suffixes, the question weight, Snowball stems, Arabic and Hebrew
// letter forms and terms in unspaced scripts (the "no lexicon" answer: tests/analysis). Each expected score is
// worked out by hand from the rule: the sum S of adjusted valences, then S / sqrt(S^2 + 15).
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "parley/error.hpp"
#include "parley/sentiment.hpp"

using namespace parley;

namespace {

double normalized(double sum) { return sum / std::sqrt(sum * sum + 15.0); }

SentimentScorer scorer_of(const std::string& tsv, const std::string& language = "xx") {
  return SentimentScorer(SentimentLexicon::parse(tsv, "rules.tsv", language));
}

std::string error_of(const std::string& tsv) {
  try {
    SentimentLexicon::parse(tsv, "rules.tsv", "xx");
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE("sentiment rules: a post_negator negates what follows it, else what precedes it") {
  SentimentScorer scorer = scorer_of("gefällt\t2\ngut\t1.9\nnicht\t-0.74\tpost_negator\n");
  // "Das gefällt mir nicht": nothing rated follows, so "gefällt" is negated: 2 x -0.74 = -1.48.
  CHECK(scorer.score("Das gefällt mir nicht").score == doctest::Approx(normalized(-1.48)));
  // "Das ist nicht gut": "gut" follows within the window: 1.9 x -0.74 = -1.406.
  CHECK(scorer.score("Das ist nicht gut").score == doctest::Approx(normalized(-1.406)));
  // A comma ends the clause: in "gefällt mir, nicht" nothing is negated.
  CHECK(scorer.score("gefällt mir, nicht").score == doctest::Approx(normalized(2.0)));
}

TEST_CASE("sentiment rules: with negation_looks_back a post_negator negates only what precedes it") {
  // Japanese "起きていないのは素晴らしい": the ない after a verb never negates the word after it.
  SentimentScorer scorer = scorer_of("okite\t-1\nsubarashii\t3\nnai\t-0.74\tpost_negator\nnegation_looks_back\t1\tsetting\n");
  // -1 x -0.74 + 3 = 3.74.
  CHECK(scorer.score("okite nai noha subarashii").score == doctest::Approx(normalized(3.74)));
  CHECK(scorer_of("subarashii\t3\nnai\t-0.74\tpost_negator\n").score("nai noha subarashii").score ==
        doctest::Approx(normalized(-2.22)));
}

TEST_CASE("sentiment rules: a post_negator stops at a contrastive word") {
  SentimentScorer scorer = scorer_of("good\t2\nhandy\t1\nnai\t-0.74\tpost_negator\nkedo\t1.5\tcontrast\n");
  // "good nai kedo handy": "nai" cannot reach "handy" across "kedo", so it negates "good" (-1.48);
  // then the contrast: -1.48 x 0.5 + 1 x 1.5 = 0.76.
  CHECK(scorer.score("good nai kedo handy").score == doctest::Approx(normalized(0.76)));
}

TEST_CASE("sentiment rules: a post_booster boosts what precedes it, else what follows it") {
  SentimentScorer scorer = scorer_of("jayid\t2\njiddan\t0.293\tpost_booster\n");
  CHECK(scorer.score("jayid jiddan").score == doctest::Approx(normalized(2.293)));
  CHECK(scorer.score("jiddan jayid").score == doctest::Approx(normalized(2.293)));
  // Two words back the boost decays to 0.95 of its value.
  CHECK(scorer.score("jayid x jiddan").score == doctest::Approx(normalized(2 + 0.293 * 0.95)));
}

TEST_CASE("sentiment rules: attached prefixes and suffixes are split off when the rest is a term") {
  SentimentScorer scorer =
      scorer_of("l'\t0\tprefix\noffre\t1.5\nun\t0\tprefix\nun\t-0.74\tnegator\nhappy\t2\nka\t0\tsuffix\n"
                "ka\t-0.74\tpost_negator\nwa\t0\tprefix\n");
  const SegmentSentiment offer = scorer.score("l'offre");
  CHECK(offer.score == doctest::Approx(normalized(1.5)));
  CHECK(offer.word_count == 1);  // one word, whatever it was split into
  // "unhappy": the prefix is a negator term of its own: 2 x -0.74.
  CHECK(scorer.score("unhappy").score == doctest::Approx(normalized(-1.48)));
  // Two prefixes and a suffix: "wa" + "un" + "happy" + "ka" = not (not happy) = 2 x 0.74 x 0.74.
  const SegmentSentiment nested = scorer.score("waunhappyka");
  CHECK(nested.score == doctest::Approx(normalized(2 * 0.74 * 0.74)));
  CHECK(nested.word_count == 1);
  // No split leaves a term: the word stays whole and unrated.
  CHECK(scorer.score("lautre").score == 0);
  CHECK(scorer.score("unknown").score == 0);
}

TEST_CASE("sentiment rules: the question weight scales a sentence that ends in a question mark") {
  SentimentScorer scorer = scorer_of("good\t2\nquestion_weight\t0.5\tsetting\n");
  CHECK(scorer.score("Is it good?").score == doctest::Approx(normalized(1.0)));
  CHECK(scorer.score("It is good.").score == doctest::Approx(normalized(2.0)));
  // Only the questioning sentence is scaled: 2 + 2 x 0.5.
  CHECK(scorer.score("It is good. Is it good?").score == doctest::Approx(normalized(3.0)));
  // Arabic and full-width question marks count.
  CHECK(scorer.score("good؟").score == doctest::Approx(normalized(1.0)));
  CHECK(scorer.score("good？").score == doctest::Approx(normalized(1.0)));
  // Without the setting (every bundled English rule) a question keeps its valence.
  CHECK(scorer_of("good\t2\n").score("Is it good?").score == doctest::Approx(normalized(2.0)));
}

TEST_CASE("sentiment rules: the stem setting finds inflected forms by their Snowball stem") {
  const std::string tsv = "freundlich\t2\nstem\t1\tsetting\n";
  SentimentScorer stemming(SentimentLexicon::parse(tsv, "de.tsv", "de-DE"));
  CHECK(stemming.lexicon().stems_unknown_words());
  // Snowball German: "freundliche" and "freundlichen" stem to "freundlich".
  CHECK(stemming.score("eine freundliche Beratung").score == doctest::Approx(normalized(2.0)));
  CHECK(stemming.score("mit freundlichen Grüßen").matched_terms == 1);
  SentimentScorer exact(SentimentLexicon::parse("freundlich\t2\n", "de.tsv", "de-DE"));
  CHECK(exact.score("eine freundliche Beratung").score == 0);
  // A language Snowball does not know ignores the setting.
  CHECK_FALSE(SentimentLexicon::parse(tsv, "x.tsv", "ja").stems_unknown_words());
}

TEST_CASE("sentiment rules: Arabic and Hebrew spelling variants are one word") {
  SentimentScorer arabic = scorer_of("ممتاز\t3\nجدا\t0.293\tpost_booster\nأفضل\t2\n", "ar");
  // Vowel marks and the tatweel are dropped; "جداً" (with tanween) is "جدا".
  CHECK(arabic.score("مُمْتَاز جداً").score == doctest::Approx(normalized(3.293)));
  CHECK(arabic.score("ممـــتاز").score == doctest::Approx(normalized(3.0)));
  // Alef with hamza is alef: "افضل" and "أفضل" are one word.
  CHECK(arabic.score("افضل").score == doctest::Approx(normalized(2.0)));
  SentimentScorer hebrew = scorer_of("טוב\t1.9\nמדהים\t3\nה\t0\tsuffix\n", "he");
  CHECK(hebrew.score("טוֹב").score == doctest::Approx(normalized(1.9)));  // with a holam point
  // Final letters fold to ordinary ones: "מדהימה" = "מדהימ" + "ה", and "מדהים" folds to "מדהימ".
  CHECK(hebrew.score("התוצאה מדהימה").score == doctest::Approx(normalized(3.0)));
}

TEST_CASE("sentiment rules: terms in unspaced scripts are cut into words as the text is") {
  // ICU's dictionary cuts "使えません" into several words; the term is stored as that phrase.
  const SentimentLexicon lexicon = SentimentLexicon::parse("使えません\t-2\n", "ja.tsv", "ja-JP");
  REQUIRE(lexicon.find("使えません"));
  CHECK(lexicon.find("使えません")->term.find(' ') != std::string::npos);
  SentimentScorer scorer(lexicon);
  CHECK(scorer.score("このツールは使えません").score == doctest::Approx(normalized(-2.0)));
}

TEST_CASE("sentiment rules: bad rule lines are errors naming the line") {
  CHECK(error_of("question_weight\t2\tsetting\n") == "rules.tsv:1: setting question_weight = 2: must be in [0, 1]");
  CHECK(error_of("stem\t0.5\tsetting\n") == "rules.tsv:1: setting stem = 0.5: must be 0 or 1");
  CHECK(error_of("ok\t1\nloudness\t1\tsetting\n") ==
        "rules.tsv:2: unknown setting 'loudness' (expected question_weight, stem or negation_looks_back)");
  CHECK(error_of("l' a\t0\tprefix\n") == "rules.tsv:1: a prefix must be a single word, 'l' a' is a phrase");
  CHECK(error_of("not at all\t-0.74\tpost_negator\n") ==
        "rules.tsv:1: a post_negator must be a single word, 'not at all' is a phrase");
}

TEST_CASE("sentiment rules: merging keeps both lexicons' prefixes, suffixes and settings") {
  const SentimentLexicon base = SentimentLexicon::parse("l'\t0\tprefix\nstem\t1\tsetting\n", "a.tsv", "fr");
  const SentimentLexicon extra =
      SentimentLexicon::parse("d'\t0\tprefix\nment\t0\tsuffix\nquestion_weight\t0.25\tsetting\n", "b.tsv", "fr");
  const SentimentLexicon merged = base.merged_with(extra);
  CHECK(merged.prefixes() == std::vector<std::string>{"d'", "l'"});
  CHECK(merged.suffixes() == std::vector<std::string>{"ment"});
  CHECK(merged.question_weight() == doctest::Approx(0.25));
  CHECK(merged.stems_unknown_words());
}
