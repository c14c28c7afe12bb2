# Server-streaming messages consumed by a Python for loop; prints messages per second.
import sys
import time
from pygrpc import Client

client = Client('127.0.0.1', int(sys.argv[1]))
client.load()
n = int(sys.argv[2])
for _ in client.request('Ticks', count=max(1, n // 10)):
    pass
start = time.perf_counter()
seen = 0
for tick in client.request('Ticks', count=n):
    seen += 1
assert seen == n, seen
print(n / (time.perf_counter() - start))
