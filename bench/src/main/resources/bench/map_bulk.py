# client.map at a given concurrency; prints calls per second.
import sys
import time
from pygrpc import Client

client = Client('127.0.0.1', int(sys.argv[1]))
client.load()
n = int(sys.argv[2])
concurrency = int(sys.argv[3])
request = {'name': 'bench'}
for _ in client.map('SayHello', [request] * max(1, n // 10), concurrency=concurrency):
    pass
start = time.perf_counter()
done = 0
for _ in client.map('SayHello', (request for _ in range(n)), concurrency=concurrency):
    done += 1
assert done == n, done
print(n / (time.perf_counter() - start))
