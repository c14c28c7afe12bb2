# client.map at a given concurrency; prints calls per second.
# In a function, as grpcio_bench.py's loops are (see stream_loop.py).
import sys
import time
from pygrpc import Client


def main(port, n, concurrency):
    with Client('127.0.0.1', port) as client:
        client.load()
        request = {'name': 'bench'}
        for _ in client.map('SayHello', [request] * max(1, n // 10), concurrency=concurrency):
            pass
        start = time.perf_counter()
        done = 0
        for _ in client.map('SayHello', (request for _ in range(n)), concurrency=concurrency):
            done += 1
        assert done == n, done
        return n / (time.perf_counter() - start)


# As a script (bin/bench --fresh-contexts); loaded once, the bench calls main() itself.
if len(sys.argv) > 2:
    print(main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])))
