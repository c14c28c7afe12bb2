"""Every call shape against the demo RouteGuide: unary, server streaming, client streaming
(from a generator) and bidi, plus a deadline. route.js does the same in JavaScript.

    pygrpc demo --port 0 scripts/route.py 127.0.0.1:{port}
"""
import sys

from pygrpc import Client, RpcError

client = Client(sys.argv[1] if len(sys.argv) > 1 else 'localhost:50051')
client.load('demo.route_pb2')

feature = client.request('GetFeature', x=1, y=2)                   # unary
print('GetFeature:', feature.name)

for f in client.request('ListFeatures', lo={'x': 0, 'y': 0}, hi={'x': 1, 'y': 1}):
    print('ListFeatures:', f.name, f.location.x, f.location.y)      # server streaming


def walk():
    for step in range(4):
        yield {'x': step * 3, 'y': step * 4}


summary = client.request('RecordRoute', walk())                     # client streaming
print('RecordRoute:', summary.point_count, 'points,', summary.distance, 'long')

notes = [{'location': {'x': i, 'y': i}, 'message': 'note %d' % i} for i in range(3)]
for reply in client.request('RouteChat', notes):                    # bidi
    print('RouteChat:', reply.message)

try:
    for tick in client.request('Ticks', count=0, delay_ms=50, timeout=0.3):
        pass
except RpcError as e:
    print('Ticks:', e.code().name)
