package io.pygrpc.guest;

import java.nio.file.Path;

/** Where pygrpc keeps files it can rebuild: the unpacked Python package and bytecode. */
final class CacheDirs {
  private CacheDirs() {}

  /** {@code $PYGRPC_CACHE}, else {@code $XDG_CACHE_HOME/pygrpc}, else {@code ~/.cache/pygrpc}. */
  static Path base() {
    String explicit = System.getenv("PYGRPC_CACHE");
    // Absolute: a sandboxed context resolves relative paths in its own working folder, and
    // the Python package finds its own folder from its __file__.
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit).toAbsolutePath();
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return cache.resolve("pygrpc").toAbsolutePath();
  }
}
