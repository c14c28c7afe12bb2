package io.pygrpc.guest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a script context may do. {@link #FULL} is what {@code python script.py} may (the
 * launcher's); a sandbox names exactly what it grants, and everything it does not name is
 * refused: Java classes, processes, native code, sockets other than pygrpc's channels.
 *
 * @param sandboxed whether the limits below apply at all
 * @param readRoots folders the script (and pygrpc on its behalf) may read; nothing is writable
 * @param targets targets {@code Client(...)} may connect to, as the script spells them
 * @param threads whether the script may start threads
 * @param environment the environment variables the script sees
 * @since 0.4.0
 */
public record ScriptAccess(boolean sandboxed, List<Path> readRoots, Set<String> targets,
    boolean threads, Map<String, String> environment) {
  /** Everything, as for a script the user runs themselves. */
  public static final ScriptAccess FULL = new ScriptAccess(false, List.of(), Set.of(), true,
      Map.of());

  public ScriptAccess {
    readRoots = readRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    targets = Set.copyOf(targets);
    environment = Map.copyOf(environment);
  }

  HostPolicy policy(Map<String, io.grpc.Channel> channels) {
    return sandboxed ? new HostPolicy(targets, readRoots, channels)
        : new HostPolicy(null, null, channels);
  }
}
