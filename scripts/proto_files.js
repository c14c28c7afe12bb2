// Loads the schema straight from .proto files, compiled on the JVM: no protoc, no generated
// code. Imports are searched on protoPath; google/protobuf/*.proto come built in.
//
//     pygrpc demo --port 0 scripts/proto_files.js 127.0.0.1:{port}
const { Client } = require('pygrpc');

const protos = process.argv[1].replace(/[^/]*$/, '') + '../protos';

const client = new Client(process.argv[2] ?? 'localhost:50051');
console.log(JSON.stringify(client.load('demo/echo.proto', {protoPath: [protos]})));

// A message can be built on its own (checked against its type), then sent or inspected.
const where = client.message('Point', {x: 3, y: 4});
console.log('built:', where.x, where.y);

const reply = client.request('Echo', {name: 'from .proto', where, color: 'RED'});
console.log('echoed:', reply.name, reply.where.x, reply.where.y, reply.color);
