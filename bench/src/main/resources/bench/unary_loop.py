# Sequential unary calls from a plain Python loop; prints calls per second.
# In a function, as grpcio_bench.py's loops are (see stream_loop.py).
import sys
import time
from pygrpc import Client


def main(port, n):
    with Client('127.0.0.1', port) as client:
        client.load()
        for _ in range(max(1, n // 10)):  # warm-up: the first calls pay for set-up
            client.request('SayHello', name='bench')
        start = time.perf_counter()
        for _ in range(n):
            client.request('SayHello', name='bench')
        return n / (time.perf_counter() - start)


# As a script (bin/bench --fresh-contexts); loaded once, the bench calls main() itself.
if len(sys.argv) > 2:
    print(main(int(sys.argv[1]), int(sys.argv[2])))
