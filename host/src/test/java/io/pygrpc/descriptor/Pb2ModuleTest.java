package io.pygrpc.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pb2ModuleTest {

  /** Every protoc generation embeds exactly the descriptor protoc compiled. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"modern", "v3_5", "beta2015", "v5"})
  void parse_eachGeneration_yieldsProtocDescriptor(String generation) throws Exception {
    String source = Files.readString(Fixtures.PB2.resolve(generation).resolve("helloworld_pb2.py"));
    Pb2Module module = Pb2Module.parse(source);
    assertEquals(Fixtures.asEmbedded(Fixtures.fromProtoset("helloworld.proto")),
        Fixtures.asEmbedded(FileDescriptorProto.parseFrom(module.descriptor())));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"modern", "v3_5"})
  void parse_moduleWithImports_listsGeneratedImports(String generation) throws Exception {
    String source = Files.readString(Fixtures.PB2.resolve(generation).resolve("demo/echo_pb2.py"));
    Pb2Module module = Pb2Module.parse(source);
    List<Pb2Module.Import> expected = new java.util.ArrayList<>(Stream.of("any", "duration",
        "field_mask", "struct", "timestamp", "wrappers")
        .map(n -> new Pb2Module.Import(0, "google.protobuf." + n + "_pb2")).toList());
    expected.add(new Pb2Module.Import(0, "demo.common_pb2"));
    if (generation.equals("v3_5")) {
      // protoc 3.5 also imported descriptor_pb2 into every module.
      expected.add(0, new Pb2Module.Import(0, "google.protobuf.descriptor_pb2"));
    }
    assertEquals(expected, module.imports());
    assertEquals(Fixtures.asEmbedded(Fixtures.fromProtoset("demo/echo.proto")),
        Fixtures.asEmbedded(FileDescriptorProto.parseFrom(module.descriptor())));
  }

  @Test
  void parse_grpcStubModule_hasNoDescriptorAndImportsItsPb2() throws Exception {
    String source = Files.readString(Fixtures.PB2.resolve("v3_5/helloworld_pb2_grpc.py"));
    Pb2Module module = Pb2Module.parse(source);
    assertNull(module.descriptor());
    assertEquals(List.of(new Pb2Module.Import(0, "helloworld_pb2")), module.imports());
  }

  @Test
  void parse_relativeImports_keepTheirLevel() {
    Pb2Module module = Pb2Module.parse("from . import a_pb2 as a\nfrom ..pkg import b_pb2\n"
        + "import c.d_pb2\nimport grpc\n");
    assertEquals(List.of(new Pb2Module.Import(1, "a_pb2"), new Pb2Module.Import(2, "pkg.b_pb2"),
        new Pb2Module.Import(0, "c.d_pb2")), module.imports());
  }
}
