package io.pygrpc.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResponseWindowTest {
  @Test
  void smallMessages_growTheWindow_andAreAskedForInHalves() {
    ResponseWindow window = new ResponseWindow();
    assertEquals(ResponseWindow.INITIAL, window.start());
    for (int i = 0; i < ResponseWindow.INITIAL; i++) {
      window.arrived(12);
    }
    assertEquals(ResponseWindow.MAX_MESSAGES, window.size());
    // 32 asked, 10 taken: 106 short of 128, more than half: asked for at once.
    assertEquals(106, window.took(10, false));
    // Then nothing until half the window was taken again.
    assertEquals(0, window.took(63, false));
    assertEquals(64, window.took(1, false));
  }

  @Test
  void beforeTheCallerWaits_theWindowIsFilledWhateverWasTaken() {
    ResponseWindow window = new ResponseWindow();
    window.start();
    assertEquals(0, window.took(3, false));
    assertEquals(3, window.took(0, true));
    assertEquals(0, window.took(0, true)); // already full: a response is on its way
  }

  @Test
  void largeMessages_shrinkTheWindowToTheByteBudget_neverBelowTheMinimum() {
    ResponseWindow window = new ResponseWindow();
    window.start();
    for (int i = 0; i < 64; i++) {
      window.arrived(64 * 1024);
    }
    assertEquals(16, window.size());
    // 32 still asked from before: none more until the caller is under the new window.
    assertEquals(0, window.took(10, true));
    assertEquals(0, window.took(6, false));
    assertEquals(1, window.took(1, true));
    for (int i = 0; i < 64; i++) {
      window.arrived(8 * 1024 * 1024);
    }
    assertEquals(ResponseWindow.MIN_MESSAGES, window.size());
  }

  @Test
  void whatIsAskedAhead_neverExceedsTheWindow() {
    ResponseWindow window = new ResponseWindow();
    long ahead = window.start();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 10_000; i++) {
      window.arrived(random.nextInt(200_000));
      int take = (int) Math.min(ahead, random.nextInt(40));
      ahead -= take;
      ahead += window.took(take, random.nextBoolean());
      assertTrue(ahead <= ResponseWindow.MAX_MESSAGES, ahead + " ahead");
      assertTrue(ahead > 0, "a caller about to wait must have a response on its way");
    }
  }
}
