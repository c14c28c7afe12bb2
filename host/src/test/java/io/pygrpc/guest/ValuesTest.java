package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Natural Python values in and out: well-known types, bytes, messages' protobuf methods. */
class ValuesTest extends DemoScriptTest {
  @Test
  void wellKnownTypes_fromAndToNaturalValues() {
    assertEquals("""
        2024-01-31 12:00:00.500000+00:00 0:01:30.000005 {'a': [1.0, 'x', None, True]} nick
        ['a', 'b.c'] [1.0, {'k': 'v'}] type.googleapis.com/pygrpc.demo.Point
        2024-01-31 12:00:00+00:00 0:00:01.500000 ['x', 'y.z'] 0:00:02.250000
        None None None None
        """, echoOutput("""
        p = client.message('Point', x=1, y=2)
        r = client.request('Echo',
            at=datetime.datetime(2024, 1, 31, 12, 0, 0, 500000, tzinfo=datetime.timezone.utc),
            wait=datetime.timedelta(seconds=90, microseconds=5), extra={'a': [1, 'x', None, True]},
            nickname='nick', mask=['a', 'b.c'], anything=[1, {'k': 'v'}], attachment=p)
        print(r.at, r.wait, r.extra, r.nickname)
        print(r.mask.paths, r.anything, r.attachment.type_url)
        s = client.request('Echo', at='2024-01-31T12:00:00Z', wait='1.5s', mask='x,y.z')
        print(s.at, s.wait, s.mask.paths, client.request('Echo', wait=2.25).wait)
        empty = client.request('Echo')
        print(empty.at, empty.wait, empty.nickname, empty.extra)
        """));
  }

  @Test
  void replies_areOfAClassPerMessageType_whateverCallMadeThem() {
    assertEquals("""
        <class 'pygrpc.demo.Record'> <class 'pygrpc.demo.Point'> Record True
        True True True True True Tick
        n 1 0 True
        AttributeError: pygrpc.demo.Record messages are read-only; cannot set "name" (build a \
        new request instead)
        AttributeError: pygrpc.demo.Point has no field named "nope"; its fields are: x, y
        """, echoOutput("""
        client.load('demo.route_pb2')
        r = client.request('Echo', name='n', where={'x': 1})
        print(type(r), type(r.where), type(r).__name__, issubclass(type(r), Message))
        f = client.future('Echo', name='f')
        print(type(r) is type(client.request('Echo', name='m')),
              type(r) is type(client.message('Record')),
              type(r) is type(next(iter(client.map('Echo', [{'name': 'a'}])))),
              type(r) is type(f.result()),
              type(r) is type(client.request('Echo', with_call=True)[0]),
              type(next(iter(client.request('Ticks', count=1)))).__name__)
        print(r.name, r.where.x, r.count, r.HasField('where'))
        def assign():
            r.name = 'x'
        attempt(assign)
        attempt(lambda: r.where.nope)
        """));
  }

  @Test
  void wellKnownTypes_badValuesSayWhatWasExpected() {
    assertEquals("""
        ValueError: pygrpc.demo.Record.at: expected an RFC 3339 date-time such as \
        "2024-01-31T12:00:00Z", got str "yesterday"
        TypeError: pygrpc.demo.Record.wait: expected a timedelta, a number of seconds or a string \
        such as "1.5s", got list
        ValueError: pygrpc.demo.Record.number: expected at most one field of oneof choice, got \
        both label and number
        LookupError: pygrpc.demo.Record.attachment.@type: expected a message type the client has \
        loaded, got "nope.Missing"
        TypeError: pygrpc.demo.Record.extra["a"]: expected a JSON-like value (dict, list, str, \
        number, bool or None), got object
        """, echoOutput("""
        attempt(lambda: client.request('Echo', at='yesterday'))
        attempt(lambda: client.request('Echo', wait=[1]))
        attempt(lambda: client.request('Echo', label='a', number=2))
        attempt(lambda: client.request('Echo', attachment={'@type': 'nope.Missing'}))
        attempt(lambda: client.request('Echo', extra={'a': object()}))
        """));
  }

  @Test
  void messages_behaveAsProtobufPythonOnes() {
    assertEquals("""
        Record(name: "n" data: "\\000\\377" where { x: 1 } tags: "a" scores { key: "k" value: 2 })
        name: "n"
        b'\\x00\\xff' ['a'] {'k': 2} 1 True
        True False True False True
        {'name': 'n', 'data': 'AP8=', 'where': {'x': 1}, 'tags': ['a'], 'scores': {'k': 2}}
        {"name":"n","data":"AP8=","where":{"x":1},"tags":["a"],"scores":{"k":2}}
        {'name': 'n', 'count': 0}
        AttributeError: field "name" of pygrpc.demo.Record has no presence (a proto3 field \
        without 'optional')
        TypeError: unhashable type: 'Record'
        """, echoOutput("""
        r = client.request('Echo', name='n', data=b'\\x00\\xff', tags=['a'], scores={'k': 2},
                           where={'x': 1})
        print(repr(r))
        print(str(r).splitlines()[0])
        print(r.data, r.tags, r.scores, r.where.x, isinstance(r, Message))
        print(r == client.request('Echo', r), r != r, r.HasField('where'), r.HasField('at'),
              client.request('Echo', label='x').HasField('label'))
        print(r.to_dict())
        print(r.to_json(indent=False))
        d = client.request('Echo', name='n').to_dict(including_default_value_fields=True)
        print({k: d[k] for k in ('name', 'count')})
        attempt(lambda: r.HasField('name'))
        attempt(lambda: {r})
        """));
  }
}
