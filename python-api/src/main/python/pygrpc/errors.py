"""The exceptions scripts see. RPC failures mirror grpcio's RpcError; usage mistakes raise the
built-in exception that fits (ValueError, TypeError, LookupError, ModuleNotFoundError)."""

class _StatusCodes(type):
    # The enum-like class behaviour grpcio users rely on (StatusCode['OK'], iteration,
    # StatusCode((5, 'not found'))), without importing enum: ~0.4 s of every script's start-up
    # in the interpreter.
    def __getitem__(cls, name):
        return cls._by_name[name]

    def __iter__(cls):
        return iter(cls._by_name.values())

    def __len__(cls):
        return len(cls._by_name)

    def __call__(cls, value):
        for member in cls._by_name.values():
            if member.value == value or member.value[0] == value:
                return member
        raise ValueError('%r is not a valid StatusCode' % (value,))


class StatusCode(metaclass=_StatusCodes):
    """gRPC status codes, named and valued as in grpcio: StatusCode.NOT_FOUND.name is
    'NOT_FOUND', .value is (5, 'not found')."""

    __slots__ = ('name', 'value')
    _by_name = {}

    def __repr__(self):
        return '<StatusCode.%s: %r>' % (self.name, self.value)

    def __str__(self):
        return 'StatusCode.' + self.name

    def __reduce__(self):
        return StatusCode.__getitem__, (self.name,)


for _number, _name in enumerate((
        'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND',
        'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION',
        'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS',
        'UNAUTHENTICATED')):
    _member = object.__new__(StatusCode)
    _member.name = _name
    _member.value = (_number, _name.lower().replace('_', ' '))
    StatusCode._by_name[_name] = _member
    setattr(StatusCode, _name, _member)


class RpcError(Exception):
    """A call that ended with a non-OK status, with what grpcio's RpcError offers: code(),
    details(), initial_metadata(), trailing_metadata(), debug_error_string(), and the server's
    rich error details (google.rpc ErrorInfo, BadRequest, RetryInfo, ...) as error_details()."""

    def __init__(self, code: StatusCode, details: str, message: str, info=None):
        super().__init__(message)
        self._code = code
        self._details = details
        self._info = info

    def code(self) -> StatusCode:
        """The status code, a StatusCode member."""
        return self._code

    def details(self) -> str:
        """The status message the server (or the transport) gave."""
        return self._details

    def initial_metadata(self) -> tuple:
        """The response headers as (key, value) pairs; empty when none arrived."""
        return metadata_pairs(self._info.headers()) if self._info is not None else ()

    def trailing_metadata(self) -> tuple:
        """The trailers as (key, value) pairs (values of -bin keys are bytes)."""
        return metadata_pairs(self._info.trailers()) if self._info is not None else ()

    def debug_error_string(self) -> str:
        """A technical one-line account of the failure."""
        return self._info.debugErrorString() if self._info is not None else ''

    def error_details(self) -> list:
        """The details of the server's google.rpc.Status (from grpc-status-details-bin):
        ErrorInfo, BadRequest, RetryInfo, ... messages; empty when it sent none."""
        return list(self._info.errorDetails()) if self._info is not None else []


def metadata_pairs(host_pairs) -> tuple:
    # The host gives [name, value] lists; binary values come as byte sequences.
    return tuple((name, value if isinstance(value, str) else bytes(value))
                 for name, value in host_pairs)


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
    'permission': PermissionError,
    'timeout': TimeoutError,
    'internal': InternalError,
}


def make_error(kind, message, code, details, info):
    # Called by the host to build the exception it then raises in the script.
    if kind == 'rpc':
        return RpcError(StatusCode[code], details, message, info)
    if kind == 'interrupt':
        return KeyboardInterrupt()  # Ctrl-C while the host waited; no message, as Python's
    return _USAGE[kind](message)
