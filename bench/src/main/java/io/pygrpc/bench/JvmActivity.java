package io.pygrpc.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * What the bench's JVM spent beside the contenders in a round: the JIT compilers' time and the
 * collectors' time, in ms. On two cores a round measured while C2 still compiles GraalPy's
 * interpreter is slower for every contender, and not by the same share; printing it lets a
 * reader tell such rounds from settled ones.
 */
final class JvmActivity {
  private JvmActivity() {}

  /** The JIT's and the collectors' accumulated time so far (ms). */
  static long[] now() {
    long gc = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, collector.getCollectionTime());
    }
    var jit = ManagementFactory.getCompilationMXBean();
    long compiling = jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() : 0;
    return new long[] {compiling, gc};
  }

  /** What {@link #now()} has grown by since {@code before}. */
  static long[] since(long[] before) {
    long[] after = now();
    return new long[] {after[0] - before[0], after[1] - before[1]};
  }

  /** One line: each round's JIT and GC time, the warm-up rounds marked. */
  static String describe(List<long[]> rounds, List<Boolean> warmup) {
    StringBuilder line = new StringBuilder("  JIT compiling/GC per round, ms:");
    for (int round = 0; round < rounds.size(); round++) {
      line.append(String.format(Locale.ROOT, " %s%,d/%,d", warmup.get(round) ? "(warm-up) " : "",
          rounds.get(round)[0], rounds.get(round)[1]));
    }
    return line.toString();
  }
}
