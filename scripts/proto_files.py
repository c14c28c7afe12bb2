"""Loads the schema straight from .proto files, compiled on the JVM: no protoc, no generated
code. Imports are searched on proto_path; google/protobuf/*.proto come built in.

    pygrpc demo --port 0 scripts/proto_files.py 127.0.0.1:{port}
"""
import json
import os
import sys

from pygrpc import Client

protos = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'protos')

client = Client(sys.argv[1] if len(sys.argv) > 1 else 'localhost:50051')
print(json.dumps(client.load('demo/echo.proto', proto_path=[protos])))  # and demo/common.proto

# A message can be built on its own, then sent or inspected.
where = client.message('Point', x=3, y=4)
print('built:', where.x, where.y)

reply = client.request('Echo', name='from .proto', where=where, color='RED')
print('echoed:', reply.name, reply.where.x, reply.where.y, reply.color)
