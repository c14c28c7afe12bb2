package io.pygrpc.embed;

import static java.util.Objects.requireNonNull;

import io.pygrpc.guest.Engines;
import io.pygrpc.guest.GuestLanguage;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.graalvm.polyglot.Engine;

/**
 * pygrpc inside a JVM application: one polyglot engine that every script session shares (a
 * session on a warm engine starts in a fraction of a cold one's time), and the watchdog that
 * enforces time limits. Create one per application; it is thread-safe.
 *
 * @since 0.4.0
 */
public final class PygrpcRuntime implements AutoCloseable {
  private final Engine engine;
  private final boolean ownsEngine;
  private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
      runnable -> {
        Thread thread = new Thread(runnable, "pygrpc-watchdog");
        thread.setDaemon(true);
        return thread;
      });

  private PygrpcRuntime(Engine engine, boolean ownsEngine) {
    this.engine = engine;
    this.ownsEngine = ownsEngine;
  }

  /** A runtime with its own engine, closed with it. */
  public static PygrpcRuntime create() {
    return new PygrpcRuntime(Engines.create(), true);
  }

  /** A runtime on an engine the application manages (and closes). */
  public static PygrpcRuntime on(Engine engine) {
    return new PygrpcRuntime(requireNonNull(engine, "engine"), false);
  }

  /** A builder of one script session in {@code language}. */
  public ScriptSession.Builder session(GuestLanguage language) {
    return new ScriptSession.Builder(this, requireNonNull(language, "language"));
  }

  /**
   * A builder of a pool of sessions that all load {@code script} (its language by extension),
   * for hooks called from many threads at once.
   */
  public HookPool.Builder hooks(Path script) {
    return new HookPool.Builder(session(GuestLanguage.ofFile(script)).script(script));
  }

  Engine engine() {
    return engine;
  }

  ScheduledExecutorService watchdog() {
    return watchdog;
  }

  /** Stops the watchdog and, if the runtime made it, closes the engine. */
  @Override
  public void close() {
    watchdog.shutdownNow();
    if (ownsEngine) {
      engine.close(true);
    }
  }
}
