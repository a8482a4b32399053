"""parley.Scorer: one text, many texts (both C paths), errors."""
import pytest

import parley


@pytest.fixture
def scorer():
    with parley.Scorer("en") as scorer:
        yield scorer


def test_a_positive_and_a_negative_sentence(scorer):
    good = scorer.score("I love this product, it is great!")
    bad = scorer.score("This is terrible and I hate it.")
    assert good.label == "positive" and 0 < good.score <= 1
    assert bad.label == "negative" and -1 <= bad.score < 0
    assert good.word_count == 7
    assert good.matched_terms >= 2  # love, great


def test_text_without_valence_is_neutral_zero(scorer):
    score = scorer.score("The meeting is on Tuesday.")
    assert (score.score, score.label, score.matched_terms) == (0.0, "neutral", 0)
    assert score.word_count == 5


def test_score_many_equals_score_one_by_one(scorer):
    texts = ["I love it.", "Awful service.", "We meet at noon.", "Great, thanks!", "", "Not bad at all."]
    assert list(scorer.score_many(texts)) == [scorer.score(t) for t in texts]


def test_score_many_with_line_breaks_inside_texts(scorer):
    texts = ["first line\nsecond line is great", "plain", "windows\r\nline", ""]
    assert list(scorer.score_many(texts)) == [scorer.score(t) for t in texts]


def test_score_many_of_long_lists_mixing_ascii_and_other_scripts(scorer):
    # str lists are encoded in runs of ASCII texts: the result must equal scoring one by one, with
    # non-ASCII texts first, last, side by side and alone, and when a line break forces the general path.
    base = ["I love it.", "Awful service.", "We meet at noon.", "Great, thanks! 😀", "Not bad at all.",
            "Très bien, merci.", "非常好"]
    texts = ["Ça va mal."] + [f"{base[i % 7]} {i}" for i in range(20_000)] + ["Schön!"]
    expected = [scorer.score(t) for t in texts]
    assert list(scorer.score_many(texts)) == expected
    texts[17_000] = "a line\nbreak that is great"
    expected[17_000] = scorer.score(texts[17_000])
    assert list(scorer.score_many(texts)) == expected


@pytest.mark.parametrize("texts", [
    ["plain", "ascii"], ["é"], ["a", "é", "ü", "b", "", "😀"], ["", ""], ["日本", "x", "y", "z", "ß"],
])
def test_the_encoder_of_str_lists_equals_encoding_text_by_text(texts):
    from parley.sentiment import _utf8_lines
    assert _utf8_lines(texts) == b"\n".join(t.encode("utf-8") for t in texts)


def test_score_many_mixing_str_and_bytes(scorer):
    texts = ["I love it.", b"Awful service.", "Très bien."]
    assert list(scorer.score_many(texts)) == [scorer.score(t) for t in texts]


def test_score_many_of_nothing_is_empty(scorer):
    assert list(scorer.score_many([])) == []


def test_scores_as_a_data_frame(scorer):
    pandas = pytest.importorskip("pandas")
    frame = scorer.score_many(["I love it.", "Awful."]).to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["score", "label", "word_count", "matched_terms"]
    assert list(frame["label"]) == ["positive", "negative"]


def test_an_extra_lexicon_changes_a_words_valence():
    with parley.Scorer("en", extra_lexicon="zorble\t3.0\n") as scorer:
        assert scorer.score("zorble").label == "positive"


def test_german_and_japanese_score_with_their_bundled_lexicons():
    with parley.Scorer("de-DE") as german:
        assert german.has_lexicon
        assert german.score("Der Support war leider sehr schlecht.").label == "negative"
        assert german.score("Die Demo war wirklich ausgezeichnet!").label == "positive"
    with parley.Scorer("ja-JP") as japanese:
        assert japanese.has_lexicon
        assert japanese.score("このツールは最悪です。").label == "negative"


def test_a_language_left_with_rules_only_has_no_lexicon(tmp_path, monkeypatch):
    (tmp_path / "sentiment").mkdir()
    (tmp_path / "sentiment" / "xx.rules.tsv").write_text("nicht\t-0.74\tpost_negator\n", encoding="utf-8")
    monkeypatch.setenv("PARLEY_DATA_DIR", str(tmp_path))
    with parley.Scorer("xx") as scorer:
        assert not scorer.has_lexicon
        assert scorer.score("gut").score == 0


def test_a_language_without_a_lexicon_is_refused():
    with pytest.raises(parley.ParleyError) as caught:
        parley.Scorer("xx")
    assert "xx" in caught.value.message


def test_invalid_utf8_is_refused(scorer):
    with pytest.raises(parley.InvalidUtf8Error):
        scorer.score(b"caf\xe9")


def test_score_many_takes_bytes_and_mixed_lists(scorer):
    texts = ["I love it.", "Awful service."]
    expected = [scorer.score(t) for t in texts]
    assert list(scorer.score_many([t.encode() for t in texts])) == expected
    assert list(scorer.score_many([texts[0], texts[1].encode()])) == expected
    assert scorer.score_many(texts)[-1] == expected[-1]
    assert scorer.score_many(texts).labels == ["positive", "negative"]
    assert scorer.score_many(texts).scores == [s.score for s in expected]
