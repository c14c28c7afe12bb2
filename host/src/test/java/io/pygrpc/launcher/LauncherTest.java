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
public class LauncherTest {
  static final Engine ENGINE = Engines.shared();
  static final Path SCRIPTS = Path.of("../scripts").toAbsolutePath().normalize();

  @TempDir
  Path dir;

  /** What an in-process launch printed and returned; other packages' tests use it too. */
  public record Run(int status, String out, String err) {}


  public static Run launch(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main = new Main(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), () -> ENGINE);
    int status = Main.run(main, args); // as Main.main and the warm daemon run it
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path script(String source) throws IOException {
    return Files.writeString(dir.resolve("s.py"), source);
  }

  @Test
  void help_saysHowToKeepRunsOutOfTheWarmDaemon() {
    Run help = launch("", "--help");
    assertEquals(0, help.status());
    String flat = help.out().replaceAll("\\s+", " ");
    assertTrue(flat.contains("Scripts, -c, call, list and describe run in a warm daemon once "
        + "the first such run has started one (it leaves after 30 minutes without a run). "
        + "PYGRPC_DAEMON=0: each run in a JVM of its own; pygrpc --stop-daemon stops it."),
        help.out());
  }

  @Test
  void help_listsEverySubcommand_andEachAnswersItsOwnHelp() {
    String help = launch("", "--help").out();
    for (String name : LaunchArgs.SUBCOMMANDS) {
      assertTrue(help.contains("  " + name + " "), name + " missing from:\n" + help);
    }
    Run list = launch("", "list", "--help");
    assertEquals(0, list.status());
    assertTrue(list.out().contains("Usage: pygrpc list"), list.out());
    Run call = launch("", "-v", "call", "--help");
    assertTrue(call.out().contains("Usage: pygrpc call"), call.out());
    Run viaHelp = launch("", "help", "describe");
    assertTrue(viaHelp.out().contains("Usage: pygrpc describe"), viaHelp.out());
  }

  @Test
  void dashC_andAPipedProgram_runAsPythonRunsThem() {
    Run code = launch("", "-c", "import sys; print(sys.argv, __name__)", "a", "-x");
    assertEquals("['-c', 'a', '-x'] __main__\n", code.out());
    assertEquals(0, code.status());
    Run piped = launch("import sys\nprint(sys.argv)\nsys.exit(4)\n");
    assertEquals("['-']\n", piped.out());
    assertEquals(4, piped.status());
    Run failing = launch("", "-c", "1/0");
    assertEquals(1, failing.status());
    assertTrue(failing.err().endsWith("ZeroDivisionError: division by zero\n"), failing.err());
  }

  @Test
  void verbose_logsEachCallsMethodStatusAndDuration_butNoMetadata() {
    try (io.pygrpc.demo.DemoServer server = io.pygrpc.demo.DemoServer.start(0)) {
      Run run = launch("", "-v", "-c", String.join("\n",
          "import sys",
          "from pygrpc import Client, RpcError",
          "c = Client('127.0.0.1', int(sys.argv[1]), metadata={'authorization': 'secret'})",
          "c.load()",
          "c.request('SayHello', name='v')",
          "try:",
          "    c.request('Fail', code=5, message='gone')",
          "except RpcError:",
          "    pass"), Integer.toString(server.port()));
      assertEquals(0, run.status(), run.err());
      java.util.List<String> lines = run.err().lines().toList();
      assertTrue(lines.get(0).matches("pygrpc: grpc\\.reflection\\.v1\\.ServerReflection/"
          + "ServerReflectionInfo OK [0-9.]+ ms"), lines.get(0));
      assertTrue(lines.stream().anyMatch(l -> l.matches(
          "pygrpc: helloworld\\.Greeter/SayHello OK [0-9.]+ ms")), run.err());
      assertTrue(lines.stream().anyMatch(l -> l.matches(
          "pygrpc: pygrpc\\.demo\\.Echo/Fail NOT_FOUND [0-9.]+ ms: gone")), run.err());
      assertFalse(run.err().contains("secret"));
    }
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
    assertEquals("""
        pygrpc: Cannot open the script 'nope.py': no such file.
        Usage: pygrpc [-hvV] [-c=CODE] [-I=DIR]... [SCRIPT] [ARGS...] [COMMAND]
        Try 'pygrpc --help' for more information.
        """, run.err());
  }

  @Test
  void usageErrors_sayWhatIsWrong_theSynopsis_andWhereHelpIs() {
    Run typo = launch("", "lsit", "127.0.0.1:1");
    assertEquals(2, typo.status());
    assertTrue(typo.err().startsWith(
        "pygrpc: Cannot open the script 'lsit': no such file. Did you mean 'list'?\n"),
        typo.err());
    Run option = launch("", "call", "127.0.0.1:1", "SayHello", "--protos", "x.proto");
    assertEquals(2, option.status());
    String[] lines = option.err().split("\n");
    assertEquals("pygrpc: Unknown options: '--protos', 'x.proto'", lines[0]);
    assertEquals("Possible solutions: --proto, --proto-path, --protoset", lines[1]);
    assertTrue(lines[2].startsWith("Usage: pygrpc call "), lines[2]);
    assertEquals("Try 'pygrpc call --help' for more information.", lines[lines.length - 1]);
    assertEquals("", option.out());
  }

  @Test
  void version_printsPygrpcAndJava() {
    Run run = launch("", "--version");
    assertEquals(0, run.status());
    assertTrue(run.out().startsWith("pygrpc "), run.out());
    assertTrue(run.out().contains("\nJava "), run.out());
  }
}
