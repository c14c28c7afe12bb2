package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pygrpc.demo.DemoServer;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that run Python snippets against one demo server per class, in a folder
 * holding the protoc fixtures. The prelude gives every snippet {@code client} and
 * {@code attempt(f)}, which prints {@code ok <result>} or {@code <Exception>: <message>}.
 */
abstract class DemoScriptTest {
  static DemoServer server;
  @TempDir
  static Path dir;

  @BeforeAll
  static void startDemo() throws IOException {
    server = DemoServer.start(0);
    ScriptHarness.copyFixtures(dir);
  }

  @AfterAll
  static void stopDemo() {
    server.close();
  }

  /** {@link #output(String, String)} with the demo's echo service loaded. */
  static String echoOutput(String body) {
    return output("""
        client.load('demo.echo_pb2')
        """, body);
  }

  /** What the snippet prints after the prelude and {@code loads}; it must not fail. */
  static String output(String loads, String body) {
    ScriptHarness.Result result = ScriptHarness.run(dir, server, """
        import sys, datetime
        from pygrpc import Client, Message, RpcError, StatusCode, DescriptorError
        client = Client('127.0.0.1', int(sys.argv[1]))
        def attempt(f):
            try:
                print('ok', f())
            except Exception as e:
                print(type(e).__name__ + ':', e)
        """ + loads + body);
    assertEquals("", result.err());
    assertEquals(0, result.status());
    return result.out();
  }
}
