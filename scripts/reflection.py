"""Explores a server with no schema files at all: everything comes from its reflection
service, fetched as it is needed.

    pygrpc demo --port 0 scripts/reflection.py 127.0.0.1:{port}
"""
import sys

from pygrpc import Client

client = Client(sys.argv[1] if len(sys.argv) > 1 else 'localhost:50051')
client.load()                                   # no argument: server reflection

for service in client.services():
    print(service)
    if not service.startswith('grpc.reflection.'):
        for method in client.methods(service):
            print('  ' + method)

print()
print(client.describe('SayHello'), end='')      # the method and its messages
print(client.request('SayHello', name='reflection').message)
