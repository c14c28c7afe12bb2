package io.pygrpc.guest;

import io.grpc.Channel;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a script's clients may reach: which targets it may connect to, which folders the host
 * reads schema and certificate files from on its behalf, and the channels the host made for it.
 * The launcher's scripts may do anything; embedded scripts get what the application grants.
 *
 * @param targets targets a script may open a channel to, as it spells them; null for any
 * @param readRoots folders whose files may be read for the script; null for any
 * @param channels channels the host made, by the name scripts use ({@code Client(channel=...)})
 */
record HostPolicy(Set<String> targets, List<Path> readRoots, Map<String, Channel> channels) {
  /** The launcher's: anything goes, as with {@code python script.py}. */
  static final HostPolicy OPEN = new HostPolicy(null, null, Map.of());

  HostPolicy {
    targets = targets == null ? null : Set.copyOf(targets);
    readRoots = readRoots == null ? null
        : readRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    channels = Map.copyOf(channels);
  }

  /**
   * @throws PygrpcException {@code PERMISSION} when the target is not on the allowlist
   */
  void checkTarget(String target) {
    if (targets != null && !targets.contains(target)) {
      throw new PygrpcException(Kind.PERMISSION, "target \"" + target + "\" is not allowed here"
          + (targets.isEmpty() ? "; this host allows no direct connections"
              : "; allowed: " + String.join(", ", targets.stream().sorted().toList()))
          + (channels.isEmpty() ? "" : "; or use a channel the host provides: "
              + String.join(", ", channels.keySet().stream().sorted().toList())));
    }
  }

  /**
   * @throws PygrpcException {@code PERMISSION} when the file is outside the readable folders
   */
  Path checkRead(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    if (readRoots != null && readRoots.stream().noneMatch(absolute::startsWith)) {
      throw new PygrpcException(Kind.PERMISSION, "\"" + file + "\" is outside the folders this "
          + "script may read");
    }
    return absolute;
  }

  /** The folders among {@code paths} a script may read (all of them when any may be read). */
  List<Path> readable(List<Path> paths) {
    if (readRoots == null) {
      return paths;
    }
    return paths.stream().map(p -> p.toAbsolutePath().normalize())
        .filter(p -> readRoots.stream().anyMatch(p::startsWith)).toList();
  }
}
