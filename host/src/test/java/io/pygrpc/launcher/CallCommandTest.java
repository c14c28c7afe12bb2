package io.pygrpc.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pygrpc.demo.DemoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pygrpc call}: one call as grpcurl makes it, every call shape, its failures. */
class CallCommandTest {
  static DemoServer server;
  static DemoServer noReflection;
  static String target;
  static final String PROTOS = Path.of("../protos").toAbsolutePath().normalize().toString();
  @TempDir
  static Path dir;

  @BeforeAll
  static void start() {
    server = DemoServer.start(0);
    noReflection = DemoServer.start(0, DemoServer.Reflection.NONE);
    target = "127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
    noReflection.close();
  }

  @Test
  void unary_printsTheReplyAsJson() {
    LauncherTest.Run run = LauncherTest.launch("", "call", target, "helloworld.Greeter/SayHello",
        "-d", "{\"name\": \"json\"}");
    assertEquals("{\n  \"message\": \"Hello, json!\"\n}\n", run.out());
    assertEquals("", run.err());
    assertEquals(0, run.status());
  }

  @Test
  void noData_sendsTheEmptyRequest_orAnEmptyClientStream() {
    LauncherTest.Run unary = LauncherTest.launch("", "call", target, "SayHello", "--compact");
    assertEquals("{\"message\":\"Hello, !\"}\n", unary.out());
    assertEquals("", unary.err());
    assertEquals(0, unary.status());
    LauncherTest.Run blank = LauncherTest.launch("", "call", target, "SayHello", "-d", " ",
        "--compact");
    assertEquals(unary.out(), blank.out());
    LauncherTest.Run none = LauncherTest.launch("", "call", target, "RecordRoute", "-d", "@-",
        "--compact", "--emit-defaults");
    assertEquals("{\"pointCount\":0,\"distance\":0}\n", none.out());
    assertEquals(0, none.status());
  }

  @Test
  void streams_oneObjectPerMessage_andNdjsonIn() throws Exception {
    LauncherTest.Run out = LauncherTest.launch("", "call", target, "ListFeatures", "--compact",
        "-d", "{\"lo\": {}, \"hi\": {\"x\": 1}}");
    assertEquals("{\"name\":\"feature at 0,0\",\"location\":{}}\n"
        + "{\"name\":\"feature at 1,0\",\"location\":{\"x\":1}}\n", out.out());
    LauncherTest.Run in = LauncherTest.launch("{\"x\": 0, \"y\": 0}\n{\"x\": 3, \"y\": 4}\n",
        "call", target, "RecordRoute", "-d", "@-", "--compact", "--emit-defaults");
    assertEquals("{\"pointCount\":2,\"distance\":7}\n", in.out());
    Path notes = Files.writeString(dir.resolve("notes.json"),
        "{\"message\": \"a\"} {\"message\": \"b\"}");
    LauncherTest.Run bidi = LauncherTest.launch("", "call", target, "RouteChat", "--compact",
        "-d", "@" + notes);
    assertEquals("{\"location\":{},\"message\":\"echo a\"}\n"
        + "{\"location\":{},\"message\":\"echo b\"}\n", bidi.out());
  }

  @Test
  void rpcFailure_exits64PlusTheCode_withTheStatusOnStderr() {
    LauncherTest.Run run = LauncherTest.launch("", "call", target, "Fail", "-d",
        "{\"code\": 5, \"message\": \"gone\"}");
    assertEquals("", run.out());
    assertEquals("pygrpc: NOT_FOUND: gone\n", run.err());
    assertEquals(64 + 5, run.status());
    LauncherTest.Run late = LauncherTest.launch("", "call", target, "Ticks", "--max-time", "0.2",
        "-d", "{\"count\": 0, \"delay_ms\": 100}", "--compact");
    assertEquals(64 + 4, late.status());
  }

  @Test
  void badInput_namesTheProblem_andExits2() {
    LauncherTest.Run field = LauncherTest.launch("", "call", target, "SayHello", "-d",
        "{\"nmae\": \"x\"}");
    assertEquals("pygrpc: -d: request 0 is not a helloworld.HelloRequest: Cannot find field: "
        + "nmae in message helloworld.HelloRequest\n", field.err());
    assertEquals(2, field.status());
    LauncherTest.Run json = LauncherTest.launch("", "call", target, "SayHello", "-d", "{\"a\":");
    assertEquals(2, json.status());
    LauncherTest.Run two = LauncherTest.launch("", "call", target, "SayHello", "-d", "{} {}");
    assertEquals("pygrpc: -d: \"helloworld.Greeter.SayHello\" takes one request, and the data "
        + "holds more than one JSON object\n", two.err());
    LauncherTest.Run method = LauncherTest.launch("", "call", target, "SayHi");
    assertEquals(2, method.status());
  }

  @Test
  void protoFiles_andHeaders_workWithoutReflection() {
    LauncherTest.Run run = LauncherTest.launch("", "call", "127.0.0.1:" + noReflection.port(),
        "Echo", "--proto", "demo/echo.proto", "-I", PROTOS, "-H", "x-trace: 1", "--compact",
        "-d", "{\"name\": \"files\", \"big\": \"12\"}");
    assertEquals("{\"name\":\"files\",\"big\":\"12\"}\n", run.out());
    assertEquals(0, run.status());
  }
}
