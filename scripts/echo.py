"""Sends one record of every common field kind to the demo Echo service, prints what came back,
then shows how a failed call and a bad field look to a script. echo.js is the same in
JavaScript.

    pygrpc demo --port 0 scripts/echo.py 127.0.0.1:{port}
    pygrpc scripts/echo.py localhost:50051      # against a running `pygrpc demo`
"""
import sys

from pygrpc import Client, RpcError

target = sys.argv[1] if len(sys.argv) > 1 else 'localhost:50051'
client = Client(target)
client.load('demo.echo_pb2')          # demo/echo_pb2.py imports demo/common_pb2.py: both load

record = client.request(
    'Echo',
    name='probe',
    count=3,
    big=2**40,
    ratio=0.25,
    flag=True,
    data=b'\x00\x01',
    color='GREEN',                    # enums by name...
    where={'x': 1, 'y': 2},           # ...nested messages as dicts
    tags=['a', 'b'],
    path=[{'x': 0, 'y': 0}, {'x': 3, 'y': 4}],
    scores={'alice': 10},
)
print('name:', record.name, '| count:', record.count, '| big:', record.big)
print('color:', record.color, '| where:', (record.where.x, record.where.y))
print('tags:', ', '.join(record.tags), '| path length:', len(record.path))
print('scores:', record.scores['alice'], '| data:', record.data.hex())   # bytes

try:
    client.request('Fail', code=5, message='no such record')
except RpcError as e:
    print('RpcError:', e.code().name, '-', e.details())

try:
    client.request('Echo', count='three')
except TypeError as e:
    print('TypeError:', e)
