package io.pygrpc.descriptor;

import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.List;

/**
 * Where a client's schema comes from: {@code _pb2.py} modules, {@code .proto} files, descriptor
 * sets, server reflection or descriptors the JVM already has. A source names its services
 * cheaply and hands over files only when asked, so a reflection source with thousands of files
 * fetches just the ones a script uses.
 *
 * @since 0.3.0
 */
public interface DescriptorSource {
  /** Full names of the services the source offers ({@code helloworld.Greeter}). */
  List<String> serviceNames();

  /**
   * The file that defines a fully qualified symbol (service, method, message or enum), built with
   * its dependencies, or {@code null} when the source does not know the symbol.
   *
   * @throws io.pygrpc.PygrpcException when the source knows the symbol but cannot provide it
   */
  FileDescriptor fileContaining(String symbol);

  /** The files the source holds without asking anyone, in order; lazy sources give none. */
  List<FileDescriptor> files();

  /** What the source could not provide so far, as sentences for the user; usually none. */
  default List<String> warnings() {
    return List.of();
  }

  /** How the source names itself in messages ({@code "server reflection at host:port"}). */
  String describe();
}
