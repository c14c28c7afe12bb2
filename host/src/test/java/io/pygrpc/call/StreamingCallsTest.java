package io.pygrpc.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.pygrpc.RpcException;
import io.pygrpc.convert.JavaInput;
import io.pygrpc.convert.MessageConverter;
import io.pygrpc.demo.DemoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The streaming shapes over a real Netty channel to the demo RouteGuide on 127.0.0.1. */
class StreamingCallsTest {
  static DemoConnection demo;

  @BeforeAll
  static void start() {
    demo = DemoConnection.start("demo.route_pb2");
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  private static DynamicMessage message(Descriptor type, Map<String, Object> fields) {
    return MessageConverter.toMessage(type, JavaInput.of(fields));
  }

  private static MethodDescriptor method(String name) {
    return demo.schema().method(name);
  }

  private static Object field(DynamicMessage m, String name) {
    return m.getField(m.getDescriptorForType().findFieldByName(name));
  }

  private static StreamingCall ticks(Map<String, Object> request, CallSettings settings) {
    MethodDescriptor ticks = method("Ticks");
    return DynamicCalls.serverStreaming(demo.channel(), DynamicMethods.of(ticks), settings,
        message(ticks.getInputType(), request));
  }

  private static RequestSource points(Iterator<Map<String, Object>> points) {
    Descriptor point = method("RecordRoute").getInputType();
    return () -> points.hasNext() ? message(point, points.next()) : null;
  }

  @Test
  void serverStreaming_listFeatures_deliversEveryFeatureThenEnds() {
    MethodDescriptor list = method("ListFeatures");
    StreamingCall call = DynamicCalls.serverStreaming(demo.channel(), DynamicMethods.of(list),
        CallSettings.DEFAULT, message(list.getInputType(), Map.of("lo", Map.of("x", 0, "y", 0),
            "hi", Map.of("x", 2, "y", 1))));
    List<Object> names = new ArrayList<>();
    for (DynamicMessage f = call.next(); f != null; f = call.next()) {
      names.add(field(f, "name"));
    }
    assertEquals(List.of("feature at 0,0", "feature at 1,0", "feature at 2,0", "feature at 0,1",
        "feature at 1,1", "feature at 2,1"), names);
    assertEquals(Status.Code.OK, call.status().getCode());
    assertNull(call.next());
  }

  /**
   * take(max) hands over what has arrived, at most max and at least one, in order; the
   * responses it asks the server for in their place keep the stream going to its end.
   */
  @Test
  void serverStreaming_takeInBatches_deliversEveryMessageInOrderThenNull() throws Exception {
    StreamingCall call = ticks(Map.of("count", 500), CallSettings.DEFAULT);
    Thread.sleep(100); // let a window's worth arrive, so the first take finds several
    List<Long> seen = new java.util.ArrayList<>();
    int takes = 0;
    int largest = 0;
    List<DynamicMessage> batch;
    while ((batch = call.take(20)) != null) {
      assertTrue(!batch.isEmpty() && batch.size() <= 20, "a batch of " + batch.size());
      largest = Math.max(largest, batch.size());
      takes++;
      batch.forEach(m -> seen.add((Long) field(m, "seq")));
    }
    assertEquals(java.util.stream.LongStream.rangeClosed(1, 500).boxed().toList(), seen);
    assertEquals(20, largest, "the first take finds a full batch waiting");
    assertTrue(takes < 500, takes + " takes for 500 messages");
    assertTrue(call.done());
  }

  @Test
  void clientStreaming_recordRoute_sendsAllThenGetsTheSummary() {
    Reply reply = DynamicCalls.clientStreaming(demo.channel(),
        DynamicMethods.of(method("RecordRoute")),
        CallSettings.DEFAULT, points(List.<Map<String, Object>>of(Map.of("x", 0), Map.of("x", 3),
            Map.of("x", 3, "y", 4)).iterator()), DynamicCalls.REQUEST_PUMP);
    assertEquals(3, field(reply.message(), "point_count"));
    assertEquals(7, field(reply.message(), "distance"));
  }

  /** Single-threaded guests pull requests inside next(): sending and receiving interleave. */
  @Test
  void bidi_onCallerThread_interleavesRequestsAndResponses() {
    Descriptor note = method("RouteChat").getInputType();
    int[] sent = {0};
    RequestSource requests = () -> sent[0] == 500 ? null
        : message(note, Map.of("message", "n" + sent[0]++));
    StreamingCall call = DynamicCalls.bidiStreaming(demo.channel(), DynamicMethods.of(
        method("RouteChat")), CallSettings.DEFAULT, requests, null);
    List<Object> seen = new ArrayList<>();
    for (DynamicMessage m = call.next(); m != null; m = call.next()) {
      seen.add(field(m, "message"));
    }
    assertEquals(500, seen.size());
    assertEquals("echo n0", seen.get(0));
    assertEquals("echo n499", seen.get(499));
  }

  /** A request source that blocks until the caller saw the previous response (ping-pong). */
  @Test
  void bidi_withPumpThread_pingPongWaitingOnResponsesWorks() throws Exception {
    Descriptor note = method("RouteChat").getInputType();
    java.util.concurrent.BlockingQueue<String> seen = new java.util.concurrent.LinkedBlockingQueue<>();
    int[] round = {0};
    RequestSource requests = () -> {
      if (round[0] == 3) {
        return null;
      }
      try {
        String previous = round[0]++ == 0 ? "start" : seen.take();
        return message(note, Map.of("message", previous));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    };
    StreamingCall call = DynamicCalls.bidiStreaming(demo.channel(), DynamicMethods.of(
        method("RouteChat")), CallSettings.DEFAULT, requests, DynamicCalls.REQUEST_PUMP);
    List<String> replies = new ArrayList<>();
    for (DynamicMessage m = call.next(); m != null; m = call.next()) {
      replies.add((String) field(m, "message"));
      seen.put((String) field(m, "message"));
    }
    assertEquals(List.of("echo start", "echo echo start", "echo echo echo start"), replies);
  }

  @Test
  void clientStreaming_requestSourceFails_cancelsAndRethrowsTheSameException() {
    IllegalStateException boom = new IllegalStateException("generator failed");
    int[] pulled = {0};
    RequestSource failing = () -> {
      if (pulled[0]++ == 2) {
        throw boom;
      }
      return message(method("RecordRoute").getInputType(), Map.of("x", 1));
    };
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> DynamicCalls.clientStreaming(demo.channel(), DynamicMethods.of(method("RecordRoute")),
            CallSettings.DEFAULT, failing, DynamicCalls.REQUEST_PUMP));
    assertSame(boom, thrown);
  }

  @Test
  void serverStreaming_failureMidStream_deliversReceivedMessagesThenRaises() {
    StreamingCall call = ticks(Map.of("count", 10, "fail_after", 3, "fail_code", 14),
        CallSettings.DEFAULT);
    List<Object> seqs = new ArrayList<>();
    RpcException e = assertThrows(RpcException.class, () -> {
      for (DynamicMessage t = call.next(); t != null; t = call.next()) {
        seqs.add(field(t, "seq"));
      }
    });
    assertEquals(List.of(1L, 2L, 3L), seqs);
    assertEquals(Status.Code.UNAVAILABLE, e.code());
    assertEquals("failing after 3 ticks, as asked", e.details());
  }

  @Test
  void serverStreaming_deadline_endsWithDeadlineExceeded() {
    StreamingCall call = ticks(Map.of("delay_ms", 100), new CallSettings(Duration.ofMillis(350),
        null, null, null));
    int[] received = {0};
    RpcException e = assertThrows(RpcException.class, () -> {
      while (call.next() != null) {
        received[0]++;
      }
    });
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.code());
    assertTrue(received[0] >= 2 && received[0] <= 4, "received " + received[0]);
  }

  @Test
  void serverStreaming_cancel_endsTheCallAsCancelled() {
    StreamingCall call = ticks(Map.of(), CallSettings.DEFAULT);
    call.next();
    call.cancel("enough");
    RpcException e = assertThrows(RpcException.class, () -> {
      while (call.next() != null) {
        // drain what was already buffered
      }
    });
    assertEquals(Status.Code.CANCELLED, e.code());
  }

  /**
   * A slow consumer of an endless stream of 64 KiB messages: flow control keeps the messages
   * waiting here within the window's byte budget, and the heap does not grow with the number
   * of messages.
   */
  @Test
  void serverStreaming_slowConsumerOfEndlessStream_keepsMemoryFlat() throws Exception {
    StreamingCall call = ticks(Map.of("payload_bytes", 65_536), CallSettings.DEFAULT);
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 50; i++) {
      call.next();
    }
    long before = usedAfterGc(runtime);
    for (int i = 0; i < 800; i++) {   // 50 MiB through the stream
      int buffered = call.buffered();
      // The window counts from the average size, which reaches 64 KiB over the first ones.
      assertTrue(buffered <= call.window() && (long) buffered * 65_536
          <= 2 * ResponseWindow.BUDGET_BYTES, buffered + " messages waiting");
      call.next();
      if (i % 100 == 0) {
        Thread.sleep(20); // slow consumer: the server must wait, not pile up
      }
    }
    long after = usedAfterGc(runtime);
    call.cancel("done");
    assertTrue(after - before < 16 * 1024 * 1024, "heap grew by " + (after - before) + " bytes");
  }

  /** Small messages: the window grows past its first 32, and a paused caller finds them all. */
  @Test
  void serverStreaming_smallMessages_areAskedAheadInTheLargerWindow() throws Exception {
    StreamingCall call = ticks(Map.of(), CallSettings.DEFAULT);
    for (int i = 0; i < 40; i++) {
      call.next();
    }
    assertEquals(ResponseWindow.MAX_MESSAGES, call.window());
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (call.buffered() < ResponseWindow.MAX_MESSAGES / 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    int buffered = call.buffered();
    call.cancel("done");
    assertTrue(buffered > ResponseWindow.INITIAL && buffered <= ResponseWindow.MAX_MESSAGES,
        buffered + " messages waiting");
  }

  private static long usedAfterGc(Runtime runtime) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** The server goes away mid-stream: what arrived is delivered, then the failure. */
  @Test
  void serverStreaming_serverKilledMidStream_deliversThenFails() throws Exception {
    DemoServer doomed = DemoServer.start(0);
    ManagedChannel toDoomed = Channels.open("127.0.0.1:" + doomed.port());
    try {
      MethodDescriptor ticks = method("Ticks");
      StreamingCall call = DynamicCalls.serverStreaming(toDoomed, DynamicMethods.of(ticks),
          CallSettings.DEFAULT, message(ticks.getInputType(), Map.of("delay_ms", 50)));
      for (int i = 0; i < 3; i++) {
        assertEquals((long) i + 1, field(call.next(), "seq"));
      }
      doomed.kill();
      RpcException e = assertThrows(RpcException.class, () -> {
        while (call.next() != null) {
          // ticks sent before the kill may still arrive
        }
      });
      assertTrue(e.code() == Status.Code.UNAVAILABLE || e.code() == Status.Code.CANCELLED,
          e.code().toString());
    } finally {
      Channels.close(toDoomed);
      doomed.close();
    }
  }

  @Test
  void unary_withGzipCompressionAndTimeout_works() {
    MethodDescriptor get = method("GetFeature");
    Reply reply = DynamicCalls.unary(demo.channel(), DynamicMethods.of(get), new CallSettings(
        Duration.ofSeconds(5), null, true, "gzip"), message(get.getInputType(), Map.of("x", 4)));
    assertEquals("feature at 4,0", field(reply.message(), "name"));
  }
}
