package io.pygrpc.call;

import io.grpc.CallOptions;
import io.grpc.Metadata;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How one call is made: its deadline, extra headers, wait-for-ready and compression. Immutable;
 * {@link #merge} lays a call's settings over a client's defaults.
 *
 * @param timeout how long the call may take, or null for no deadline
 * @param headers metadata sent with the call (besides the client's), never null
 * @param waitForReady whether to wait for the server to become reachable instead of failing
 *     fast with {@code UNAVAILABLE}; null to keep the default (fail fast)
 * @param compression {@code "gzip"} or {@code "identity"}, or null for none
 * @since 0.3.0
 */
public record CallSettings(Duration timeout, Metadata headers, Boolean waitForReady,
    String compression) {
  /** No deadline, no extra headers, fail fast, no compression. */
  public static final CallSettings DEFAULT = new CallSettings(null, new Metadata(), null, null);
  private static final Set<String> COMPRESSIONS = Set.of("gzip", "identity");

  public CallSettings {
    if (headers == null) {
      headers = new Metadata();
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new PygrpcException(Kind.VALUE, "timeout: " + seconds(timeout)
          + " (expected: a number of seconds > 0)");
    }
    if (compression != null && !COMPRESSIONS.contains(compression)) {
      throw new PygrpcException(Kind.VALUE, "compression: \"" + compression
          + "\" (expected: \"gzip\" or \"identity\")");
    }
  }

  /** A timeout from a number of seconds, as scripts give it. */
  public static Duration timeoutSeconds(double seconds) {
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new PygrpcException(Kind.VALUE, "timeout: " + seconds
          + " (expected: a number of seconds > 0)");
    }
    return Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE));
  }

  /** These settings over {@code defaults}: what is set here wins, headers are combined. */
  public CallSettings merge(CallSettings defaults) {
    if (this == DEFAULT) {
      return defaults; // the common case: a call with no options of its own
    }
    Metadata combined = new Metadata();
    combined.merge(defaults.headers);
    combined.merge(headers);
    return new CallSettings(timeout != null ? timeout : defaults.timeout, combined,
        waitForReady != null ? waitForReady : defaults.waitForReady,
        compression != null ? compression : defaults.compression);
  }

  /**
   * The headers for one call, a copy of its own: grpc-java writes its entries (encodings, user
   * agent) into the headers a call starts with, and the same settings serve calls on many
   * threads.
   */
  public Metadata callHeaders() {
    Metadata copy = new Metadata();
    copy.merge(headers);
    return copy;
  }

  /**
   * The grpc-java call options these settings make; the deadline starts now. Callbacks run on
   * the transport's thread: pygrpc's listeners ({@link PendingReply}, {@link StreamingCall})
   * only store what arrived and wake the caller, and through the channel's executor every call
   * and every message would cost a hand-off to one more thread (a server stream spent a fifth
   * of its time on it).
   */
  public CallOptions options() {
    CallOptions options = CallOptions.DEFAULT.withExecutor(Runnable::run);
    if (timeout != null) {
      options = options.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    if (Boolean.TRUE.equals(waitForReady)) {
      options = options.withWaitForReady();
    }
    if (compression != null) {
      options = options.withCompression(compression);
    }
    return options;
  }

  private static String seconds(Duration d) {
    return d.toNanos() / 1e9 + "";
  }
}
