package io.pygrpc.guest;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import io.pygrpc.call.Channels;
import io.pygrpc.call.DynamicCalls;
import io.pygrpc.call.DynamicMethods;
import io.pygrpc.convert.InputValue;
import io.pygrpc.convert.MessageConverter;
import io.pygrpc.convert.MessageView;
import io.pygrpc.convert.PolyglotInput;
import io.pygrpc.descriptor.DescriptorSource;
import io.pygrpc.descriptor.DescriptorSources;
import io.pygrpc.descriptor.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The host side of one {@code pygrpc.Client}: its channel and its schema. Every exported method
 * turns host failures into guest exceptions.
 */
public final class ClientBinding implements AutoCloseable {
  private final String target;
  private final ManagedChannel channel;
  private final Schema schema = new Schema();
  private final GuestErrors errors;
  private volatile boolean closed;

  private final List<Path> defaultProtoPath;

  ClientBinding(String target, ManagedChannel channel, GuestErrors errors,
      List<Path> defaultProtoPath) {
    this.target = target;
    this.channel = channel;
    this.errors = errors;
    this.defaultProtoPath = defaultProtoPath;
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
      DescriptorSource source = switch (DescriptorSources.Form.of(spec, kind)) {
        case PB2 -> DescriptorSources.fromPb2(schema, paths(searchPath), spec);
        case DESCRIPTOR_SET -> DescriptorSources.fromDescriptorSet(schema, Path.of(spec));
        case PROTO -> DescriptorSources.fromProtoFiles(schema, !protoPath.isNull()
            ? paths(protoPath) : defaultProtoPath.isEmpty() ? paths(searchPath)
            : defaultProtoPath, List.of(spec));
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
      Descriptors.ServiceDescriptor found = schema.service(resolveService(service));
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

  /** Builds a message without calling anything. */
  @HostAccess.Export
  public Object message(String type, Value fields) {
    try {
      Descriptors.Descriptor descriptor = schema.messageType(type);
      return new MessageView(MessageConverter.toMessage(descriptor, PolyglotInput.python(fields)),
          errors::attributeError);
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  private String resolveService(String name) {
    List<String> all = schema.serviceNames();
    if (all.contains(name)) {
      return name;
    }
    List<String> matches = all.stream().filter(s -> s.endsWith("." + name)).toList();
    return matches.size() == 1 ? matches.get(0) : name;
  }

  private static List<String> withWarnings(List<String> services, DescriptorSource source) {
    List<String> out = new ArrayList<>(services);
    source.warnings().forEach(w -> out.add("!" + w));
    return out;
  }

  private static List<Path> paths(Value searchPath) {
    List<Path> roots = new ArrayList<>();
    for (long i = 0; i < searchPath.getArraySize(); i++) {
      String entry = searchPath.getArrayElement(i).asString();
      roots.add(Path.of(entry.isEmpty() ? "." : entry).toAbsolutePath().normalize());
    }
    return roots;
  }

  /**
   * Calls a unary method with a request built from {@code request} (a mapping of field values or
   * a message) and returns the reply.
   */
  @HostAccess.Export
  public Object request(String method, Value request) {
    try {
      checkOpen();
      Descriptors.MethodDescriptor found = schema.method(method);
      InputValue input = PolyglotInput.python(request);
      DynamicMessage message = MessageConverter.toMessage(found.getInputType(), input);
      DynamicMessage reply = DynamicCalls.unary(channel, DynamicMethods.of(found),
          CallOptions.DEFAULT, message);
      return new MessageView(reply, errors::attributeError);
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /** Closes the channel; later calls fail with a clear error. Closing twice is harmless. */
  @HostAccess.Export
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      Channels.close(channel);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new PygrpcException(Kind.VALUE, "the client for " + target + " is closed");
    }
  }
}
