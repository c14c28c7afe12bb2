package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context made ahead for the warm daemon's next run: the run that fits takes it and sees its
 * own arguments, stdin and output; one from another folder or environment builds its own, so
 * it never sees the spare's.
 */
class SpareContextTest {
  private static final String SHOW = """
      import os, sys
      print(sys.argv, os.environ.get('WHO'), os.getcwd() == sys.argv[1], input())
      print('to stderr', file=sys.stderr)
      """;

  @Test
  void runInTheSameFolderAndEnvironment_takesTheSpare_withItsOwnArgsAndStreams(
      @TempDir Path dir) throws Exception {
    ScriptEnv where = ScriptEnv.of(dir, Map.of("WHO", "first"));
    try (SpareContext spare = SpareContext.prepare(ScriptHarness.ENGINE, where)) {
      String[] printed = run(ScriptEnv.of(dir, Map.of("WHO", "first")), spare, dir);
      assertTrue(spare.taken());
      assertEquals("['-c', '" + dir + "'] first True typed\n", printed[0], printed[1]);
      assertEquals("to stderr\n", printed[1]);
    }
  }

  @Test
  void runWithAnotherEnvironmentOrFolder_buildsItsOwn(@TempDir Path dir, @TempDir Path other)
      throws Exception {
    try (SpareContext spare = SpareContext.prepare(ScriptHarness.ENGINE,
        ScriptEnv.of(dir, Map.of("WHO", "first")))) {
      String[] printed = run(ScriptEnv.of(dir, Map.of("WHO", "second")), spare, dir);
      assertFalse(spare.taken());
      assertEquals("['-c', '" + dir + "'] second True typed\n", printed[0], printed[1]);
    }
    try (SpareContext spare = SpareContext.prepare(ScriptHarness.ENGINE,
        ScriptEnv.of(dir, Map.of("WHO", "first")))) {
      String[] printed = run(ScriptEnv.of(other, Map.of("WHO", "first")), spare, other);
      assertFalse(spare.taken());
      assertEquals("['-c', '" + other + "'] first True typed\n", printed[0], printed[1]);
    }
  }

  /**
   * The spare imports the package ahead, with a bridge of its own making: the run that takes it
   * gives that bridge its settings, here the launcher's -I folder for a .proto's imports.
   */
  @Test
  void theSparesPackage_servesTheRun_withTheRunsProtoPath(@TempDir Path dir, @TempDir Path protos)
      throws Exception {
    java.nio.file.Files.writeString(protos.resolve("dep.proto"),
        "syntax = \"proto3\"; package t; message Dep { string v = 1; }");
    java.nio.file.Files.writeString(dir.resolve("main.proto"), "syntax = \"proto3\"; "
        + "import \"dep.proto\"; package t; message M { Dep d = 1; } "
        + "service S { rpc Get(M) returns (M); }");
    try (SpareContext spare = SpareContext.prepare(ScriptHarness.ENGINE,
        ScriptEnv.of(dir, Map.of()))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = new PythonScripts(ScriptHarness.ENGINE, new ByteArrayInputStream(new byte[0]),
          out, err, List.of(protos)).in(ScriptEnv.of(dir, Map.of())).spare(spare).runCode("""
              from pygrpc import Client
              client = Client('localhost', 1)
              print(client.load('main.proto'), client.message('M', d={'v': 'x'}).d.v)
              """, "<string>", List.of());
      assertTrue(spare.taken());
      assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
      assertEquals("['t.S'] x\n", out.toString(StandardCharsets.UTF_8));
    }
  }

  private static String[] run(ScriptEnv where, SpareContext spare, Path cwd) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new PythonScripts(ScriptHarness.ENGINE,
        new ByteArrayInputStream("typed\n".getBytes(StandardCharsets.UTF_8)), out, err)
        .in(where).spare(spare).runCode(SHOW, "<string>", List.of(cwd.toString()));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    return new String[] {out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }
}
