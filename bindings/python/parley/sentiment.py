"""Sentiment of plain text: a Scorer for one language scores one text or many in one call."""
import struct
from ctypes import byref, c_char_p, c_size_t, c_void_p, sizeof, string_at
from dataclasses import dataclass

from . import _capi
from ._capi import SentimentLabel
from ._support import Handle, Table, json_arg, text_arg, to_pandas
from .errors import check

_LABELS = tuple(label.name.lower() for label in sorted(SentimentLabel))


@dataclass(slots=True)
class SentimentScore:
    score: float  # -1..1
    label: str  # "negative", "neutral" or "positive"
    word_count: int  # words, emoji and emoticons seen
    matched_terms: int  # of which carried a valence


class SentimentScores(Table):
    """The scores of Scorer.score_many, in the texts' order, with to_pandas()."""

    def to_pandas(self):
        return to_pandas([{"score": s.score, "label": s.label, "word_count": s.word_count,
                           "matched_terms": s.matched_terms} for s in self])


# parley_sentiment_score as the bytes of an array of them: read back in one pass, not field by field.
_SCORE_LAYOUT = struct.Struct("@NdiII")
_SCORE_SIZE = sizeof(_capi.parley_sentiment_score)
_SCORE_FORMAT = struct.Struct(_SCORE_LAYOUT.format + f"{_SCORE_SIZE - _SCORE_LAYOUT.size}x")
assert [f[0] for f in _capi.parley_sentiment_score._fields_] == ["struct_size", "score", "label", "word_count",
                                                                 "matched_terms"]


def _scores(array, count):
    labels = _LABELS
    view = string_at(array, count * _SCORE_SIZE)
    return SentimentScores(SentimentScore(score, labels[label], words, matched)
                           for _, score, label, words, matched in _SCORE_FORMAT.iter_unpack(view))


def _score_array(count):
    array = (_capi.parley_sentiment_score * max(count, 1))()
    array[0].struct_size = _SCORE_SIZE
    return array


class Scorer(Handle):
    """A sentiment scorer for one language (BCP 47; its bundled lexicon), with SentimentOptions as a dict
    and optional extra lexicon lines (docs/sentiment.md TSV) merged over the bundled ones.
    One thread at a time: make one Scorer per thread."""

    _free = _capi.parley_scorer_free

    def __init__(self, language="en", options=None, extra_lexicon=None):
        out = c_void_p()
        check(_capi.parley_scorer_create(*text_arg(language), *json_arg(options), *text_arg(extra_lexicon),
                                         byref(out)))
        super().__init__(out.value)

    def score(self, text):
        native = _capi.parley_sentiment_score(struct_size=_SCORE_SIZE)
        check(_capi.parley_scorer_score(self._handle, *text_arg(text), byref(native)))
        return SentimentScore(native.score, _LABELS[native.label], native.word_count, native.matched_terms)

    def score_many(self, texts):
        """Scores every text (str or bytes) in one call into the library; returns their scores in order.

        Texts without line breaks (the usual sentences) go as one buffer, one per line
        (parley_scorer_score_lines): the fastest from Python; others through parley_scorer_score_many."""
        encoded = [t.encode("utf-8") if isinstance(t, str) else bytes(t) for t in texts]
        count = len(encoded)
        if count == 0:
            return SentimentScores()
        joined = b"\n".join(encoded)
        if (joined.count(b"\n") == count - 1 and b"\r" not in joined and encoded[-1]):
            array = _score_array(count)
            lines = c_size_t()
            check(_capi.parley_scorer_score_lines(self._handle, joined, len(joined), array, count, byref(lines)))
            if lines.value == count:
                return _scores(array, count)
        return self._score_each(encoded)

    def _score_each(self, encoded):
        count = len(encoded)
        texts = (c_char_p * count)(*encoded)
        lengths = (c_size_t * count)(*map(len, encoded))
        array = _score_array(count)
        check(_capi.parley_scorer_score_many(self._handle, texts, lengths, count, array))
        return _scores(array, count)
