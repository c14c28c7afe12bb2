"""Client: one object for calling a gRPC server, as the 2015 pygrpc had it."""

import sys

from pygrpc import _host
from pygrpc._paths import dirname, getcwd
from pygrpc.streams import Call, Future, Results


class Client:
    """A connection to one gRPC server and the schema loaded for it.

    Client('localhost', 50051) or Client('localhost:50051'). The channel is plaintext, as in
    the original pygrpc, except for port 443 and https:// targets, which use TLS; tls=True
    forces TLS (verified against the system's CAs, or ca=), cert= and key= add a client
    certificate (mutual TLS), server_name= overrides the name verified; each of ca, cert and
    key is a file path or PEM bytes. insecure_skip_verify=True trusts any certificate (testing
    only; it warns). token= is a bearer token, or a function called as each call starts (for
    tokens that expire), sent as 'authorization: Bearer ...' on every call, reflection included.
    Targets may also be gRPC URIs: dns:///host:port, or fixed lists
    ipv4:10.0.0.1:50051,10.0.0.2:50051 that load_balancing='round_robin' spreads calls over.
    retry={'attempts': 4, 'initial_backoff': 0.1, 'max_backoff': 1, 'multiplier': 2,
    'codes': ['UNAVAILABLE']} retries failed calls; service_config= (JSON or a dict) is passed to
    gRPC as is; keepalive_time/keepalive_timeout/idle_timeout are seconds;
    max_receive_message_size and max_send_message_size are bytes. metadata (a dict or (name, value) pairs) is sent with every call, schema
    reflection included: Client(target, metadata={'authorization': 'Bearer ...'}). timeout,
    wait_for_ready and compression set defaults for every call. In a JVM application that
    embeds pygrpc, Client(channel='name') uses a channel the application made.
    """

    def __init__(self, host: str = None, port: int = None, *, channel: str = None, metadata=None, timeout: float = None,
                 wait_for_ready: bool = None, compression: str = None, tls: bool = None,
                 ca=None, cert=None, key=None, server_name: str = None,
                 insecure_skip_verify: bool = False, load_balancing: str = None,
                 service_config=None, retry: dict = None, keepalive_time: float = None,
                 keepalive_timeout: float = None, max_receive_message_size: int = None,
                 max_send_message_size: int = None, idle_timeout: float = None, token=None):
        defaults = _options(timeout, None, wait_for_ready, compression)
        if channel is not None:
            # A channel the embedding application made (its target, TLS and credentials).
            if host is not None or port is not None:
                raise TypeError('Client: give a target or channel=, not both')
            self._binding = _host.bridge.attach(channel, _pairs(metadata), defaults)
            self._call = self._binding.request
            self._call_keywords = self._binding.requestKeywords
            return
        if host is None:
            raise TypeError("Client: missing the target, e.g. Client('localhost', 50051) or "
                            "Client('localhost:50051')")
        channel = {'tls': tls, 'ca': ca, 'cert': cert, 'key': key, 'server_name': server_name,
                   'insecure_skip_verify': bool(insecure_skip_verify),
                   'load_balancing': load_balancing, 'service_config': service_config,
                   'retry': retry, 'keepalive_time': keepalive_time,
                   'keepalive_timeout': keepalive_timeout,
                   'max_receive_message_size': max_receive_message_size,
                   'max_send_message_size': max_send_message_size,
                   'idle_timeout': idle_timeout, 'token': token}
        if not any(v for v in channel.values()):
            channel = None  # the common case crosses to the host with nothing to read
        self._binding = _host.bridge.connect(host, port, _pairs(metadata), defaults, channel)
        # The host's call methods, looked up once: request() is the loop a script spends its
        # time in, and each lookup on a host object is a call across to the JVM.
        self._call = self._binding.request
        self._call_keywords = self._binding.requestKeywords

    @property
    def target(self) -> str:
        """The target as given, e.g. 'localhost:50051'."""
        return self._binding.target()

    def load(self, source: str = None, *, kind: str = None, proto_path: list = None) -> list:
        """Loads a schema and returns the names of the services it defines.

        source is one of:
          - a protoc-generated module ('helloworld_pb2'), found the way Python's import would
            find it, and read, never run;
          - a .proto file ('protos/route_guide.proto'), compiled here with no protoc needed;
            imports are searched on proto_path (a list of folders; by default the script's
            folder and the working folder), and google/protobuf/*.proto are built in;
          - a descriptor set ('api.protoset', '.pb', '.desc', '.bin': protoc
            --descriptor_set_out or buf build output).
        kind='pb2', 'proto' or 'descriptor_set' says which when the name does not.
        With no source, the schema comes from the server's reflection service.
        """
        if source is None:
            return self.reflect()
        if isinstance(proto_path, str):
            proto_path = [proto_path]
        return _report(self._binding.load(source, kind, _search_path(),
                                          None if proto_path is None else list(proto_path)))

    def reflect(self) -> list:
        """Loads the server's schema over its reflection service (grpc.reflection.v1, or
        v1alpha); files are fetched as methods are first used. Returns the service names."""
        return _report(self._binding.reflect())

    def services(self) -> list:
        """The full names of every loaded service, sorted."""
        return list(self._binding.services())

    def methods(self, service: str) -> list:
        """The full names of a service's methods, e.g. ['helloworld.Greeter.SayHello']."""
        return list(self._binding.methods(service))

    def describe(self, symbol: str) -> str:
        """A service, method, message or enum as .proto-like text."""
        return self._binding.describe(symbol)

    def message(self, type_name: str, *args, **fields):
        """Builds a message of the named type ('HelloRequest' or 'helloworld.HelloRequest')
        from keyword fields or a dict, without calling anything."""
        return self._binding.message(type_name, _request(args, fields))

    def request(self, method: str, *args, **fields):
        """Calls a method by name ('SayHello', 'helloworld.Greeter/SayHello').

        The request is keyword arguments, a dict, or a message; for client-streaming and bidi
        methods, an iterable of them (a list, or a generator). Unary and client-streaming calls
        return the reply (with with_call=True, a (reply, call) pair); server-streaming and bidi
        calls return an iterator of replies.

        timeout (seconds), metadata (dict or (name, value) pairs; -bin names take bytes),
        wait_for_ready and compression ('gzip') apply to this call, over the client's defaults.
        A field named like one of these goes in the dict: request('M', {'timeout': 5}).
        """
        # One **fields dict: keyword-only parameters cost every call a second round of argument
        # matching in the interpreter. The host looks for call options among the fields as it
        # converts them, and gives None, having sent nothing, when there are some (checking
        # here cost 2-6 us a call). A reply is the host's view of it, typed as its Message
        # class; a stream is its Responses iterator.
        if not args:
            reply = self._call_keywords(method, fields)
            if reply is not None:
                return reply
        return self._request_with_options(method, args, fields)

    def _request_with_options(self, method, args, fields):
        # request() with a positional request or call options (or a streamed request).
        with_call = bool(fields.pop('with_call', False))
        options = _options(fields.pop('timeout', None), fields.pop('metadata', None),
                           fields.pop('wait_for_ready', None), fields.pop('compression', None))
        request = _request(args, fields)
        if with_call:
            reply, info = self._binding.requestWithCall(method, request, options)
            return reply, Call(info)
        return self._call(method, request, options)

    def map(self, method: str, requests, *, concurrency: int = 64, timeout: float = None,
            metadata=None, wait_for_ready: bool = None, compression: str = None,
            return_exceptions: bool = False) -> Results:
        """Calls a unary method once per request (dicts or messages, from any iterable, read
        only as calls are started), at most `concurrency` at a time, and gives the replies in
        the order of the requests:

            for reply in client.map('SayHello', ({'name': n} for n in names)):
                ...

        A failed call raises its RpcError in its turn, and the others go on; with
        return_exceptions=True the RpcError object stands in its place instead. timeout and
        metadata apply to each call."""
        options = _options(timeout, metadata, wait_for_ready, compression)
        return Results(self._binding.map(method, requests, options, concurrency),
                       return_exceptions)

    def future(self, method: str, *args, timeout: float = None, metadata=None,
               wait_for_ready: bool = None, compression: str = None, **fields) -> Future:
        """Starts a unary call and returns at once; future.result() waits for the reply."""
        request = _request(args, fields)
        options = _options(timeout, metadata, wait_for_ready, compression)
        return Future(self._binding.future(method, request, options))

    def close(self) -> None:
        """Closes the channel. Calls after this fail."""
        self._binding.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        return 'Client(%r)' % self.target


def _pairs(metadata):
    if metadata is None:
        return None
    if isinstance(metadata, dict):
        metadata = metadata.items()
    return [list(pair) for pair in metadata]


def _options(timeout, metadata, wait_for_ready, compression):
    # None when nothing is set: the common call crosses to the host with no options at all.
    if timeout is None and metadata is None and wait_for_ready is None and compression is None:
        return None
    return {'timeout': timeout, 'metadata': _pairs(metadata), 'wait_for_ready': wait_for_ready,
            'compression': compression}


def _request(args: tuple, fields: dict):
    # One request object, or keyword fields, or a dict merged with keyword fields.
    if not args:
        return fields
    if len(args) > 1:
        raise TypeError('takes one request (a dict or a message), got %d' % len(args))
    if not fields:
        return args[0]
    if not isinstance(args[0], dict):
        raise TypeError('takes either a request object or keyword fields, not both')
    merged = dict(args[0])
    merged.update(fields)
    return merged


def _report(loaded) -> list:
    # The host appends what it could not load as '!...' entries: warn, like Python does.
    services = []
    for entry in loaded:
        if entry.startswith('!'):
            print('pygrpc: warning: ' + entry[1:], file=sys.stderr)
        else:
            services.append(entry)
    return services


# __file__ is absolute: the host gives the package's folder as an absolute python.PythonPath.
_RUNTIME_DIRS = (sys.base_prefix, dirname(dirname(__file__)))


def _search_path() -> list:
    # Where Python's import would look: the script's folder (sys.path[0]), the working folder
    # ('' in sys.path), the rest of sys.path. The interpreter's and pygrpc's own folders hold
    # no generated modules, so leaving them out keeps "not found" messages short.
    cwd = getcwd()
    paths = []
    for entry in sys.path[:1] + [cwd] + sys.path[1:]:
        if not isinstance(entry, str):
            continue
        entry = cwd if entry == '' else entry
        if entry not in paths and not entry.startswith(_RUNTIME_DIRS):
            paths.append(entry)
    return paths
