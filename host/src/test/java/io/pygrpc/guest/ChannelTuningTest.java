package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.pygrpc.demo.DemoServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Load balancing over real servers, retries against a failing one, and bad channel options. */
class ChannelTuningTest {
  @TempDir
  Path dir;

  /** Counts the SayHello calls a server sees; fails the first {@code failures} of them. */
  static ServerInterceptor counting(AtomicInteger calls, int failures) {
    return new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
          ServerCallHandler<Q, R> next) {
        if (!call.getMethodDescriptor().getFullMethodName().endsWith("SayHello")) {
          return next.startCall(call, headers);
        }
        if (calls.incrementAndGet() <= failures) {
          call.close(Status.UNAVAILABLE.withDescription("try again"), new Metadata());
          return new ServerCall.Listener<>() { };
        }
        return next.startCall(call, headers);
      }
    };
  }

  private ScriptHarness.Result run(DemoServer any, String body) throws IOException {
    ScriptHarness.copyFixtures(dir);
    return ScriptHarness.run(dir, any, """
        import sys
        from pygrpc import Client, RpcError
        def attempt(f):
            try:
                print('ok', f())
            except RpcError as e:
                print('RpcError', e.code(), e.details())
            except Exception as e:
                print(type(e).__name__ + ':', e)
        """ + body);
  }

  @Test
  void roundRobin_overThreeServers_spreadsTheCalls() throws IOException {
    AtomicInteger[] calls = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
    DemoServer[] servers = new DemoServer[3];
    for (int i = 0; i < 3; i++) {
      servers[i] = DemoServer.start(0, DemoServer.Reflection.V1, counting(calls[i], 0));
    }
    try {
      String target = "ipv4:127.0.0.1:%d,127.0.0.1:%d,127.0.0.1:%d".formatted(servers[0].port(),
          servers[1].port(), servers[2].port());
      ScriptHarness.Result result = run(servers[0], """
          c = Client('%s', load_balancing='round_robin', wait_for_ready=True, timeout=10)
          c.load('helloworld_pb2')
          print(all(c.request('SayHello', name=str(i)).message for i in range(60)))
          """.formatted(target));
      assertEquals("", result.err());
      assertEquals("True\n", result.out());
      for (AtomicInteger count : calls) {
        assertTrue(count.get() >= 10, "uneven: " + calls[0] + " " + calls[1] + " " + calls[2]);
      }
      assertEquals(60, calls[0].get() + calls[1].get() + calls[2].get());
    } finally {
      for (DemoServer server : servers) {
        server.close();
      }
    }
  }

  @Test
  void ipv6List_usesTheLiveBackend_andBadListsNameTheEntry() throws IOException {
    DemoServer v6;
    try {
      v6 = DemoServer.start(new java.net.InetSocketAddress("::1", 0));
    } catch (java.io.UncheckedIOException e) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
      return;
    }
    try (v6) {
      ScriptHarness.Result result = run(v6, """
          def hello(target):
              c = Client(target, timeout=10)
              c.load('helloworld_pb2')
              return c.request('SayHello', name='v6').message
          port = sys.argv[1]
          attempt(lambda: hello('ipv6:[::1]:' + port))
          attempt(lambda: hello('[::1]:' + port))
          for bad in ['ipv4:localhost:1', 'ipv4:127.0.0.1:70000', 'ipv6:127.0.0.1',
                      'ipv6:[::1', 'ipv4:', 'ipv4:10.0.0.1:1,']:
              attempt(lambda: hello(bad))
          """);
      assertEquals("", result.err());
      assertEquals("""
          ok Hello, v6!
          ok Hello, v6!
          ValueError: target: "ipv4:localhost:1": "localhost:1" is not an IPv4 address \
          (expected: 10.0.0.1 or 10.0.0.1:50051; use dns:/// for host names)
          ValueError: target: "ipv4:127.0.0.1:70000": "127.0.0.1:70000": port "70000" \
          (expected: 1-65535)
          ValueError: target: "ipv6:127.0.0.1": "127.0.0.1" is not an IPv6 address \
          (expected: ::1 or [::1]:50051)
          ValueError: target: "ipv6:[::1": "[::1" is not an IPv6 address \
          (expected: ::1 or [::1]:50051)
          ValueError: target: "ipv4:": no addresses after "ipv4:"
          ValueError: target: "ipv4:10.0.0.1:1,": "" is not an IPv4 address \
          (expected: 10.0.0.1 or 10.0.0.1:50051; use dns:/// for host names)
          """, result.out());
    }
  }

  @Test
  void retry_overcomesAServerThatFailsTheFirstAttempts() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    try (DemoServer flaky = DemoServer.start(0, DemoServer.Reflection.V1, counting(calls, 3))) {
      ScriptHarness.Result result = run(flaky, """
          target = '127.0.0.1:' + sys.argv[1]
          plain = Client(target)
          plain.load('helloworld_pb2')
          attempt(lambda: plain.request('SayHello', name='once').message)
          retrying = Client(target, retry={'attempts': 4, 'initial_backoff': 0.01,
                                           'codes': ['UNAVAILABLE']})
          retrying.load('helloworld_pb2')
          attempt(lambda: retrying.request('SayHello', name='again').message)
          """);
      assertEquals("", result.err());
      assertEquals("RpcError StatusCode.UNAVAILABLE try again\nok Hello, again!\n",
          result.out());
      assertEquals(4, calls.get()); // one plain failure, then two retried failures and a success
    }
  }

  @Test
  void badChannelOptions_nameTheOption() throws IOException {
    try (DemoServer server = DemoServer.start(0)) {
      ScriptHarness.Result result = run(server, """
          attempt(lambda: Client('localhost:1', load_balancing='random'))
          attempt(lambda: Client('localhost:1', retry={'attempts': 2}, service_config='{}'))
          attempt(lambda: Client('localhost:1', service_config='{not json'))
          attempt(lambda: Client('localhost:1', keepalive_time=-1))
          """);
      assertEquals("", result.err());
      assertEquals("""
          ValueError: load_balancing: "random" (expected: "pick_first" or "round_robin")
          ValueError: retry and service_config both set: put the retry policy in the service \
          config's methodConfig
          ValueError: service_config: not valid JSON (at line 1 column 3)
          ValueError: keepalive_time: -1 (expected: a number of seconds > 0)
          """, result.out());
    }
  }

  @Test
  void unixSocket_servesCallsAndAMissingOneIsUnavailable() throws IOException {
    Path socket = dir.resolve("demo.sock");
    try (DemoServer server = DemoServer.startUnix(socket)) {
      ScriptHarness.Result result = run(server, """
          c = Client('unix:%s')
          c.load('helloworld_pb2')
          print(c.request('SayHello', name='unix').message)
          gone = Client('unix:%s')
          gone.load('helloworld_pb2')
          try:
              gone.request('SayHello', name='x', timeout=5)
          except RpcError as e:
              print(e.code(), 'No such file' in e.details() or 'connect' in e.details())
          """.formatted(socket, dir.resolve("missing.sock")));
      assertEquals("", result.err());
      assertEquals("Hello, unix!\nStatusCode.UNAVAILABLE True\n", result.out());
    }
  }

  @Test
  void receiveSizeLimit_failsWithResourceExhausted() throws IOException {
    try (DemoServer server = DemoServer.start(0)) {
      ScriptHarness.Result result = run(server, """
          target = '127.0.0.1:' + sys.argv[1]
          small_in = Client(target, max_receive_message_size=1000)
          small_in.load('demo.echo_pb2')
          attempt(lambda: len(small_in.request('Echo', data=b'x' * 100).data))
          attempt(lambda: small_in.request('Echo', data=b'x' * 5000))
          small_out = Client(target, max_send_message_size=1000, keepalive_time=30,
                             keepalive_timeout=5)
          small_out.load('demo.echo_pb2')
          attempt(lambda: small_out.request('Echo', data=b'x' * 5000))
          attempt(lambda: small_out.request('Echo', name='fits').name)
          """);
      assertEquals("", result.err());
      String[] lines = result.out().split("\n");
      assertEquals("ok 100", lines[0]);
      assertTrue(lines[1].startsWith("RpcError StatusCode.RESOURCE_EXHAUSTED"), lines[1]);
      assertEquals("RpcError StatusCode.RESOURCE_EXHAUSTED request of 5003 bytes is larger than "
          + "max_send_message_size 1000", lines[2]);
      assertEquals("ok fits", lines[3]);
    }
  }
}
