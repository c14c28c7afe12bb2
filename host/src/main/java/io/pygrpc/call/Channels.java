package io.pygrpc.call;

import static java.util.Objects.requireNonNull;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannelBuilder;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Opens grpc-java channels for the targets scripts name.
 *
 * @since 0.3.0
 */
public final class Channels {
  private Channels() {}

  /**
   * Builds a target string from the seed's {@code Client(host, port)} form.
   *
   * @throws PygrpcException when the port is outside 1-65535 or the host is empty
   */
  public static String target(String host, int port) {
    requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new PygrpcException(Kind.VALUE, "host: \"\" (expected: a host name or address)");
    }
    if (port < 1 || port > 65535) {
      throw new PygrpcException(Kind.VALUE, "port: " + port + " (expected: 1-65535)");
    }
    // An IPv6 literal needs brackets before the port.
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]:" + port
        : host + ":" + port;
  }

  /**
   * Opens a plaintext channel to {@code host:port} or a gRPC target URI
   * ({@code dns:///host:port}).
   *
   * @throws PygrpcException when the target cannot be parsed
   */
  public static ManagedChannel open(String target) {
    return open(target, new Metadata());
  }

  /**
   * Opens a plaintext channel that sends {@code headers} with every call made on it, reflection
   * included (default metadata such as an authorization header).
   *
   * @throws PygrpcException when the target cannot be parsed
   */
  public static ManagedChannel open(String target, Metadata headers) {
    return open(target, headers, ChannelOptions.DEFAULT);
  }

  /**
   * Opens a channel, plaintext or TLS as {@code options} say, sending {@code headers} with
   * every call.
   *
   * @throws PygrpcException when the target cannot be parsed or a certificate or key cannot be
   *     read, naming the option
   */
  public static ManagedChannel open(String target, Metadata headers, ChannelOptions options) {
    return open(target, headers, options, List.of());
  }

  /**
   * As {@link #open(String, Metadata, ChannelOptions)}, with interceptors that every call on the
   * channel (reflection included) passes through, e.g. one adding a fresh token per call.
   */
  public static ManagedChannel open(String target, Metadata headers, ChannelOptions options,
      List<io.grpc.ClientInterceptor> interceptors) {
    requireNonNull(target, "target");
    requireNonNull(headers, "headers");
    requireNonNull(options, "options");
    StaticAddresses.register();
    if (target.isBlank()) {
      throw new PygrpcException(Kind.VALUE, "target: \"\" (expected: host:port or a gRPC target"
          + " URI such as dns:///host:port)");
    }
    boolean tls = options.useTls(target);
    String address = target.startsWith("https://") ? target.substring("https://".length())
        : target;
    if (target.startsWith("https://") && !address.contains(":")) {
      address += ":443";
    }
    if (AddressList.isStatic(address)) {
      address = AddressList.uriSafe(address);
    }
    if (address.startsWith("unix:") && !UnixSockets.available()) {
      throw new PygrpcException(Kind.VALUE, "target: \"" + target + "\": unix sockets need "
          + "Netty's epoll transport, which is not available on this platform ("
          + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
    }
    boolean onClientLoop = false;
    try {
      // The registry picks Netty for host:port and dns: targets, Netty's epoll for unix: ones.
      ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(address,
          tls ? TlsCredentials.of(options) : InsecureChannelCredentials.create());
      if (options.serverName() != null) {
        builder.overrideAuthority(options.serverName());
      }
      if (builder instanceof io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder netty
          && !address.startsWith("unix:")) {
        EventLoops.use(netty);
        onClientLoop = true;
      }
      tune(builder, options.tuning());
      builder.userAgent("pygrpc/" + Version.current())
          .idleTimeout(options.tuning().idleTimeout() == null ? 5 * 60_000
              : options.tuning().idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .intercept(interceptors);
      if (!headers.keys().isEmpty()) {
        // Only when there are some: every call on the channel would pass through it.
        builder.intercept(MetadataUtils.newAttachHeadersInterceptor(headers));
      }
      ManagedChannel built = builder.build();
      if (onClientLoop) {
        EventLoops.onClientLoop(built);
      }
      return built;
    } catch (IllegalArgumentException e) {
      throw new PygrpcException(Kind.VALUE, "target: \"" + target + "\" cannot be used: "
          + e.getMessage(), e);
    }
  }

  private static void tune(ManagedChannelBuilder<?> builder, ChannelOptions.Tuning tuning) {
    if (tuning.loadBalancing() != null) {
      builder.defaultLoadBalancingPolicy(tuning.loadBalancing());
    }
    if (tuning.serviceConfig() != null) {
      builder.defaultServiceConfig(tuning.serviceConfig()).enableRetry();
    }
    if (tuning.keepaliveTime() != null) {
      builder.keepAliveTime(tuning.keepaliveTime().toNanos(), TimeUnit.NANOSECONDS)
          .keepAliveWithoutCalls(true);
    }
    if (tuning.keepaliveTimeout() != null) {
      builder.keepAliveTimeout(tuning.keepaliveTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }
    if (tuning.maxReceiveMessageSize() != null) {
      builder.maxInboundMessageSize(tuning.maxReceiveMessageSize());
    }
  }

  /**
   * Metadata from name/value pairs. Names are lower-cased as gRPC requires; names ending in
   * {@code -bin} take binary values.
   *
   * @throws PygrpcException naming the pair when a name or value is not allowed
   */
  public static Metadata headers(List<Map.Entry<String, Object>> pairs) {
    Metadata headers = new Metadata();
    for (Map.Entry<String, Object> pair : pairs) {
      String name = pair.getKey().toLowerCase(java.util.Locale.ROOT);
      Object value = pair.getValue();
      try {
        if (name.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          if (!(value instanceof byte[] bytes)) {
            throw new PygrpcException(Kind.TYPE, "metadata \"" + name + "\": expected bytes "
                + "for a -bin header, got " + typeName(value));
          }
          headers.put(Metadata.Key.of(name, Metadata.BINARY_BYTE_MARSHALLER), bytes);
        } else {
          if (!(value instanceof String text)) {
            throw new PygrpcException(Kind.TYPE, "metadata \"" + name + "\": expected a "
                + "string, got " + typeName(value));
          }
          headers.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), text);
        }
      } catch (IllegalArgumentException e) {
        throw new PygrpcException(Kind.VALUE, "metadata \"" + name + "\": " + e.getMessage(), e);
      }
    }
    return headers;
  }

  private static String typeName(Object value) {
    return value == null ? "None" : value.getClass().getSimpleName();
  }

  /** Shuts a channel down, waiting briefly for calls in flight, then forcing it closed. */
  public static void close(ManagedChannel channel) {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
