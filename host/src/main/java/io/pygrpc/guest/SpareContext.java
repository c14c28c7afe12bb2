package io.pygrpc.guest;

import static java.util.Objects.requireNonNull;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Source;

/**
 * A Python context made and initialized ahead of a run, for a warm launcher that expects its
 * next run to come from the same working folder and environment as its last: initializing
 * Python and importing the pygrpc package are most of what a run on a warm engine spends
 * before the script's first line (~70 and ~60 ms). It is built as {@link PythonScripts} builds
 * a run's context, with streams that are connected to the run's when it is taken, no arguments
 * ({@code sys.argv} is set as the run starts) and a bridge that the run gives its settings. A
 * spare serves one run, or none: one that does not fit is closed.
 *
 * @since 0.4.0
 */
public final class SpareContext implements AutoCloseable {
  /** What every run imports first. */
  private static final Source IMPORT = Source.create("python", "import pygrpc._script");

  private final Context context;
  private final HostBridge bridge;
  private final StreamRelay streams;
  private final ScriptEnv where;
  private volatile boolean taken;

  private SpareContext(Context context, HostBridge bridge, StreamRelay streams,
      ScriptEnv where) {
    this.context = context;
    this.bridge = bridge;
    this.streams = streams;
    this.where = where;
  }

  /** Builds a context for a run in {@code where}'s folder and environment, and initializes it. */
  public static SpareContext prepare(Engine engine, ScriptEnv where) {
    requireNonNull(where, "where");
    StreamRelay streams = new StreamRelay();
    PythonScripts runner = new PythonScripts(requireNonNull(engine, "engine"), streams.stdin,
        streams.stdout, streams.stderr).in(where);
    Context context = runner.buildContext(new String[] {""});
    // The package too, which needs its bridge bound as it is imported: the run that takes this
    // context gives the bridge its own settings (PythonScripts).
    HostBridge bridge = runner.bridge(GuestLanguage.PYTHON);
    try {
      context.initialize("python");
      context.getPolyglotBindings().putMember(HostBridge.BINDING, bridge);
      context.eval(IMPORT);
    } catch (RuntimeException e) {
      context.close(true);
      throw e;
    }
    return new SpareContext(context, bridge, streams, where);
  }

  /** The bridge the package in this context was imported with. */
  HostBridge bridge() {
    return bridge;
  }

  /** Whether a run in {@code other}'s folder and environment can take this context. */
  boolean fits(ScriptEnv other) {
    return where.sameAs(other);
  }

  /** The context, its streams connected to the run's, {@code sys.argv} set to argv. */
  Context take(java.io.InputStream in, java.io.OutputStream out, java.io.OutputStream err,
      String[] argv) {
    taken = true;
    streams.connect(in, out, err);
    context.eval("python", "lambda argv: __import__('sys').__setattr__('argv', list(argv))")
        .execute((Object) argv);
    return context;
  }

  /** Whether a run took it (for tests). */
  boolean taken() {
    return taken;
  }

  /** Closes the context unused. */
  @Override
  public void close() {
    bridge.close();
    context.close(true);
  }
}
