package io.pygrpc.call;

import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;

/**
 * How a channel reaches its server: plaintext or TLS, which CA to trust, the client
 * certificate for mutual TLS, the name to verify.
 *
 * @param tls true for TLS, false for plaintext, null to decide from the target (TLS for port
 *     443 and {@code https://} targets, plaintext otherwise, as the original pygrpc was)
 * @param ca PEM of the CA certificates to trust instead of the system's, or null
 * @param cert PEM certificate chain of the client, for mutual TLS, or null
 * @param key PEM private key of the client certificate, or null
 * @param serverName the name to verify the server's certificate against (and to send as the
 *     authority), or null for the target's host
 * @param insecureSkipVerify trust any server certificate (testing only)
 * @since 0.3.0
 */
public record ChannelOptions(Boolean tls, byte[] ca, byte[] cert, byte[] key, String serverName,
    boolean insecureSkipVerify, Tuning tuning) {
  /** Decide TLS from the target; nothing else set. */
  public static final ChannelOptions DEFAULT = new ChannelOptions(null, null, null, null, null,
      false, Tuning.DEFAULT);

  /**
   * How the channel behaves beyond security.
   *
   * @param loadBalancing a policy name ({@code pick_first}, {@code round_robin}) or null
   * @param serviceConfig a gRPC service config (JSON as maps, lists, doubles, strings, booleans),
   *     with retry policies, timeouts, ... or null
   * @param keepaliveTime how often to ping an idle connection, or null for never
   * @param keepaliveTimeout how long to wait for the ping's answer, or null for the default
   * @param maxReceiveMessageSize the largest response accepted, in bytes, or null for 4 MiB
   * @param maxSendMessageSize the largest request sent, in bytes, or null for no limit
   * @param idleTimeout how long an unused channel keeps its connection, or null for 5 minutes
   */
  public record Tuning(String loadBalancing, java.util.Map<String, ?> serviceConfig,
      java.time.Duration keepaliveTime, java.time.Duration keepaliveTimeout,
      Integer maxReceiveMessageSize, Integer maxSendMessageSize, java.time.Duration idleTimeout) {
    /** grpc-java's defaults, an idle timeout of 5 minutes. */
    public static final Tuning DEFAULT = new Tuning(null, null, null, null, null, null, null);
  }

  public ChannelOptions {
    if (tuning == null) {
      tuning = Tuning.DEFAULT;
    }
    if ((cert == null) != (key == null)) {
      throw new PygrpcException(Kind.VALUE, "cert and key go together: give both for mutual TLS"
          + " (got only " + (cert == null ? "key" : "cert") + ")");
    }
    if (Boolean.FALSE.equals(tls) && (ca != null || cert != null || insecureSkipVerify
        || serverName != null)) {
      throw new PygrpcException(Kind.VALUE, "tls=False does not go with ca, cert, key, "
          + "server_name or insecure_skip_verify");
    }
  }

  /** Whether these options ask for TLS on {@code target}. */
  boolean useTls(String target) {
    if (tls != null) {
      return tls;
    }
    if (ca != null || cert != null || insecureSkipVerify) {
      return true;
    }
    return target.startsWith("https://") || target.endsWith(":443");
  }
}
