"""Response streams: what a server-streaming or bidi call returns."""

from _thread import allocate_lock
from itertools import chain

from pygrpc.errors import RpcError, StatusCode, metadata_pairs


class Responses:
    """An iterator over the responses of a streaming call, as grpcio's is: iterate it (flow
    control lets the server run at most 128 responses, about 1 MiB, ahead of what you took),
    cancel() it, or use it in a with block to cancel it when the block ends. Dropping it cancels the
    call too, when the garbage collector gets to it. It also answers what a call does:
    initial_metadata(), trailing_metadata(), code(), details()."""

    __slots__ = ('_stream', '_each', '__weakref__')

    def __init__(self, stream):
        self._stream = stream
        # One iterator for the whole stream, shared by next() and every loop over it, so a
        # loop left early and taken up again goes on where it stopped. Built-in iterators all
        # the way down: a loop then runs no Python frame per message (see _Batches).
        self._each = chain.from_iterable(_Batches(stream.takeAs, _final))

    def __iter__(self):
        return self._each

    def __next__(self):
        return next(self._each)

    def cancel(self) -> None:
        """Stops the call; the server sees CANCELLED. Harmless once the stream ended."""
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

    # No __del__: the host cancels the call once its stream object is collected, which the
    # loop's iterator holds too; cancelling when this object went would stop a running loop.


class _Batches:
    """chain's source: each call gives an iterator over the next batch of messages the host
    hands over (all that have arrived, in one call across the language boundary). take_as is
    bound to the host's stream or map, so a loop that holds only the chain keeps the call
    alive: the host cancels it when its object is collected.

    Several threads may share one stream: chain runs no Python code per message, and two
    threads that both find its batch used up both come here; the lock and handing out a batch
    not yet used up again (chain would drop the first one's) keep every message, in order.
    A class, not a generator: a generator entered by a second thread while the first waits
    for the host raises "generator already executing"."""

    __slots__ = ('_take_as', '_failed', '_lock', '_last')

    def __init__(self, take_as, failed):
        self._take_as = take_as
        self._failed = failed  # what stands in the chain for a failure take_as() raised
        self._lock = allocate_lock()
        self._last = iter(())

    def __iter__(self):
        return self

    def __next__(self):
        with self._lock:
            last = self._last
            if last.__length_hint__():
                return last
            try:
                messages = self._take_as(_batch)
            except Exception as error:  # an RpcError; for a map, also a request's own
                last = self._failed(error)
            else:
                if messages is None:
                    raise StopIteration
                last = iter(messages)
            self._last = last
            return last


def _batch(*views):
    """The host's batch: its views are the messages (typed as their Message classes, see
    messages.view_type). They come as arguments, a tuple, faster to read than the host's array;
    a Python object made per message had cost ~0.6 µs of the ~1 µs a message took here."""
    return views


class _Raising:
    """Stands in a chain of batches for a failure: raises it when the loop gets there. chain
    keeps an iterator that raised, so the next step asks it again: a stream's failure is
    final and raised again, as grpcio's iterator does (again=True); a map() item's is raised
    once, and the next step goes on to the next reply."""

    __slots__ = ('_error', '_again')

    def __init__(self, error, again):
        self._error = error
        self._again = again

    def __iter__(self):
        return self

    def __length_hint__(self):
        return 0 if self._error is None else 1

    def __next__(self):
        error = self._error
        if error is None:
            raise StopIteration
        if not self._again:
            self._error = None
        raise error


def _final(error):
    # A stream's failure (or its request iterator's) ends it: raised at every step.
    return _Raising(error, again=True)


def _raised_once(error):
    # A map item's failure, or a request that could not be read or converted: the next step
    # goes on to the next reply.
    return _Raising(error, again=False)


def _given_in_place(error):
    # return_exceptions=True: a failed call's RpcError is its item; other errors still raise.
    return iter((error,)) if isinstance(error, RpcError) else _Raising(error, again=False)


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
    return_exceptions=True, is given as the RpcError object in its place. close() or a with
    block cancels the calls still in flight; so does dropping it, once it is collected."""

    __slots__ = ('_bulk', '_each', '__weakref__')

    def __init__(self, bulk, return_exceptions: bool):
        self._bulk = bulk
        # As Responses: one chain of batches, no Python frame per reply.
        self._each = chain.from_iterable(_Batches(
            bulk.takeAs, _given_in_place if return_exceptions else _raised_once))

    def __iter__(self):
        return self._each

    def __next__(self):
        return next(self._each)

    def close(self) -> None:
        """Cancels the calls still in flight."""
        self._bulk.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class Future:
    """A call running while the script does other work (client.future(...)), as
    concurrent.futures has it: result(timeout=None), done(), cancel(), exception()."""

    __slots__ = ('_call',)

    def __init__(self, call):
        self._call = call

    def result(self, timeout: float = None):
        """The reply, waiting for it; raises the call's RpcError, or TimeoutError when timeout
        seconds pass first (the call goes on)."""
        return self._call.result(timeout)

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
