package io.pygrpc.descriptor;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads descriptor sets: {@code protoc --descriptor_set_out} output ({@code .protoset},
 * {@code .pb}, {@code .desc}) and {@code buf build} images ({@code .bin}), which share the wire
 * format of {@code FileDescriptorSet}.
 */
final class DescriptorSetLoader {
  private DescriptorSetLoader() {}

  static DescriptorSource load(Path path, Schema schema) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new PygrpcException(Kind.NOT_FOUND, "no file \"" + path + "\" (looked at "
          + path.toAbsolutePath() + ")");
    } catch (IOException e) {
      throw new PygrpcException(Kind.NOT_FOUND, "cannot read " + path + ": " + e.getMessage(), e);
    }
    String origin = "descriptor set " + path;
    FileDescriptorSet set;
    try {
      set = FileDescriptorSet.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw notASet(path, e.getMessage());
    }
    List<FileDescriptorProto> protos = set.getFileList();
    if (protos.isEmpty()) {
      throw notASet(path, "it holds no files");
    }
    for (FileDescriptorProto proto : protos) {
      if (!proto.getName().endsWith(".proto")) {
        throw notASet(path, "it holds a file named \"" + proto.getName() + "\"");
      }
    }
    List<FileDescriptor> files = new FileSetBuilder(protos, name -> known(schema, name), origin)
        .buildAll();
    return new FileSetSource(files, origin);
  }

  static FileDescriptor known(Schema schema, String name) {
    FileDescriptor file = schema.file(name);
    return file != null ? file : WellKnownFiles.get(name);
  }

  private static PygrpcException notASet(Path path, String reason) {
    return new PygrpcException(Kind.DESCRIPTOR, path + " is not a descriptor set (protoc "
        + "--descriptor_set_out or buf build output): " + reason);
  }
}
