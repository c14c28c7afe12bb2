package io.pygrpc.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorSetLoaderTest {
  @TempDir
  Path dir;

  static FileDescriptorSet demoSet() throws IOException {
    try (InputStream in = DescriptorSetLoaderTest.class
        .getResourceAsStream("/io/pygrpc/demo/demo.protoset")) {
      return FileDescriptorSet.parseFrom(in);
    }
  }

  private PygrpcException failure(byte[] content) throws IOException {
    Path file = Files.write(dir.resolve("x.pb"), content);
    return assertThrows(PygrpcException.class,
        () -> DescriptorSources.fromDescriptorSet(new Schema(), file));
  }

  @Test
  void load_protocSetWithImports_offersItsServices() throws IOException {
    Path file = Files.write(dir.resolve("demo.protoset"), demoSet().toByteArray());
    DescriptorSource source = DescriptorSources.fromDescriptorSet(new Schema(), file);
    assertEquals(List.of("helloworld.Greeter", "pygrpc.demo.Echo", "pygrpc.demo.RouteGuide"),
        source.serviceNames());
    assertEquals("demo/echo.proto", source.fileContaining("pygrpc.demo.Record").getName());
    assertEquals("demo/common.proto", source.fileContaining("pygrpc.demo.Color").getName());
  }

  /** buf images share the set's wire format and add field 8042 to each file; it is ignored. */
  @Test
  void load_bufImage_readsLikeADescriptorSet() throws IOException {
    FileDescriptorSet.Builder image = demoSet().toBuilder();
    for (int i = 0; i < image.getFileCount(); i++) {
      image.setFile(i, image.getFile(i).toBuilder().setUnknownFields(
          com.google.protobuf.UnknownFieldSet.newBuilder().addField(8042,
              com.google.protobuf.UnknownFieldSet.Field.newBuilder()
                  .addLengthDelimited(com.google.protobuf.ByteString.copyFromUtf8("\u0008\u0001"))
                  .build()).build()).build());
    }
    Path file = Files.write(dir.resolve("image.bin"), image.build().toByteArray());
    DescriptorSource source = DescriptorSources.fromDescriptorSet(new Schema(), file);
    assertEquals(List.of("helloworld.Greeter", "pygrpc.demo.Echo", "pygrpc.demo.RouteGuide"),
        source.serviceNames());
  }

  @Test
  void load_setWithoutItsImports_takesWellKnownTypesAndNamesWhatIsMissing() throws IOException {
    FileDescriptorSet withoutCommon = FileDescriptorSet.newBuilder()
        .addAllFile(demoSet().getFileList().stream()
            .filter(f -> f.getName().equals("demo/echo.proto")).toList())
        .build();
    PygrpcException e = failure(withoutCommon.toByteArray());
    assertEquals(Kind.NOT_FOUND, e.kind());
    assertEquals("descriptor set " + dir.resolve("x.pb") + " lacks \"demo/common.proto\", "
        + "imported by \"demo/echo.proto\"; make it with all imports included "
        + "(protoc --include_imports)", e.getMessage());
  }

  @Test
  void load_notADescriptorSet_saysWhatItExpected() throws IOException {
    PygrpcException e = failure("hello, not protobuf".getBytes());
    assertEquals(Kind.DESCRIPTOR, e.kind());
    assertEquals(dir.resolve("x.pb") + " is not a descriptor set (protoc --descriptor_set_out or"
        + " buf build output): Protocol message end-group tag did not match expected tag.", e.getMessage());
  }

  @Test
  void load_emptyFile_isNotADescriptorSet() throws IOException {
    PygrpcException e = failure(new byte[0]);
    assertEquals(dir.resolve("x.pb") + " is not a descriptor set (protoc --descriptor_set_out or"
        + " buf build output): it holds no files", e.getMessage());
  }

  @Test
  void load_missingFile_isNotFound() {
    PygrpcException e = assertThrows(PygrpcException.class,
        () -> DescriptorSources.fromDescriptorSet(new Schema(), dir.resolve("nope.protoset")));
    assertEquals(Kind.NOT_FOUND, e.kind());
  }

  @Test
  void formOf_guessesFromTheNameAndHonoursKind() {
    assertEquals(DescriptorSources.Form.PB2, DescriptorSources.Form.of("helloworld_pb2", null));
    assertEquals(DescriptorSources.Form.PB2, DescriptorSources.Form.of("pkg.api_pb2", null));
    assertEquals(DescriptorSources.Form.PB2, DescriptorSources.Form.of("gen/x_pb2_grpc.py", null));
    assertEquals(DescriptorSources.Form.DESCRIPTOR_SET,
        DescriptorSources.Form.of("api.protoset", null));
    assertEquals(DescriptorSources.Form.DESCRIPTOR_SET, DescriptorSources.Form.of("image.bin", null));
    assertEquals(DescriptorSources.Form.PROTO, DescriptorSources.Form.of("a/b.proto", null));
    assertEquals(DescriptorSources.Form.DESCRIPTOR_SET,
        DescriptorSources.Form.of("schema.data", "descriptor_set"));
    PygrpcException e = assertThrows(PygrpcException.class,
        () -> DescriptorSources.Form.of("schema.data", null));
    assertEquals("cannot tell what kind of schema \"schema.data\" is; name it with kind=\"pb2\","
        + " \"proto\" or \"descriptor_set\"", e.getMessage());
  }
}
