"""Hands the host the functions it uses to make this package's objects."""

from pygrpc import _host
from pygrpc.errors import make_error
from pygrpc.streams import Responses

_host.bridge.install({
    'make_error': make_error,
    'make_stream': Responses,
})
