package io.pygrpc.call;

import com.google.protobuf.DynamicMessage;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.pygrpc.RpcException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeoutException;

/**
 * Many unary calls of one method, at most {@code concurrency} in flight, results in the order of
 * the requests. Requests are pulled (and converted) on the caller's thread only as a slot frees
 * up, so a generator of a million requests is never read ahead of the window, and a
 * single-threaded guest is only entered from its own thread.
 *
 * @since 0.4.0
 */
public final class BulkCalls implements AutoCloseable {
  private final Channel channel;
  private final MethodDescriptor<DynamicMessage, DynamicMessage> method;
  private final CallSettings settings;
  private final RequestSource requests;
  private final int concurrency;
  private final ArrayDeque<PendingReply> window;
  private boolean exhausted;
  private long started;
  private long failed;

  public BulkCalls(Channel channel, MethodDescriptor<DynamicMessage, DynamicMessage> method,
      CallSettings settings, RequestSource requests, int concurrency) {
    if (concurrency < 1) {
      throw new io.pygrpc.PygrpcException(io.pygrpc.PygrpcException.Kind.VALUE,
          "concurrency: at least 1, got " + concurrency);
    }
    this.channel = channel;
    this.method = method;
    this.settings = settings;
    this.requests = requests;
    this.concurrency = concurrency;
    this.window = new ArrayDeque<>(concurrency);
  }

  /**
   * The next result in request order: its reply, or null when every request has been answered.
   *
   * @throws RpcException for a request whose call failed; the others go on, and the next
   *     {@code next()} gives the following result
   */
  public Reply next() {
    fill();
    PendingReply head = window.poll();
    if (head == null) {
      return null;
    }
    try {
      Reply reply = head.get(null);
      fill(); // start the next one before the caller spends time on this reply
      return reply;
    } catch (RpcException e) {
      failed++;
      fill();
      throw e;
    } catch (TimeoutException e) {
      throw new IllegalStateException(e); // no wait limit was given
    }
  }

  private void fill() {
    while (!exhausted && window.size() < concurrency) {
      DynamicMessage request = requests.next();
      if (request == null) {
        exhausted = true;
        return;
      }
      window.add(PendingReply.start(channel, method, settings, request));
      started++;
    }
  }

  /** How many calls have been started. */
  public long started() {
    return started;
  }

  /** How many of the results taken so far were failures. */
  public long failed() {
    return failed;
  }

  /** Cancels the calls still in flight (the caller stopped taking results). */
  @Override
  public void close() {
    exhausted = true;
    for (PendingReply pending : window) {
      pending.cancel("the script stopped taking results");
    }
    window.clear();
  }
}
