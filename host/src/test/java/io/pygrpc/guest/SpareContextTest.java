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
