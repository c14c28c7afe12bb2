package io.pygrpc.call;

import com.google.protobuf.DynamicMessage;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.pygrpc.RpcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A unary call in flight: started at once, its reply (or failure) taken later. What futures and
 * bulk calls are made of; no thread waits while it runs.
 *
 * @since 0.4.0
 */
public final class PendingReply extends ClientCall.Listener<DynamicMessage> {
  private final ClientCall<DynamicMessage, DynamicMessage> call;
  private final String authority;
  /** The event loop the call is started and cancelled on, or null for the caller's thread. */
  private final java.util.concurrent.Executor loop;
  private final CompletableFuture<Reply> result = new CompletableFuture<>();
  /** Whether the client loop polls while the reply is due (see SpinningSelect). */
  private final boolean awaited;
  private Metadata headers;
  private DynamicMessage message;

  private PendingReply(ClientCall<DynamicMessage, DynamicMessage> call, String authority,
      java.util.concurrent.Executor loop, boolean awaited) {
    this.awaited = awaited;
    this.call = call;
    this.authority = authority;
    this.loop = loop;
  }

  /** Starts a unary call. */
  public static PendingReply start(Channel channel,
      MethodDescriptor<DynamicMessage, DynamicMessage> method, CallSettings settings,
      DynamicMessage request) {
    java.util.concurrent.Executor loop = loopOf(channel);
    PendingReply pending = new PendingReply(channel.newCall(method, settings.options()),
        channel.authority(), loop, true);
    Metadata headers = settings.callHeaders();
    if (loop == null) {
      pending.begin(headers, request);
    } else {
      loop.execute(() -> pending.beginOrFail(headers, request));
    }
    return pending;
  }

  /**
   * Starts a unary call per request, with one task on the channel's event loop for them all:
   * each task queued from another thread may cost the loop a wake-up, which on a small machine
   * costs as much CPU as converting a request. What keeps a call from starting is its result.
   * The loop does not poll for these replies: with many in flight it has replies to read
   * anyway, and polling took the CPU the script and a local server needed (maps of 20,000
   * calls at 64, median of a run's last 8 of 14: 15.7k/14.2k/18.4k calls/s polling,
   * 17.3k/18.6k/19.3k not, runs alternating).
   */
  public static List<PendingReply> startAll(Channel channel,
      MethodDescriptor<DynamicMessage, DynamicMessage> method, CallSettings settings,
      List<DynamicMessage> requests) {
    java.util.concurrent.Executor loop = loopOf(channel);
    String authority = channel.authority();
    List<PendingReply> started = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      started.add(new PendingReply(channel.newCall(method, settings.options()), authority, loop,
          false));
    }
    Metadata headers = settings.callHeaders();
    Runnable begin = () -> {
      for (int i = 0; i < started.size(); i++) {
        started.get(i).beginOrFail(headers, requests.get(i));
      }
    };
    if (loop == null) {
      begin.run();
    } else {
      loop.execute(begin);
    }
    return started;
  }

  /** The event loop the channel's calls are started on, or null for the caller's thread. */
  private static java.util.concurrent.Executor loopOf(Channel channel) {
    return channel instanceof LoopStartedChannel onLoop ? onLoop.loop() : null;
  }

  private void beginOrFail(Metadata headers, DynamicMessage request) {
    try {
      begin(headers, request);
    } catch (RuntimeException | Error e) {
      // No one else would hear of it: the caller is waiting for the result.
      result.completeExceptionally(e);
      try {
        call.cancel("the call could not be started", e);
      } catch (RuntimeException ignored) {
        // a call that never started has nothing to cancel
      }
    }
  }

  private void begin(Metadata headers, DynamicMessage request) {
    if (awaited) {
      SpinningSelect.expectSoon(); // the reply is due: the client loop polls for it
    }
    call.start(this, headers);
    call.sendMessage(request);
    call.halfClose();
    call.request(2); // one reply; a second would be the server's protocol error
  }

  /** Whether the call has ended. */
  public boolean done() {
    return result.isDone();
  }

  /** Whether the call has ended with its reply. */
  boolean succeeded() {
    return result.isDone() && !result.isCompletedExceptionally();
  }

  /** The reply of a call that {@link #succeeded()}. */
  Reply reply() {
    return result.join();
  }

  /** Cancels the call if it is still running; the server sees CANCELLED. */
  public void cancel(String reason) {
    if (loop == null) {
      call.cancel(reason, null);
    } else {
      loop.execute(() -> call.cancel(reason, null)); // after the start, on the call's thread
    }
  }

  /**
   * The reply, waiting for it (at most {@code wait}, if given).
   *
   * @throws RpcException when the call ended with another status than OK
   * @throws TimeoutException when {@code wait} passed first (the call goes on)
   */
  public Reply get(Duration wait) throws TimeoutException {
    try {
      return wait == null ? result.get() : result.get(wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure; // an RpcException, or what kept the call from starting
      }
      throw (Error) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel("the waiting thread was interrupted");
      throw new RpcException(Status.CANCELLED.withDescription("interrupted"), null);
    }
  }

  @Override
  public void onHeaders(Metadata received) {
    headers = received;
  }

  @Override
  public void onMessage(DynamicMessage received) {
    message = received;
  }

  @Override
  public void onClose(Status status, Metadata trailers) {
    if (awaited) {
      SpinningSelect.expectSoon(); // a sequential caller's next call is due
    }
    if (status.isOk() && message != null) {
      result.complete(new Reply(message, headers, trailers));
    } else if (status.isOk()) {
      result.completeExceptionally(RpcException.of(Status.INTERNAL.withDescription(
          "the server ended a unary call without a reply"), headers, trailers, authority));
    } else {
      result.completeExceptionally(RpcException.of(status, headers, trailers, authority));
    }
  }
}
