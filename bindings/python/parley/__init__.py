"""parley: analytics for sales conversations and customer relationships, from Python.

    import parley
    with parley.Call.read("call.vtt") as call, parley.Analyzer() as analyzer:
        with analyzer.analyze(call) as analysis:
            print(analysis.metrics.talk_ratio)

A thin layer over the C ABI (parley.h, through the generated parley._capi): handles become objects
released by close() or a `with` block, failures become ParleyError subclasses carrying the status
and the library's message, results become dataclasses, dicts and Tables (lists with to_pandas()).
"""
from . import _capi
from ._capi import CallField, OutputFormat, Role, SentimentLabel, Status, TermKind, ViewerKind
from ._support import Table
from .activities import (ActivityReadError, ActivityReadResult, OpportunityReadResult, parse_activities_csv,
                         parse_activities_json, parse_calendar, parse_mail, parse_opportunities_csv,
                         parse_opportunities_json, read_activities_csv, read_activities_json, read_calendar,
                         read_mail, read_opportunities_csv, read_opportunities_json)
from .analysis import (Analysis, Analyzer, CallMetrics, CallSentiment, SentimentSummary, TermCount, parse_terms,
                       read_terms)
from .call import Call, CallInfo, Participant, Segment, Word
from .errors import (InternalError, InvalidArgumentError, InvalidUtf8Error, IoError, LimitExceededError,
                     NotFoundError, NotPermittedError, OutOfMemoryError, ParleyError, ParseError, StorageError)
from .sentiment import Scorer, SentimentScore, SentimentScores
from .store import Store, Viewer

__version__ = f"{_capi.PARLEY_VERSION_MAJOR}.{_capi.PARLEY_VERSION_MINOR}.{_capi.PARLEY_VERSION_PATCH}"
UNLIMITED_DEPTH = _capi.PARLEY_UNLIMITED_DEPTH


def version():
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return _capi.parley_version().decode("ascii")


def version_number():
    """MAJOR * 10000 + MINOR * 100 + PATCH of the loaded library."""
    return _capi.parley_version_number()


__all__ = [
    "ActivityReadError", "ActivityReadResult", "Analysis", "Analyzer", "Call", "CallField", "CallInfo", "CallMetrics", "CallSentiment", "InternalError",
    "InvalidArgumentError", "InvalidUtf8Error", "IoError", "LimitExceededError", "NotFoundError",
    "NotPermittedError", "OpportunityReadResult", "OutOfMemoryError", "OutputFormat", "ParleyError", "ParseError", "Participant", "Role",
    "Scorer", "Segment", "SentimentLabel", "SentimentScore", "SentimentScores", "SentimentSummary", "Status",
    "StorageError", "Store", "Table", "TermCount", "TermKind", "UNLIMITED_DEPTH", "Viewer", "ViewerKind", "Word",
    "parse_activities_csv", "parse_activities_json", "parse_calendar", "parse_mail", "parse_opportunities_csv",
    "parse_opportunities_json", "parse_terms", "read_activities_csv", "read_activities_json", "read_calendar",
    "read_mail", "read_opportunities_csv", "read_opportunities_json", "read_terms", "version",
    "version_number",
]
