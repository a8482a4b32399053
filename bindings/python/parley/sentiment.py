"""Sentiment of plain text: a Scorer for one language scores one text or many in one call."""
import struct
from collections.abc import Sequence
from ctypes import byref, c_char_p, c_int32, c_size_t, c_void_p, sizeof, string_at
from dataclasses import dataclass
import itertools
from operator import not_

from . import _capi
from ._capi import SentimentLabel
from ._support import Handle, json_arg, text_arg, to_pandas
from .errors import check, error_for

_LABELS = tuple(label.name.lower() for label in sorted(SentimentLabel))


@dataclass(slots=True)
class SentimentScore:
    score: float  # -1..1
    label: str  # "negative", "neutral" or "positive"
    word_count: int  # words, emoji and emoticons seen
    matched_terms: int  # of which carried a valence


# parley_sentiment_score as bytes: an array of them is read back in one pass, not field by field.
_SCORE_SIZE = sizeof(_capi.parley_sentiment_score)
_SCORE_FIELDS = [name for name, _ in _capi.parley_sentiment_score._fields_]
assert _SCORE_FIELDS == ["struct_size", "score", "label", "word_count", "matched_terms"], _SCORE_FIELDS
_SCORE_LAYOUT = struct.Struct("@NdiII")
_SCORE_FORMAT = struct.Struct(_SCORE_LAYOUT.format + f"{_SCORE_SIZE - _SCORE_LAYOUT.size}x")


class SentimentScores(Sequence):
    """The scores of Scorer.score_many, in the texts' order: a sequence of SentimentScore made as they
    are read (the scores stay in the library's array until then), with the columns `scores` and
    `labels` and to_pandas()."""

    def __init__(self, array=None, count=0):
        self._array = array
        self._count = count

    def __len__(self):
        return self._count

    def _rows(self):
        return _SCORE_FORMAT.iter_unpack(string_at(self._array, self._count * _SCORE_SIZE)) if self._count else ()

    def __iter__(self):
        labels = _LABELS
        for _, score, label, words, matched in self._rows():
            yield SentimentScore(score, labels[label], words, matched)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("parley: SentimentScores index out of range")
        native = self._array[index]
        return SentimentScore(native.score, _LABELS[native.label], native.word_count, native.matched_terms)

    def __eq__(self, other):
        return isinstance(other, (Sequence, list)) and list(self) == list(other)

    def __repr__(self):
        return f"<parley.SentimentScores of {self._count} texts>"

    @property
    def scores(self):
        """The scores alone, as a list of floats."""
        return [row[1] for row in self._rows()]

    @property
    def labels(self):
        labels = _LABELS
        return [labels[row[2]] for row in self._rows()]

    def to_pandas(self):
        return to_pandas([{"score": s.score, "label": s.label, "word_count": s.word_count,
                           "matched_terms": s.matched_terms} for s in self])


def _score_array(count):
    array = (_capi.parley_sentiment_score * max(count, 1))()
    array[0].struct_size = _SCORE_SIZE
    return array


def _utf8_lines(texts):
    """b"\\n".join(t.encode() for t in texts) for a list of str, several times faster: each run of
    ASCII texts is joined as str and encoded at once (a copy), because encoding text by text costs
    an object per text and one str joined from all would be as wide as the widest character."""
    ascii_flags = list(map(str.isascii, texts))
    if all(ascii_flags):
        return "\n".join(texts).encode()
    pieces = []
    start = 0
    for index in itertools.compress(itertools.count(), map(not_, ascii_flags)):
        if start < index:
            pieces.append("\n".join(texts[start:index]).encode())
        pieces.append(texts[index].encode())
        start = index + 1
    if start < len(texts):
        pieces.append("\n".join(texts[start:]).encode())
    return b"\n".join(pieces)


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

    @property
    def has_lexicon(self):
        """False when the language has emoji and rules but no word list (docs/sentiment.md): its texts
        score 0 except emoji, and its calls are answered "no lexicon"."""
        out = c_int32()
        check(_capi.parley_scorer_has_lexicon(self._handle, byref(out)))
        return bool(out.value)

    def score(self, text):
        native = _capi.parley_sentiment_score(struct_size=_SCORE_SIZE)
        check(_capi.parley_scorer_score(self._handle, *text_arg(text), byref(native)))
        return SentimentScore(native.score, _LABELS[native.label], native.word_count, native.matched_terms)

    def score_many(self, texts):
        """Scores every text (str or bytes) in one call into the library; returns their scores in order.

        Texts without line breaks (the usual sentences) go as one buffer, a text per line
        (parley_scorer_score_lines, the fastest from Python); others through parley_scorer_score_many."""
        texts = texts if isinstance(texts, list) else list(texts)
        count = len(texts)
        if count == 0:
            return SentimentScores()
        try:
            joined = _utf8_lines(texts) if isinstance(texts[0], str) else b"\n".join(texts)
        except TypeError:  # str and bytes mixed
            joined = None
        # A text line per text, unless a text holds a line break: then the library counts more lines
        # than texts and refuses (LIMIT_EXCEEDED, nothing scored). A last empty text would not be a
        # line and a '\r' before a '\n' would be dropped: those go one by one.
        if joined is not None and texts[-1] and b"\r" not in joined:
            array = _score_array(count)
            lines = c_size_t()
            status = _capi.parley_scorer_score_lines(self._handle, joined, len(joined), array, count, byref(lines))
            if status == _capi.PARLEY_OK and lines.value == count:
                return SentimentScores(array, count)
            if status not in (_capi.PARLEY_OK, _capi.PARLEY_E_LIMIT_EXCEEDED):
                raise error_for(status)
        return self._score_each([t.encode("utf-8") if isinstance(t, str) else bytes(t) for t in texts])

    def _score_each(self, encoded):
        count = len(encoded)
        texts = (c_char_p * count)(*encoded)
        lengths = (c_size_t * count)(*map(len, encoded))
        array = _score_array(count)
        check(_capi.parley_scorer_score_many(self._handle, texts, lengths, count, array))
        return SentimentScores(array, count)
