package io.pygrpc.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.pygrpc.RpcException;
import io.pygrpc.convert.JavaInput;
import io.pygrpc.convert.MessageConverter;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Unary calls over a real Netty channel to the demo server on 127.0.0.1. */
class DynamicCallsTest {
  static DemoConnection demo;

  @BeforeAll
  static void start() {
    demo = DemoConnection.start("helloworld_pb2", "demo.echo_pb2");
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  private static DynamicMessage call(io.grpc.Channel over, String name, Map<String, Object> fields) {
    MethodDescriptor method = demo.schema().method(name);
    return DynamicCalls.unary(over, DynamicMethods.of(method), CallSettings.DEFAULT,
        MessageConverter.toMessage(method.getInputType(), JavaInput.of(fields))).message();
  }

  @Test
  void unary_sayHello_returnsGreeting() {
    DynamicMessage reply = call(demo.channel(), "SayHello", Map.of("name", "you"));
    assertEquals("Hello, you!", reply.getField(reply.getDescriptorForType().findFieldByName(
        "message")));
  }

  @Test
  void unary_echo_roundTripsEveryField() {
    DynamicMessage request = MessageConverter.toMessage(demo.schema().method("Echo").getInputType(),
        JavaInput.of(Map.of("name", "n", "huge", new java.math.BigInteger("18446744073709551615"),
            "where", Map.of("x", 1), "scores", Map.of("a", 2), "color", "RED")));
    DynamicMessage reply = DynamicCalls.unary(demo.channel(),
        DynamicMethods.of(demo.schema().method("Echo")), CallSettings.DEFAULT, request).message();
    assertEquals(request, reply);
  }

  @Test
  void everyShape_leavesTheSharedDefaultHeadersAsTheyWere() throws Exception {
    // grpc-java writes its own entries (grpc-accept-encoding) into the headers a call starts
    // with; per-client defaults serve every call on every thread, so each call needs a copy.
    io.grpc.Metadata defaults = new io.grpc.Metadata();
    io.grpc.Metadata.Key<String> key = io.grpc.Metadata.Key.of("x-default",
        io.grpc.Metadata.ASCII_STRING_MARSHALLER);
    defaults.put(key, "1");
    CallSettings settings = new CallSettings(null, defaults, null, "gzip");
    MethodDescriptor say = demo.schema().method("SayHello");
    DynamicMessage request = MessageConverter.toMessage(say.getInputType(),
        JavaInput.of(Map.of("name", "you")));
    DynamicCalls.unary(demo.channel(), DynamicMethods.of(say), settings, request);
    PendingReply.start(demo.channel(), DynamicMethods.of(say), settings, request).get(null);
    assertEquals(java.util.Set.of("x-default"), defaults.keys());
    assertEquals("1", defaults.get(key));
  }

  @Test
  @org.junit.jupiter.api.Timeout(30) // the failure this guards against is a caller waiting forever
  void loopStarted_callsWork_andAFailureToStartReachesTheCaller() throws Exception {
    io.grpc.Channel onLoop = LoopStartedChannel.of(demo.channel());
    assertTrue(onLoop instanceof LoopStartedChannel, "pygrpc's own channel starts on its loop");
    assertEquals("Hello, loop!", call(onLoop, "SayHello", Map.of("name", "loop"))
        .getField(demo.schema().method("SayHello").getOutputType().findFieldByName("message")));
    // An interceptor that throws as the call starts, which now happens on the event loop: the
    // caller must get the failure, not wait for a reply that never comes.
    io.grpc.ClientInterceptor broken = new io.grpc.ClientInterceptor() {
      @Override
      public <Q, R> io.grpc.ClientCall<Q, R> interceptCall(io.grpc.MethodDescriptor<Q, R> m,
          io.grpc.CallOptions options, io.grpc.Channel next) {
        return new io.grpc.ForwardingClientCall.SimpleForwardingClientCall<>(
            next.newCall(m, options)) {
          @Override
          public void start(Listener<R> listener, io.grpc.Metadata headers) {
            throw new IllegalStateException("broken interceptor");
          }
        };
      }
    };
    ManagedChannel withBroken = Channels.open("127.0.0.1:" + demo.server().port(),
        new io.grpc.Metadata(), ChannelOptions.DEFAULT, List.of(broken));
    try {
      io.grpc.Channel started = LoopStartedChannel.of(withBroken);
      assertTrue(started instanceof LoopStartedChannel);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> call(started, "SayHello", Map.of("name", "x")));
      assertEquals("broken interceptor", e.getMessage());
    } finally {
      Channels.close(withBroken);
    }
  }

  @Test
  void unary_serverStatus_becomesRpcExceptionWithCodeAndDetails() {
    RpcException e = assertThrows(RpcException.class,
        () -> call(demo.channel(), "Fail", Map.of("code", 5, "message", "no such thing")));
    assertEquals(Status.Code.NOT_FOUND, e.code());
    assertEquals("no such thing", e.details());
    assertEquals("NOT_FOUND: no such thing", e.getMessage());
  }

  @Test
  void unary_nobodyListening_failsFastWithUnavailableAndTheReason() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ManagedChannel closed = Channels.open("127.0.0.1:" + port);
    try {
      long start = System.nanoTime();
      RpcException e = assertThrows(RpcException.class,
          () -> call(closed, "SayHello", Map.of("name", "x")));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(Status.Code.UNAVAILABLE, e.code());
      assertEquals("Connection refused (connecting to 127.0.0.1:" + port + ")", e.details());
      assertTrue(millis < 2000, "took " + millis + " ms");
    } finally {
      Channels.close(closed);
    }
  }

  @Test
  void target_badPort_isRejectedWithTheRange() {
    var e = assertThrows(io.pygrpc.PygrpcException.class, () -> Channels.target("h", 70000));
    assertEquals("port: 70000 (expected: 1-65535)", e.getMessage());
  }
}
