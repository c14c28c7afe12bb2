package io.pygrpc.guest;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;

/**
 * Where a launcher script runs: its working folder and environment (the process's own, or a
 * warm daemon's client's), and a handle to interrupt it (Ctrl-C forwarded by that client).
 *
 * @since 0.4.0
 */
public final class ScriptEnv {
  private final Path cwd;
  private final Map<String, String> environment;
  private final AtomicReference<Context> running = new AtomicReference<>();
  private volatile boolean interrupted;
  private volatile ScriptInterrupt keyboard;
  private final boolean ctrlC;

  private ScriptEnv(Path cwd, Map<String, String> environment, boolean ctrlC) {
    this.cwd = cwd;
    this.environment = environment;
    this.ctrlC = ctrlC;
  }

  /**
   * This process's working folder and environment, and its Ctrl-C (SIGINT): a Python script
   * gets it as KeyboardInterrupt, as under {@code python}. For the launcher's own runs; an
   * application that embeds pygrpc keeps its signals with {@link #ofProcess()}.
   */
  public static ScriptEnv ofTerminal() {
    return new ScriptEnv(null, null, true);
  }

  /** Whether this process's SIGINT is the script's (see {@link #ofTerminal()}). */
  boolean takesCtrlC() {
    return ctrlC;
  }

  /** The running Python script's Ctrl-C, once its context is ready for one. */
  void keyboard(ScriptInterrupt interrupt) {
    keyboard = interrupt;
  }

  /** This process's working folder and environment. */
  public static ScriptEnv ofProcess() {
    return new ScriptEnv(null, null, false);
  }

  /** Another working folder and environment (a daemon's client's). */
  public static ScriptEnv of(Path cwd, Map<String, String> environment) {
    return new ScriptEnv(cwd.toAbsolutePath().normalize(), Map.copyOf(environment), false);
  }

  /** The working folder; the process's when not given. */
  public Path cwd() {
    return cwd != null ? cwd : Path.of("").toAbsolutePath();
  }

  /** The environment; the process's when not given. */
  public Map<String, String> environment() {
    return environment != null ? environment : System.getenv();
  }

  /** A path as the script means it: relative to its working folder. */
  public Path resolve(Path path) {
    return cwd().resolve(path).normalize();
  }

  /** Whether {@code other} is the same working folder and environment. */
  boolean sameAs(ScriptEnv other) {
    return cwd().equals(other.cwd()) && environment().equals(other.environment());
  }

  void attach(Context context) {
    running.set(context);
  }

  void detach() {
    running.set(null);
    keyboard = null;
  }

  /** Whether {@link #stop()} stopped the script. */
  boolean wasInterrupted() {
    return interrupted;
  }

  /**
   * Ctrl-C: KeyboardInterrupt in a Python script, which may catch it; {@link #stop()} when
   * the script is not Python, or when the last Ctrl-C could not be raised yet (stuck where no
   * exception reaches: a second Ctrl-C then ends it).
   */
  public void interrupt() {
    ScriptInterrupt python = keyboard;
    if (python != null && running.get() != null && python.deliver()) {
      return;
    }
    stop();
  }

  /** Stops the running script, whatever it does: an interrupt, then closing its context. */
  public void stop() {
    Context context = running.get();
    if (context == null) {
      return;
    }
    interrupted = true;
    try {
      context.interrupt(java.time.Duration.ofSeconds(1));
    } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
      try {
        context.close(true);
      } catch (RuntimeException ignored) {
        // already closing
      }
    }
  }

  void configure(Context.Builder builder) {
    if (cwd != null) {
      builder.currentWorkingDirectory(cwd)
          .allowEnvironmentAccess(org.graalvm.polyglot.EnvironmentAccess.NONE)
          .environment(environment);
    }
  }
}
