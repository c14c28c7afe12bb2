# The training run for the JDK AOT cache (bin/java-opts.sh): exercises what a typical script
# loads — the pygrpc package, a _pb2 module, a unary call, an RPC error — against the demo server.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'scripts'))

from pygrpc import Client, RpcError

client = Client('127.0.0.1:' + sys.argv[1])
client.load('helloworld_pb2')
client.load('demo.echo_pb2')
reply = client.request('SayHello', name='aot')
assert reply.message == 'Hello, aot!'
print('Greeter client received: ' + reply.message)  # stdout's classes, as scripts print
client.request('Echo', name='x', count=1, color='RED', where={'x': 1, 'y': 2}, tags=['a'])
try:
    client.request('Fail', code=5, message='expected')
except RpcError as e:
    assert e.code().name == 'NOT_FOUND'
try:
    client.request('Echo', count='not a number')
except TypeError:
    pass
client.close()
