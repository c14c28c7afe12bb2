package io.pygrpc.guest;

import io.pygrpc.PygrpcException;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.pygrpc.call.ChannelOptions;
import io.pygrpc.call.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The one object a context's {@code pygrpc} package imports from the host (as the polyglot
 * binding {@value #BINDING}). It creates clients and owns them, so that closing the context
 * closes every channel the script opened.
 */
public final class HostBridge implements AutoCloseable {
  /** The polyglot binding name under which the bridge is published. */
  public static final String BINDING = "pygrpc.host";

  private final GuestHelpers errors = new GuestHelpers();
  private final List<ClientBinding> clients = new CopyOnWriteArrayList<>();
  private final SharedChannels channels = new SharedChannels();
  private final List<java.nio.file.Path> protoPath;

  /**
   * @param protoPath where {@code .proto} imports are searched when a script names no
   *     {@code proto_path}; empty for the script's folder and the working folder
   */
  public HostBridge(List<java.nio.file.Path> protoPath) {
    this(protoPath, System.err);
  }

  /**
   * @param warnings where warnings for the script's user go (its stderr)
   */
  public HostBridge(List<java.nio.file.Path> protoPath, java.io.OutputStream warnings) {
    this.protoPath = List.copyOf(protoPath);
    this.warnings = warnings;
  }

  private final java.io.OutputStream warnings;
  private static final java.util.concurrent.atomic.AtomicBoolean WARNED_INSECURE =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Receives the guest's helper functions; see {@link GuestHelpers}. */
  @HostAccess.Export
  public void install(Value helpers) {
    errors.install(helpers);
  }

  /**
   * Opens a client: {@code connect("localhost", 50051)} or {@code connect("localhost:50051",
   * None)}.
   */
  @HostAccess.Export
  public ClientBinding connect(Value host, Value port, Value metadata, Value defaults,
      Value tls) {
    try {
      if (!host.isString()) {
        throw new PygrpcException(PygrpcException.Kind.TYPE,
            "host: expected a string such as 'localhost' or 'localhost:50051', got " + host);
      }
      String target;
      if (port.isNull()) {
        target = host.asString();
      } else if (port.isNumber() && port.fitsInInt() && !port.isBoolean()) {
        target = Channels.target(host.asString(), port.asInt());
      } else {
        throw new PygrpcException(PygrpcException.Kind.TYPE,
            "port: expected an integer 1-65535, got " + port);
      }
      ChannelOptions channel = GuestOptions.channel(tls);
      if (channel.insecureSkipVerify() && WARNED_INSECURE.compareAndSet(false, true)) {
        warn("insecure_skip_verify=True: server certificates are not checked; use it for "
            + "testing only");
      }
      Value token = tls == null || tls.isNull() ? null : GuestOptions.entry(tls, "token");
      List<io.grpc.ClientInterceptor> interceptors = token == null || token.isNull() ? List.of()
          : List.of(tokenInterceptor(token));
      ManagedChannel opened = channels.acquire(target,
          Channels.headers(GuestOptions.pairs(metadata)), channel, interceptors);
      ClientBinding client = new ClientBinding(target, opened, () -> channels.release(opened),
          errors, protoPath, GuestOptions.settings(defaults),
          channel.tuning().maxSendMessageSize());
      clients.add(client);
      return client;
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  private static io.grpc.ClientInterceptor tokenInterceptor(Value token) {
    if (token.isString()) {
      Metadata headers = new Metadata();
      String text = token.asString();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
          text.regionMatches(true, 0, "Bearer ", 0, 7) ? text : "Bearer " + text);
      return io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers);
    }
    if (!token.canExecute()) {
      throw new PygrpcException(PygrpcException.Kind.TYPE, "token: expected a string or a "
          + "function returning one, got " + token);
    }
    return new TokenInterceptor(token);
  }

  private void warn(String message) {
    try {
      warnings.write(("pygrpc: warning: " + message + "\n").getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
      warnings.flush();
    } catch (java.io.IOException e) {
      // nowhere to warn: carry on
    }
  }

  /** Closes every client this bridge opened. */
  @Override
  public void close() {
    for (ClientBinding client : clients) {
      client.close();
    }
    clients.clear();
  }
}
