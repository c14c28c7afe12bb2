package io.pygrpc.bench;

import io.pygrpc.guest.Engines;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.Engine;

/**
 * Throughput of Python scripts through pygrpc against raw grpc-java in the same JVM, against
 * the same loopback server (the demo server in a JVM of its own, so it does not share this
 * one's compiler threads and heap), and (when Debian's python3-grpcio is installed) CPython grpcio:
 * each figure the median of several rounds, printed with its ratios.
 *
 * <pre>bin/bench [--calls N] [--rounds R] [--warmup W] [--max-warmup M] [--concurrency C]
 *     [--slices S] [--only unary|stream|bulk[,...]] [--fresh-contexts]</pre>
 *
 * <p>Warm-up rounds are run and dropped, for every contender alike: as JMH's warm-up
 * iterations, they let the JIT compile the paths measured. At least W (1 by default), then
 * more, up to M (6) in all, while the JIT's time took over a tenth of the last round. The first
 * round of a fresh JVM ran pygrpc's Python at 55–65% of its later rounds (the compiler still
 * at work on the Python interpreter), grpc-java at 80–100%; the rounds line prints the warm-up
 * rounds' figures too.
 */
public final class Bench {
  /**
   * The contenders of a figure: pygrpc, CPython grpcio and up to two raw grpc-java paths
   * (unary: the blocking stub and pygrpc's call path from Java; streaming: the blocking
   * iterator and an async observer; bulk: the async stub alone).
   */
  private static final int PYGRPC = 0;
  private static final int GRPCIO = 1;
  private static final int RAW_A = 2;
  private static final int RAW_B = 3;

  private final int calls;
  private final int rounds;
  private final int warmup;
  private final int concurrency;
  private final int slices;
  /** The figures measured, by index (unary, stream, bulk): --only studies one in a third of the time. */
  private final boolean[] measured;
  private final PrintStream out;
  private final Engine engine = Engines.shared();
  private boolean freshContexts;
  /** Warm-up rounds at most, counting the first {@code warmup} (see {@link #run}). */
  private int maxWarmup;
  /** A round whose JIT time was at most this share of it ends the warm-up. */
  private static final double SETTLED_JIT_SHARE = 0.10;

  Bench(int calls, int rounds, int warmup, int concurrency, int slices, PrintStream out) {
    this(calls, rounds, warmup, concurrency, slices, new boolean[] {true, true, true}, out);
  }

  Bench(int calls, int rounds, int warmup, int concurrency, int slices, boolean[] measured,
      PrintStream out) {
    this.measured = measured.clone();
    this.calls = calls;
    this.slices = slices;
    this.rounds = rounds;
    this.warmup = warmup;
    this.maxWarmup = warmup;
    this.concurrency = concurrency;
    this.out = out;
  }

  /** Runs each pygrpc slice's script in a fresh context (see {@link PythonContender}). */
  Bench freshContexts() {
    freshContexts = true;
    return this;
  }

  /** Runs up to {@code max} warm-up rounds in all while the JIT is busy (see {@link #run}). */
  Bench settleWarmup(int max) {
    maxWarmup = Math.max(warmup, max);
    return this;
  }

  public static void main(String[] args) throws Exception {
    int calls = 20_000;
    int rounds = 3;
    int warmup = 1;
    int concurrency = 64;
    int slices = 4;
    boolean[] measured = {true, true, true};
    boolean fresh = false;
    int maxWarmup = 6;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--calls" -> calls = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
        case "--slices" -> slices = Integer.parseInt(args[++i]);
        case "--only" -> measured = only(args[++i]);
        case "--fresh-contexts" -> fresh = true;
        case "--max-warmup" -> maxWarmup = Integer.parseInt(args[++i]);
        default -> usage();
      }
    }
    Bench bench = new Bench(calls, rounds, warmup, concurrency, slices, measured, System.out)
        .settleWarmup(maxWarmup);
    (fresh ? bench.freshContexts() : bench).run();
    System.exit(0);
  }

  private static final List<String> FIGURES = List.of("unary", "stream", "bulk");

  /** --only's list, as flags by figure. */
  private static boolean[] only(String list) {
    boolean[] measured = new boolean[FIGURES.size()];
    for (String name : list.split(",")) {
      int index = FIGURES.indexOf(name.trim());
      if (index < 0) {
        System.err.println("bench: --only takes " + String.join(", ", FIGURES) + ", not '"
            + name + "'");
        usage();
      }
      measured[index] = true;
    }
    return measured;
  }

  private static void usage() {
    System.err.println("usage: bench [--calls N] [--rounds R] [--warmup W] [--max-warmup M] "
        + "[--concurrency C] [--slices S] [--only unary|stream|bulk[,...]] [--fresh-contexts]");
    System.exit(2);
  }

  /**
   * One figure: pygrpc's, raw grpc-java's and CPython grpcio's medians (NaN when not measured),
   * and the medians of the ratios taken round by round.
   */
  record Figure(String name, double pygrpc, double raw, double grpcio, double rawRatio,
      double grpcioRatio) {}

  /**
   * Each round measures every contender, and each ratio is taken within a round: this shared
   * machine drifts by ±15% over minutes, which medians taken block by block turned into ratios
   * that moved as much as the code did. A round is cut into slices, each running every
   * contender on its share of the calls in turn (pygrpc first, then last): whole rounds of
   * 4 s per contender still put single rounds' unary ratios 0.64–0.93 apart.
   *
   * <p>Warm-up rounds are run and dropped: the first {@code warmup}, then more (up to {@code
   * maxWarmup} in all) while the JIT's time in the last round was over a tenth of it. C2
   * compiles GraalPy's interpreter for tens of thousands of calls after the first round
   * (bulk only: ~6 s of compiler time in the round after it, mostly under 0.35 s from the
   * seventh on), and a round measured meanwhile measures the compiler on the same two cores.
   */
  List<Figure> run() throws Exception {
    String[] names = {"unary, sequential (calls/s)", "server streaming (messages/s)",
        "bulk unary, concurrency " + concurrency + " (calls/s)"};
    // Per round, in order: its rates by figure and contender (PYGRPC, GRPCIO, RAW_A, RAW_B),
    // the JIT's compile time and the GC's collection time (ms), and whether it was a warm-up.
    List<double[][]> perRound = new ArrayList<>();
    List<long[]> background = new ArrayList<>();
    List<Boolean> warming = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start();
        PythonContender python = new PythonContender(engine, freshContexts)) {
      int port = server.port();
      Path scripts = unpackScripts();
      out.printf(Locale.ROOT, "pygrpc bench: %,d calls (streams of %,d messages) per round in "
          + "%d slices, median of %d rounds after %s, concurrency %d, %s, %d cores, %s%n",
          calls, messages(), slices, rounds, maxWarmup > warmup
              ? String.format(Locale.ROOT, "%d to %d warm-up rounds (more while the JIT took "
                  + "over a tenth of a round)", warmup, maxWarmup)
              : warmup + " warm-up round(s)",
          concurrency, engine.getImplementationName(),
          Runtime.getRuntime().availableProcessors(),
          freshContexts ? "each pygrpc slice a fresh context"
              : "each pygrpc script loaded once, its main() called per slice");
      int kept = 0;
      boolean settled = true; // read only after the first `warmup` rounds
      for (int round = 0; kept < rounds; round++) {
        boolean warmingUp = round < warmup || (round < maxWarmup && !settled);
        long[] before = JvmActivity.now();
        long start = System.nanoTime();
        perRound.add(round(port, scripts, python));
        long[] activity = JvmActivity.since(before);
        settled = activity[0] * 1e6 <= SETTLED_JIT_SHARE * (System.nanoTime() - start);
        background.add(activity);
        warming.add(warmingUp);
        kept += warmingUp ? 0 : 1;
      }
    }
    double[][][] rates = new double[3][4][rounds]; // the kept rounds'
    for (int round = 0, k = 0; round < perRound.size(); round++) {
      if (!warming.get(round)) {
        for (int f = 0; f < 3; f++) {
          for (int c = 0; c < 4; c++) {
            rates[f][c][k] = perRound.get(round)[f][c];
          }
        }
        k++;
      }
    }
    List<Figure> figures = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      if (!measured[f]) {
        continue;
      }
      double[] py = rates[f][PYGRPC];
      double[] grpcio = rates[f][GRPCIO];
      double[] raw = new double[rounds];
      double[] toRaw = new double[rounds];
      double[] toGrpcio = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        raw[round] = raw(f, rates[f][RAW_A][round], rates[f][RAW_B][round]);
        toRaw[round] = py[round] / raw[round];
        toGrpcio[round] = py[round] / grpcio[round];
      }
      figures.add(new Figure(names[f], median(py), median(raw), median(grpcio),
          median(toRaw), median(toGrpcio)));
    }
    out.printf(Locale.ROOT, "%-36s %12s %12s %7s %12s %7s%n", "figure", "pygrpc",
        "grpc-java", "ratio", "grpcio", "ratio");
    for (Figure f : figures) {
      out.printf(Locale.ROOT, "%-36s %,12.0f %,12.0f %6.2fx %12s %7s%n", f.name(), f.pygrpc(),
          f.raw(), f.rawRatio(), Double.isNaN(f.grpcio()) ? "-"
              : String.format(Locale.ROOT, "%,.0f", f.grpcio()),
          Double.isNaN(f.grpcio()) ? "-"
              : String.format(Locale.ROOT, "%.2fx", f.grpcioRatio()));
    }
    // Each round's own figures, so a reader can see how far the rounds spread and what the
    // warm-up rounds cost.
    for (int f = 0; f < 3; f++) {
      if (!measured[f]) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  rounds, %s:",
          SCRIPTS[f]));
      for (int round = 0; round < perRound.size(); round++) {
        double[] r = perRound.get(round)[f];
        line.append(String.format(Locale.ROOT, " %s%,.0f/%,.0f", warming.get(round)
            ? "(warm-up) " : "", r[PYGRPC], raw(f, r[RAW_A], r[RAW_B])));
      }
      out.println(line.append(" (pygrpc/grpc-java)"));
    }
    out.println(JvmActivity.describe(background, warming));
    StringBuilder legend = new StringBuilder("(ratios: the median of each round's own ratio");
    if (measured[0]) {
      legend.append(String.format(Locale.ROOT, "; unary grpc-java: the faster in each round of"
          + " the blocking stub, median %,.0f/s, and pygrpc's call path from Java, started on"
          + " the event loop, median %,.0f/s", median(rates[0][RAW_A]), median(rates[0][RAW_B])));
    }
    if (measured[1]) {
      legend.append(String.format(Locale.ROOT, "; streaming grpc-java: the faster in each round"
          + " of the blocking iterator, median %,.0f/s, and an async observer, median %,.0f/s",
          median(rates[1][RAW_A]), median(rates[1][RAW_B])));
    }
    out.println(legend.append(')'));
    out.flush();
    return figures;
  }

  private static final String[] SCRIPTS = {"unary_loop.py", "stream_loop.py", "map_bulk.py"};

  /** A figure's raw grpc-java rate: bulk has one raw contender, the others the faster of two. */
  private static double raw(int figure, double rawA, double rawB) {
    return figure == 2 ? rawA : Math.max(rawA, rawB);
  }

  /** A round's rates by figure and contender (NaN where not measured). */
  private double[][] round(int port, Path scripts, PythonContender python) throws Exception {
    Tally[][] tallies = new Tally[3][4];
    for (Tally[] figure : tallies) {
      Arrays.setAll(figure, i -> new Tally());
    }
    for (int slice = 0; slice < slices; slice++) {
      int sliceCalls = Math.max(1, calls / slices);
      int sliceMessages = Math.max(1, messages() / slices);
      double[] cpython = cpython(port, scripts, sliceCalls, sliceMessages);
      for (int f = 0; f < 3; f++) {
        if (!measured[f]) {
          continue;
        }
        int count = f == 1 ? sliceMessages : sliceCalls;
        Tally[] t = tallies[f];
        t[GRPCIO].add(count, cpython[f]);
        // pygrpc first in even slices, last in odd ones: neither side always goes first.
        List<Integer> args = f == 2 ? List.of(port, count, concurrency) : List.of(port, count);
        if (slice % 2 == 0) {
          t[PYGRPC].add(count, python.run(scripts.resolve(SCRIPTS[f]), args));
        }
        switch (f) {
          case 0 -> {
            t[RAW_A].add(count, RawGrpcJava.rawUnary(port, count));
            t[RAW_B].add(count, RawGrpcJava.loopUnary(port, count));
          }
          case 1 -> {
            t[RAW_A].add(count, RawGrpcJava.rawStream(port, count));
            t[RAW_B].add(count, RawGrpcJava.observedStream(port, count));
          }
          default -> t[RAW_A].add(count, RawGrpcJava.rawAsync(port, count, concurrency));
        }
        if (slice % 2 == 1) {
          t[PYGRPC].add(count, python.run(scripts.resolve(SCRIPTS[f]), args));
        }
      }
    }
    double[][] rates = new double[3][4];
    for (int f = 0; f < 3; f++) {
      for (int c = 0; c < 4; c++) {
        rates[f][c] = tallies[f][c].rate();
      }
    }
    return rates;
  }

  /** Units and seconds summed over a round's slices; their quotient is the round's rate. */
  private static final class Tally {
    private double units;
    private double seconds;

    void add(double count, double rate) {
      units += count;
      seconds += count / rate; // a NaN rate (no grpcio) makes the round's NaN
    }

    double rate() {
      return units / seconds;
    }
  }

  /** The middle value (the upper of the two middle ones for an even count). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted); // NaN sorts last: a median of NaNs is NaN
    return sorted[sorted.length / 2];
  }

  /**
   * The length of the streams measured: five times the calls, as a stream's messages go by
   * faster than calls; 20,000 of them took pygrpc 0.07 s and its rounds spread by 2.5x.
   */
  private int messages() {
    return 5 * calls;
  }

  /**
   * CPython + grpcio's three figures for one slice ({@code count} calls, a stream of
   * {@code messages}), or NaNs when Debian's python3-grpcio is not installed.
   */
  private double[] cpython(int port, Path scripts, int count, int messages)
      throws IOException, InterruptedException {
    double[] none = {Double.NaN, Double.NaN, Double.NaN};
    Path python = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(python)) {
      return none;
    }
    Path fixtures = Path.of(System.getProperty("pygrpc.scripts", "scripts"));
    if (!Files.isRegularFile(fixtures.resolve("helloworld_pb2.py"))) {
      return none;
    }
    Process process = new ProcessBuilder(python.toString(),
        scripts.resolve("grpcio_bench.py").toString(), Integer.toString(port),
        Integer.toString(count), Integer.toString(concurrency),
        fixtures.toAbsolutePath().toString(), Integer.toString(messages), onlyList())
        .redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8).trim();
    if (process.waitFor() != 0) {
      if (printed.contains("No module named 'grpc'")) {
        return none;
      }
      throw new IllegalStateException("grpcio_bench.py failed: " + printed);
    }
    return Arrays.stream(printed.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
  }

  /** The figures measured, as --only names them: grpcio_bench.py skips the others. */
  private String onlyList() {
    List<String> names = new ArrayList<>();
    for (int f = 0; f < FIGURES.size(); f++) {
      if (measured[f]) {
        names.add(FIGURES.get(f));
      }
    }
    return String.join(",", names);
  }

  private static Path unpackScripts() throws IOException {
    Path dir = Files.createTempDirectory("pygrpc-bench-");
    dir.toFile().deleteOnExit();
    for (String name : List.of("unary_loop.py", "stream_loop.py", "map_bulk.py",
        "grpcio_bench.py")) {
      unpack(dir, name).toFile().deleteOnExit();
    }
    return dir;
  }

  /** Copies the benchmark script {@code name} (a resource under /bench/) into {@code dir}. */
  static Path unpack(Path dir, String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in = Bench.class.getResourceAsStream("/bench/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }
}
