// The same order hook in JavaScript (see OrderHooks.java).
const greeter = new Client({channel: 'greeter'});
greeter.load('helloworld_pb2');

function on_order(order) {
  const reply = greeter.request('SayHello', {name: order.customer}, {timeout: 5});
  return {order: order.id, note: reply.message,
          total: order.prices.reduce((a, b) => a + b, 0), shop: SHOP};
}
