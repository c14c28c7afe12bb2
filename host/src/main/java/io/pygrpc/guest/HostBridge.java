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
  private volatile List<java.nio.file.Path> protoPath;

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
    this(protoPath, warnings, GuestLanguage.PYTHON, HostPolicy.OPEN);
  }

  HostBridge(List<java.nio.file.Path> protoPath, java.io.OutputStream warnings,
      GuestLanguage language, HostPolicy policy) {
    this.protoPath = List.copyOf(protoPath);
    this.warnings = warnings;
    this.language = language;
    this.policy = policy;
  }

  private final GuestLanguage language;
  private final HostPolicy policy;
  private volatile List<String> argv = List.of();
  private volatile java.io.OutputStream callLog;
  private volatile java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();

  /** Where {@code .proto} imports are searched when a script names no {@code proto_path}. */
  void protoPath(List<java.nio.file.Path> folders) {
    protoPath = List.copyOf(folders);
  }

  /** The folder relative file names of the script mean (a warm daemon's client's). */
  void workingDirectory(java.nio.file.Path folder) {
    cwd = folder.toAbsolutePath().normalize();
  }

  private volatile java.io.OutputStream progress;

  /** Shows the progress of long bulk calls on {@code terminal} (the launcher's, on a tty). */
  void showProgress(java.io.OutputStream terminal) {
    progress = terminal;
  }

  private void attachProgress(ClientBinding client) {
    if (progress != null) {
      client.showProgress(new BulkProgress(progress));
    }
  }

  /** Logs each call of the script's clients (method, status, duration) to {@code log}. */
  void logCalls(java.io.OutputStream log) {
    callLog = log;
  }
  private volatile List<String> searchPath = List.of();
  private volatile Map<String, String> environment = Map.of();

  /**
   * What a JavaScript script reads through the bridge (Python has its own sys and os): its
   * argv, where {@code load('x_pb2')} searches, and the environment it may see.
   */
  void scriptInfo(List<String> argv, List<java.nio.file.Path> searchPath,
      Map<String, String> environment) {
    this.argv = List.copyOf(argv);
    this.searchPath = searchPath.stream().map(java.nio.file.Path::toString).toList();
    this.environment = Map.copyOf(environment);
  }

  /** The script's argv, Node-style: [launcher, script, args...]. */
  @HostAccess.Export
  public List<String> argv() {
    return argv;
  }

  /** Folders searched for {@code _pb2} modules, in order. */
  @HostAccess.Export
  public List<String> searchPath() {
    return searchPath;
  }

  /** The environment variables the script may see, as [name, value] pairs. */
  @HostAccess.Export
  public List<List<String>> environment() {
    return environment.entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList();
  }

  private final java.io.OutputStream warnings;
  private static final java.util.concurrent.atomic.AtomicBoolean WARNED_INSECURE =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** The script's Ctrl-C; see {@link ScriptInterrupt}. */
  ScriptInterrupt keyboard() {
    return errors.keyboard;
  }

  /** Asked by the script's SIGINT handler: whether this Ctrl-C is still to be raised. */
  @HostAccess.Export
  public boolean claimInterrupt() {
    return errors.keyboard.claim();
  }

  /** Receives the guest's helper functions; see {@link GuestHelpers}. */
  @HostAccess.Export
  public void install(Value helpers) {
    errors.install(helpers);
  }

  /** The functions over message views; see {@link ViewAccess}. */
  @HostAccess.Export
  public ViewAccess views() {
    return ViewAccess.INSTANCE;
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
      policy.checkTarget(target);
      ChannelOptions channel = GuestOptions.channel(tls, policy, cwd);
      if (channel.insecureSkipVerify() && WARNED_INSECURE.compareAndSet(false, true)) {
        warn("insecure_skip_verify=True: server certificates are not checked; use it for "
            + "testing only");
      }
      Value token = tls == null || tls.isNull() ? null : GuestOptions.entry(tls, "token");
      List<io.grpc.ClientInterceptor> interceptors = new ArrayList<>();
      if (token != null && !token.isNull()) {
        interceptors.add(tokenInterceptor(token));
      }
      if (callLog != null) {
        interceptors.add(new io.pygrpc.call.CallLog(callLog));
      }
      ManagedChannel opened = channels.acquire(target,
          Channels.headers(GuestOptions.pairs(metadata)), channel, interceptors);
      // Unary calls start on the channel's event loop, unless a token function (guest code, for
      // the script's thread only) runs as each call starts.
      io.grpc.Channel calls = token != null && !token.isNull() ? opened
          : io.pygrpc.call.LoopStartedChannel.of(opened);
      ClientBinding client = new ClientBinding(target, calls, () -> channels.release(opened),
          errors, protoPath, GuestOptions.settings(defaults),
          channel.tuning().maxSendMessageSize(), language, policy);
      client.workingDirectory(cwd);
      attachProgress(client);
      clients.add(client);
      return client;
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /**
   * A client over a channel the host application made and named ({@code Client(channel=
   * 'orders')}): the host chose its target, credentials and interceptors; the script adds
   * metadata and call defaults.
   */
  @HostAccess.Export
  public ClientBinding attach(Value name, Value metadata, Value defaults) {
    try {
      if (!name.isString()) {
        throw new PygrpcException(PygrpcException.Kind.TYPE,
            "channel: expected the name of a channel the host provides, got " + name);
      }
      io.grpc.Channel channel = policy.channels().get(name.asString());
      if (channel == null) {
        throw new PygrpcException(PygrpcException.Kind.LOOKUP, "channel: no channel named \""
            + name.asString() + "\""
            + (policy.channels().isEmpty() ? "; this host provides none"
                : "; the host provides: " + String.join(", ",
                    policy.channels().keySet().stream().sorted().toList())));
      }
      List<Map.Entry<String, Object>> pairs = GuestOptions.pairs(metadata);
      if (!pairs.isEmpty()) {
        channel = io.grpc.ClientInterceptors.intercept(channel,
            io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(Channels.headers(pairs)));
      }
      ClientBinding client = new ClientBinding(name.asString(), channel, () -> { },
          errors, protoPath, GuestOptions.settings(defaults), null, language, policy);
      client.workingDirectory(cwd);
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
