package io.pygrpc.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import io.pygrpc.convert.JavaInput;
import io.pygrpc.convert.MessageConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** BulkCalls over pygrpc's own client loop to the demo server on 127.0.0.1. */
class BulkCallsTest {
  static DemoConnection demo;

  @BeforeAll
  static void start() {
    demo = DemoConnection.start("demo.echo_pb2");
  }

  @AfterAll
  static void stop() {
    demo.close();
  }

  /** Echo requests named 0..count-1; fails with {@code failure} in place of request failAt. */
  static final class Source implements RequestSource {
    final MethodDescriptor method = demo.schema().method("Echo");
    final int count;
    final int failAt;
    int read;
    /** Each expect(n), and how many requests had been read when it came. */
    final List<int[]> expected = new ArrayList<>();

    Source(int count, int failAt) {
      this.count = count;
      this.failAt = failAt;
    }

    @Override
    public void expect(int n) {
      expected.add(new int[] {n, read});
    }

    @Override
    public DynamicMessage next() {
      if (read == count) {
        return null;
      }
      int i = read++;
      if (i == failAt) {
        throw new IllegalArgumentException("request " + i + " broke");
      }
      return MessageConverter.toMessage(method.getInputType(),
          JavaInput.of(Map.of("name", String.valueOf(i))));
    }
  }

  private static BulkCalls bulk(Source source, int concurrency) {
    return new BulkCalls(LoopStartedChannel.of(demo.channel()), DynamicMethods.of(source.method),
        CallSettings.DEFAULT, source, concurrency);
  }

  private static String name(Reply reply) {
    DynamicMessage message = reply.message();
    return (String) message.getField(message.getDescriptorForType().findFieldByName("name"));
  }

  @Test
  void take_givesRepliesInOrder_readingNoMoreThanTheFreeSlots() {
    Source source = new Source(50, -1);
    List<String> names = new ArrayList<>();
    int taken = 0;
    try (BulkCalls calls = bulk(source, 4)) {
      for (List<Reply> batch = calls.take(); batch != null; batch = calls.take()) {
        taken += batch.size();
        batch.forEach(reply -> names.add(name(reply)));
        assertTrue(source.read - taken <= 4, source.read + " read, " + taken + " taken");
      }
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      expected.add(String.valueOf(i));
    }
    assertEquals(expected, names);
    assertTrue(source.expected.size() < 50, "read in batches: " + source.expected.size());
    for (int i = 0; i + 1 < source.expected.size(); i++) {
      int[] at = source.expected.get(i);
      int readUntilNext = source.expected.get(i + 1)[1] - at[1];
      assertTrue(readUntilNext <= at[0], "expected " + at[0] + ", read " + readUntilNext);
    }
  }

  /**
   * A request the source cannot give, read with others in one fill, is thrown only after the
   * replies to those before it, whose calls all went out.
   */
  @Test
  void take_sourceFailingMidBatch_throwsAfterTheRepliesBeforeIt_thenGoesOn() {
    Source source = new Source(8, 5);
    List<String> seen = new ArrayList<>();
    try (BulkCalls calls = bulk(source, 16)) {
      while (true) {
        List<Reply> batch;
        try {
          batch = calls.take();
        } catch (IllegalArgumentException e) {
          seen.add(e.getMessage());
          continue;
        }
        if (batch == null) {
          break;
        }
        batch.forEach(reply -> seen.add(name(reply)));
      }
      assertNull(calls.take());
      assertEquals(7, calls.started());
    }
    assertEquals(List.of("0", "1", "2", "3", "4", "request 5 broke", "6", "7"), seen);
  }

  @Test
  void concurrencyBelowOne_isRefused() {
    assertThrows(io.pygrpc.PygrpcException.class, () -> bulk(new Source(1, -1), 0));
  }
}
