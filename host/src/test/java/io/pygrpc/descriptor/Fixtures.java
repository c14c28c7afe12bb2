package io.pygrpc.descriptor;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The files tools/make-fixtures.sh wrote with real protoc, for the tests. */
final class Fixtures {
  static final Path PB2 = Path.of("src/test/resources/pb2").toAbsolutePath();

  private Fixtures() {}

  /** The file of the demo descriptor set (protoc --descriptor_set_out) with this name. */
  static FileDescriptorProto fromProtoset(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/io/pygrpc/demo/demo.protoset")) {
      return FileDescriptorSet.parseFrom(in).getFileList().stream()
          .filter(f -> f.getName().equals(name)).findFirst().orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A descriptor as protoc embeds it in Python code: without source info and without the
   * json_name that --descriptor_set_out adds.
   */
  static FileDescriptorProto asEmbedded(FileDescriptorProto file) {
    FileDescriptorProto.Builder builder = file.toBuilder().clearSourceCodeInfo();
    builder.getMessageTypeBuilderList().forEach(m -> {
      m.getFieldBuilderList().forEach(FieldDescriptorProto.Builder::clearJsonName);
      m.getNestedTypeBuilderList().forEach(n ->
          n.getFieldBuilderList().forEach(FieldDescriptorProto.Builder::clearJsonName));
    });
    return builder.build();
  }
}
