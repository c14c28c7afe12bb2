package io.pygrpc.descriptor;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import com.google.protobuf.compiler.PluginProtos;
import com.google.rpc.CodeProto;
import com.google.rpc.ErrorDetailsProto;
import com.google.rpc.StatusProto;

/**
 * The schema files every user has without shipping them: protobuf's well-known types and the
 * {@code google.rpc} status types, as compiled into the libraries on the class path.
 */
final class WellKnownFiles {
  private WellKnownFiles() {}

  /**
   * The bundled file with this name ({@code google/protobuf/timestamp.proto}), or null.
   *
   * <p>A switch, not a map of them all made up front: a file's class is initialized only when
   * that file is asked for (all fifteen took ~6 ms of a cold hello-world, which needs none).
   */
  static FileDescriptor get(String name) {
    return switch (name) {
      case "google/protobuf/any.proto" -> AnyProto.getDescriptor();
      case "google/protobuf/api.proto" -> ApiProto.getDescriptor();
      case "google/protobuf/descriptor.proto" -> DescriptorProtos.getDescriptor();
      case "google/protobuf/duration.proto" -> DurationProto.getDescriptor();
      case "google/protobuf/empty.proto" -> EmptyProto.getDescriptor();
      case "google/protobuf/field_mask.proto" -> FieldMaskProto.getDescriptor();
      case "google/protobuf/source_context.proto" -> SourceContextProto.getDescriptor();
      case "google/protobuf/struct.proto" -> StructProto.getDescriptor();
      case "google/protobuf/timestamp.proto" -> TimestampProto.getDescriptor();
      case "google/protobuf/type.proto" -> TypeProto.getDescriptor();
      case "google/protobuf/wrappers.proto" -> WrappersProto.getDescriptor();
      case "google/protobuf/compiler/plugin.proto" -> PluginProtos.getDescriptor();
      case "google/rpc/code.proto" -> CodeProto.getDescriptor();
      case "google/rpc/error_details.proto" -> ErrorDetailsProto.getDescriptor();
      case "google/rpc/status.proto" -> StatusProto.getDescriptor();
      default -> null;
    };
  }
}
