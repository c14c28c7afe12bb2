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
import io.pygrpc.descriptor.Pb2Loader;
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

  ClientBinding(String target, ManagedChannel channel, GuestErrors errors) {
    this.target = target;
    this.channel = channel;
    this.errors = errors;
  }

  /** The target this client talks to, as given. */
  @HostAccess.Export
  public String target() {
    return target;
  }

  /**
   * Loads the schema from a {@code _pb2} module, searched for on {@code searchPath}.
   *
   * @return the full names of the services the module defines
   */
  @HostAccess.Export
  public List<String> load(String module, Value searchPath) {
    try {
      List<Path> roots = new ArrayList<>();
      for (long i = 0; i < searchPath.getArraySize(); i++) {
        String entry = searchPath.getArrayElement(i).asString();
        roots.add(Path.of(entry.isEmpty() ? "." : entry).toAbsolutePath().normalize());
      }
      List<String> services = new ArrayList<>();
      for (Descriptors.FileDescriptor file : new Pb2Loader(schema, roots).load(module)) {
        schema.add(file);
        file.getServices().forEach(s -> services.add(s.getFullName()));
      }
      return services;
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
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
