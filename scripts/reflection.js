// Explores a server with no schema files at all: everything comes from its reflection
// service, fetched as it is needed.
//
//     pygrpc demo --port 0 scripts/reflection.js 127.0.0.1:{port}
const { Client } = require('pygrpc');

const client = new Client(process.argv[2] ?? 'localhost:50051');
client.load();                                  // no argument: server reflection

for (const service of client.services()) {
  console.log(service);
  if (!service.startsWith('grpc.reflection.')) {
    for (const method of client.methods(service)) {
      console.log('  ' + method);
    }
  }
}

console.log();
console.log(client.describe('SayHello').trimEnd());   // the method and its messages
console.log(client.request('SayHello', {name: 'reflection'}).message);
