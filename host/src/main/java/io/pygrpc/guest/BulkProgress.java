package io.pygrpc.guest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One line of progress for long bulk work on a terminal, redrawn at most twice a second and
 * wiped at the end; silent when output is not a terminal (then {@link #NONE}).
 */
class BulkProgress {
  static final BulkProgress NONE = new BulkProgress(null);
  private static final long EVERY_NANOS = 500_000_000L;
  private static final long AFTER_NANOS = 1_000_000_000L; // quick work shows nothing

  private final OutputStream terminal;
  private final long start = System.nanoTime();
  private long lastDrawn;
  private boolean drawn;

  BulkProgress(OutputStream terminal) {
    this.terminal = terminal;
  }

  void update(long calls, long failed) {
    if (terminal == null) {
      return;
    }
    long now = System.nanoTime();
    if (now - start < AFTER_NANOS || now - lastDrawn < EVERY_NANOS) {
      return;
    }
    lastDrawn = now;
    double rate = calls / ((now - start) / 1e9);
    draw(String.format(Locale.ROOT, "\rpygrpc: %,d calls, %,d failed, %,.0f/s ", calls, failed,
        rate));
  }

  void finish() {
    if (terminal != null && drawn) {
      draw("\r" + " ".repeat(60) + "\r");
      drawn = false;
    }
  }

  private void draw(String text) {
    try {
      terminal.write(text.getBytes(StandardCharsets.UTF_8));
      terminal.flush();
      drawn = true;
    } catch (IOException e) {
      // a closed terminal: no progress
    }
  }
}
