package io.pygrpc.guest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test server's interceptor that counts the calls cancelled by their clients and notes when
 * the last one was: what the tests of dropped streams and maps check.
 */
class CancelCounter implements ServerInterceptor {
  private final AtomicInteger cancelled = new AtomicInteger();
  private final AtomicLong lastAt = new AtomicLong();

  /** The server call the service answers through; a test may override it to delay answers. */
  <Q, R> ServerCall<Q, R> wrap(ServerCall<Q, R> call) {
    return call;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(
        next.startCall(wrap(call), headers)) {
      @Override
      public void onCancel() {
        lastAt.set(System.nanoTime());
        cancelled.incrementAndGet();
        super.onCancel();
      }
    };
  }

  /**
   * Python lines that drop {@code name} (imports gc and time first), let the collector
   * finalize it, print "collected" and go on for 4 s, for {@link #assertCancelledWellBefore}.
   */
  static String dropAndWait(String name) {
    return """
        import gc, time
        del %s
        for _ in range(3):
            gc.collect()
            time.sleep(0.2)   # finalizers run after the collection
        print('collected')
        time.sleep(4)
        """.formatted(name);
  }

  /** How many calls were cancelled. */
  int cancelled() {
    return cancelled.get();
  }

  /**
   * Asserts that the last cancel came at least 3 s before {@code endedNanos}: the scripts that
   * drop a call go on 4 s after collecting it, and closing at their end would cancel it too.
   */
  void assertCancelledWellBefore(long endedNanos) {
    assertTrue(endedNanos - lastAt.get() > 3_000_000_000L,
        "cancelled only " + (endedNanos - lastAt.get()) / 1_000_000 + " ms before the end");
  }
}
