package io.pygrpc.launcher;

import io.pygrpc.demo.DemoServer;
import io.pygrpc.guest.PythonScripts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.graalvm.polyglot.Engine;

/**
 * What the warm daemon runs before it listens, and again while it is idle: a script that loads
 * a schema, makes a unary call, reads a stream and meets an RPC error, against a demo server of
 * its own. A first context on an engine pays for GraalPy's set-up and for loading pygrpc's,
 * grpc-java's and Netty's classes, and later ones for HotSpot's compiling of the paths every
 * run takes; without this the first warm runs would pay for both.
 */
final class DaemonWarmup {
  private static final String SCRIPT = """
      import sys
      from pygrpc import Client, RpcError
      with Client('127.0.0.1', int(sys.argv[1])) as client:
          client.load()
          assert client.request('SayHello', name='warm').message == 'Hello, warm!'
          for _ in client.request('Ticks', count=3):
              pass
          try:
              client.request('Fail', code=5, message='warm')
          except RpcError:
              pass
      """;

  /**
   * Runs of the script before the daemon listens, each in a context of its own as a client's
   * run: the first pays for the set-up, the next give HotSpot's compilers the paths every run
   * takes.
   */
  static final int BEFORE = 4;

  /**
   * Runs after it listens, while no client's run is in progress: a warm hello-world took ~0.5 s,
   * then 0.2–0.3 s, and settled at 0.13–0.2 s only after a dozen runs.
   */
  static final int WHILE_IDLE = 16;

  private DaemonWarmup() {}

  /**
   * Runs the warm-up {@code rounds} times, each once {@code idle} says so (waiting meanwhile);
   * a failure is only written to {@code log}: the daemon serves anyway.
   */
  static void run(Engine engine, int rounds, java.util.function.BooleanSupplier idle,
      java.io.PrintStream log) {
    try (DemoServer server = DemoServer.start(0)) {
      for (int round = 0; round < rounds; round++) {
        while (!idle.getAsBoolean()) {
          Thread.sleep(200);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = new PythonScripts(engine, new ByteArrayInputStream(new byte[0]), output,
            output).runCode(SCRIPT, "<string>", List.of(Integer.toString(server.port())));
        if (status != 0) {
          log.println("pygrpc daemon: the warm-up failed (status " + status + "): " + output);
          return;
        }
      }
    } catch (RuntimeException e) {
      log.println("pygrpc daemon: the warm-up failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
