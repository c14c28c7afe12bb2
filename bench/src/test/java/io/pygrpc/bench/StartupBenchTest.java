package io.pygrpc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up harness runs end to end for one round; the times themselves are not judged. */
class StartupBenchTest {
  @Test
  void oneRound_timesPygrpcAndPlainGrpcJava_andPrintsTheirRatio() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<StartupBench.Figure> figures = new StartupBench(1, 100, Path.of(".."),
        new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
    assertTrue(figures.size() >= 2, figures.toString());
    StartupBench.Figure pygrpc = figures.get(0);
    StartupBench.Figure plain = figures.get(1);
    assertEquals("pygrpc (./pygrpc, cold)", pygrpc.name());
    assertTrue(plain.name().startsWith("plain grpc-java"), plain.name());
    assertTrue(pygrpc.median() > 0 && plain.median() > 0, figures.toString());
    assertEquals(pygrpc.median() / plain.median(), pygrpc.plainRatio(), 1e-9);
    assertEquals(1.0, plain.plainRatio(), 1e-9);
    String table = printed.toString(StandardCharsets.UTF_8);
    assertTrue(table.startsWith("pygrpc start-up bench: hello-world as a whole process"), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("pygrpc (./pygrpc, cold)")), table);
  }
}
