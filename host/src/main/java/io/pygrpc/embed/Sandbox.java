package io.pygrpc.embed;

import io.pygrpc.guest.ScriptAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an embedded script may do. The default ({@link #strict()}) grants nothing beyond running
 * and calling the channels the host hands it: no Java classes, no processes, no native code, no
 * threads, no files, no sockets, no environment, and a 10-second wall-clock limit per call.
 * Grant more with the builder; {@link #unrestricted()} is what the launcher gives scripts.
 *
 * @since 0.4.0
 */
public final class Sandbox {
  private static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);
  private static final Duration LOAD_LIMIT = Duration.ofSeconds(60);

  private final boolean enabled;
  private final List<Path> readRoots;
  private final Set<String> targets;
  private final boolean threads;
  private final Map<String, String> environment;
  private final Duration timeLimit;

  private Sandbox(boolean enabled, List<Path> readRoots, Set<String> targets, boolean threads,
      Map<String, String> environment, Duration timeLimit) {
    this.enabled = enabled;
    this.readRoots = List.copyOf(readRoots);
    this.targets = Set.copyOf(targets);
    this.threads = threads;
    this.environment = Map.copyOf(environment);
    this.timeLimit = timeLimit;
  }

  /** Nothing granted; 10 s per call. */
  public static Sandbox strict() {
    return builder().build();
  }

  /** No sandbox: what {@code python script.py} may do. Calls still have the time limit given. */
  public static Sandbox unrestricted(Duration timeLimit) {
    return new Sandbox(false, List.of(), Set.of(), true, Map.of(), timeLimit);
  }

  /** A builder starting from {@link #strict()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The wall-clock limit of loading a script (starting its context included); null for none. */
  public Duration loadTimeLimit() {
    return timeLimit == null ? null : timeLimit.compareTo(LOAD_LIMIT) > 0 ? timeLimit : LOAD_LIMIT;
  }

  /** The wall-clock limit of one hook call; null for none. */
  public Duration timeLimit() {
    return timeLimit;
  }

  ScriptAccess access() {
    return new ScriptAccess(enabled, readRoots, targets, threads, environment);
  }

  /** Builds a {@link Sandbox}; each method grants one thing. */
  public static final class Builder {
    private final List<Path> readRoots = new ArrayList<>();
    private final Set<String> targets = new LinkedHashSet<>();
    private boolean threads;
    private Map<String, String> environment = Map.of();
    private Duration timeLimit = DEFAULT_LIMIT;

    private Builder() {}

    /**
     * Folders the script may read (its schema files, its _pb2 modules); read-only, and
     * pygrpc reads schema and certificate files for it only from there.
     */
    public Builder readRoots(Path... roots) {
      for (Path root : roots) {
        readRoots.add(Objects.requireNonNull(root, "root"));
      }
      return this;
    }

    /**
     * Targets the script may open its own channels to, exactly as it spells them
     * ({@code "orders.internal:443"}); channels the host provides need no entry.
     */
    public Builder allowTargets(String... allowed) {
      for (String target : allowed) {
        targets.add(Objects.requireNonNull(target, "target"));
      }
      return this;
    }

    /** Lets the script start threads. */
    public Builder allowThreads(boolean allow) {
      threads = allow;
      return this;
    }

    /** The environment variables the script sees (none by default). */
    public Builder environment(Map<String, String> variables) {
      environment = Map.copyOf(variables);
      return this;
    }

    /**
     * The wall-clock limit of each hook call, after which it is interrupted (the session stays
     * usable) or, if it does not stop, closed. Loading the script may take up to 60 s or this
     * limit, whichever is longer: a cold context alone takes seconds. Null for none.
     */
    public Builder timeLimit(Duration limit) {
      if (limit != null && (limit.isNegative() || limit.isZero())) {
        throw new IllegalArgumentException("timeLimit: must be positive, got " + limit);
      }
      timeLimit = limit;
      return this;
    }

    public Sandbox build() {
      return new Sandbox(true, readRoots, targets, threads, environment, timeLimit);
    }
  }
}
