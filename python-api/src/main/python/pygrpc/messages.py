"""Message: what calls return. Fields read as attributes; the rest as protobuf Python has it."""

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
        return self._pygrpc_view.get(name)

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


def make_datetime(seconds, nanos):
    import datetime
    return (datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
            + datetime.timedelta(microseconds=nanos // 1000))


def make_timedelta(seconds, nanos):
    import datetime
    return datetime.timedelta(seconds=seconds, microseconds=nanos // 1000)
