"""pygrpc: call gRPC services from a script, with no generated stubs.

    from pygrpc import Client
    client = Client('localhost', 50051)
    client.load('helloworld_pb2')
    reply = client.request('SayHello', name='you')
    print(reply.message)
"""

from pygrpc.errors import DescriptorError, RpcError, StatusCode
from pygrpc import _helpers  # noqa: F401  (gives the host its factories)
from pygrpc.client import Client
from pygrpc.messages import Message

__all__ = ['Client', 'Message', 'RpcError', 'StatusCode', 'DescriptorError']
