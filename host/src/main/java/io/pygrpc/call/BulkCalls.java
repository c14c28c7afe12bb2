package io.pygrpc.call;

import com.google.protobuf.DynamicMessage;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.pygrpc.RpcException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
  /** What reading or converting the next request threw, not yet thrown to the caller. */
  private RuntimeException requestFailure;

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
   * @throws RuntimeException what reading or converting a request threw, once the results of
   *     the requests before it have been taken
   */
  private Reply next() {
    if (window.isEmpty()) {
      fillOrThrow(); // nothing taken here that its failure could cost
    }
    PendingReply head = window.poll();
    if (head == null) {
      return null;
    }
    try {
      return head.get(null);
    } catch (RpcException e) {
      failed++;
      throw e;
    } catch (TimeoutException e) {
      throw new IllegalStateException(e); // no wait limit was given
    } finally {
      fill(); // start the next one before the caller spends time on this result
    }
  }

  /**
   * The next results in request order: the first (waiting for it, as {@link #next()} does),
   * then those after it whose calls have already succeeded, at most {@code concurrency} in all;
   * null when every request has been answered. A guest takes them with one call across the
   * language boundary per batch.
   *
   * @throws RpcException as {@link #next()}: a failure is raised in its turn, so a batch ends
   *     before it
   */
  public List<Reply> take() {
    Reply first = next();
    if (first == null) {
      return null;
    }
    List<Reply> replies = new ArrayList<>();
    replies.add(first);
    // At most a window's worth: the script then holds no more replies than calls are in
    // flight, and the requests read stay within two windows of the replies it has seen.
    for (PendingReply head = window.peek(); head != null && head.succeeded()
        && replies.size() < concurrency; head = window.peek()) {
      window.poll();
      replies.add(head.reply());
    }
    fill();
    return replies;
  }

  /**
   * Starts calls until the window is full. A request that cannot be read or converted is kept
   * to be thrown by the next {@link #next()} once the window has drained to it: thrown here,
   * it would take with it a result already taken from the window.
   */
  private void fill() {
    if (requestFailure == null) {
      try {
        fillOrThrow();
      } catch (RuntimeException e) {
        requestFailure = e;
      }
    }
  }

  private void fillOrThrow() {
    if (requestFailure != null) {
      RuntimeException failure = requestFailure;
      requestFailure = null;
      throw failure;
    }
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
