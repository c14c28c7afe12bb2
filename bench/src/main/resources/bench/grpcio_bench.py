# The same three figures from CPython + grpcio (Debian's python3-grpcio), against the same
# server: python3 grpcio_bench.py PORT N CONCURRENCY SCRIPTS_DIR MESSAGES [FIGURES], MESSAGES a
# stream's length, FIGURES those to measure (unary,stream,bulk by default). Prints three numbers,
# NaN for a figure not measured.
import sys
import threading
import time

sys.path.insert(0, sys.argv[4])
import grpc  # noqa: E402
import helloworld_pb2  # noqa: E402
from demo import route_pb2  # noqa: E402

port, n, concurrency = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
messages = int(sys.argv[5])
figures = (sys.argv[6] if len(sys.argv) > 6 else 'unary,stream,bulk').split(',')
channel = grpc.insecure_channel('127.0.0.1:%d' % port)
say = channel.unary_unary('/helloworld.Greeter/SayHello',
                          request_serializer=helloworld_pb2.HelloRequest.SerializeToString,
                          response_deserializer=helloworld_pb2.HelloReply.FromString)
ticks = channel.unary_stream('/pygrpc.demo.RouteGuide/Ticks',
                             request_serializer=route_pb2.TickRequest.SerializeToString,
                             response_deserializer=route_pb2.Tick.FromString)
request = helloworld_pb2.HelloRequest(name='bench')


def measure_unary():
    for _ in range(max(1, n // 10)):
        say(request)
    start = time.perf_counter()
    for _ in range(n):
        say(request)
    return n / (time.perf_counter() - start)


def measure_stream():
    for _ in ticks(route_pb2.TickRequest(count=max(1, messages // 10))):
        pass
    start = time.perf_counter()
    seen = sum(1 for _ in ticks(route_pb2.TickRequest(count=messages)))
    return seen / (time.perf_counter() - start)


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


def measure_bulk():
    start = time.perf_counter()
    for _ in range(n):
        slots.acquire()
        say.future(request).add_done_callback(finished)
    done.wait()
    return n / (time.perf_counter() - start)


# Java reads the figures left out as NaN.
print(*(repr(measure()) if name in figures else 'NaN' for name, measure in
        (('unary', measure_unary), ('stream', measure_stream), ('bulk', measure_bulk))))
