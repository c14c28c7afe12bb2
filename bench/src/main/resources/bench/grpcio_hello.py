# CPython + grpcio's hello-world for the start-up bench, as grpc's own example writes it:
#   python3 grpcio_hello.py PORT FIXTURES  (FIXTURES: the folder of helloworld_pb2(_grpc).py)
import sys

sys.path.insert(0, sys.argv[2])
import grpc  # noqa: E402
import helloworld_pb2  # noqa: E402
import helloworld_pb2_grpc  # noqa: E402

with grpc.insecure_channel('localhost:' + sys.argv[1]) as channel:
    stub = helloworld_pb2_grpc.GreeterStub(channel)
    response = stub.SayHello(helloworld_pb2.HelloRequest(name='you'))
print("Greeter client received: " + response.message)
