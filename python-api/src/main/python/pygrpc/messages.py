"""Message: what calls return. Fields read as attributes; the rest as protobuf Python has it."""

from pygrpc import _host


class Message:
    """A protobuf message returned by a call (or built with Client.message).

    Fields read as attributes (reply.name), as natural Python values: enums by value name,
    bytes as bytes, repeated fields as lists, maps as dicts, Timestamp as an aware datetime,
    Duration as a timedelta, wrappers as their value, Struct as a dict. Messages are read-only;
    pass one (or a dict) to a call to send it. As in protobuf Python: HasField(name), ==,
    str() gives the text format; and to_dict() / to_json() give the protobuf JSON mapping.
    """

    __slots__ = ('_pygrpc_view',)

    def __init__(self, view):
        _set_view(self, view)

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        return _field(self._pygrpc_view, name)

    def __setattr__(self, name, value):
        raise AttributeError('%s messages are read-only; cannot set "%s" (build a new request '
                             'instead)' % (self._pygrpc_view.typeName(), name))

    __delattr__ = __setattr__

    def HasField(self, name: str) -> bool:  # noqa: N802 (protobuf Python's name)
        """Whether a field with presence (a message, a oneof member, an optional scalar) is
        set."""
        return self._pygrpc_view.has(name)

    def to_json(self, *, preserving_proto_field_name: bool = False,
                including_default_value_fields: bool = False, indent: bool = True) -> str:
        """The protobuf JSON mapping (camelCase names, int64 as strings, enums by name)."""
        return self._pygrpc_view.json(preserving_proto_field_name,
                                      including_default_value_fields, indent)

    def to_dict(self, *, preserving_proto_field_name: bool = False,
                including_default_value_fields: bool = False) -> dict:
        """The JSON mapping as a dict, as protobuf's MessageToDict gives it."""
        import json
        return json.loads(self.to_json(preserving_proto_field_name=preserving_proto_field_name,
                                       including_default_value_fields=including_default_value_fields,
                                       indent=False))

    @property
    def DESCRIPTOR_NAME(self) -> str:  # noqa: N802
        """The full name of the message type, e.g. 'helloworld.HelloReply'."""
        return self._pygrpc_view.typeName()

    def __eq__(self, other):
        if not isinstance(other, Message):
            return NotImplemented
        return self._pygrpc_view.same(other._pygrpc_view)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None  # like protobuf messages: compared by value, not hashable

    def __repr__(self):
        return self._pygrpc_view.repr()

    def __str__(self):
        return self._pygrpc_view.text()

    def __dir__(self):
        return list(self._pygrpc_view.fields()) + ['HasField', 'to_dict', 'to_json',
                                                    'DESCRIPTOR_NAME']


_set_view = Message._pygrpc_view.__set__  # the slot itself: __setattr__ refuses writes
# The host's field reader, bound once (see HostBridge.field).
_field = _host.bridge.field

# A subclass of Message per message type, with a property per field: reading reply.name then
# skips the failed lookup that leads to __getattr__ (GraalPy: 9 µs a read became 7 µs).
# Fields named like Message's own attributes, or starting with '_', stay with __getattr__.
_classes = {}


def message_class(type_name, view):
    """The Message subclass for the full type name (made from view's fields once)."""
    cls = _classes.get(type_name)
    if cls is None:
        package, _, short = type_name.rpartition('.')
        # Shown as the .proto name: <class 'helloworld.HelloReply'>.
        attributes = {'__slots__': (), '__module__': package or 'pygrpc'}
        for name in view.fields():
            if not name.startswith('_') and not hasattr(Message, name):
                attributes[name] = property(_reader(name))
        cls = _classes[type_name] = type(short, (Message,), attributes)
    return cls


def _reader(name):
    def read(self):
        return _field(self._pygrpc_view, name)
    return read


def make_message(view, type_name):
    """A view of the host's as its type's Message (what nested fields and helpers give)."""
    return message_class(type_name, view)(view)


def class_of(view):
    """The Message subclass for a view's type (asks the host its type name: call sites keep
    the class of their first reply, as all of theirs are of one type)."""
    return message_class(view.typeName(), view)


def make_datetime(seconds, nanos):
    import datetime
    return (datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
            + datetime.timedelta(microseconds=nanos // 1000))


def make_timedelta(seconds, nanos):
    import datetime
    return datetime.timedelta(seconds=seconds, microseconds=nanos // 1000)
