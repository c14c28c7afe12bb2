package io.pygrpc.guest;

import io.pygrpc.PygrpcException;
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

  private final GuestErrors errors = new GuestErrors();
  private final List<ClientBinding> clients = new CopyOnWriteArrayList<>();
  private final List<java.nio.file.Path> protoPath;

  /**
   * @param protoPath where {@code .proto} imports are searched when a script names no
   *     {@code proto_path}; empty for the script's folder and the working folder
   */
  public HostBridge(List<java.nio.file.Path> protoPath) {
    this.protoPath = List.copyOf(protoPath);
  }

  /** Receives the guest's exception factory; see {@link GuestErrors}. */
  @HostAccess.Export
  public void install(Value errorFactory) {
    errors.install(errorFactory);
  }

  /**
   * Opens a client: {@code connect("localhost", 50051)} or {@code connect("localhost:50051",
   * None)}.
   */
  @HostAccess.Export
  public ClientBinding connect(Value host, Value port, Value metadata) {
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
      ClientBinding client = new ClientBinding(target,
          Channels.open(target, Channels.headers(pairs(metadata))), errors, protoPath);
      clients.add(client);
      return client;
    } catch (RuntimeException e) {
      throw errors.raise(e);
    }
  }

  /** Name/value pairs from a guest list of 2-item sequences (the shim turns dicts into one). */
  private static List<Map.Entry<String, Object>> pairs(Value metadata) {
    List<Map.Entry<String, Object>> pairs = new ArrayList<>();
    if (metadata == null || metadata.isNull()) {
      return pairs;
    }
    for (long i = 0; i < metadata.getArraySize(); i++) {
      Value pair = metadata.getArrayElement(i);
      if (!pair.hasArrayElements() || pair.getArraySize() != 2 || !pair.getArrayElement(0)
          .isString()) {
        throw new PygrpcException(PygrpcException.Kind.TYPE,
            "metadata: expected (name, value) pairs with string names, got " + pair);
      }
      Value value = pair.getArrayElement(1);
      Object converted;
      if (value.isString()) {
        converted = value.asString();
      } else if (value.hasBufferElements()) {
        byte[] bytes = new byte[(int) value.getBufferSize()];
        value.readBuffer(0, bytes, 0, bytes.length);
        converted = bytes;
      } else {
        converted = value.toString();
        throw new PygrpcException(PygrpcException.Kind.TYPE, "metadata \""
            + pair.getArrayElement(0).asString() + "\": expected a string (or bytes for a -bin "
            + "header), got " + converted);
      }
      pairs.add(Map.entry(pair.getArrayElement(0).asString(), converted));
    }
    return pairs;
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
