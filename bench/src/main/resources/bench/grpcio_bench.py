# The same three figures from CPython + grpcio (Debian's python3-grpcio), against the same
# server: python3 grpcio_bench.py PORT N CONCURRENCY SCRIPTS_DIR MESSAGES (a stream's length).
# Prints three numbers.
import sys
import threading
import time

sys.path.insert(0, sys.argv[4])
import grpc  # noqa: E402
import helloworld_pb2  # noqa: E402
from demo import route_pb2  # noqa: E402

port, n, concurrency = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
messages = int(sys.argv[5])
channel = grpc.insecure_channel('127.0.0.1:%d' % port)
say = channel.unary_unary('/helloworld.Greeter/SayHello',
                          request_serializer=helloworld_pb2.HelloRequest.SerializeToString,
                          response_deserializer=helloworld_pb2.HelloReply.FromString)
ticks = channel.unary_stream('/pygrpc.demo.RouteGuide/Ticks',
                             request_serializer=route_pb2.TickRequest.SerializeToString,
                             response_deserializer=route_pb2.Tick.FromString)
request = helloworld_pb2.HelloRequest(name='bench')
for _ in range(max(1, n // 10)):
    say(request)
start = time.perf_counter()
for _ in range(n):
    say(request)
unary = n / (time.perf_counter() - start)

for _ in ticks(route_pb2.TickRequest(count=max(1, messages // 10))):
    pass
start = time.perf_counter()
seen = sum(1 for _ in ticks(route_pb2.TickRequest(count=messages)))
stream = seen / (time.perf_counter() - start)

# Futures with a bounded number in flight: grpcio's way to run calls concurrently.
slots = threading.Semaphore(concurrency)
done = threading.Event()
left = [n]
lock = threading.Lock()


def finished(_):
    slots.release()
    with lock:
        left[0] -= 1
        if left[0] == 0:
            done.set()


start = time.perf_counter()
for _ in range(n):
    slots.acquire()
    say.future(request).add_done_callback(finished)
done.wait()
bulk = n / (time.perf_counter() - start)
print(unary, stream, bulk)
