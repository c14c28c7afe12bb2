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
 * src/test/resources/expected/NAME.out says. helloworld.py talks to port 50051 as the seed did;
 * WrapperIT runs it with the README's command.
 */
class ExampleScriptsTest {
  static final Path EXPECTED = Path.of("src/test/resources/expected");

  static Stream<String> scripts() throws IOException {
    try (Stream<Path> files = Files.list(LauncherTest.SCRIPTS)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".py") && !n.endsWith("_pb2.py") && !n.endsWith("_pb2_grpc.py"))
          .filter(n -> !n.equals("helloworld.py"))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void script_againstDemoServer_printsItsExpectedOutput(String script) throws IOException {
    String expected = Files.readString(EXPECTED.resolve(script.replace(".py", ".out")));
    LauncherTest.Run run = LauncherTest.launch("", "demo", "--port", "0",
        LauncherTest.SCRIPTS.resolve(script).toString(), "127.0.0.1:{port}");
    assertEquals("", run.err());
    assertEquals(expected, run.out());
    assertEquals(0, run.status());
  }

  @Test
  void everyExpectedOutput_hasItsScript() throws IOException {
    try (Stream<Path> outputs = Files.list(EXPECTED)) {
      outputs.forEach(out -> assertTrue(Files.exists(LauncherTest.SCRIPTS.resolve(
          out.getFileName().toString().replace(".out", ".py"))), out.toString()));
    }
  }
}
