package io.pygrpc.descriptor;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.pygrpc.PygrpcException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema files a client has loaded, from whatever source, merged by file name.
 *
 * <p>Loading the same file twice is not an error; two different files with the same name are.
 * Method names are resolved here, once, and the answers cached until the next file arrives.
 *
 * @since 0.3.0
 */
public final class Schema {
  private final Map<String, FileDescriptor> files = new LinkedHashMap<>();
  private final Map<String, MethodDescriptor> resolved = new ConcurrentHashMap<>();
  private volatile List<ServiceDescriptor> services = List.of();

  /**
   * Adds a file and, first, the files it imports.
   *
   * @throws PygrpcException when a different file with the same name is already loaded
   */
  public synchronized void add(FileDescriptor file) {
    requireNonNull(file, "file");
    FileDescriptor existing = files.get(file.getName());
    if (existing != null) {
      if (!existing.toProto().equals(file.toProto())) {
        throw new PygrpcException(PygrpcException.Kind.DESCRIPTOR, "two different files named \""
            + file.getName() + "\" were loaded; a client can hold only one of them");
      }
      return;
    }
    for (FileDescriptor dependency : file.getDependencies()) {
      add(dependency);
    }
    files.put(file.getName(), file);
    List<ServiceDescriptor> all = new ArrayList<>(services);
    all.addAll(file.getServices());
    services = List.copyOf(all);
    resolved.clear();
  }

  /** The loaded file with this name, or null. */
  public synchronized FileDescriptor file(String name) {
    return files.get(name);
  }

  /** Every service of every loaded file, in load order. */
  public List<ServiceDescriptor> services() {
    return services;
  }

  /**
   * Finds a method by any of the names a user writes: {@code SayHello}, {@code Greeter.SayHello},
   * {@code helloworld.Greeter.SayHello}, {@code helloworld.Greeter/SayHello} or
   * {@code /helloworld.Greeter/SayHello}.
   *
   * @throws PygrpcException of kind {@code LOOKUP} naming what exists when no single method fits
   */
  public MethodDescriptor method(String name) {
    requireNonNull(name, "name");
    MethodDescriptor method = resolved.get(name);
    if (method == null) {
      method = MethodResolver.resolve(services, name);
      resolved.put(name, method);
    }
    return method;
  }
}
