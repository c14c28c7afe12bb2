package io.pygrpc.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.pygrpc.PygrpcException;
import io.pygrpc.PygrpcException.Kind;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaTest {
  private final Schema schema = new Schema();

  @BeforeEach
  void loadDemo() {
    Pb2Loader loader = new Pb2Loader(schema, List.of(Fixtures.PB2.resolve("modern")));
    loader.load("helloworld_pb2").forEach(schema::add);
    loader.load("demo.echo_pb2").forEach(schema::add);
  }

  private String lookupFailure(String name) {
    PygrpcException e = assertThrows(PygrpcException.class, () -> schema.method(name));
    assertEquals(Kind.LOOKUP, e.kind());
    return e.getMessage();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SayHello", "Greeter.SayHello", "helloworld.Greeter.SayHello",
      "helloworld.Greeter/SayHello", "/helloworld.Greeter/SayHello"})
  void method_everyWayOfNamingIt_findsTheMethod(String name) {
    assertEquals("helloworld.Greeter.SayHello", schema.method(name).getFullName());
  }

  @Test
  void method_typo_suggestsTheClosestName() {
    assertEquals("no method named \"SayHelo\" (did you mean \"helloworld.Greeter/SayHello\"?);"
        + " the loaded services have: helloworld.Greeter/SayHello, pygrpc.demo.Echo/Echo, "
        + "pygrpc.demo.Echo/Fail", lookupFailure("SayHelo"));
  }

  @Test
  void method_unknownInKnownService_listsTheServicesMethods() {
    assertEquals("service \"pygrpc.demo.Echo\" does not include a method named \"Ech\" (did you"
        + " mean \"pygrpc.demo.Echo/Echo\"?); it has: Echo, Fail", lookupFailure("Echo/Ech"));
  }

  @Test
  void method_shortNameOfTwoServices_isAmbiguousAndListsBoth() {
    schema.add(file("other.proto", "other", "Greeter", "SayHello"));
    assertEquals("method name \"SayHello\" is ambiguous; it matches helloworld.Greeter/SayHello,"
        + " other.Greeter/SayHello; use the full name", lookupFailure("SayHello"));
    assertEquals("other.Greeter.SayHello", schema.method("other.Greeter/SayHello").getFullName());
  }

  @Test
  void method_nothingLoaded_saysToLoadASchema() {
    PygrpcException e = assertThrows(PygrpcException.class, () -> new Schema().method("SayHello"));
    assertEquals("no services are loaded, so method \"SayHello\" cannot be found; load a schema "
        + "first, e.g. client.load('helloworld_pb2')", e.getMessage());
  }

  @Test
  void add_sameFileTwice_isHarmless() {
    Pb2Loader loader = new Pb2Loader(schema, List.of(Fixtures.PB2.resolve("v3_5")));
    loader.load("helloworld_pb2").forEach(schema::add);
    assertEquals(2, schema.serviceNames().size());
  }

  @Test
  void add_differentFileWithSameName_fails() {
    PygrpcException e = assertThrows(PygrpcException.class,
        () -> schema.add(file("helloworld.proto", "helloworld", "Other", "Run")));
    assertEquals(Kind.DESCRIPTOR, e.kind());
    assertEquals("two different files named \"helloworld.proto\" were loaded; a client can hold "
        + "only one of them", e.getMessage());
  }

  private static FileDescriptor file(String name, String pkg, String service, String method) {
    FileDescriptorProto proto = FileDescriptorProto.newBuilder().setName(name).setPackage(pkg)
        .addMessageType(com.google.protobuf.DescriptorProtos.DescriptorProto.newBuilder()
            .setName("Msg"))
        .addService(com.google.protobuf.DescriptorProtos.ServiceDescriptorProto.newBuilder()
            .setName(service).addMethod(com.google.protobuf.DescriptorProtos
                .MethodDescriptorProto.newBuilder().setName(method).setInputType("." + pkg + ".Msg")
                .setOutputType("." + pkg + ".Msg")))
        .build();
    try {
      return FileDescriptor.buildFrom(proto, new FileDescriptor[0]);
    } catch (com.google.protobuf.Descriptors.DescriptorValidationException e) {
      throw new AssertionError(e);
    }
  }
}
