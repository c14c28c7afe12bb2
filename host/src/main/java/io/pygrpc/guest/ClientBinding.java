package io.pygrpc.guest;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import io.grpc.Status;
import io.grpc.Channel;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.call.CallSettings;
import io.pygrpc.call.DynamicCalls;
import io.pygrpc.call.DynamicMethods;
import io.pygrpc.call.Invocation;
import io.pygrpc.call.Reply;
import io.pygrpc.call.RequestLimit;
import io.pygrpc.call.StreamingCall;
import io.pygrpc.convert.MessageConverter;
import io.pygrpc.convert.MessageView;
import io.pygrpc.descriptor.DescriptorSource;
import io.pygrpc.descriptor.DescriptorSources;
import io.pygrpc.descriptor.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The host side of one {@code pygrpc.Client}: its channel and its schema. Every exported method
 * turns host failures into guest exceptions.
 */
public final class ClientBinding implements AutoCloseable {
  private final String target;
  private final Channel channel;
  private final GuestLanguage language;
  private final HostPolicy policy;
  private final Schema schema = new Schema();
  private final GuestHelpers errors;
  private final CallSettings defaults;
  /** Calls whose iterator the script still holds, to cancel when the client closes. */
  private final Set<StreamingCall> streams = ConcurrentHashMap.newKeySet();
  /** Cancels the call of an iterator the script dropped, once the collector frees it. */
  private static final java.lang.ref.Cleaner DROPPED = java.lang.ref.Cleaner.create();
  private volatile boolean closed;

  private final List<Path> defaultProtoPath;

  private final Runnable release;
  private final Integer maxSend;

  ClientBinding(String target, Channel channel, Runnable release, GuestHelpers errors,
      List<Path> defaultProtoPath, CallSettings defaults, Integer maxSend,
      GuestLanguage language, HostPolicy policy) {
    this.language = language;
    this.policy = policy;
    this.maxSend = maxSend;
    this.target = target;
    this.channel = channel;
    this.release = release;
    this.errors = errors;
    this.defaultProtoPath = defaultProtoPath;
    this.defaults = defaults;
  }

  /** The target this client talks to, as given. */
  @HostAccess.Export
  public String target() {
    return target;
  }

  /**
   * Loads a schema: a {@code _pb2} module (searched for on {@code searchPath} like an import), a
   * descriptor set, or a {@code .proto} file (imports searched on {@code protoPath}, or on
   * {@code searchPath} when that is None), as {@code kind} says or the name suggests.
   *
   * @return the full names of the services it defines, then any warnings as {@code "!..."}
   */
  @HostAccess.Export
  public List<String> load(String spec, String kind, Value searchPath, Value protoPath) {
    try {
      // A file name means the script's working folder, which need not be this JVM's.
      Path asFile = cwd.resolve(spec);
      boolean isFile = java.nio.file.Files.isRegularFile(asFile);
      DescriptorSource source = switch (DescriptorSources.Form.of(spec, kind)) {
        case PB2 -> {
          if (spec.endsWith(".py") && isFile) {
            policy.checkRead(asFile); // a module given by its path
          }
          yield DescriptorSources.fromPb2(schema, policy.readable(paths(searchPath)),
              spec.endsWith(".py") && isFile ? asFile.toString() : spec);
        }
        case DESCRIPTOR_SET -> DescriptorSources.fromDescriptorSet(schema,
            policy.checkRead(asFile));
        case PROTO -> {
          if (isFile) {
            policy.checkRead(asFile);
          }
          yield DescriptorSources.fromProtoFiles(schema, policy.readable(!protoPath.isNull()
              ? paths(protoPath) : defaultProtoPath.isEmpty() ? paths(searchPath)
              : inWorkingFolder(defaultProtoPath)), List.of(isFile ? asFile.toString() : spec));
        }
      };
      return withWarnings(schema.add(source), source);
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /**
   * Loads the server's schema over its reflection service; files are fetched as methods and
   * messages are first used.
   */
  @HostAccess.Export
  public List<String> reflect() {
    try {
      checkOpen();
      DescriptorSource source = DescriptorSources.fromReflection(schema, channel);
      return withWarnings(schema.add(source), source);
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /** The full names of every loaded service, sorted. */
  @HostAccess.Export
  public List<String> services() {
    try {
      return schema.serviceNames();
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /** The full names of a service's methods ({@code helloworld.Greeter.SayHello}). */
  @HostAccess.Export
  public List<String> methods(String service) {
    try {
      Descriptors.ServiceDescriptor found = schema.service(service);
      return found.getMethods().stream().map(Descriptors.MethodDescriptor::getFullName).toList();
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /** A service, method, message or enum as {@code .proto}-like text. */
  @HostAccess.Export
  public String describe(String symbol) {
    try {
      return schema.describe(symbol);
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /** Builds a message without calling anything; the guest wraps the view it returns. */
  @HostAccess.Export
  public MessageView message(String type, Value fields) {
    try {
      Descriptors.Descriptor descriptor = schema.messageType(type);
      return errors.view(MessageConverter.toMessage(descriptor, language.input(fields),
          schema::messageType));
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  private static List<String> withWarnings(List<String> services, DescriptorSource source) {
    List<String> out = new ArrayList<>(services);
    source.warnings().forEach(w -> out.add("!" + w));
    return out;
  }

  private List<Path> paths(Value searchPath) {
    List<Path> roots = new ArrayList<>();
    for (long i = 0; i < searchPath.getArraySize(); i++) {
      String entry = searchPath.getArrayElement(i).asString();
      roots.add(cwd.resolve(entry.isEmpty() ? "." : entry).normalize());
    }
    return roots;
  }

  /**
   * Calls a method of any shape. {@code request} is a mapping of fields or a message for unary
   * and server-streaming methods, an iterable of them for client-streaming and bidi ones;
   * {@code options} holds timeout, metadata, wait_for_ready and compression, or is None.
   *
   * @return the reply's view (unary, client streaming), which Python types as its message
   *     class, or the guest's response iterator
   */
  @HostAccess.Export
  public Object request(String method, Value request, Value options) {
    return call(method, request, options, false);
  }

  /**
   * As {@link #request}, for a request given as keyword arguments alone, which may hold call
   * options ({@code timeout=5}) rather than fields: then null, before anything is sent, and the
   * guest takes the options out and calls {@link #request} (null too for a client-streaming
   * method, whose request is an iterable: the guest's path reports it). Asked here because the
   * converter sees the keys anyway: the guest's own check ({@code frozenset.isdisjoint}) cost
   * 2–6 µs a call in GraalPy's interpreter.
   */
  @HostAccess.Export
  public Object requestKeywords(String method, Value fields) {
    return call(method, fields, null, true);
  }

  private Object call(String method, Value request, Value options, boolean keywords) {
    try {
      Invocation invocation = errors.keyboard.await(
          () -> invoke(method, request, options, keywords));
      if (invocation instanceof Reply reply) {
        return errors.view(reply.message());
      }
      return stream((StreamingCall) invocation);
    } catch (GuestDecides e) {
      return null; // only thrown for keywords
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /** The keyword arguments of {@code request()} that are the call's options, not fields. */
  private static final Set<String> CALL_OPTIONS =
      Set.of("timeout", "metadata", "wait_for_ready", "compression", "with_call");

  /**
   * Keyword arguments the guest's full path must take, found before the call started: call
   * options among them, or a method whose requests are a stream.
   */
  private static final class GuestDecides extends RuntimeException {
    GuestDecides() {
      super(null, null, false, false);
    }
  }

  /**
   * As {@link #request}, for a call with a single reply, also giving what grpcio's
   * {@code with_call=True} gives: {@code [reply, call info]}.
   */
  @HostAccess.Export
  public List<Object> requestWithCall(String method, Value request, Value options) {
    try {
      Invocation invocation = errors.keyboard.await(
          () -> invoke(method, request, options, false));
      if (invocation instanceof Reply reply) {
        return List.of(errors.view(reply.message()),
            new CallInfo(Status.OK, reply.headers(), reply.trailers(), errors));
      }
      ((StreamingCall) invocation).cancel("with_call is for calls with one reply");
      throw new PygrpcException(Kind.VALUE, "with_call=True is for methods with one reply; \""
          + method + "\" streams its replies, and its iterator has the same methods "
          + "(initial_metadata(), trailing_metadata(), code(), details())");
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /**
   * Starts a unary call and returns at once: {@code client.future(...)}.
   */
  @HostAccess.Export
  public FutureBinding future(String method, Value request, Value options) {
    try {
      checkOpen();
      Descriptors.MethodDescriptor found = unary(method, "future");
      CallSettings settings = GuestOptions.settings(options).merge(defaults);
      DynamicMessage message = RequestLimit.check(MessageConverter.toMessage(
          found.getInputType(), language.input(request), schema::messageType), maxSend);
      return new FutureBinding(io.pygrpc.call.PendingReply.start(channel,
          DynamicMethods.of(found), settings, message), errors);
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /**
   * Many calls of a unary method, {@code concurrency} at a time, results in request order:
   * {@code client.map(...)}.
   */
  @HostAccess.Export
  public BulkBinding map(String method, Value requests, Value options, int concurrency) {
    try {
      checkOpen();
      Descriptors.MethodDescriptor found = unary(method, "map");
      CallSettings settings = GuestOptions.settings(options).merge(defaults);
      RequestIterator items = RequestIterator.over(requests, found.getInputType(),
          found.getFullName(), null, schema::messageType, language, errors.pull());
      io.pygrpc.call.BulkCalls calls = new io.pygrpc.call.BulkCalls(channel,
          DynamicMethods.of(found), settings, limited(items), concurrency);
      BulkBinding binding = new BulkBinding(calls, errors, progress);
      // As with a stream: the script's iterator holds the binding, and when it is dropped
      // unfinished, the calls still in flight are cancelled (the action must not refer to it).
      DROPPED.register(binding, calls::close);
      return binding;
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  private Descriptors.MethodDescriptor unary(String method, String what) {
    Descriptors.MethodDescriptor found = schema.method(method);
    if (found.isClientStreaming() || found.isServerStreaming()) {
      throw new PygrpcException(Kind.VALUE, what + "() is for unary methods; \""
          + found.getFullName() + "\" streams " + (found.isClientStreaming()
              ? "its requests" : "its replies") + ": use request()");
    }
    return found;
  }

  private volatile BulkProgress progress = BulkProgress.NONE;
  private volatile Path cwd = Path.of("").toAbsolutePath();

  /** The launcher's -I folders as the script's working folder means them (see {@link #load}). */
  private List<Path> inWorkingFolder(List<Path> folders) {
    return folders.stream().map(folder -> cwd.resolve(folder).normalize()).toList();
  }

  /** The folder the script's relative file names are relative to. */
  void workingDirectory(Path folder) {
    cwd = folder;
  }

  /** Where long bulk work shows its progress (a terminal), or nowhere. */
  void showProgress(BulkProgress shown) {
    progress = shown;
  }

  /** {@code keywords}: the request is keyword arguments, which may hold call options. */
  private Invocation invoke(String method, Value request, Value options, boolean keywords) {
    checkOpen();
    Descriptors.MethodDescriptor found = schema.method(method);
    var grpcMethod = DynamicMethods.of(found);
    CallSettings settings = GuestOptions.settings(options).merge(defaults);
    String name = grpcMethod.getFullMethodName();
    boolean many = found.isClientStreaming();
    if (keywords && many) {
      throw new GuestDecides(); // the guest's own path says what such a request must be
    }
    java.util.function.Supplier<DynamicMessage> single = keywords
        ? () -> {
          DynamicMessage message = MessageConverter.fromKeywords(found.getInputType(),
              language.input(request), schema::messageType, CALL_OPTIONS);
          if (message == null) {
            throw new GuestDecides();
          }
          return RequestLimit.check(message, maxSend);
        }
        : () -> RequestLimit.check(MessageConverter.toMessage(found.getInputType(),
            language.input(request), schema::messageType), maxSend);
    RequestIterator requests = many ? RequestIterator.over(request, found.getInputType(), name,
        found.isServerStreaming() ? "bidi-streaming" : "client-streaming", schema::messageType,
        language, errors.pull()) : null;
    return DynamicCalls.invoke(channel, grpcMethod, settings, single,
        requests == null ? null : limited(requests), language.pump());
  }

  /** The script's requests, each checked against max_send_message_size. */
  private io.pygrpc.call.RequestSource limited(RequestIterator requests) {
    return new io.pygrpc.call.RequestSource() {
      @Override
      public DynamicMessage next() {
        DynamicMessage next = requests.next();
        return next == null ? null : RequestLimit.check(next, maxSend);
      }

      @Override
      public void expect(int count) {
        requests.expect(count);
      }
    };
  }

  private Object stream(StreamingCall call) {
    streams.add(call);
    StreamBinding binding = new StreamBinding(call, errors, () -> streams.remove(call));
    // The guest's iterator holds the binding; when the script drops the iterator, the binding
    // becomes unreachable and the call is cancelled (the action must not refer to the binding).
    Set<StreamingCall> open = streams;
    DROPPED.register(binding, () -> {
      if (open.remove(call)) {
        call.cancel("the script dropped the stream");
      }
    });
    return errors.stream(binding);
  }

  /** Closes the channel; later calls fail with a clear error. Closing twice is harmless. */
  @HostAccess.Export
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      // Streams the script left open would hold the channel for its grace period.
      streams.forEach(call -> call.cancel("the client was closed"));
      streams.clear();
      release.run(); // the channel closes with the last client sharing it
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new PygrpcException(Kind.VALUE, "the client for " + target + " is closed");
    }
  }
}
