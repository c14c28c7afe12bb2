package io.pygrpc.guest;

import io.pygrpc.demo.DemoServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Engine;

/**
 * Runs short Python and JavaScript scripts in real GraalPy/GraalJS contexts on one shared engine, against the demo
 * server, and captures what they print.
 */
final class ScriptHarness {
  static final Engine ENGINE = Engines.shared();

  /** What a run printed and returned. */
  record Result(int status, String out, String err) {}

  private ScriptHarness() {}

  /** Runs {@code source} as a script in {@code dir}, with the demo server's port as argv[1]. */
  static Result run(Path dir, DemoServer server, String source) {
    return run(dir, server, source, "");
  }

  static Result run(Path dir, DemoServer server, String source, String stdin) {
    try {
      Path script = dir.resolve("snippet.py");
      Files.writeString(script, source);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = new PythonScripts(ENGINE,
          new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err)
          .run(script, List.of(Integer.toString(server.port())));
      return new Result(status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code source} as a JavaScript script ({@code .mjs} when {@code module}). */
  static Result runJs(Path dir, DemoServer server, String source, boolean module) {
    try {
      Path script = dir.resolve(module ? "snippet.mjs" : "snippet.js");
      Files.writeString(script, source);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = new JsScripts(ENGINE, new ByteArrayInputStream(new byte[0]), out, err,
          List.of()).run(script, List.of(Integer.toString(server.port())));
      return new Result(status, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the modern protoc fixtures (helloworld_pb2, demo/*) into a script folder. */
  static void copyFixtures(Path dir) throws IOException {
    Path from = Path.of("src/test/resources/pb2/modern");
    try (var files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve(from.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to);
      }
    }
  }
}
