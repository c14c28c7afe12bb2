# Server-streaming messages consumed by a Python for loop; prints messages per second.
# The loop runs in a function, as grpcio_bench.py's does: a loop at a module's top level
# stores its variables in the module's dict, which cost GraalPy's interpreter ~0.6 µs a
# message here (the names' cost, not the stream's).
import sys
import time
from pygrpc import Client


def main(port, n):
    with Client('127.0.0.1', port) as client:
        client.load()
        for _ in client.request('Ticks', count=max(1, n // 10)):
            pass
        start = time.perf_counter()
        seen = 0
        for tick in client.request('Ticks', count=n):
            seen += 1
        assert seen == n, seen
        return n / (time.perf_counter() - start)


# As a script (bin/bench --fresh-contexts); loaded once, the bench calls main() itself.
if len(sys.argv) > 2:
    print(main(int(sys.argv[1]), int(sys.argv[2])))
