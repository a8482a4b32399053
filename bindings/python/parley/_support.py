"""What the classes share: arguments turned into C text, strings parley returns, handles, tables."""
import json
import math
import os
from ctypes import c_void_p, string_at

from . import _capi


def text_arg(value):
    """(bytes or None, length) for a `const char *` + length pair: str is UTF-8, bytes as given,
    a path-like object as the file system spells it, None the empty text."""
    if value is None:
        return None, 0
    if isinstance(value, str):
        data = value.encode("utf-8")
    elif isinstance(value, (bytes, bytearray)):
        data = bytes(value)
    elif isinstance(value, os.PathLike):
        data = os.fsencode(value)
    else:
        raise TypeError(f"parley: expected str, bytes or a path, got {type(value).__name__}")
    return data, len(data)


def json_arg(value):
    """A JSON document argument: a dict or list is written as JSON, a str is taken as JSON text,
    None is (NULL, 0): the defaults."""
    if value is None or isinstance(value, (str, bytes)):
        return text_arg(value)
    return text_arg(json.dumps(value))


def take_string(pointer):
    """The text of a `char *` parley returned, released with parley_string_free. None for NULL."""
    if not pointer.value:
        return None
    try:
        return string_at(pointer.value).decode("utf-8")
    finally:
        _capi.parley_string_free(pointer.value)


def take_json(pointer):
    text = take_string(pointer)
    return None if text is None else json.loads(text)


def enum_arg(enum_class, value):
    """An enum given as its member, its int value or its lower-case name ("seller")."""
    if isinstance(value, str):
        try:
            return enum_class[value.upper()]
        except KeyError:
            names = ", ".join(m.name.lower() for m in enum_class)
            raise ValueError(f"parley: '{value}' is not a {enum_class.__name__} ({names})") from None
    return enum_class(value)


def enum_name(enum_class, value):
    """The lower-case name the JSON documents use ("seller", "positive"); the int if unknown."""
    try:
        return enum_class(value).name.lower()
    except ValueError:
        return int(value)


def or_none(value):
    """None for NaN: the C ABI's "does not apply"."""
    return None if isinstance(value, float) and math.isnan(value) else value


def nan_if_none(value):
    return math.nan if value is None else value


class Handle:
    """An object owning one parley handle, released by close(), by leaving a `with` block, or when
    the object is collected. Using it after close() raises ValueError."""

    _free = None  # the generated function that releases the handle

    def __init__(self, pointer):
        self._pointer = c_void_p(pointer)

    @property
    def _handle(self):
        if not self._pointer.value:
            raise ValueError(f"parley: this {type(self).__name__} is closed")
        return self._pointer

    @property
    def closed(self):
        return not self._pointer.value

    def close(self):
        pointer = getattr(self, "_pointer", None)
        if pointer is not None and pointer.value:
            self._pointer = c_void_p()
            type(self)._free(pointer)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:  # at interpreter exit the module's globals may already be gone
            pass


class Table(list):
    """A list of rows (dicts) from a JSON result, with to_pandas()."""

    def to_pandas(self):
        return to_pandas(self)


def to_pandas(rows):
    """A pandas DataFrame of a list of dicts (nested objects flattened with '.' in the names)."""
    try:
        import pandas
    except ImportError:
        raise ImportError("parley: to_pandas() needs pandas, which is not installed "
                          "(Debian: apt install python3-pandas; else pip install pandas)") from None
    return pandas.json_normalize(list(rows)) if rows else pandas.DataFrame()


def as_table(value):
    """A JSON array as a Table; anything else as it is."""
    return Table(value) if isinstance(value, list) else value

