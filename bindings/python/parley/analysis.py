"""Analysis: an Analyzer built once from options and terms, analysing one call or a batch."""
import dataclasses
import json
from ctypes import byref, c_double, c_int, c_size_t, c_void_p, sizeof
from dataclasses import dataclass
from typing import List, Optional

from . import _capi
from ._capi import SentimentLabel, TermKind
from ._support import Handle, Table, enum_name, json_arg, or_none, take_string, text_arg, to_pandas
from .errors import check, error_for

# A call's conversation figures, one field per field of parley_call_metrics (docs/metrics.md);
# None where a figure does not apply (NaN in C).
CallMetrics = dataclasses.make_dataclass(
    "CallMetrics", [(name, Optional[float] if kind is c_double else int)
                    for name, kind in _capi.parley_call_metrics._fields_[1:]], frozen=True,
    namespace={"__doc__": "A call's conversation figures (docs/metrics.md); None where a figure does not apply.",
               "to_dict": lambda self: dataclasses.asdict(self)})
CallMetrics.__module__ = __name__


@dataclass(frozen=True)
class SentimentSummary:
    """The word-weighted mean sentiment of a group of segments."""

    score: float  # -1..1; 0 when words == 0
    label: str  # "negative", "neutral" or "positive"
    segments: int  # segments with at least one word
    words: int  # 0 = no data


@dataclass(frozen=True)
class CallSentiment:
    has_sentiment: bool  # False when the call's language has no lexicon (the rest is zero)
    customer: SentimentSummary
    seller: SentimentSummary
    overall: SentimentSummary
    customer_trajectory: List[SentimentSummary]  # first, middle and last third of the call


@dataclass(frozen=True)
class TermCount:
    """Mentions of one tracked term in the call."""

    name: str
    kind: str  # "keyword" or "competitor"
    total: int
    by_seller: int
    by_customer: int
    by_other: int


def _summary(native):
    return SentimentSummary(score=native.score, label=enum_name(SentimentLabel, native.label),
                            segments=native.segments, words=native.words)


def terms_arg(terms):
    """A term list argument: a list of term objects, JSON text, or None (no terms)."""
    return json_arg(terms)


class Analysis(Handle):
    """One call's analysis (a parley_analysis): immutable, usable from several threads."""

    _free = _capi.parley_analysis_free

    @property
    def metrics(self):
        native = _capi.parley_call_metrics(struct_size=sizeof(_capi.parley_call_metrics))
        check(_capi.parley_analysis_get_metrics(self._handle, byref(native)))
        return CallMetrics(*(or_none(getattr(native, name)) for name, _ in native._fields_[1:]))

    @property
    def sentiment(self):
        native = _capi.parley_call_sentiment(struct_size=sizeof(_capi.parley_call_sentiment))
        check(_capi.parley_analysis_get_sentiment(self._handle, byref(native)))
        return CallSentiment(has_sentiment=bool(native.has_sentiment), customer=_summary(native.customer),
                             seller=_summary(native.seller), overall=_summary(native.overall),
                             customer_trajectory=[_summary(t) for t in native.customer_trajectory])

    @property
    def term_counts(self):
        """The tracked terms the call mentions, in the analyzer's term order (a Table of TermCount)."""
        size = c_size_t()
        check(_capi.parley_analysis_term_count_size(self._handle, byref(size)))
        native = _capi.parley_term_count(struct_size=sizeof(_capi.parley_term_count))
        counts = TermCountTable()
        for index in range(size.value):
            check(_capi.parley_analysis_get_term_count(self._handle, index, byref(native)))
            counts.append(TermCount(name=native.name.decode("utf-8"), kind=enum_name(TermKind, native.kind),
                                    total=native.total, by_seller=native.by_seller,
                                    by_customer=native.by_customer, by_other=native.by_other))
        return counts

    @property
    def json(self):
        """The call with its whole analysis, the `parley analyze --format json` document."""
        out = c_void_p()
        check(_capi.parley_analysis_to_json(self._handle, byref(out)))
        return take_string(out)

    def to_dict(self):
        return json.loads(self.json)


class TermCountTable(Table):
    def to_pandas(self):
        return to_pandas([dataclasses.asdict(row) for row in self])


class Analyzer(Handle):
    """Analyses calls with fixed options (AnalysisOptions as a dict: {"timing": {...}, "signals": {...},
    "sentiment": {...}, "terms": {...}, "limits": {...}, "default_language": "en"}) and tracked terms
    (a list of term objects, e.g. from parley.read_terms). Immutable: any number of threads may use
    one at once (ctypes releases the GIL during the call)."""

    _free = _capi.parley_analyzer_free

    def __init__(self, options=None, terms=None):
        out = c_void_p()
        check(_capi.parley_analyzer_create(*json_arg(options), *terms_arg(terms), byref(out)))
        super().__init__(out.value)

    def analyze(self, call):
        out = c_void_p()
        check(_capi.parley_analyzer_analyze(self._handle, call._handle, byref(out)))
        return Analysis(out.value)

    def analyze_batch(self, calls, threads=0):
        """Analyses the calls on up to `threads` threads (0 = one per core); returns their analyses in
        order. If any fails, raises the first failure's error (naming the call) and keeps none."""
        calls = list(calls)
        count = len(calls)
        handles = (c_void_p * count)(*(call._handle.value for call in calls))
        analyses = (c_void_p * count)()
        statuses = (c_int * count)()
        status = _capi.parley_analyzer_analyze_batch(self._handle, handles, count, threads, analyses, statuses)
        results = [Analysis(pointer) for pointer in analyses]  # owns each one, so none leaks
        if status != _capi.PARLEY_OK:
            error = error_for(status)
            for analysis in results:
                analysis.close()
            raise error
        return results


def read_terms(path):
    """A term-list file (docs/terms.md) as a list of term objects for Analyzer(terms=...)."""
    out = c_void_p()
    check(_capi.parley_terms_read_file(*text_arg(path), byref(out)))
    return json.loads(take_string(out))


def parse_terms(text, source_name=None):
    """The same from text; `source_name` names it in messages."""
    out = c_void_p()
    check(_capi.parley_terms_parse(*text_arg(text), *text_arg(source_name), byref(out)))
    return json.loads(take_string(out))
