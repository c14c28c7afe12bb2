package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in scripts/ runs through the launcher against the demo server, and prints what
 * src/test/resources/expected/NAME.out says. The Python and JavaScript twins of an example
 * (NAME.py, NAME.js or NAME.mjs) print the same, so both are held to one file; where the
 * languages must differ (a type named in an error), NAME.js.out says what JavaScript prints.
 * helloworld talks to port 50051 as the seed did; WrapperIT runs it with the README's command.
 */
class ExampleScriptsTest {
  static final Path EXPECTED = Path.of("src/test/resources/expected");

  static Stream<String> scripts() throws IOException {
    try (Stream<Path> files = Files.list(LauncherTest.SCRIPTS)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> (n.endsWith(".py") || n.endsWith(".js") || n.endsWith(".mjs"))
              && !n.endsWith("_pb2.py") && !n.endsWith("_pb2_grpc.py"))
          .filter(n -> !n.startsWith("helloworld."))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void script_againstDemoServer_printsItsExpectedOutput(String script) throws IOException {
    String name = script.substring(0, script.lastIndexOf('.'));
    Path own = EXPECTED.resolve(name + ".js.out");
    String expected = Files.readString(!script.endsWith(".py") && Files.exists(own) ? own
        : EXPECTED.resolve(name + ".out"));
    LauncherTest.Run run = LauncherTest.launch("", "demo", "--port", "0",
        LauncherTest.SCRIPTS.resolve(script).toString(), "127.0.0.1:{port}");
    assertEquals("", run.err());
    assertEquals(expected, run.out());
    assertEquals(0, run.status());
  }

  @Test
  void everyExpectedOutput_hasItsScriptInBothLanguages() throws IOException {
    try (Stream<Path> outputs = Files.list(EXPECTED)) {
      outputs.map(out -> out.getFileName().toString()).filter(n -> !n.endsWith(".js.out"))
          .forEach(out -> {
            String name = out.replace(".out", "");
            assertTrue(Files.exists(LauncherTest.SCRIPTS.resolve(name + ".py")), name + ".py");
            assertTrue(Files.exists(LauncherTest.SCRIPTS.resolve(name + ".js"))
                || Files.exists(LauncherTest.SCRIPTS.resolve(name + ".mjs")), name + ".js");
          });
    }
  }
}
