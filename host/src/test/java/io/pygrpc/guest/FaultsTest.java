package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pygrpc.demo.DemoServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults a script meets, through real servers: restarts, silence, refusal, death, threads. */
class FaultsTest {
  @TempDir
  Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void serverRestartedBetweenCalls_theNextCallReconnects() throws Exception {
    int port = freePort();
    DemoServer first = DemoServer.start(port);
    DemoServer[] second = new DemoServer[1];
    try {
      Thread restarter = new Thread(() -> {
        try {
          Thread.sleep(1500);
          first.close();
          second[0] = DemoServer.start(port);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      restarter.start();
      ScriptHarness.Result result = ScriptHarness.run(dir, first, """
          import sys, time
          from pygrpc import Client, RpcError
          c = Client('127.0.0.1', int(sys.argv[1]))
          c.load()
          print(c.request('SayHello', name='before').message)
          time.sleep(3)                                   # the server restarts meanwhile
          try:
              print(c.request('SayHello', name='after').message)
          except RpcError as e:
              print('first call after the restart:', e.code())
              print(c.request('SayHello', name='after', wait_for_ready=True, timeout=10).message)
          """);
      restarter.join();
      assertEquals("", result.err());
      assertTrue(result.out().startsWith("Hello, before!\n") && result.out().endsWith(
          "Hello, after!\n"), result.out());
    } finally {
      first.close();
      if (second[0] != null) {
        second[0].close();
      }
    }
  }

  @Test
  void serverThatNeverAnswers_theDeadlineFires_andRefusedConnectionsFailFast()
      throws IOException {
    var silent = DemoServer.service(io.pygrpc.demo.DemoSchema.load().get("helloworld.proto")
        .findServiceByName("Greeter"), Map.of("SayHello", (request, replies) -> { }));
    try (DemoServer server = DemoServer.start(0, List.of(silent))) {
      ScriptHarness.Result result = ScriptHarness.run(dir, server, """
          import re, sys, time
          from pygrpc import Client, RpcError
          c = Client('127.0.0.1', int(sys.argv[1]))
          c.load()
          start = time.monotonic()
          try:
              c.request('SayHello', name='anyone?', timeout=0.5)
          except RpcError as e:
              said = re.fullmatch(r'deadline exceeded after 0\\.[45]\\d\\d s', e.details())
              print(e.code(), 0.5 <= time.monotonic() - start < 2.5, said is not None)
          refused = Client('127.0.0.1', %d)
          start = time.monotonic()
          try:
              refused.load()
          except RpcError as e:
              print(e.code(), time.monotonic() - start < 2, 'Connection refused' in e.details())
          """.formatted(freePort()));
      assertEquals("", result.err());
      assertEquals("StatusCode.DEADLINE_EXCEEDED True True\nStatusCode.UNAVAILABLE True True\n",
          result.out());
    }
  }

  /** The demo server in a process of its own, so that killing it is a real crash. */
  private static Process serverProcess(int port) throws Exception {
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "io.pygrpc.launcher.Main", "demo", "--port", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return process;
      } catch (IOException notYet) {
        assertTrue(process.isAlive(), "the demo server process exited");
        Thread.sleep(100);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("the demo server process did not start");
  }

  @Test
  void serverKilledMidStream_whatArrivedIsDelivered_thenUnavailable() throws Exception {
    int port = freePort();
    Process server = serverProcess(port);
    Thread killer = new Thread(() -> {
      try {
        Thread.sleep(2500);
        server.destroyForcibly(); // SIGKILL: the connection just drops
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    killer.start();
    try (DemoServer portHolder = DemoServer.start(0)) {
      ScriptHarness.Result result = ScriptHarness.run(dir, portHolder, """
          import sys
          from pygrpc import Client, RpcError
          c = Client('127.0.0.1', %d)
          c.load()
          seen = []
          try:
              for tick in c.request('Ticks', count=0, delay_ms=20):
                  seen.append(tick.seq)
          except RpcError as e:
              print(e.code(), len(seen) > 10, seen == list(range(1, len(seen) + 1)))
          """.formatted(port));
      assertEquals("", result.err());
      assertEquals("StatusCode.UNAVAILABLE True True\n", result.out());
    } finally {
      killer.join();
      server.destroyForcibly().waitFor();
    }
  }

  @Test
  void thirtyTwoScriptThreads_shareOneClient() {
    try (DemoServer server = DemoServer.start(0)) {
      ScriptHarness.Result result = ScriptHarness.run(dir, server, """
          import sys, threading
          from pygrpc import Client
          c = Client('127.0.0.1', int(sys.argv[1]))
          c.load()
          wrong = []
          def work(n):
              for i in range(50):
                  name = '%d-%d' % (n, i)
                  if c.request('SayHello', name=name).message != 'Hello, %s!' % name:
                      wrong.append(name)
          threads = [threading.Thread(target=work, args=(n,)) for n in range(32)]
          for t in threads: t.start()
          for t in threads: t.join()
          print('calls', 32 * 50, 'wrong', len(wrong))
          """);
      assertEquals("", result.err());
      assertEquals("calls 1600 wrong 0\n", result.out());
    }
  }
}
