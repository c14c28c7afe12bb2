package io.pygrpc.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.netty.shaded.io.netty.channel.SelectStrategy;
import org.junit.jupiter.api.Test;

class SpinningSelectTest {
  @Test
  void pollsWhileAReplyIsDue_thenBlocksAgain() throws Exception {
    SpinningSelect select = new SpinningSelect();
    SpinningSelect.expectWithin(0); // nothing due
    assertEquals(SelectStrategy.SELECT, select.calculateStrategy(() -> 0, false));
    assertEquals(2, select.calculateStrategy(() -> 2, true)); // tasks: never blocks
    SpinningSelect.expectWithin(60_000_000_000L);
    assertEquals(0, select.calculateStrategy(() -> 0, false)); // polls: nothing ready yet
    assertEquals(1, select.calculateStrategy(() -> 1, false));
    SpinningSelect.expectWithin(0);
    assertEquals(SelectStrategy.SELECT, select.calculateStrategy(() -> 0, false));
  }
}
