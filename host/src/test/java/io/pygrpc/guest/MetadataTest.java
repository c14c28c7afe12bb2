package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.pygrpc.demo.DemoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client's default metadata reaches every call, reflection included. */
class MetadataTest {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static DemoServer server;
  @TempDir
  static Path dir;

  /** Refuses any call, reflection included, without the expected bearer token. */
  static final ServerInterceptor REQUIRE_TOKEN = new ServerInterceptor() {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      if (!"Bearer s3cret".equals(headers.get(AUTHORIZATION))) {
        call.close(Status.UNAUTHENTICATED.withDescription("missing token"), new Metadata());
        return new ServerCall.Listener<>() { };
      }
      return next.startCall(call, headers);
    }
  };

  @BeforeAll
  static void start() {
    server = DemoServer.start(0, DemoServer.Reflection.V1, REQUIRE_TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void metadata_isSentOnReflectionAndCalls() {
    ScriptHarness.Result result = ScriptHarness.run(dir, server, """
        import sys
        from pygrpc import Client, RpcError
        c = Client('127.0.0.1', int(sys.argv[1]), metadata={'Authorization': 'Bearer s3cret'})
        print(c.load())
        print(c.request('SayHello', name='token').message)
        try:
            Client('127.0.0.1', int(sys.argv[1])).load()
        except RpcError as e:
            print(e.code(), e.details())
        try:
            Client('127.0.0.1', 1, metadata=[('x-count', 3)])
        except TypeError as e:
            print('TypeError:', e)
        """);
    assertEquals("", result.err());
    assertEquals("""
        ['helloworld.Greeter', 'pygrpc.demo.Echo', 'pygrpc.demo.RouteGuide', \
        'grpc.reflection.v1.ServerReflection']
        Hello, token!
        StatusCode.UNAUTHENTICATED missing token
        TypeError: metadata "x-count": expected a string (or bytes for a -bin header), got 3
        """, result.out());
  }

  @Test
  void metadata_perCall_isAddedToTheClientsDefaults() {
    ScriptHarness.Result result = ScriptHarness.run(dir, server, """
        import os, sys
        from pygrpc import Client, RpcError
        c = Client('127.0.0.1', int(sys.argv[1]))
        c.load(os.path.join(%s, 'helloworld_pb2.py'))
        try:
            c.request('SayHello', name='x')
        except RpcError as e:
            print(e.code())
        print(c.request('SayHello', name='per call',
                        metadata=[('authorization', 'Bearer s3cret')]).message)
        """.formatted("'" + Path.of("src/test/resources/pb2/modern").toAbsolutePath() + "'"));
    assertEquals("", result.err());
    assertEquals("StatusCode.UNAUTHENTICATED\nHello, per call!\n", result.out());
  }

  @Test
  void token_stringOrFunctionCalledPerCall_reflectionIncluded() {
    ScriptHarness.Result result = ScriptHarness.run(dir, server, """
        import sys
        from pygrpc import Client, RpcError
        asked = []
        def fresh():
            asked.append(1)
            return 's3cret'
        c = Client('127.0.0.1', int(sys.argv[1]), token=fresh)
        c.load()
        print(c.request('SayHello', name='a').message, c.request('SayHello', name='b').message)
        print(len(asked) >= 3)
        print(Client('127.0.0.1', int(sys.argv[1]), token='Bearer s3cret').load()[0])
        def broken():
            raise PermissionError('token store locked')
        b = Client('127.0.0.1', int(sys.argv[1]), token=broken)
        try:
            b.load()
        except PermissionError as e:
            print('PermissionError', e)
        """);
    assertEquals("", result.err());
    assertEquals("""
        Hello, a! Hello, b!
        True
        helloworld.Greeter
        PermissionError token store locked
        """, result.out());
  }
}
