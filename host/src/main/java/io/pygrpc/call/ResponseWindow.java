package io.pygrpc.call;

/**
 * How many responses a stream asks of the server ahead of its caller (grpc-java's
 * {@code ClientCall.request(n)}): up to {@link #MAX_MESSAGES} small ones, fewer as they grow, so
 * that those waiting for a slow caller hold about {@link #BUDGET_BYTES} of serialized protobuf
 * at most. Asked for in bulk, once half the window was taken (or before the caller waits):
 * each request from the caller's thread is a task that wakes the transport's thread (an
 * eventfd write), which a Python loop taking ~30 messages a batch paid for at every batch.
 *
 * <p>Not thread-safe: {@link StreamingCall} calls it under its lock.
 */
final class ResponseWindow {
  /** The window until a response's size is known: what it was before it adapted. */
  static final int INITIAL = 32;
  /**
   * The largest window: with it a Python loop takes batches of ~120 small messages instead of
   * ~30, and asks the transport for more 4× less often.
   */
  static final int MAX_MESSAGES = 128;
  /** The smallest: enough for large messages to stream without a wait for each. */
  static final int MIN_MESSAGES = 4;
  /** What the messages asked ahead may hold, by their average serialized size. */
  static final long BUDGET_BYTES = 1 << 20;

  private long asked;
  private long taken;
  private long averageBytes = -1;

  /** The first request, made as the call starts. */
  int start() {
    asked = INITIAL;
    return INITIAL;
  }

  /** A response of {@code bytes} serialized bytes arrived: the window follows their average. */
  void arrived(int bytes) {
    averageBytes = averageBytes < 0 ? bytes : (7 * averageBytes + bytes) / 8;
  }

  /** The number of responses asked ahead of the caller now. */
  int size() {
    if (averageBytes < 0) {
      return INITIAL;
    }
    long fits = BUDGET_BYTES / Math.max(1, averageBytes);
    return (int) Math.max(MIN_MESSAGES, Math.min(MAX_MESSAGES, fits));
  }

  /**
   * The caller took {@code count} responses; how many more to ask for now (0: none yet).
   *
   * @param waiting whether the caller is about to wait for one (none is here): the window is
   *     then filled whatever its state, so that a response is on its way
   */
  int took(int count, boolean waiting) {
    taken += count;
    int window = size();
    long want = window - (asked - taken);
    if (want <= 0 || (!waiting && want < (window + 1) / 2)) {
      return 0;
    }
    asked += want;
    return (int) want;
  }
}
