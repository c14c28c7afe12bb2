// Sends one record of every common field kind to the demo Echo service, prints what came back,
// then shows how a failed call and a bad field look to a script. echo.py is the same in Python.
//
//     pygrpc demo --port 0 scripts/echo.js 127.0.0.1:{port}
const { Client, RpcError } = require('pygrpc');

const client = new Client(process.argv[2] ?? 'localhost:50051');
client.load('demo.echo_pb2');         // demo/echo_pb2.py imports demo/common_pb2.py: both load

const record = client.request('Echo', {
  name: 'probe',
  count: 3,
  big: 2 ** 40,                       // 64-bit fields: Numbers, or BigInts past 2**53
  ratio: 0.25,
  flag: true,
  data: new Uint8Array([0, 1]),
  color: 'GREEN',                     // enums by name...
  where: {x: 1, y: 2},                // ...nested messages as objects
  tags: ['a', 'b'],
  path: [{x: 0, y: 0}, {x: 3, y: 4}],
  scores: {alice: 10},
});
console.log('name:', record.name, '| count:', record.count, '| big:', record.big);
console.log('color:', record.color, '| where:', `(${record.where.x}, ${record.where.y})`);
console.log('tags:', record.tags.join(', '), '| path length:', record.path.length);
const hex = Array.from(record.data, (b) => b.toString(16).padStart(2, '0')).join('');
console.log('scores:', record.scores.alice, '| data:', hex);   // bytes: a Uint8Array

try {
  client.request('Fail', {code: 5, message: 'no such record'});
} catch (e) {
  if (!(e instanceof RpcError)) throw e;
  console.log('RpcError:', e.codeName, '-', e.details);
}

try {
  client.request('Echo', {count: 'three'});
} catch (e) {
  if (!(e instanceof TypeError)) throw e;
  console.log('TypeError:', e.message);
}
