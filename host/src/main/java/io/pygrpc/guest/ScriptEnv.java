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

  private ScriptEnv(Path cwd, Map<String, String> environment) {
    this.cwd = cwd;
    this.environment = environment;
  }

  /** This process's working folder and environment. */
  public static ScriptEnv ofProcess() {
    return new ScriptEnv(null, null);
  }

  /** Another working folder and environment (a daemon's client's). */
  public static ScriptEnv of(Path cwd, Map<String, String> environment) {
    return new ScriptEnv(cwd.toAbsolutePath().normalize(), Map.copyOf(environment));
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
  }

  /** Whether {@link #interrupt()} stopped the script. */
  boolean wasInterrupted() {
    return interrupted;
  }

  /** Stops the running script as Ctrl-C would: an interrupt, then closing its context. */
  public void interrupt() {
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
