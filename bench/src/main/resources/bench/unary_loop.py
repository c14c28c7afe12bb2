# Sequential unary calls from a plain Python loop; prints calls per second.
import sys
import time
from pygrpc import Client

client = Client('127.0.0.1', int(sys.argv[1]))
client.load()
n = int(sys.argv[2])
for _ in range(max(1, n // 10)):                 # warm-up: the first calls pay for set-up
    client.request('SayHello', name='bench')
start = time.perf_counter()
for _ in range(n):
    client.request('SayHello', name='bench')
print(n / (time.perf_counter() - start))
