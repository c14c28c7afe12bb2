// The seed's example in JavaScript: `pygrpc scripts/helloworld.js` against `pygrpc demo`.
const { Client } = require('pygrpc');

const client = new Client('localhost', 50051);
// This loads the generated Google Protocol Buffer module.
client.load('helloworld_pb2');
const response = client.request('SayHello', {name: 'you'});
console.log('Greeter client received: ' + response.message);
