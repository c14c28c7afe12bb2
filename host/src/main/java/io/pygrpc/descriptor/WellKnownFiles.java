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
import java.util.HashMap;
import java.util.Map;

/**
 * The schema files every user has without shipping them: protobuf's well-known types and the
 * {@code google.rpc} status types, as compiled into the libraries on the class path.
 */
final class WellKnownFiles {
  private static final Map<String, FileDescriptor> FILES = index(
      AnyProto.getDescriptor(),
      ApiProto.getDescriptor(),
      DescriptorProtos.getDescriptor(),
      DurationProto.getDescriptor(),
      EmptyProto.getDescriptor(),
      FieldMaskProto.getDescriptor(),
      SourceContextProto.getDescriptor(),
      StructProto.getDescriptor(),
      TimestampProto.getDescriptor(),
      TypeProto.getDescriptor(),
      WrappersProto.getDescriptor(),
      PluginProtos.getDescriptor(),
      CodeProto.getDescriptor(),
      ErrorDetailsProto.getDescriptor(),
      StatusProto.getDescriptor());

  private WellKnownFiles() {}

  /** The bundled file with this name ({@code google/protobuf/timestamp.proto}), or null. */
  static FileDescriptor get(String name) {
    return FILES.get(name);
  }

  private static Map<String, FileDescriptor> index(FileDescriptor... files) {
    Map<String, FileDescriptor> map = new HashMap<>();
    for (FileDescriptor file : files) {
      map.put(file.getName(), file);
    }
    return Map.copyOf(map);
  }
}
