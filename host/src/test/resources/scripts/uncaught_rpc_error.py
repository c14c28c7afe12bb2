# A script that ends on an RPC failure it does not catch: the launcher must print a Python
# traceback pointing here and exit 1.
import os
import sys
from pygrpc import Client
client = Client('127.0.0.1', int(sys.argv[1]))
client.load(os.path.join(os.path.dirname(__file__), '..', 'pb2', 'modern', 'demo', 'echo_pb2.py'))
client.request('Fail', code=14, message='backend down')
