package io.pygrpc.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.pygrpc.PygrpcException;
import io.pygrpc.demo.DemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same lookups over every descriptor source: whichever source, the same answers. */
class SourceMatrixTest {
  static DemoServer server;
  static ManagedChannel channel;
  static DemoServer plainServer;
  static ManagedChannel plainChannel;
  static Path protoset;

  @BeforeAll
  static void start() throws Exception {
    server = DemoServer.start(0);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    plainServer = DemoServer.start(0, DemoServer.Reflection.NONE);
    plainChannel = NettyChannelBuilder.forAddress("127.0.0.1", plainServer.port()).usePlaintext()
        .build();
    protoset = Files.createTempFile("demo", ".protoset");
    Files.write(protoset, DescriptorSetLoaderTest.demoSet().toByteArray());
  }

  @AfterAll
  static void stop() throws Exception {
    channel.shutdownNow();
    server.close();
    plainChannel.shutdownNow();
    plainServer.close();
    Files.deleteIfExists(protoset);
  }

  static Stream<Arguments> sources() {
    Function<Schema, List<DescriptorSource>> pb2 = schema -> List.of(
        DescriptorSources.fromPb2(schema, List.of(Fixtures.PB2.resolve("v3_5")), "helloworld_pb2"),
        DescriptorSources.fromPb2(schema, List.of(Fixtures.PB2.resolve("modern")),
            "demo.echo_pb2"));
    Function<Schema, List<DescriptorSource>> set = schema -> List.of(
        DescriptorSources.fromDescriptorSet(schema, protoset));
    Function<Schema, List<DescriptorSource>> reflection = schema -> List.of(
        DescriptorSources.fromReflection(schema, channel));
    Function<Schema, List<DescriptorSource>> jvm = schema -> {
      Schema built = new Schema();
      built.add(DescriptorSources.fromDescriptorSet(built, protoset));
      List<FileDescriptor> files = built.files().stream()
          .filter(f -> !f.getName().startsWith("google/")).toList();
      return List.of(DescriptorSources.fromFiles(files));
    };
    Function<Schema, List<DescriptorSource>> proto = schema -> List.of(
        DescriptorSources.fromProtoFiles(schema, List.of(Path.of("../protos/helloworld"),
            Path.of("../protos")), List.of("helloworld.proto", "demo/echo.proto")));
    return Stream.of(Arguments.of("pb2", pb2), Arguments.of("descriptor set", set),
        Arguments.of("reflection", reflection), Arguments.of("JVM descriptors", jvm),
        Arguments.of(".proto files", proto));
  }

  private static Schema schema(Function<Schema, List<DescriptorSource>> sources) {
    Schema schema = new Schema();
    sources.apply(schema).forEach(schema::add);
    return schema;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void lookups_areTheSameWhateverTheSource(String name,
      Function<Schema, List<DescriptorSource>> sources) {
    Schema schema = schema(sources);
    assertTrue(schema.serviceNames().containsAll(List.of("helloworld.Greeter",
        "pygrpc.demo.Echo")), schema.serviceNames().toString());
    assertEquals("helloworld.Greeter.SayHello", schema.method("SayHello").getFullName());
    assertEquals("pygrpc.demo.Echo.Fail", schema.method("/pygrpc.demo.Echo/Fail").getFullName());
    assertEquals("pygrpc.demo.Point", schema.messageType("Point").getFullName());
    assertEquals("""
        pygrpc.demo.Point is a message:
        message Point {
          int32 x = 1;
          int32 y = 2;
        }
        """, schema.describe("pygrpc.demo.Point"));
    assertEquals("""
        helloworld.Greeter is a service:
        service Greeter {
          rpc SayHello ( .helloworld.HelloRequest ) returns ( .helloworld.HelloReply );
        }
        """, schema.describe("Greeter"));
    PygrpcException e = assertThrows(PygrpcException.class, () -> schema.method("SayHi"));
    assertTrue(e.getMessage().startsWith("no method named \"SayHi\""), e.getMessage());
  }

  /** Every source but reflection, against servers with and without reflection. */
  static Stream<Arguments> sourcesAndServers() {
    return sources().flatMap(a -> a.get()[0].equals("reflection")
        ? Stream.of(Arguments.of(a.get()[0], a.get()[1], true))
        : Stream.of(Arguments.of(a.get()[0], a.get()[1], true),
            Arguments.of(a.get()[0], a.get()[1], false)));
  }

  @ParameterizedTest(name = "{0}, server with reflection: {2}")
  @MethodSource("sourcesAndServers")
  void calls_workTheSameWhateverTheSource(String name,
      Function<Schema, List<DescriptorSource>> sources, boolean withReflection) {
    ManagedChannel channel = withReflection ? SourceMatrixTest.channel : plainChannel;
    Schema schema = schema(sources);
    com.google.protobuf.Descriptors.MethodDescriptor echo = schema.method("Echo");
    com.google.protobuf.DynamicMessage request = io.pygrpc.convert.MessageConverter.toMessage(
        echo.getInputType(), io.pygrpc.convert.JavaInput.of(java.util.Map.of("name", name,
            "color", "BLUE", "where", java.util.Map.of("x", 3))));
    com.google.protobuf.DynamicMessage reply = io.pygrpc.call.DynamicCalls.unary(channel,
        io.pygrpc.call.DynamicMethods.of(echo), io.pygrpc.call.CallSettings.DEFAULT, request).message();
    assertEquals(request, reply);
  }
}
