"""Message: what calls return. Fields read as attributes; the rest as protobuf Python has it."""

from _functools import partial  # functools itself imports abc and more, at start-up

from polyglot import register_interop_type

from pygrpc import _host


class Message:
    """A protobuf message returned by a call (or built with Client.message).

    Fields read as attributes (reply.name), as natural Python values: enums by value name,
    bytes as bytes, repeated fields as lists, maps as dicts, Timestamp as an aware datetime,
    Duration as a timedelta, wrappers as their value, Struct as a dict. Messages are read-only;
    pass one (or a dict) to a call to send it. As in protobuf Python: HasField(name), ==,
    str() gives the text format; and to_dict() / to_json() give the protobuf JSON mapping.
    Each message type has its class, a subclass of this one: type(reply).__name__ is
    'HelloReply'.
    """

    # A message is the host's view of it, typed as this class's subclass for its type (see
    # view_type): no Python object is made per reply. So self is a host object, and these
    # methods reach it through the bridge's functions.
    __slots__ = ()

    def __getattr__(self, name):
        # Fields without a property: named like an attribute of this class, starting with '_',
        # or of a type past the host's classes (see ViewTypes).
        if name.startswith('__'):
            raise AttributeError(name)
        return _field(name, self)

    def __setattr__(self, name, value):
        raise AttributeError('%s messages are read-only; cannot set "%s" (build a new request '
                             'instead)' % (_views.typeName(self), name))

    __delattr__ = __setattr__

    def HasField(self, name: str) -> bool:  # noqa: N802 (protobuf Python's name)
        """Whether a field with presence (a message, a oneof member, an optional scalar) is
        set."""
        return _views.has(self, name)

    def to_json(self, *, preserving_proto_field_name: bool = False,
                including_default_value_fields: bool = False, indent: bool = True) -> str:
        """The protobuf JSON mapping (camelCase names, int64 as strings, enums by name)."""
        return _views.json(self, preserving_proto_field_name, including_default_value_fields,
                           indent)

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
        return _views.typeName(self)

    def __eq__(self, other):
        if not isinstance(other, Message):
            return NotImplemented
        return _views.same(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None  # like protobuf messages: compared by value, not hashable

    def __repr__(self):
        return _views.repr(self)

    def __str__(self):
        return _views.text(self)

    def __dir__(self):
        return list(_views.fields(self)) + ['HasField', 'to_dict', 'to_json', 'DESCRIPTOR_NAME']

    # Read-only, so a copy is the message itself, as for a tuple.
    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_views = _host.bridge.views()
# The host's field reader, bound once: (name, view), so a property can hold it in a partial,
# which GraalPy runs without a Python frame (a read: ~1.3 µs, against ~2.6 with a function).
_field = _views.field


# The Python class of each of the host's view classes (see ViewTypes), a Message subclass each,
# registered at once: registering a class later would make GraalPy drop the classes it made
# for the views out so far, so their type(), and isinstance() with it, would change.
_slots = []


def view_classes(java_classes):
    """Called by the host once, with its view classes: the last is shared by the types past
    the others, and is typed as Message itself."""
    for java_class in java_classes[:-1]:
        cls = type('Message', (Message,), {'__slots__': ()})
        register_interop_type(java_class, cls)
        _slots.append(cls)
    register_interop_type(java_classes[-1], Message)
    _slots.append(Message)


def view_type(index, view):
    """Called by the host with the first view of a type: makes the class at index that type's
    Message class, with a property per field (a read then skips the failed lookup that leads
    to __getattr__)."""
    cls = _slots[index]
    if cls is Message:
        package, short = 'pygrpc', 'Message'
    else:
        package, _, short = _views.typeName(view).rpartition('.')
        for name in _views.fields(view):
            if not name.startswith('_') and not hasattr(Message, name):
                setattr(cls, name, property(partial(_field, name)))
        cls.__name__ = cls.__qualname__ = short
        cls.__module__ = package or 'pygrpc'
    # GraalPy gives the views a class of its own, a subclass of cls: shown as the .proto
    # name, <class 'helloworld.HelloReply'>.
    made = type(view)
    made.__name__ = made.__qualname__ = short
    made.__module__ = package or 'pygrpc'


def make_datetime(seconds, nanos):
    import datetime
    return (datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
            + datetime.timedelta(microseconds=nanos // 1000))


def make_timedelta(seconds, nanos):
    import datetime
    return datetime.timedelta(seconds=seconds, microseconds=nanos // 1000)
