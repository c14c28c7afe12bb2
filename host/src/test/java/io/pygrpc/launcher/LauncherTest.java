package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pygrpc.guest.Engines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher in-process, as picocli recommends: exit codes and exact output. */
class LauncherTest {
  static final Engine ENGINE = Engines.shared();
  static final Path SCRIPTS = Path.of("../scripts").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  record Run(int status, String out, String err) {}


  static Run launch(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main = new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), () -> ENGINE);
    int status = Main.commandLine(main).execute(args);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path script(String source) throws IOException {
    return Files.writeString(dir.resolve("s.py"), source);
  }

  @Test
  void run_scriptEnvironment_isLikePython() throws IOException {
    Path file = script("""
        import sys, os
        print(sys.argv[1:], sys.path[0] == os.path.dirname(os.path.abspath(__file__)), __name__)
        print(input().upper())
        sys.exit(3)
        """);
    Run run = launch("hello\n", file.toString(), "a", "--flag", "-x");
    assertEquals("['a', '--flag', '-x'] True __main__\nHELLO\n", run.out());
    assertEquals("", run.err());
    assertEquals(3, run.status());
  }

  @Test
  void run_uncaughtException_printsPythonTracebackOfTheScriptAndExits1() throws IOException {
    Path file = script("""
        def greet(client):
            return client.request('SayHello', name='x')

        from pygrpc import Client
        greet(Client('localhost', 1))
        """);
    Run run = launch("", file.toString());
    assertEquals(1, run.status());
    assertEquals("""
        Traceback (most recent call last):
          File "%1$s", line 5, in <module>
            greet(Client('localhost', 1))
          File "%1$s", line 2, in greet
            return client.request('SayHello', name='x')
                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
        """.formatted(file.toAbsolutePath()), run.err().substring(0, run.err().indexOf("  File",
        run.err().indexOf("line 2"))));
    assertTrue(run.err().endsWith("LookupError: no services are loaded, so method \"SayHello\" "
        + "cannot be found; load a schema first, e.g. client.load('helloworld_pb2')\n"), run.err());
    assertFalse(run.err().contains("at io.pygrpc") || run.err().contains("java."), run.err());
  }

  @Test
  void run_exitWithMessage_printsItAndExits1() throws IOException {
    Run run = launch("", script("import sys\nsys.exit('giving up')\n").toString());
    assertEquals("giving up\n", run.err());
    assertEquals(1, run.status());
  }

  @Test
  void run_missingScript_isUsageError() {
    Run run = launch("", "nope.py");
    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("Cannot open the script 'nope.py': no such file.\n"), run.err());
  }

  @Test
  void run_noScript_isUsageErrorPointingAtHelp() {
    Run run = launch("");
    assertEquals(2, run.status());
    assertTrue(run.err().startsWith("No script given. Run 'pygrpc SCRIPT.py [ARGS...]', or see "
        + "'pygrpc --help'.\n"), run.err());
  }

  @Test
  void version_printsPygrpcAndJava() {
    Run run = launch("", "--version");
    assertEquals(0, run.status());
    assertTrue(run.out().startsWith("pygrpc "), run.out());
    assertTrue(run.out().contains("\nJava "), run.out());
  }
}
