"""Calls: transcripts read from files or memory, or built from the host's own participants and segments."""
import json
from ctypes import byref, c_uint32, c_void_p, sizeof, string_at
from dataclasses import dataclass
from typing import Optional, Union

from . import _capi
from ._capi import CallField, Role
from ._support import Handle, enum_arg, enum_name, json_arg, nan_if_none, take_json, take_string, text_arg
from .errors import check


@dataclass
class Participant:
    """A speaker of the call; `id` is unique within the call (the transcript's speaker label)."""

    id: str
    role: Union[str, Role] = "other"  # "seller", "customer" or "other"
    display_name: str = ""  # empty: the id
    crm_id: str = ""


@dataclass
class Segment:
    """What one participant said: `speaker` is the participant's index or id, times are ms from the
    call's start, confidence 0..1 or None."""

    speaker: Union[int, str]
    start_ms: int
    end_ms: int
    text: str
    confidence: Optional[float] = None


@dataclass
class Word:
    start_ms: int
    end_ms: int
    text: str
    confidence: Optional[float] = None


@dataclass(frozen=True)
class CallInfo:
    id: str
    language: str
    start_time_ms: int
    duration_ms: int  # as given (0 = unknown)
    effective_duration_ms: int  # the larger of duration_ms and the last segment's end
    participant_count: int
    segment_count: int
    warning_count: int  # the reader's warnings (Call.warnings)


def _text(native, field):
    """A `const char *` + `_length` field pair of a struct parley filled, as str."""
    length = getattr(native, field + "_length")
    if length == 0:
        return ""
    address = getattr(type(native), field).offset
    pointer = c_void_p.from_buffer(native, address).value
    return string_at(pointer, length).decode("utf-8")


def _segment(value):
    if isinstance(value, Segment):
        return value
    if isinstance(value, dict):
        return Segment(**value)
    return Segment(*value)


def _word(value):
    if isinstance(value, Word):
        return value
    if isinstance(value, dict):
        return Word(**value)
    return Word(*value)


class Call(Handle):
    """One call's transcript (a parley_call). Make one with Call.read, Call.parse or Call.create.

    Thread safety: one thread at a time while it is changed; once built, several threads may analyse it."""

    _free = _capi.parley_call_free

    def __init__(self, pointer):
        super().__init__(pointer)
        self._speakers = {}  # participant id -> index, for those added through this object

    @classmethod
    def _made_by(cls, function, *args):
        out = c_void_p()
        check(function(*args, byref(out)))
        return cls(out.value)

    @classmethod
    def read(cls, path, format=None, **read_options):
        """Reads a transcript file; `format` ("webvtt", "srt", "rttm", "parley-json", ...) or None to
        detect it. read_options are ReadOptions fields (call_id, default_language, invalid_utf8...)."""
        return cls._made_by(_capi.parley_call_read_file, *text_arg(path), *text_arg(format),
                            *json_arg(read_options or None))

    @classmethod
    def parse(cls, content, format=None, source_name=None, **read_options):
        """Parses a transcript held in memory (str or bytes). Without a format only the JSON forms are
        detected. `source_name` names the input in messages and gives the call id."""
        return cls._made_by(_capi.parley_call_parse, *text_arg(content), *text_arg(format),
                            *text_arg(source_name), *json_arg(read_options or None))

    @classmethod
    def create(cls, call_id, participants=(), segments=(), *, start_time_ms=None, duration_ms=0, **fields):
        """A call built by the host: participants (Participant or its fields as a tuple/dict),
        segments (Segment, tuple or dict; speaker as index or participant id), the start as UTC ms
        since the epoch, and text fields by name (language, owner_seller_id, account_id, contact_id,
        lead_id, opportunity_id)."""
        call = cls._made_by(_capi.parley_call_create, *text_arg(call_id))
        try:
            for participant in participants:
                if isinstance(participant, dict):
                    participant = Participant(**participant)
                elif not isinstance(participant, Participant):
                    participant = Participant(*participant)
                call.add_participant(participant)
            if segments:
                call.add_segments(segments)
            if start_time_ms is not None or duration_ms:
                call.set_times(start_time_ms or 0, duration_ms)
            for name, value in fields.items():
                call.set_field(name, value)
        except BaseException:
            call.close()
            raise
        return call

    def set_field(self, field, value):
        """Sets a text field: a CallField or its name ("language", "owner_seller_id", ...)."""
        check(_capi.parley_call_set_field(self._handle, enum_arg(CallField, field), *text_arg(value)))

    def set_times(self, start_time_ms, duration_ms=0):
        """start_time_ms: UTC ms since the Unix epoch; duration_ms: 0 = unknown."""
        check(_capi.parley_call_set_times(self._handle, start_time_ms, duration_ms))

    def add_participant(self, participant=None, **fields):
        """Adds a participant (a Participant, or its fields as keywords); returns its index."""
        if participant is None:
            participant = Participant(**fields)
        native = _capi.parley_participant(struct_size=sizeof(_capi.parley_participant))
        native.id, native.id_length = text_arg(participant.id)
        native.display_name, native.display_name_length = text_arg(participant.display_name)
        native.crm_id, native.crm_id_length = text_arg(participant.crm_id)
        native.role = enum_arg(Role, participant.role)
        index = c_uint32()
        check(_capi.parley_call_add_participant(self._handle, byref(native), byref(index)))
        self._speakers[participant.id] = index.value
        return index.value

    def set_role(self, participant_id, role):
        check(_capi.parley_call_set_role(self._handle, *text_arg(participant_id), enum_arg(Role, role)))

    def add_segments(self, segments):
        """Appends segments (Segment, or (speaker, start_ms, end_ms, text[, confidence]), or dicts)."""
        segments = [_segment(s) for s in segments]
        array = (_capi.parley_segment * len(segments))()
        for native, segment in zip(array, segments):
            native.struct_size = sizeof(_capi.parley_segment)
            native.speaker = self._speaker_index(segment.speaker)
            native.start_ms, native.end_ms = segment.start_ms, segment.end_ms
            native.text, native.text_length = text_arg(segment.text)
            native.confidence = nan_if_none(segment.confidence)
        check(_capi.parley_call_add_segments(self._handle, array, len(segments)))

    def _speaker_index(self, speaker):
        if isinstance(speaker, str):
            try:
                return self._speakers[speaker]
            except KeyError:
                raise ValueError(f"parley: segment speaker '{speaker}' is not a participant added to this call "
                                 "(give the participant's index instead)") from None
        return speaker

    def set_words(self, segment_index, words):
        """Sets the word timings of one segment (Word, or (start_ms, end_ms, text[, confidence]))."""
        words = [_word(w) for w in words]
        array = (_capi.parley_word * len(words))()
        for native, word in zip(array, words):
            native.struct_size = sizeof(_capi.parley_word)
            native.start_ms, native.end_ms = word.start_ms, word.end_ms
            native.text, native.text_length = text_arg(word.text)
            native.confidence = nan_if_none(word.confidence)
        check(_capi.parley_call_set_words(self._handle, segment_index, array, len(words)))

    def assign_roles(self, rules):
        """Assigns every participant's role by the host's rules ({"by_name": {...}, "our_users": [...],
        "our_email_domains": [...], "unmatched": "other"}); returns the ids no rule matched."""
        unmatched = c_void_p()
        check(_capi.parley_call_assign_roles(self._handle, *json_arg(rules), byref(unmatched)))
        return take_json(unmatched) or []

    @property
    def info(self):
        native = _capi.parley_call_info(struct_size=sizeof(_capi.parley_call_info))
        check(_capi.parley_call_get_info(self._handle, byref(native)))
        return CallInfo(id=(native.id or b"").decode("utf-8"), language=(native.language or b"").decode("utf-8"),
                        start_time_ms=native.start_time_ms, duration_ms=native.duration_ms,
                        effective_duration_ms=native.effective_duration_ms,
                        participant_count=native.participant_count, segment_count=native.segment_count,
                        warning_count=native.warning_count)

    @property
    def participants(self):
        """The call's speakers in index order (the index segments name as their speaker), as
        Participant with the role's name ("seller") and the display name (the id when none was given)."""
        native = _capi.parley_participant(struct_size=sizeof(_capi.parley_participant))
        participants = []
        for index in range(self.info.participant_count):
            check(_capi.parley_call_get_participant(self._handle, index, byref(native)))
            participants.append(Participant(id=_text(native, "id"), role=enum_name(Role, native.role),
                                            display_name=_text(native, "display_name"),
                                            crm_id=_text(native, "crm_id")))
        return participants

    @property
    def id(self):
        return self.info.id

    def to_json(self):
        """The call in parley's own JSON transcript form."""
        out = c_void_p()
        check(_capi.parley_call_to_json(self._handle, byref(out)))
        return take_string(out)

    def to_dict(self):
        return json.loads(self.to_json())

    @property
    def warnings(self):
        """The reader's warnings: dicts with "source", "line", "json_path", "message"."""
        out = c_void_p()
        check(_capi.parley_call_warnings_json(self._handle, byref(out)))
        return take_json(out)

    def __repr__(self):
        if self.closed:
            return "<parley.Call closed>"
        info = self.info
        return f"<parley.Call {info.id!r}: {info.participant_count} participants, {info.segment_count} segments>"

