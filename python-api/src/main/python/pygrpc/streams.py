"""Response streams: what a server-streaming or bidi call returns."""

from pygrpc.errors import RpcError, StatusCode, metadata_pairs
from pygrpc.messages import class_of


class Responses:
    """An iterator over the responses of a streaming call, as grpcio's is: iterate it (each
    response is requested from the server only as you take the previous one), cancel() it, or
    use it in a with block to cancel it when the block ends. Dropping it cancels the call too,
    when the garbage collector gets to it. It also answers what a call does:
    initial_metadata(), trailing_metadata(), code(), details()."""

    __slots__ = ('_stream', '_next', '_class', '_open', '__weakref__')

    def __init__(self, stream):
        self._stream = stream
        # Bound once: a method looked up on a host object costs each call ~2.5 µs more.
        self._next = stream.next
        self._class = None  # of the responses, found on the first
        self._open = True

    def __iter__(self):
        return self

    def __next__(self):
        view = self._next()
        if view is None:
            self._open = False
            raise StopIteration
        cls = self._class
        if cls is None:
            cls = self._class = class_of(view)
        return cls(view)

    def cancel(self) -> None:
        """Stops the call; the server sees CANCELLED. Harmless once the stream ended."""
        if self._open:
            self._open = False
            self._stream.cancel()

    close = cancel

    def done(self) -> bool:
        """Whether the stream ended and every response was taken."""
        return self._stream.done()

    def initial_metadata(self) -> tuple:
        return metadata_pairs(self._stream.info().headers())

    def trailing_metadata(self) -> tuple:
        return metadata_pairs(self._stream.info().trailers())

    def code(self) -> StatusCode:
        return StatusCode[self._stream.info().code()]

    def details(self) -> str:
        return self._stream.info().details()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.cancel()
        return False

    def __del__(self):
        try:
            self.cancel()
        except Exception:
            pass


class Call:
    """What with_call=True returns beside the reply, as grpcio's Call: initial_metadata(),
    trailing_metadata(), code(), details()."""

    __slots__ = ('_info',)

    def __init__(self, info):
        self._info = info

    def initial_metadata(self) -> tuple:
        return metadata_pairs(self._info.headers())

    def trailing_metadata(self) -> tuple:
        return metadata_pairs(self._info.trailers())

    def code(self) -> StatusCode:
        return StatusCode[self._info.code()]

    def details(self) -> str:
        return self._info.details()


class Results:
    """The replies of client.map(...), in the order of the requests. A failed call raises its
    RpcError when its turn comes (the other calls go on; iterate again to continue), or, with
    return_exceptions=True, is given as the RpcError object in its place. Leaving the loop
    early (break, close(), a with block) cancels the calls still in flight."""

    __slots__ = ('_bulk', '_next', '_class', '_return_exceptions', '_open', '__weakref__')

    def __init__(self, bulk, return_exceptions: bool):
        self._bulk = bulk
        self._next = bulk.next  # bound once, as Responses' is
        self._class = None
        self._return_exceptions = return_exceptions
        self._open = True

    def __iter__(self):
        return self

    def __next__(self):
        try:
            view = self._next()
        except RpcError as e:
            if self._return_exceptions:
                return e
            raise
        if view is None:
            self._open = False
            raise StopIteration
        cls = self._class
        if cls is None:
            cls = self._class = class_of(view)
        return cls(view)

    def close(self) -> None:
        """Cancels the calls still in flight."""
        if self._open:
            self._open = False
            self._bulk.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class Future:
    """A call running while the script does other work (client.future(...)), as
    concurrent.futures has it: result(timeout=None), done(), cancel(), exception()."""

    __slots__ = ('_call',)

    def __init__(self, call):
        self._call = call

    def result(self, timeout: float = None):
        """The reply, waiting for it; raises the call's RpcError, or TimeoutError when timeout
        seconds pass first (the call goes on)."""
        view = self._call.result(timeout)
        return class_of(view)(view)

    def exception(self, timeout: float = None):
        """The call's RpcError, or None when it succeeded."""
        try:
            self._call.result(timeout)
            return None
        except RpcError as e:
            return e

    def done(self) -> bool:
        return self._call.done()

    def cancel(self) -> bool:
        """Cancels the call; result() then raises RpcError CANCELLED."""
        self._call.cancel()
        return True
