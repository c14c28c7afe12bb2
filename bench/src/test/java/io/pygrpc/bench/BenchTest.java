package io.pygrpc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness runs end to end on a tiny size; the figures themselves are not judged here. */
class BenchTest {
  @Test
  void tinyRun_measuresEveryFigure_andPrintsTheirRatios() throws Exception {
    System.setProperty("pygrpc.scripts", "../scripts");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<Bench.Figure> figures = new Bench(40, 1, 1, 4, 2,
        new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
    assertEquals(3, figures.size());
    for (Bench.Figure figure : figures) {
      assertTrue(figure.pygrpc() > 0 && figure.raw() > 0, figure.toString());
    }
    String table = printed.toString(StandardCharsets.UTF_8);
    assertTrue(table.contains("unary, sequential (calls/s)"), table);
    assertTrue(table.contains("bulk unary, concurrency 4 (calls/s)"), table);
    assertTrue(table.contains("median of 1 rounds after 1 warm-up round(s)"), table);
    assertTrue(table.contains("each pygrpc script loaded once"), table);
    // The warm-up round, then the kept one: each figure's line shows both pygrpc/grpc-java
    // pairs, the first marked.
    String pair = "[\\d,]+/[\\d,]+";
    assertTrue(table.lines().filter(l -> l.startsWith("  rounds, ")).allMatch(l -> l.matches(
        "  rounds, \\w+\\.py: \\(warm-up\\) " + pair + " " + pair + " \\(pygrpc/grpc-java\\)")),
        table);
    // The JIT's and GC's time in each of the two rounds, the warm-up one marked.
    String background = table.lines().filter(l -> l.startsWith("  JIT compiling/GC per round"))
        .findFirst().orElseThrow(() -> new AssertionError(table));
    assertTrue(background.matches(".*: \\(warm-up\\) [\\d,]+/[\\d,]+ [\\d,]+/[\\d,]+"),
        background);
  }

  @Test
  void only_measuresTheFiguresNamed_freshContextsRunTheScriptsAsScripts() throws Exception {
    System.setProperty("pygrpc.scripts", "../scripts");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<Bench.Figure> figures = new Bench(40, 1, 0, 4, 1, new boolean[] {false, true, false},
        new PrintStream(printed, true, StandardCharsets.UTF_8)).freshContexts().settleWarmup(2)
        .run();
    assertEquals(1, figures.size());
    assertEquals("server streaming (messages/s)", figures.get(0).name());
    assertTrue(figures.get(0).pygrpc() > 0 && figures.get(0).raw() > 0, figures.toString());
    String table = printed.toString(StandardCharsets.UTF_8);
    assertFalse(table.contains("unary_loop.py"), table);
    assertFalse(table.contains("map_bulk.py"), table);
    assertTrue(table.contains("each pygrpc slice a fresh context"), table);
    // No warm-up round required, up to two while the JIT is busy; then the one kept round.
    assertTrue(table.contains("median of 1 rounds after 0 to 2 warm-up rounds"), table);
    String background = table.lines().filter(l -> l.startsWith("  JIT compiling/GC per round"))
        .findFirst().orElseThrow(() -> new AssertionError(table));
    assertTrue(background.matches(".*: (\\(warm-up\\) [\\d,]+/[\\d,]+ ){0,2}[\\d,]+/[\\d,]+"),
        background);
  }
}
