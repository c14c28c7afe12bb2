package io.pygrpc.launcher;

import static java.util.Objects.requireNonNull;

import io.pygrpc.call.Version;
import io.pygrpc.guest.Engines;
import io.pygrpc.guest.JsScripts;
import io.pygrpc.guest.PythonScripts;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.graalvm.polyglot.Engine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code pygrpc} command: {@code pygrpc SCRIPT.py [ARGS...]} runs a script, and subcommands
 * do the rest. {@link #main} is the only place that exits the JVM.
 *
 * @since 0.3.0
 */
@Command(name = "pygrpc", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
    sortOptions = false, usageHelpAutoWidth = true,
    description = "Runs Python and JavaScript scripts that call gRPC services.%n"
        + "Exit status: the script's own, 1 on an uncaught exception, 2 on a usage error.",
    footer = {"%nScripts, -c, call, list and describe run in a warm daemon once the first such "
        + "run has started one (it leaves after 30 minutes without a run). PYGRPC_DAEMON=0: "
        + "each run in a JVM of its own; pygrpc --stop-daemon stops it. PYGRPC_JAVA_OPTS: more "
        + "JVM options. PYGRPC_JIT=1: Truffle's optimizing compiler, for long loops."})
public final class Main implements Callable<Integer> {
  @Option(names = {"-I", "--proto-path"}, paramLabel = "DIR",
      description = "A folder that .proto imports are searched in, for client.load('x.proto') "
          + "without proto_path=; repeatable, searched in order.")
  List<Path> protoPath = new ArrayList<>();

  @Option(names = "-c", paramLabel = "CODE",
      description = "Run Python code given here, as python -c does; ARGS follow it.")
  String code;

  @Option(names = {"-v", "--verbose"},
      description = "Log each call's method, status and duration to stderr.")
  boolean verbose;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT",
      description = "The script to run: Python (.py) or JavaScript (.js, .mjs).")
  Path script;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the script "
      + "(its sys.argv[1:]); everything after SCRIPT is passed on as it is.")
  List<String> args = new ArrayList<>();

  @Spec
  CommandSpec spec;

  final InputStream in;
  final PrintStream out;
  final PrintStream err;
  private final Supplier<Engine> engine;

  /**
   * @param engine the polyglot engine scripts run on, created only when a script runs
   */
  public Main(InputStream in, PrintStream out, PrintStream err, Supplier<Engine> engine) {
    this.in = requireNonNull(in, "in");
    this.out = requireNonNull(out, "out");
    this.err = requireNonNull(err, "err");
    this.engine = requireNonNull(engine, "engine");
  }

  /**
   * grpc-java logs through java.util.logging; its notes are for grpc developers, and every
   * failure a script meets reaches it as a status. Held here so the setting is not collected.
   */
  private static final java.util.logging.Logger GRPC_LOG = java.util.logging.Logger
      .getLogger("io.grpc");

  /** Runs the launcher and exits with its status. */
  public static void main(String[] args) {
    DeferredMBeans.install();
    GRPC_LOG.setLevel(java.util.logging.Level.OFF);
    Main main = new Main(System.in, System.out, System.err, Engines::shared);
    if (Consoles.stdinIsTerminal()) {
      main.terminal = () -> new TerminalPrompt(io.pygrpc.guest.Engines.cacheDir()
          .resolve("history"));
      main.atTerminal = true;
    }
    int status = run(main, args);
    System.out.flush();
    startWarmDaemon();
    io.pygrpc.call.EventLoops.shutdown(); // see EventLoops: an idle loop delays the exit
    System.exit(status);
  }

  /**
   * After a run that the wrapper would have sent to the warm daemon had one been up: the
   * daemon for the next runs, started now that this one is done, so it takes no CPU from it.
   * The wrapper says where and how in system properties, which scripts do not see.
   */
  private static void startWarmDaemon() {
    String socket = System.getProperty("pygrpc.daemon.socket");
    String command = System.getProperty("pygrpc.daemon.command");
    if (socket == null || command == null) {
      return;
    }
    try {
      DaemonStart.spawn(Path.of(socket), command, true);
    } catch (java.io.IOException | RuntimeException e) {
      // no daemon this time: the next run goes cold, as this one did, and tries again
    }
  }

  /**
   * Runs one launcher command line and gives its exit status: a script or {@code -c} run
   * directly when picocli has nothing to add (see {@link LaunchArgs}), the rest through
   * picocli. Main, the warm daemon and the tests all come here.
   */
  public static int run(Main main, String[] args) {
    LaunchArgs direct = LaunchArgs.read(args);
    if (direct != null && main.runsDirectly(direct)) {
      return main.runDirectly(direct);
    }
    return CommandLines.of(main, LaunchArgs.subcommands(args)).execute(args);
  }

  /**
   * Whether the run needs nothing of picocli: -c, the REPL, or a script that exists (picocli
   * reports one that does not, with the usage).
   */
  private boolean runsDirectly(LaunchArgs direct) {
    if (direct.code() != null || direct.first() == null) {
      return true;
    }
    try {
      Path file = Path.of(direct.first());
      String name = file.getFileName().toString();
      return Files.isRegularFile(env.resolve(file)) && (name.endsWith(".py") || isJs(name));
    } catch (java.nio.file.InvalidPathException | NullPointerException e) {
      return false;
    }
  }

  private int runDirectly(LaunchArgs direct) {
    protoPath.addAll(direct.protoPath());
    verbose = direct.verbose();
    code = direct.code();
    script = direct.first() == null ? null : Path.of(direct.first());
    args.addAll(direct.rest());
    try {
      Integer status = call();
      return status == null ? 0 : status;
    } catch (Exception e) {
      return FailureHandler.report(e, new java.io.PrintWriter(err, true));
    }
  }

  @Override
  public Integer call() {
    if (code != null) {
      List<String> argv = new ArrayList<>();
      if (script != null) {
        argv.add(script.toString());
      }
      argv.addAll(args);
      return python().runCode(code, "<string>", argv);
    }
    if (script == null) {
      if (terminal != null) {
        try (TerminalPrompt prompt = terminal.get()) {
          return python().interact(prompt, io.pygrpc.call.Version.current());
        }
      }
      // Like python: with no script and no terminal, the program is what stdin holds.
      try {
        return python().runCode(new String(in.readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8), "<stdin>", List.of());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return runScript(script, args, this::usageError);
  }

  /** A usage error, which picocli reports with the usage (a direct run has no command line). */
  private RuntimeException usageError(String message) {
    return new CommandLine.ParameterException(spec == null ? null : spec.commandLine(), message);
  }

  private PythonScripts python() {
    PythonScripts runner = new PythonScripts(engine.get(), in, out, err, protoPath, verbose)
        .showProgress(atTerminal).in(env).spare(spare);
    spare = null; // the runner's now: it runs in it, or closes it
    ranPython = true;
    return runner;
  }

  /** A context a warm daemon made ahead for this run, or null; see {@link PythonScripts#spare}. */
  io.pygrpc.guest.SpareContext spare;

  /** Whether this run was Python's (a warm daemon then makes a context for the next one). */
  boolean ranPython;

  /** Where scripts run: this process's folder, environment and Ctrl-C, or a daemon client's. */
  io.pygrpc.guest.ScriptEnv env = io.pygrpc.guest.ScriptEnv.ofTerminal();

  /** The interactive prompt when stdin is a terminal; null otherwise (and in tests). */
  private Supplier<TerminalPrompt> terminal;

  /** Whether the user is at a terminal (here, or at a warm daemon's client): progress shows. */
  boolean atTerminal;

  /**
   * Runs a script file after checking that it can be read; shared with subcommands. No picocli
   * type is in a signature of Main's: the JVM resolves them all when it looks for main, and a
   * script run that reads its arguments itself ({@link LaunchArgs}) then loads no picocli.
   *
   * @param usageError makes the exception for a file that is not a script
   */
  int runScript(Path file, List<String> scriptArgs,
      java.util.function.Function<String, RuntimeException> usageError) {
    if (!Files.isRegularFile(env.resolve(file))) {
      boolean exists = Files.exists(env.resolve(file));
      // A mistyped subcommand ("lsit") reaches here as a script name.
      String meant = exists || file.getNameCount() != 1 ? "" : io.pygrpc.internal.Suggestions
          .closest(file.toString(), LaunchArgs.SUBCOMMANDS).map(c -> " Did you mean '" + c + "'?")
          .orElse("");
      throw usageError.apply("Cannot open the script '" + file
          + "': " + (exists ? "it is not a file." : "no such file.") + meant);
    }
    String name = file.getFileName().toString();
    if (isJs(name)) {
      return new JsScripts(engine.get(), in, out, err, protoPath, verbose)
          .showProgress(atTerminal).in(env).run(file, scriptArgs);
    }
    if (!name.endsWith(".py")) {
      throw usageError.apply("The script '" + file
          + "' is neither Python nor JavaScript; pygrpc runs .py, .js and .mjs scripts.");
    }
    return python().run(file, scriptArgs);
  }

  /** Whether a script's file name is JavaScript's; runScript runs the rest as Python's (.py). */
  private static boolean isJs(String name) {
    return name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs");
  }

  /** Reports the jar's version. */
  static final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"pygrpc " + Version.current(),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.home")
              + ")"};
    }
  }
}
