// A subset of the gRPC interop client test cases in JavaScript (client.py has them all):
//
//     pygrpc interop/client.js TARGET [CASE ...]
//
// The schema comes from the server's reflection service. Exits 1 when a case fails.
const { Client, RpcError, StatusCode } = require('pygrpc');

const [target = 'localhost:10000', ...only] = process.argv.slice(2);
const client = new Client(target, {timeout: 10});
client.load();

const RESPONSE_SIZES = [31415, 9, 2653, 58979];
const REQUEST_SIZES = [27182, 8, 1828, 45904];
const SPECIAL = '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \u{1f608}\t\n';

function check(condition, what) {
  if (!condition) throw new Error(String(what));
}

function fails(call, code, details) {
  try {
    call();
  } catch (e) {
    if (!(e instanceof RpcError)) throw e;
    check(e.code === code, e.codeName);
    check(details === undefined || e.details === details, JSON.stringify(e.details));
    return;
  }
  throw new Error('no error');
}

const cases = {
  empty_unary() {
    check(JSON.stringify(client.request('TestService/EmptyCall')) === '{}', 'not empty');
  },
  large_unary() {
    const reply = client.request('UnaryCall',
        {response_size: 314159, payload: {body: new Uint8Array(271828)}});
    check(reply.payload.body.length === 314159, reply.payload.body.length);
  },
  server_streaming() {
    const sizes = Array.from(client.request('StreamingOutputCall',
        {response_parameters: RESPONSE_SIZES.map((size) => ({size}))}),
        (r) => r.payload.body.length);
    check(sizes.join() === RESPONSE_SIZES.join(), sizes);
  },
  client_streaming() {
    function* requests() {
      for (const size of REQUEST_SIZES) yield {payload: {body: new Uint8Array(size)}};
    }
    const reply = client.request('StreamingInputCall', requests());
    check(reply.aggregated_payload_size === 74922, reply.aggregated_payload_size);
  },
  empty_stream() {
    check(Array.from(client.request('FullDuplexCall', [])).length === 0, 'replies');
  },
  timeout_on_sleeping_server() {
    fails(() => Array.from(client.request('FullDuplexCall', [{payload: {body: new Uint8Array(27182)},
      response_parameters: [{size: 1, interval_us: 2000000}]}], {timeout: 0.001})),
    StatusCode.DEADLINE_EXCEEDED);
  },
  custom_metadata() {
    const [reply, call] = client.request('UnaryCall', {response_size: 1},
        {metadata: {'x-grpc-test-echo-initial': 'test_initial_metadata_value',
          'x-grpc-test-echo-trailing-bin': new Uint8Array([0xab, 0xab, 0xab])}, withCall: true});
    check(call.headers['x-grpc-test-echo-initial'] === 'test_initial_metadata_value',
        JSON.stringify(call.headers));
    check(Array.from(call.metadata['x-grpc-test-echo-trailing-bin']).join() === '171,171,171',
        'trailer');
  },
  status_code_and_message() {
    fails(() => client.request('UnaryCall',
        {response_status: {code: 2, message: 'test status message'}}),
    StatusCode.UNKNOWN, 'test status message');
  },
  special_status_message() {
    fails(() => client.request('UnaryCall', {response_status: {code: 2, message: SPECIAL}}),
        StatusCode.UNKNOWN, SPECIAL);
  },
  unimplemented_method() {
    fails(() => client.request('grpc.testing.TestService/UnimplementedCall'),
        StatusCode.UNIMPLEMENTED);
  },
};

let failed = 0;
for (const [name, run] of Object.entries(cases)) {
  if (only.length && !only.includes(name)) continue;
  const start = Date.now();
  try {
    run();
    console.log(`${name}: PASS (${Date.now() - start} ms)`);
  } catch (e) {
    failed++;
    console.log(`${name}: FAIL ${e.name}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
