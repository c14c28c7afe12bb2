package io.pygrpc.descriptor;

import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The schema files every user has without shipping them (protobuf's well-known types and the
 * {@code google.rpc} status types), for sources outside this package.
 *
 * @since 0.3.0
 */
public final class WellKnown {
  private WellKnown() {}

  /** The bundled file with this name ({@code google/protobuf/timestamp.proto}), or null. */
  public static FileDescriptor file(String name) {
    return WellKnownFiles.get(name);
  }
}
