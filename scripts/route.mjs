// Every call shape against the demo RouteGuide, as route.py does it in Python.
//
//     pygrpc demo --port 0 scripts/route.js 127.0.0.1:{port}
import { Client, RpcError, StatusCode } from 'pygrpc';

const client = new Client(process.argv[2] ?? 'localhost:50051');
client.load('demo.route_pb2');

const feature = client.request('GetFeature', {x: 1, y: 2});        // unary
console.log('GetFeature:', feature.name);

for (const f of client.request('ListFeatures', {lo: {x: 0, y: 0}, hi: {x: 1, y: 1}})) {
  console.log('ListFeatures:', f.name, f.location.x, f.location.y); // server streaming
}

function* walk() {
  for (let step = 0; step < 4; step++) {
    yield {x: step * 3, y: step * 4};
  }
}

const summary = client.request('RecordRoute', walk());             // client streaming
console.log('RecordRoute:', summary.point_count, 'points,', summary.distance, 'long');

const notes = [0, 1, 2].map((i) => ({location: {x: i, y: i}, message: `note ${i}`}));
for (const reply of client.request('RouteChat', notes)) {           // bidi
  console.log('RouteChat:', reply.message);
}

try {
  for (const tick of client.request('Ticks', {count: 0, delay_ms: 50}, {timeout: 0.3})) {
    // an endless stream, stopped by the deadline
  }
} catch (e) {
  if (!(e instanceof RpcError)) throw e;
  console.log('Ticks:', e.codeName);          // e.code === StatusCode.DEADLINE_EXCEEDED
}
