"""Hands the host the functions it uses to make this package's objects and Python values."""

from pygrpc import _host
from pygrpc.errors import make_error
from pygrpc.messages import make_datetime, make_timedelta, view_classes, view_type
from pygrpc.streams import Responses

_host.bridge.install({
    'make_error': make_error,
    'make_stream': Responses,
    'view_classes': view_classes,
    'view_type': view_type,
    'make_bytes': lambda latin1: latin1.encode('latin-1'),  # one char per byte
    'make_datetime': make_datetime,
    'make_timedelta': make_timedelta,
    'make_list': list,
    'make_dict': lambda keys, values: dict(zip(keys, values)),
})
