package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Python API in real GraalPy contexts against the demo server. */
class PythonClientTest extends DemoScriptTest {
  private static String output(String body) {
    return output("""
        client.load('helloworld_pb2')
        client.load('demo.echo_pb2')
        """, body);
  }

  @Test
  void request_seedHelloWorld_returnsReplyWithAttributes() {
    assertEquals("Hello, you!\n", output("""
        print(client.request('SayHello', name='you').message)
        """));
  }

  @Test
  void client_hostPortInOneString_works() {
    assertEquals("Hello, x!\n", output("""
        c = Client('127.0.0.1:' + sys.argv[1])
        c.load('helloworld_pb2_grpc' if False else 'helloworld_pb2')
        print(c.request('helloworld.Greeter/SayHello', {'name': 'x'}).message)
        """));
  }

  @Test
  void request_everyScalarEnumAndNestedKind_roundTrips() {
    assertEquals("""
        n -5 4611686018427387904 7 1.5 2.0 True b'\\x00\\xff' GREEN 1 2 ['a', 'b'] 3 {'k': 1} -3 \
        18446744073709551615
        BLUE RED
        """, output("""
        r = client.request('Echo', name='n', count=-5, big=2**62, small=7, ratio=1.5, fraction=2,
                           flag=True, data=b'\\x00\\xff', color='GREEN', where={'x': 1, 'y': 2},
                           tags=('a', 'b'), path=[{'x': 3}], scores={'k': 1}, delta=-3,
                           huge=2**64 - 1)
        print(r.name, r.count, r.big, r.small, r.ratio, r.fraction, r.flag, bytes(r.data),
              r.color, r.where.x, r.where.y, list(r.tags), r.path[0].x, dict(r.scores),
              r.delta, r.huge)
        print(client.request('Echo', color=3).color, client.request('Echo', r).path and 'RED')
        """));
  }

  /** The conversion table of MessageConverterTest, from Python values this time. */
  @Test
  void request_badPythonValues_raiseTypeOrValueErrorNamingTheField() {
    assertEquals("""
        TypeError: helloworld.HelloRequest.name: expected a string, got int 5
        TypeError: pygrpc.demo.Record.flag: expected a bool, got int 1
        TypeError: pygrpc.demo.Record.count: expected an integer (int32, -2147483648 to \
        2147483647), got bool True
        TypeError: pygrpc.demo.Record.count: expected an integer (int32, -2147483648 to \
        2147483647), got float 3.0
        ValueError: pygrpc.demo.Record.count: expected an integer (int32, -2147483648 to \
        2147483647), got int 2147483648
        ValueError: pygrpc.demo.Record.small: expected an integer (uint32, 0 to 4294967295), got \
        int -1
        ValueError: pygrpc.demo.Record.huge: expected an integer (uint64, 0 to \
        18446744073709551615), got int 18446744073709551616
        TypeError: pygrpc.demo.Record.data: expected bytes, got str "x"
        ValueError: pygrpc.demo.Record.color: expected a pygrpc.demo.Color name \
        (COLOR_UNSPECIFIED, RED, GREEN, BLUE) or number, got str "PURPLE"
        TypeError: pygrpc.demo.Record.where.x: expected an integer (int32, -2147483648 to \
        2147483647), got str "a"
        LookupError: helloworld.HelloRequest: no field named "nmae" (did you mean "name"?); its \
        fields are: name
        """, output("""
        attempt(lambda: client.request('SayHello', name=5))
        attempt(lambda: client.request('Echo', flag=1))
        attempt(lambda: client.request('Echo', count=True))
        attempt(lambda: client.request('Echo', count=3.0))
        attempt(lambda: client.request('Echo', count=2**31))
        attempt(lambda: client.request('Echo', small=-1))
        attempt(lambda: client.request('Echo', huge=2**64))
        attempt(lambda: client.request('Echo', data='x'))
        attempt(lambda: client.request('Echo', color='PURPLE'))
        attempt(lambda: client.request('Echo', where={'x': 'a'}))
        attempt(lambda: client.request('SayHello', nmae='x'))
        """));
  }

  @Test
  void request_unknownMethod_raisesLookupErrorListingMethods() {
    assertEquals("LookupError: no method named \"SayHi\"; the loaded services have: "
        + "helloworld.Greeter/SayHello, pygrpc.demo.Echo/Echo, pygrpc.demo.Echo/Fail\n",
        output("attempt(lambda: client.request('SayHi', name='x'))\n"));
  }

  @Test
  void request_serverFailure_raisesRpcErrorLikeGrpcio() {
    assertEquals("True StatusCode.PERMISSION_DENIED (7, 'permission denied') nope\n", output("""
        try:
            client.request('Fail', code=7, message='nope')
        except RpcError as e:
            print(isinstance(e, Exception), e.code(), e.code().value, e.details())
        """));
  }

  @Test
  void request_serverDown_raisesUnavailableQuickly() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    assertEquals("UNAVAILABLE True True\n", output("""
        import time
        down = Client('127.0.0.1', %d)""".formatted(port) + """

        down.load('helloworld_pb2')
        start = time.time()
        try:
            down.request('SayHello', name='x')
        except RpcError as e:
            print(e.code().name, 'Connection refused' in e.details(), time.time() - start < 2)
        """));
  }

  @Test
  void load_badModules_raiseModuleNotFoundOrDescriptorError() {
    assertEquals("""
        ModuleNotFoundError True
        DescriptorError True
        """, output("""
        try:
            client.load('nope_pb2')
        except ModuleNotFoundError as e:
            print('ModuleNotFoundError', str(e).startswith('no module named "nope_pb2"; looked for nope_pb2.py in: '))
        import os
        junk = os.path.join(os.path.dirname(__file__), 'junk_pb2.py')
        with open(junk, 'w') as f:
            f.write("DESCRIPTOR = x.AddSerializedFile(b'\\\\n\\\\xff\\\\xff')\\n")
        try:
            client.load('junk_pb2')
        except DescriptorError as e:
            print('DescriptorError', str(e).startswith('cannot read the descriptor embedded in ' + junk))
        """));
  }

  @Test
  void reply_misuse_raisesAttributeErrorNamingTheMessage() {
    assertEquals("""
        AttributeError: helloworld.HelloReply has no field named "mesage" (did you mean \
        "message"?); its fields are: message
        AttributeError: helloworld.HelloReply messages are read-only; cannot set "message" (build \
        a new request instead)
        True False
        """, output("""
        r = client.request('SayHello', name='x')
        attempt(lambda: r.mesage)
        attempt(lambda: setattr(r, 'message', 'y'))
        print(hasattr(r, 'message'), hasattr(r, 'nope'))
        """));
  }

  @Test
  void client_badPort_raisesValueError() {
    assertEquals("ValueError: port: 70000 (expected: 1-65535)\n",
        output("attempt(lambda: Client('localhost', 70000))\n"));
  }

  @Test
  void load_protoFile_compilesItWithItsImports() {
    String protos = Path.of("../protos").toAbsolutePath().normalize().toString();
    assertEquals("""
        ['pygrpc.demo.Echo'] 7
        ['helloworld.Greeter'] Hello, p!
        """, output("""
        c = Client('127.0.0.1', int(sys.argv[1]))
        print(c.load('demo/echo.proto', proto_path=[%1$s]), c.request('Echo', count=7).count)
        print(c.load('%2$s/helloworld/helloworld.proto'), c.request('SayHello', name='p').message)
        """.formatted("'" + protos + "'", protos)));
  }

  @Test
  void introspection_servicesMethodsDescribeMessage() {
    assertEquals("""
        ['helloworld.Greeter', 'pygrpc.demo.Echo']
        ['pygrpc.demo.Echo.Echo', 'pygrpc.demo.Echo.Fail']
        helloworld.HelloRequest is a message:
        message HelloRequest {
          string name = 1;
        }

        Point(x: 1 y: 2) 2 True
        """, output("""
        print(client.services())
        print(client.methods('Echo'))
        print(client.describe('HelloRequest'))
        p = client.message('Point', x=1, y=2)
        print(repr(p), client.request('Echo', where=p).where.y, client.request('Echo', where=p).where == p)
        """));
  }

  @Test
  void load_withoutArguments_readsTheSchemaOverReflection() {
    assertEquals("""
        ['helloworld.Greeter', 'pygrpc.demo.Echo', 'pygrpc.demo.RouteGuide', \
        'grpc.reflection.v1.ServerReflection']
        Hello, r!
        """, output("""
        r = Client('127.0.0.1', int(sys.argv[1]))
        print(r.load())
        print(r.request('SayHello', name='r').message)
        """));
  }
}
