"""Client: one object for calling a gRPC server, as the 2015 pygrpc had it."""

import os
import sys

from pygrpc import _host


class Client:
    """A connection to one gRPC server and the schema loaded for it.

    Client('localhost', 50051) or Client('localhost:50051'). The channel is plaintext, as in
    the original pygrpc.
    """

    def __init__(self, host: str, port: int = None):
        self._binding = _host.bridge.connect(host, port)

    @property
    def target(self) -> str:
        """The target as given, e.g. 'localhost:50051'."""
        return self._binding.target()

    def load(self, module: str) -> list:
        """Loads the schema from a protoc-generated module ('helloworld_pb2'), found the way
        Python's import would find it; the module is read, never run. Returns the names of the
        services it defines."""
        return list(self._binding.load(module, _search_path()))

    def request(self, method: str, *args, **fields):
        """Calls a method by name ('SayHello', 'helloworld.Greeter/SayHello') with the request
        given as keyword arguments, a dict, or a message, and returns the reply."""
        if not args:
            return self._binding.request(method, fields)
        if len(args) > 1:
            raise TypeError('request() takes the method and one request (a dict or a message), '
                            'got %d positional requests' % len(args))
        if fields:
            if not isinstance(args[0], dict):
                raise TypeError('request() takes either a request object or keyword fields, '
                                'not both')
            merged = dict(args[0])
            merged.update(fields)
            return self._binding.request(method, merged)
        return self._binding.request(method, args[0])

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


_RUNTIME_DIRS = (sys.base_prefix, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _search_path() -> list:
    # Where Python's import would look: the script's folder (sys.path[0]), the working folder
    # ('' in sys.path), the rest of sys.path. The interpreter's and pygrpc's own folders hold
    # no generated modules, so leaving them out keeps "not found" messages short.
    cwd = os.getcwd()
    paths = []
    for entry in sys.path[:1] + [cwd] + sys.path[1:]:
        if not isinstance(entry, str):
            continue
        entry = cwd if entry == '' else entry
        if entry not in paths and not entry.startswith(_RUNTIME_DIRS):
            paths.append(entry)
    return paths
