package io.pygrpc.guest;

import org.graalvm.polyglot.Engine;

/**
 * Polyglot engines. A context on a shared engine starts in a fraction of the time of a fresh one
 * (the parsed standard library and built-in modules are kept), so one process keeps one.
 */
public final class Engines {
  private static volatile Engine shared;

  private Engines() {}

  /** A new engine with pygrpc's settings. */
  public static Engine create() {
    return Engine.newBuilder()
        // Scripts run on a stock JDK without the Graal compiler on purpose (see DESIGN.md);
        // the interpreter-only warning would only alarm users.
        .option("engine.WarnInterpreterOnly", "false")
        .build();
  }

  /** pygrpc's cache folder ({@code ~/.cache/pygrpc}), for the launcher's prompt history. */
  public static java.nio.file.Path cacheDir() {
    return CacheDirs.base();
  }

  /** The process-wide engine, created on first use. */
  public static Engine shared() {
    Engine engine = shared;
    if (engine == null) {
      synchronized (Engines.class) {
        engine = shared;
        if (engine == null) {
          engine = create();
          shared = engine;
        }
      }
    }
    return engine;
  }
}
