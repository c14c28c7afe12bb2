"""The gRPC interop client test cases as a pygrpc script, one line per case:

    pygrpc interop/client.py TARGET [--schema reflection|proto] [CASE ...]

Each case follows the interop test descriptions of the gRPC project; the schema comes from the
server's reflection service, or from protos/interop (grpc/testing/test.proto). Exits 1 when a
case fails."""
import os
import queue
import sys
import time

from pygrpc import Client, RpcError, StatusCode

args = sys.argv[1:]
target = args.pop(0) if args else 'localhost:10000'
schema = 'reflection'
if args[:1] == ['--schema']:
    schema = args[1]
    args = args[2:]

client = Client(target, timeout=10)
if schema == 'reflection':
    client.load()
else:
    here = os.path.dirname(os.path.abspath(__file__))
    client.load('grpc/testing/test.proto',
                proto_path=[os.path.join(here, '..', 'protos', 'interop')])

REQUEST_SIZES = [27182, 8, 1828, 45904]
RESPONSE_SIZES = [31415, 9, 2653, 58979]
SPECIAL = '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \U0001f608\t\n'


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def payload(size):
    return {'body': bytes(size)}


def empty_unary():
    reply = client.request('TestService/EmptyCall')
    check(reply.to_dict() == {}, 'reply not empty: %r' % reply)


def large_unary():
    reply = client.request('UnaryCall', response_size=314159, payload=payload(271828))
    check(len(reply.payload.body) == 314159, 'payload %d' % len(reply.payload.body))


class Skip(Exception):
    """The server cannot take part in this case."""


def client_compressed_unary():
    # The probe: a server that checks compression refuses an uncompressed request that says
    # it is compressed; one that accepts it cannot check, and the case does not apply.
    try:
        client.request('UnaryCall', expect_compressed={'value': True}, response_size=314159,
                       payload=payload(271828))
        raise Skip('the server does not check whether requests arrive compressed')
    except RpcError as e:
        check(e.code() == StatusCode.INVALID_ARGUMENT, e.code())
    reply = client.request('UnaryCall', expect_compressed={'value': True},
                           response_size=314159, payload=payload(271828), compression='gzip')
    check(len(reply.payload.body) == 314159, 'payload')


def server_streaming():
    sizes = [len(r.payload.body) for r in client.request(
        'StreamingOutputCall', response_parameters=[{'size': s} for s in RESPONSE_SIZES])]
    check(sizes == RESPONSE_SIZES, sizes)


def client_streaming():
    reply = client.request('StreamingInputCall',
                           ({'payload': payload(s)} for s in REQUEST_SIZES))
    check(reply.aggregated_payload_size == 74922, reply.aggregated_payload_size)


def ping_pong():
    replies = queue.Queue()

    def requests():
        for request_size, response_size in zip(REQUEST_SIZES, RESPONSE_SIZES):
            yield {'response_parameters': [{'size': response_size}],
                   'payload': payload(request_size)}
            replies.get(timeout=10)          # one request per reply, in turn

    sizes = []
    for reply in client.request('FullDuplexCall', requests()):
        sizes.append(len(reply.payload.body))
        replies.put(reply)
    check(sizes == RESPONSE_SIZES, sizes)


def empty_stream():
    check(list(client.request('FullDuplexCall', [])) == [], 'replies to no requests')


def cancel_after_begin():
    # pygrpc's client-streaming call returns its reply, so the cancellable stream is a bidi one.
    call = client.request('FullDuplexCall', iter(lambda: time.sleep(10), 1))
    call.cancel()
    check(call.code() == StatusCode.CANCELLED, call.code())


def cancel_after_first_response():
    def requests():
        yield {'response_parameters': [{'size': 31415}], 'payload': payload(27182)}
        time.sleep(10)                       # never sends a second one: cancelled first
        yield {}

    call = client.request('FullDuplexCall', requests())
    check(len(next(call).payload.body) == 31415, 'first response')
    call.cancel()
    try:
        next(call)
        raise AssertionError('a response after cancel')
    except RpcError as e:
        check(e.code() == StatusCode.CANCELLED, e.code())


def timeout_on_sleeping_server():
    try:
        list(client.request('FullDuplexCall',
                            [{'payload': payload(27182),
                              'response_parameters': [{'size': 1, 'interval_us': 2000000}]}],
                            timeout=0.001))
        raise AssertionError('no deadline')
    except RpcError as e:
        check(e.code() == StatusCode.DEADLINE_EXCEEDED, e.code())


def custom_metadata():
    metadata = {'x-grpc-test-echo-initial': 'test_initial_metadata_value',
                'x-grpc-test-echo-trailing-bin': b'\xab\xab\xab'}
    reply, call = client.request('UnaryCall', response_size=314159, payload=payload(271828),
                                 metadata=metadata, with_call=True)
    check(('x-grpc-test-echo-initial', 'test_initial_metadata_value')
          in call.initial_metadata(), call.initial_metadata())
    check(('x-grpc-test-echo-trailing-bin', b'\xab\xab\xab') in call.trailing_metadata(),
          call.trailing_metadata())
    stream = client.request('FullDuplexCall', [{'response_parameters': [{'size': 314159}],
                                                'payload': payload(271828)}],
                            metadata=metadata)
    check(len(list(stream)) == 1, 'one response')
    check(('x-grpc-test-echo-initial', 'test_initial_metadata_value')
          in stream.initial_metadata(), stream.initial_metadata())
    check(('x-grpc-test-echo-trailing-bin', b'\xab\xab\xab') in stream.trailing_metadata(),
          stream.trailing_metadata())


def status_code_and_message():
    status = {'code': 2, 'message': 'test status message'}
    for attempt in (lambda: client.request('UnaryCall', response_status=status),
                    lambda: list(client.request('FullDuplexCall',
                                                [{'response_status': status}]))):
        try:
            attempt()
            raise AssertionError('no error')
        except RpcError as e:
            check(e.code() == StatusCode.UNKNOWN, e.code())
            check(e.details() == 'test status message', e.details())


def special_status_message():
    try:
        client.request('UnaryCall', response_status={'code': 2, 'message': SPECIAL})
        raise AssertionError('no error')
    except RpcError as e:
        check(e.code() == StatusCode.UNKNOWN, e.code())
        check(e.details() == SPECIAL, repr(e.details()))


def unimplemented_method():
    try:
        client.request('grpc.testing.TestService/UnimplementedCall')
        raise AssertionError('no error')
    except RpcError as e:
        check(e.code() == StatusCode.UNIMPLEMENTED, e.code())


def unimplemented_service():
    try:
        client.request('grpc.testing.UnimplementedService/UnimplementedCall')
        raise AssertionError('no error')
    except RpcError as e:
        check(e.code() == StatusCode.UNIMPLEMENTED, e.code())


CASES = [empty_unary, large_unary, client_compressed_unary, server_streaming, client_streaming,
         ping_pong, empty_stream, cancel_after_begin, cancel_after_first_response,
         timeout_on_sleeping_server, custom_metadata, status_code_and_message,
         special_status_message, unimplemented_method, unimplemented_service]

failed = 0
for case in CASES:
    if args and case.__name__ not in args:
        continue
    start = time.perf_counter()
    try:
        case()
        print('%s: PASS (%.0f ms)' % (case.__name__, (time.perf_counter() - start) * 1000))
    except Skip as e:
        print('%s: SKIP %s' % (case.__name__, e))
    except Exception as e:
        failed += 1
        print('%s: FAIL %s: %s' % (case.__name__, type(e).__name__, e))
sys.exit(1 if failed else 0)
