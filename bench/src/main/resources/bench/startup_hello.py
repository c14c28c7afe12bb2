# The seed's hello-world (scripts/helloworld.py) with the server's port from the command line,
# for the start-up bench (StartupBench), which runs it from scripts/ as the seed's is run.
import sys
from pygrpc import Client

client = Client('localhost', int(sys.argv[1]))
client.load('helloworld_pb2')
response = client.request('SayHello', name='you')
print("Greeter client received: " + response.message)
