package io.pygrpc.guest;

import static java.util.Objects.requireNonNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;

/**
 * What the launcher's Python and JavaScript runners share: the engine and standard streams,
 * the settings of a run (working folder and environment, call log, progress line), the bridge
 * and context options every script gets, and how an interrupt ends a run.
 *
 * @param <S> the runner, for the fluent settings
 */
abstract class ScriptRunner<S extends ScriptRunner<S>> {
  final Engine engine;
  final InputStream in;
  final OutputStream out;
  final OutputStream err;
  private final List<Path> protoPath;
  private final boolean logCalls;
  private boolean progress;
  ScriptEnv env = ScriptEnv.ofProcess();

  ScriptRunner(Engine engine, InputStream in, OutputStream out, OutputStream err,
      List<Path> protoPath, boolean logCalls) {
    this.engine = requireNonNull(engine, "engine");
    this.in = requireNonNull(in, "in");
    this.out = requireNonNull(out, "out");
    this.err = requireNonNull(err, "err");
    this.protoPath = List.copyOf(requireNonNull(protoPath, "protoPath"));
    this.logCalls = logCalls;
  }

  abstract S self();

  /**
   * Runs scripts in {@code where}'s working folder and environment (a warm daemon's client's).
   *
   * @return this
   */
  public S in(ScriptEnv where) {
    env = requireNonNull(where, "env");
    return self();
  }

  /**
   * Shows the progress of long bulk calls ({@code client.map}) on {@code err}: for a terminal.
   *
   * @return this
   */
  public S showProgress(boolean show) {
    progress = show;
    return self();
  }

  /** The bridge of one run: the run's working folder, its call log and progress line. */
  HostBridge bridge(GuestLanguage language) {
    return configure(new HostBridge(protoPath, err, language, HostPolicy.OPEN));
  }

  /** Gives a bridge made for another run (a spare context's) this run's settings. */
  HostBridge configure(HostBridge bridge) {
    bridge.protoPath(protoPath);
    bridge.workingDirectory(env.cwd());
    if (logCalls) {
      bridge.logCalls(err);
    }
    if (progress) {
      bridge.showProgress(err);
    }
    return bridge;
  }

  /**
   * The options every launcher script's context has, as {@code python}/{@code node} would
   * run it (threads, the environment); the host's Java classes stay out of reach.
   */
  Context.Builder contextBuilder(GuestLanguage language) {
    return Context.newBuilder(language.id())
        .engine(engine)
        .in(in)
        .out(out)
        .err(err)
        .allowHostAccess(GuestAccess.POLICY)
        .allowPolyglotAccess(PolyglotAccess.newBuilder().allowBindingsAccess(language.id())
            .build())
        .allowCreateThread(true)
        .allowEnvironmentAccess(EnvironmentAccess.INHERIT);
  }

  /** Builds the context in the run's folder and environment, interruptible through it. */
  Context open(Context.Builder builder) {
    env.configure(builder);
    Context context = builder.build();
    env.attach(context);
    return context;
  }

  /**
   * 130, as a shell reports Ctrl-C, when {@code failure} is how an interrupt ended the run
   * (the interrupt itself, or the context closed under the script); null otherwise.
   */
  Integer interrupted(RuntimeException failure) {
    if (!env.wasInterrupted()) {
      return null;
    }
    if (failure instanceof PolyglotException e && !e.isInterrupted() && !e.isCancelled()) {
      return null;
    }
    return 130;
  }
}
