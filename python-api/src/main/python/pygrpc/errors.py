"""The exceptions scripts see. RPC failures mirror grpcio's RpcError; usage mistakes raise the
built-in exception that fits (ValueError, TypeError, LookupError, ModuleNotFoundError)."""

import enum

from pygrpc import _host


class StatusCode(enum.Enum):
    """gRPC status codes, named and valued as in grpcio."""
    OK = (0, 'ok')
    CANCELLED = (1, 'cancelled')
    UNKNOWN = (2, 'unknown')
    INVALID_ARGUMENT = (3, 'invalid argument')
    DEADLINE_EXCEEDED = (4, 'deadline exceeded')
    NOT_FOUND = (5, 'not found')
    ALREADY_EXISTS = (6, 'already exists')
    PERMISSION_DENIED = (7, 'permission denied')
    RESOURCE_EXHAUSTED = (8, 'resource exhausted')
    FAILED_PRECONDITION = (9, 'failed precondition')
    ABORTED = (10, 'aborted')
    OUT_OF_RANGE = (11, 'out of range')
    UNIMPLEMENTED = (12, 'unimplemented')
    INTERNAL = (13, 'internal')
    UNAVAILABLE = (14, 'unavailable')
    DATA_LOSS = (15, 'data loss')
    UNAUTHENTICATED = (16, 'unauthenticated')


class RpcError(Exception):
    """A call that ended with a non-OK status. Like grpcio's: code(), details()."""

    def __init__(self, code: StatusCode, details: str, message: str):
        super().__init__(message)
        self._code = code
        self._details = details

    def code(self) -> StatusCode:
        """The status code, a StatusCode member."""
        return self._code

    def details(self) -> str:
        """The status message the server (or the transport) gave."""
        return self._details

    def trailing_metadata(self) -> tuple:
        """Trailing metadata as (key, value) pairs."""
        return ()


class DescriptorError(ValueError):
    """A schema file was found but cannot be read as one (corrupt or not a protoc output)."""


class InternalError(RuntimeError):
    """A defect in pygrpc itself; please report it with the script that caused it."""


# Tracebacks name these as the package exports them (pygrpc.RpcError), not by the file.
for _exported in (StatusCode, RpcError, DescriptorError, InternalError):
    _exported.__module__ = 'pygrpc'

_USAGE = {
    'value': ValueError,
    'type': TypeError,
    'lookup': LookupError,
    'attribute': AttributeError,
    'not_found': ModuleNotFoundError,
    'descriptor': DescriptorError,
    'internal': InternalError,
}


def _make_error(kind, message, code, details):
    # Called by the host to build the exception it then raises in the script.
    if kind == 'rpc':
        return RpcError(StatusCode[code], details, message)
    return _USAGE[kind](message)


_host.bridge.install(_make_error)
