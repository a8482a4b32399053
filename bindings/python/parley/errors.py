"""parley's failures as exceptions: one class per parley_status, all of them ParleyError."""
from . import _capi
from ._capi import Status


class ParleyError(Exception):
    """A parley call failed: `status` (a parley.Status), `status_name` ("parse", "not_permitted"...) and
    `message`, the library's text naming what was wrong and where."""

    def __init__(self, status, message):
        try:
            self.status = Status(status)
        except ValueError:  # a status a newer library added
            self.status = int(status)
        self.status_name = _capi.parley_status_name(int(status)).decode("utf-8")
        self.message = message
        super().__init__(f"{message} [{self.status_name}]")


class InvalidArgumentError(ParleyError, ValueError):
    """A NULL, out-of-range or malformed argument or option."""


class ParseError(ParleyError):
    """A malformed file or document."""


class InvalidUtf8Error(ParleyError, ValueError):
    """Text that is not UTF-8."""


class LimitExceededError(ParleyError):
    """Input beyond a documented size limit."""


class NotFoundError(ParleyError, LookupError):
    """A named object does not exist."""


class NotPermittedError(ParleyError):
    """Outside the viewer's scope."""


class IoError(ParleyError):
    """A file could not be read or written."""


class StorageError(ParleyError):
    """The database reported an error."""


class InternalError(ParleyError):
    """A bug in parley."""


class OutOfMemoryError(ParleyError, MemoryError):
    """An allocation failed."""


ERROR_CLASSES = {
    Status.INVALID_ARGUMENT: InvalidArgumentError,
    Status.PARSE: ParseError,
    Status.INVALID_UTF8: InvalidUtf8Error,
    Status.LIMIT_EXCEEDED: LimitExceededError,
    Status.NOT_FOUND: NotFoundError,
    Status.NOT_PERMITTED: NotPermittedError,
    Status.IO: IoError,
    Status.STORAGE: StorageError,
    Status.INTERNAL: InternalError,
    Status.OUT_OF_MEMORY: OutOfMemoryError,
}


def error_for(status):
    """The exception for a status the library returned, with the calling thread's message."""
    message = _capi.parley_last_error_message().decode("utf-8", "replace")
    return ERROR_CLASSES.get(status, ParleyError)(status, message)


def check(status):
    """Raises the status's exception unless it is PARLEY_OK."""
    if status != _capi.PARLEY_OK:
        raise error_for(status)
