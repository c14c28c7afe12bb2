"""The interop TestService on CPython + grpcio (Debian's python3-grpcio, python3-protobuf): a
server pygrpc did not write and that is not grpc-java, for the interop scripts.

    python3 interop/grpcio_server.py PROTOSET PORT_FILE

PROTOSET is a descriptor set of grpc/testing/test.proto (pygrpc's tests write one); the server
listens on a free loopback port and writes it to PORT_FILE. Message classes come from the
descriptors: no generated code."""
import sys
import time
from concurrent import futures

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

files = descriptor_pb2.FileDescriptorSet()
with open(sys.argv[1], 'rb') as f:
    files.ParseFromString(f.read())
pool = descriptor_pool.DescriptorPool()
for proto in files.file:
    pool.Add(proto)


def message_class(name):
    descriptor = pool.FindMessageTypeByName(name)
    if hasattr(message_factory, 'GetMessageClass'):
        return message_factory.GetMessageClass(descriptor)
    return message_factory.MessageFactory(pool).GetPrototype(descriptor)


Empty = message_class('grpc.testing.Empty')
SimpleRequest = message_class('grpc.testing.SimpleRequest')
SimpleResponse = message_class('grpc.testing.SimpleResponse')
StreamingInputCallRequest = message_class('grpc.testing.StreamingInputCallRequest')
StreamingInputCallResponse = message_class('grpc.testing.StreamingInputCallResponse')
StreamingOutputCallRequest = message_class('grpc.testing.StreamingOutputCallRequest')
StreamingOutputCallResponse = message_class('grpc.testing.StreamingOutputCallResponse')

ECHO_INITIAL = 'x-grpc-test-echo-initial'
ECHO_TRAILING = 'x-grpc-test-echo-trailing-bin'


def echo(context):
    metadata = dict(context.invocation_metadata())
    if ECHO_INITIAL in metadata:
        context.send_initial_metadata(((ECHO_INITIAL, metadata[ECHO_INITIAL]),))
    if ECHO_TRAILING in metadata:
        context.set_trailing_metadata(((ECHO_TRAILING, metadata[ECHO_TRAILING]),))


def fail_if_asked(request, context):
    if request.response_status.code != 0:
        context.abort(grpc.StatusCode(_CODES[request.response_status.code]),
                      request.response_status.message)


_CODES = {code.value[0]: code.value for code in grpc.StatusCode}


def empty_call(request, context):
    echo(context)
    return Empty()


def unary_call(request, context):
    echo(context)
    # expect_compressed is not checked: grpcio decompresses before the handler and hides the
    # grpc-encoding header, so this server cannot tell (client_compressed_unary is skipped).
    fail_if_asked(request, context)
    response = SimpleResponse()
    response.payload.body = bytes(request.response_size)
    return response


def respond(request):
    for parameters in request.response_parameters:
        if parameters.interval_us:
            time.sleep(parameters.interval_us / 1e6)
        response = StreamingOutputCallResponse()
        response.payload.body = bytes(parameters.size)
        yield response


def streaming_output_call(request, context):
    echo(context)
    yield from respond(request)


def streaming_input_call(requests, context):
    echo(context)
    response = StreamingInputCallResponse()
    response.aggregated_payload_size = sum(len(r.payload.body) for r in requests)
    return response


def full_duplex_call(requests, context):
    echo(context)
    for request in requests:
        fail_if_asked(request, context)
        yield from respond(request)


def unimplemented_call(request, context):
    context.abort(grpc.StatusCode.UNIMPLEMENTED, '')


def handler(kind, function, request_class, response_class):
    make = getattr(grpc, kind + '_rpc_method_handler')
    return make(function, request_deserializer=request_class.FromString,
                response_serializer=response_class.SerializeToString)


service = grpc.method_handlers_generic_handler('grpc.testing.TestService', {
    'EmptyCall': handler('unary_unary', empty_call, Empty, Empty),
    'UnaryCall': handler('unary_unary', unary_call, SimpleRequest, SimpleResponse),
    'CacheableUnaryCall': handler('unary_unary', unary_call, SimpleRequest, SimpleResponse),
    'StreamingOutputCall': handler('unary_stream', streaming_output_call,
                                   StreamingOutputCallRequest, StreamingOutputCallResponse),
    'StreamingInputCall': handler('stream_unary', streaming_input_call,
                                  StreamingInputCallRequest, StreamingInputCallResponse),
    'FullDuplexCall': handler('stream_stream', full_duplex_call, StreamingOutputCallRequest,
                              StreamingOutputCallResponse),
    'HalfDuplexCall': handler('stream_stream', full_duplex_call, StreamingOutputCallRequest,
                              StreamingOutputCallResponse),
    'UnimplementedCall': handler('unary_unary', unimplemented_call, Empty, Empty),
})
server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
server.add_generic_rpc_handlers((service,))
port = server.add_insecure_port('127.0.0.1:0')
server.start()
with open(sys.argv[2], 'w') as f:
    f.write(str(port))
server.wait_for_termination()
