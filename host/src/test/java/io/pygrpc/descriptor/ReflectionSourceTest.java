package io.pygrpc.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.pygrpc.PygrpcException;
import io.pygrpc.demo.DemoServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reflection against real servers on 127.0.0.1: v1, v1alpha only, none, and a broken one. */
class ReflectionSourceTest {

  private static ManagedChannel channel(DemoServer server) {
    return NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
  }

  private static Schema reflect(ManagedChannel channel) {
    Schema schema = new Schema();
    schema.add(DescriptorSources.fromReflection(schema, channel));
    return schema;
  }

  @Test
  void reflection_v1alphaOnlyServer_isUsedAfterV1IsRefused() {
    try (DemoServer server = DemoServer.start(0, DemoServer.Reflection.V1ALPHA)) {
      ManagedChannel channel = channel(server);
      try {
        Schema schema = reflect(channel);
        assertEquals(List.of("grpc.reflection.v1alpha.ServerReflection", "helloworld.Greeter",
            "pygrpc.demo.Echo", "pygrpc.demo.RouteGuide"), schema.serviceNames());
        assertEquals("pygrpc.demo.Record", schema.method("Echo").getInputType().getFullName());
      } finally {
        channel.shutdownNow();
      }
    }
  }

  @Test
  void reflection_serverWithout_saysSoPlainly() {
    try (DemoServer server = DemoServer.start(0, DemoServer.Reflection.NONE)) {
      ManagedChannel channel = channel(server);
      try {
        PygrpcException e = assertThrows(PygrpcException.class, () -> reflect(channel));
        assertEquals("server 127.0.0.1:" + server.port() + " does not support the reflection "
            + "API; load the schema from its _pb2 modules, .proto files or a descriptor set "
            + "instead", e.getMessage());
      } finally {
        channel.shutdownNow();
      }
    }
  }

  @Test
  void reflection_isLazy_fetchingOnlyTheServiceAsked() {
    try (DemoServer server = DemoServer.start(0)) {
      ManagedChannel channel = channel(server);
      try {
        Schema schema = reflect(channel);
        assertEquals(List.of(), schema.files());
        schema.method("helloworld.Greeter/SayHello");
        assertEquals(List.of("helloworld.proto"),
            schema.files().stream().map(FileDescriptor::getName).toList());
      } finally {
        channel.shutdownNow();
      }
    }
  }

  /** A server whose file imports one it cannot serve: the rest still loads, with a warning. */
  @Test
  void reflection_missingDependency_loadsWhatItCanAndWarns() throws Exception {
    FileDescriptorProto proto = FileDescriptorProto.newBuilder()
        .setName("partial.proto").setPackage("partial").setSyntax("proto3")
        .addDependency("vanished/extra.proto")
        .addMessageType(DescriptorProto.newBuilder().setName("Ping")
            .addField(FieldDescriptorProto.newBuilder().setName("text").setNumber(1)
                .setType(FieldDescriptorProto.Type.TYPE_STRING)
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)))
        .addService(ServiceDescriptorProto.newBuilder().setName("Pinger")
            .addMethod(MethodDescriptorProto.newBuilder().setName("Ping")
                .setInputType(".partial.Ping").setOutputType(".partial.Ping")))
        .build();
    FileDescriptor file = FileDescriptor.buildFrom(proto, new FileDescriptor[0], true);
    try (DemoServer server = DemoServer.start(0, List.of(DemoServer.service(
        file.findServiceByName("Pinger"), Map.of("Ping", (request, replies) -> {
          replies.onNext(request);
          replies.onCompleted();
        }))))) {
      ManagedChannel channel = channel(server);
      try {
        Schema schema = new Schema();
        DescriptorSource source = DescriptorSources.fromReflection(schema, channel);
        schema.add(source);
        assertEquals("partial.Ping", schema.method("Pinger.Ping").getInputType().getFullName());
        assertEquals(List.of("the server's reflection service cannot provide "
            + "\"vanished/extra.proto\"; types from it are unknown"), source.warnings());
      } finally {
        channel.shutdownNow();
      }
    }
  }
}
