package io.pygrpc.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: the hello-world as a whole process, server already running, through {@code ./pygrpc}
 * as users run it (cold: {@code PYGRPC_DAEMON=0}), beside a plain grpc-java client with a JDK
 * AOT cache of its own and (when Debian's python3-grpcio is installed) CPython grpcio, against
 * one demo server in a JVM of its own.
 *
 * <pre>bin/bench startup [--rounds R]</pre>
 *
 * <p>Each round runs every contender once, the order turned by one each round, and ratios are
 * taken within a round: this shared machine's speed drifts by up to 1.5x over minutes (a
 * hello-world of one build measured 1.3 s and 2.1 s half an hour apart), so the plain grpc-java
 * client's start, measured beside pygrpc's, says how fast the machine was.
 */
public final class StartupBench {
  private static final String GREETING = "Greeter client received: Hello, you!";

  /** One contender's median, spread and peak resident set (NaN where unknown). */
  record Figure(String name, double median, double min, double max, double rssMb,
      double plainRatio, double grpcioRatio) {}

  /** A contender: how it runs, from which folder. */
  private record Contender(String name, List<String> command, Map<String, String> env,
      Path folder) {}

  private final int rounds;
  private final int serverWarmup;
  private final Path repo;
  private final PrintStream out;

  /**
   * @param serverWarmup how many calls warm the demo server up before anything is measured
   */
  StartupBench(int rounds, int serverWarmup, Path repo, PrintStream out) {
    this.rounds = rounds;
    this.serverWarmup = serverWarmup;
    this.repo = repo.toAbsolutePath().normalize();
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    int rounds = 10;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--rounds") && i + 1 < args.length) {
        rounds = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: bench startup [--rounds R]");
        System.exit(2);
      }
    }
    new StartupBench(rounds, 20_000, Path.of(System.getProperty("pygrpc.repo", ".")),
        System.out).run();
    System.exit(0);
  }

  List<Figure> run() throws Exception {
    Path work = Files.createTempDirectory("pygrpc-startup-");
    try (ServerProcess server = ServerProcess.start()) {
      String port = Integer.toString(server.port());
      List<Contender> contenders = new ArrayList<>();
      Path hello = Bench.unpack(work, "startup_hello.py");
      contenders.add(new Contender("pygrpc (./pygrpc, cold)", List.of(
          repo.resolve("pygrpc").toString(), hello.toString(), port),
          Map.of("PYGRPC_DAEMON", "0"), repo.resolve("scripts")));
      contenders.add(plainGrpcJava(work, port));
      if (grpcioInstalled()) {
        Path grpcio = Bench.unpack(work, "grpcio_hello.py");
        contenders.add(new Contender("CPython grpcio", List.of("/usr/bin/python3",
            grpcio.toString(), port, repo.resolve("scripts").toString()), Map.of(), repo));
      }
      // A fresh server JVM answers its first calls from the interpreter, and compiles beside
      // the runs measured: warm it up first (a few seconds of calls), then settle.
      RawGrpcJava.rawUnary(server.port(), serverWarmup);
      Thread.sleep(serverWarmup > 0 ? 2000 : 0);
      // An untimed run of each: the page cache, pygrpc's start-up cache if it is stale.
      for (Contender contender : contenders) {
        time(contender, work);
      }
      int n = contenders.size();
      double[][] seconds = new double[n][rounds];
      double[][] rss = new double[n][rounds];
      for (int round = 0; round < rounds; round++) {
        for (int k = 0; k < n; k++) {
          int c = (round + k) % n; // each contender goes first in turn
          double[] measured = time(contenders.get(c), work);
          seconds[c][round] = measured[0];
          rss[c][round] = measured[1];
        }
      }
      List<Figure> figures = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        figures.add(new Figure(contenders.get(c).name(), Bench.median(seconds[c]),
            min(seconds[c]), max(seconds[c]), Bench.median(rss[c]),
            medianRatio(seconds[c], seconds[1]),
            n > 2 ? medianRatio(seconds[c], seconds[2]) : Double.NaN));
      }
      print(figures);
      // Each round's own times, so a reader can see how far the rounds spread.
      for (int c = 0; c < n; c++) {
        StringBuilder line = new StringBuilder("  rounds, " + contenders.get(c).name() + ":");
        for (double t : seconds[c]) {
          line.append(String.format(Locale.ROOT, " %.2f", t));
        }
        out.println(line);
      }
      out.flush();
      return figures;
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile)
            .forEach(File::delete);
      }
    }
  }

  /**
   * The plain client: this JDK, grpc-java's jars alone, and on JDK 25+ a JDK AOT cache made by a
   * training run here (as pygrpc's is), when its class path is all jars.
   */
  private Contender plainGrpcJava(Path work, String port) throws Exception {
    Path greeter = Path.of(PlainGreeter.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    List<String> jars = new ArrayList<>(List.of(greeter.toString()));
    boolean allJars = greeter.toString().endsWith(".jar"); // a test's classes are a folder
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Path.of(entry).getFileName().toString().matches("(grpc-|protobuf-java-|guava-"
          + "|failureaccess-|perfmark-api-|gson-|proto-google-common-protos-).*\\.jar")) {
        jars.add(entry);
      }
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-Xlog:disable", "-Xlog:all=warning:stderr"));
    if (Runtime.version().feature() >= 23) {
      command.add("--sun-misc-unsafe-memory-access=allow");
    }
    String classPath = String.join(File.pathSeparator, jars);
    String name = "plain grpc-java";
    if (Runtime.version().feature() >= 25 && allJars) {
      Path cache = work.resolve("plain.aot");
      List<String> training = new ArrayList<>(command);
      training.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-cp", classPath,
          PlainGreeter.class.getName(), port));
      run(new Contender(name, training, Map.of(), repo), work);
      if (Files.isRegularFile(cache)) {
        command.add("-XX:AOTCache=" + cache);
        name += " (JDK AOT cache)";
      }
    }
    command.addAll(List.of("-cp", classPath, PlainGreeter.class.getName(), port));
    return new Contender(name, command, Map.of(), repo);
  }

  /** One run: its wall-clock seconds and peak resident set in MB (NaN without GNU time). */
  private double[] time(Contender contender, Path work) throws Exception {
    Path peak = work.resolve("peak");
    List<String> command = new ArrayList<>();
    boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
    if (gnuTime) {
      command.addAll(List.of("/usr/bin/time", "-f", "%M", "-o", peak.toString()));
    }
    command.addAll(contender.command());
    long start = System.nanoTime();
    run(new Contender(contender.name(), command, contender.env(), contender.folder()), work);
    double seconds = (System.nanoTime() - start) / 1e9;
    double rss = gnuTime ? Double.parseDouble(Files.readString(peak).trim().lines()
        .reduce((a, b) -> b).orElseThrow()) / 1024 : Double.NaN;
    return new double[] {seconds, rss};
  }

  /** Runs a contender to its end and checks that it greeted. */
  private static void run(Contender contender, Path work) throws Exception {
    Path stdout = work.resolve("stdout");
    Path stderr = work.resolve("stderr");
    ProcessBuilder builder = new ProcessBuilder(contender.command())
        .directory(contender.folder().toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().putAll(contender.env());
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(contender.name() + " did not end within 5 minutes");
    }
    String printed = Files.readString(stdout, StandardCharsets.UTF_8);
    if (process.exitValue() != 0 || !printed.contains(GREETING)) {
      throw new IllegalStateException(contender.name() + " failed (exit " + process.exitValue()
          + "): " + printed + Files.readString(stderr, StandardCharsets.UTF_8));
    }
  }

  private static boolean grpcioInstalled() throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
      return false;
    }
    Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import grpc")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return probe.waitFor() == 0;
  }

  private void print(List<Figure> figures) {
    out.printf(Locale.ROOT, "pygrpc start-up bench: hello-world as a whole process, server "
        + "already running (warmed by %,d calls), %d rounds (order turned each round), Java %s,"
        + " %d cores%n", serverWarmup, rounds, Runtime.version(),
        Runtime.getRuntime().availableProcessors());
    out.printf(Locale.ROOT, "%-36s %8s %15s %10s %12s %9s%n", "contender", "median", "min-max",
        "peak RSS", "/ grpc-java", "/ grpcio");
    for (Figure f : figures) {
      out.printf(Locale.ROOT, "%-36s %7.2fs %6.2f-%5.2f s %7.0f MB %11.2fx %8s%n", f.name(),
          f.median(), f.min(), f.max(), f.rssMb(), f.plainRatio(),
          Double.isNaN(f.grpcioRatio()) ? "-"
              : String.format(Locale.ROOT, "%.1fx", f.grpcioRatio()));
    }
    out.println("(ratios: the median of each round's own ratio of the run times)");
  }

  private static double medianRatio(double[] a, double[] b) {
    double[] ratios = new double[a.length];
    Arrays.setAll(ratios, i -> a[i] / b[i]);
    return Bench.median(ratios);
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElse(Double.NaN);
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(Double.NaN);
  }
}
