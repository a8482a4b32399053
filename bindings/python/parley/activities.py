"""Activities from real mail and calendars: .eml files, folders and mbox files, and iCalendar files,
read into the activities Store.put_activities takes (docs/mail.md, docs/calendars.md)."""
from ctypes import byref, c_void_p
from dataclasses import dataclass

from . import _capi
from ._support import Table, json_arg, take_json, text_arg
from .errors import check


@dataclass(frozen=True)
class ActivityReadError:
    """A message or event that could not be read: the file, where in it ("message 3 (line 120)",
    "VEVENT 2 (line 48)", "" for the whole file) and what was wrong."""
    file: str
    where: str
    message: str


@dataclass(frozen=True)
class ActivityReadResult:
    """What a reader read: the activities (a Table of dicts, the store's form), the errors of the
    messages or events it could not read, and how many it left out on purpose (nobody of ours or of
    the customer's, cancelled meetings, superseded versions)."""
    activities: Table
    errors: list
    skipped: int


def _read(function, *args, read_options):
    out = c_void_p()
    check(function(*args, *json_arg(read_options or None), byref(out)))
    result = take_json(out)
    return ActivityReadResult(Table(result["activities"]),
                              [ActivityReadError(**error) for error in result["errors"]], result["skipped"])


def read_mail(path, **read_options):
    """Reads one .eml file, a folder of them or an mbox file. read_options are ActivityReadOptions
    fields: our_side={"domains": [...], "addresses": [...]}, linking={...}, max_file_bytes..."""
    return _read(_capi.parley_activities_read_mail, *text_arg(path), read_options=read_options)


def parse_mail(message, name=None, **read_options):
    """One message (or an mbox) held in memory (str or bytes); `name` stands for the file in errors."""
    return _read(_capi.parley_activities_parse_mail, *text_arg(message), *text_arg(name), read_options=read_options)


def read_calendar(path, **read_options):
    """Reads an iCalendar file; recurring meetings are expanded over expand_from_ms..expand_to_ms."""
    return _read(_capi.parley_activities_read_calendar, *text_arg(path), read_options=read_options)


def parse_calendar(text, name=None, **read_options):
    """An iCalendar text held in memory; `name` stands for the file in errors."""
    return _read(_capi.parley_activities_parse_calendar, *text_arg(text), *text_arg(name),
                 read_options=read_options)


@dataclass(frozen=True)
class OpportunityReadResult:
    """Opportunities read from their JSON or CSV form (a Table of dicts, the form
    Store.put_opportunities takes) and the errors of the records that could not be read."""
    opportunities: Table
    errors: list


def _read_opportunities(function, *args):
    out = c_void_p()
    check(function(*args, byref(out)))
    result = take_json(out)
    return OpportunityReadResult(Table(result["opportunities"]),
                                 [ActivityReadError(**error) for error in result["errors"]])


def read_activities_json(path, **read_options):
    """Activities in their JSON form (docs/crm-input.md): a bad record is one error ("[3].type"), the
    rest is read. Of read_options, linking (fills the links a record leaves empty) and max_file_bytes
    apply."""
    return _read(_capi.parley_activities_read_json, *text_arg(path), read_options=read_options)


def parse_activities_json(text, name=None, **read_options):
    """Activities in their JSON form held in memory; `name` stands for the file in errors."""
    return _read(_capi.parley_activities_parse_json, *text_arg(text), *text_arg(name), read_options=read_options)


def read_activities_csv(path, **read_options):
    """Activities in their CSV form (docs/crm-input.md): a header row naming the JSON members, one
    activity per row; a bad row is one error ("line 7, column type"), the rest is read."""
    return _read(_capi.parley_activities_read_csv, *text_arg(path), read_options=read_options)


def parse_activities_csv(text, name=None, **read_options):
    """Activities in their CSV form held in memory (str or bytes); `name` stands for the file in errors."""
    return _read(_capi.parley_activities_parse_csv, *text_arg(text), *text_arg(name), read_options=read_options)


def read_opportunities_json(path):
    """Opportunities in their JSON form (docs/crm-input.md)."""
    return _read_opportunities(_capi.parley_opportunities_read_json, *text_arg(path))


def parse_opportunities_json(text, name=None):
    """Opportunities in their JSON form held in memory."""
    return _read_opportunities(_capi.parley_opportunities_parse_json, *text_arg(text), *text_arg(name))


def read_opportunities_csv(path):
    """Opportunities in their CSV form (docs/crm-input.md)."""
    return _read_opportunities(_capi.parley_opportunities_read_csv, *text_arg(path))


def parse_opportunities_csv(text, name=None):
    """Opportunities in their CSV form held in memory (str or bytes)."""
    return _read_opportunities(_capi.parley_opportunities_parse_csv, *text_arg(text), *text_arg(name))
