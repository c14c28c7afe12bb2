"""Order hooks an application runs for each order (see OrderHooks.java). The script reaches
gRPC only through the channel the application hands it; it cannot open files, sockets or
processes of its own."""
from pygrpc import Client

greeter = Client(channel='greeter')      # the application's channel: its target, TLS, auth
greeter.load('helloworld_pb2')           # from this folder, which the sandbox lets it read


def on_order(order):
    reply = greeter.request('SayHello', name=order['customer'], timeout=5)
    return {'order': order['id'], 'note': reply.message, 'total': sum(order['prices']),
            'shop': SHOP}


def runaway(order):
    while True:                          # stopped by the application's time limit
        pass
