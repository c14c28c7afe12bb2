package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pygrpc.demo.DemoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code pygrpc list} and {@code describe}, over reflection and over files, as grpcurl prints. */
class SchemaCommandsTest {
  static DemoServer server;
  static DemoServer noReflection;
  static final String PROTOS = Path.of("../protos").toAbsolutePath().normalize().toString();

  @BeforeAll
  static void start() {
    server = DemoServer.start(0);
    noReflection = DemoServer.start(0, DemoServer.Reflection.NONE);
  }

  @AfterAll
  static void stop() {
    server.close();
    noReflection.close();
  }

  private static String target(DemoServer s) {
    return "127.0.0.1:" + s.port();
  }

  @Test
  void list_overReflection_printsServicesSorted() {
    LauncherTest.Run run = LauncherTest.launch("", "list", target(server));
    assertEquals("grpc.reflection.v1.ServerReflection\nhelloworld.Greeter\npygrpc.demo.Echo\n"
        + "pygrpc.demo.RouteGuide\n",
        run.out());
    assertEquals(0, run.status());
  }

  @Test
  void list_service_printsItsMethods() {
    LauncherTest.Run run = LauncherTest.launch("", "list", target(server), "Echo");
    assertEquals("pygrpc.demo.Echo.Echo\npygrpc.demo.Echo.Fail\n", run.out());
  }

  @Test
  void list_withProtoFiles_needsNoReflection() {
    LauncherTest.Run run = LauncherTest.launch("", "list", target(noReflection), "--proto",
        "demo/echo.proto", "-I", PROTOS);
    assertEquals("pygrpc.demo.Echo\n", run.out());
    assertEquals(0, run.status());
  }

  @Test
  void list_serverWithoutReflection_saysSoAndExits2() {
    LauncherTest.Run run = LauncherTest.launch("", "list", target(noReflection));
    assertEquals("pygrpc: server " + target(noReflection) + " does not support the reflection "
        + "API; load the schema from its _pb2 modules, .proto files or a descriptor set "
        + "instead\n", run.err());
    assertEquals(2, run.status());
  }

  @Test
  void describe_method_printsItLikeGrpcurl() {
    LauncherTest.Run run = LauncherTest.launch("", "describe", target(server), "SayHello");
    assertEquals("""
        helloworld.Greeter.SayHello is a method:
        rpc SayHello ( .helloworld.HelloRequest ) returns ( .helloworld.HelloReply );
        """, run.out());
  }

  @Test
  void describe_enumFromProtoset_printsValues() {
    LauncherTest.Run run = LauncherTest.launch("", "describe", target(server), "--protoset",
        "src/main/resources/io/pygrpc/demo/demo.protoset", "Color");
    assertEquals("""
        pygrpc.demo.Color is an enum:
        enum Color {
          COLOR_UNSPECIFIED = 0;
          RED = 1;
          GREEN = 2;
          BLUE = 3;
        }
        """, run.out());
  }

  @Test
  void list_overTlsWithFlags_likeGrpcurl() throws Exception {
    java.nio.file.Path ca = java.nio.file.Files.createTempFile("ca", ".pem");
    try (var in = SchemaCommandsTest.class.getResourceAsStream("/certs/ca.pem");
        DemoServer tls = DemoServer.startTls(0, bytes("/certs/server1.pem"),
            bytes("/certs/server1.key"), null)) {
      java.nio.file.Files.write(ca, in.readAllBytes());
      LauncherTest.Run run = LauncherTest.launch("", "list", target(tls), "--cacert",
          ca.toString(), "--authority", "foo.test.google.fr", "-H", "x-test: yes", "Greeter");
      assertEquals("helloworld.Greeter.SayHello\n", run.out());
      assertEquals(0, run.status());
    } finally {
      java.nio.file.Files.deleteIfExists(ca);
    }
  }

  private static byte[] bytes(String resource) throws java.io.IOException {
    try (var in = SchemaCommandsTest.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    }
  }
}
