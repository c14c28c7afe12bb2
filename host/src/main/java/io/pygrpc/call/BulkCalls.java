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
   * The next results in request order: the first (waiting for it), then those after it whose
   * calls have already succeeded, at most {@code concurrency} in all; null when every request
   * has been answered. A guest takes them with one call across the language boundary per
   * batch, and the window is refilled once per batch, so a guest's iterator is read in
   * batches too (see {@link RequestSource#expect}).
   *
   * @throws RpcException for a request whose call failed, in its turn: a batch ends before
   *     it; the other calls go on, and the next {@code take()} gives the following results
   * @throws RuntimeException what reading or converting a request threw, once the results of
   *     the requests before it have been taken
   */
  public List<Reply> take() {
    if (window.isEmpty()) {
      fill();
      if (window.isEmpty() && requestFailure != null) {
        RuntimeException failure = requestFailure; // its turn: every result before it is taken
        requestFailure = null;
        throw failure;
      }
    }
    PendingReply head = window.poll();
    if (head == null) {
      return null;
    }
    List<Reply> replies = new ArrayList<>();
    try {
      replies.add(head.get(null));
      // At most a window's worth: the script then holds no more replies than calls are in
      // flight, and the requests read stay within two windows of the replies it has seen.
      for (PendingReply next = window.peek(); next != null && next.succeeded()
          && replies.size() < concurrency; next = window.peek()) {
        window.poll();
        replies.add(next.reply());
      }
      return replies;
    } catch (RpcException e) {
      failed++;
      throw e;
    } catch (TimeoutException e) {
      throw new IllegalStateException(e); // no wait limit was given
    } finally {
      fill(); // start the next ones before the caller spends time on these results
    }
  }

  /**
   * Starts calls until the window is full. A request that cannot be read or converted is kept
   * to be thrown by {@link #take()} once the window has drained to it: thrown at once, it
   * would come before the results of the requests read before it.
   */
  private void fill() {
    if (requestFailure != null || exhausted || window.size() >= concurrency) {
      return;
    }
    int free = concurrency - window.size();
    List<DynamicMessage> batch = new ArrayList<>(free);
    try {
      requests.expect(free);
      while (batch.size() < free) {
        DynamicMessage request = requests.next();
        if (request == null) {
          exhausted = true;
          break;
        }
        batch.add(request);
      }
    } catch (RuntimeException e) {
      requestFailure = e;
    }
    if (!batch.isEmpty()) {
      window.addAll(PendingReply.startAll(channel, method, settings, batch));
      started += batch.size();
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
