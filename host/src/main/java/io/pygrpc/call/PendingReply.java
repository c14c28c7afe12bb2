package io.pygrpc.call;

import com.google.protobuf.DynamicMessage;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.pygrpc.RpcException;
import java.time.Duration;
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
  private Metadata headers;
  private DynamicMessage message;

  private PendingReply(ClientCall<DynamicMessage, DynamicMessage> call, String authority,
      java.util.concurrent.Executor loop) {
    this.call = call;
    this.authority = authority;
    this.loop = loop;
  }

  /** Starts a unary call. */
  public static PendingReply start(Channel channel,
      MethodDescriptor<DynamicMessage, DynamicMessage> method, CallSettings settings,
      DynamicMessage request) {
    PendingReply pending = new PendingReply(channel.newCall(method, settings.options()),
        channel.authority(),
        channel instanceof LoopStartedChannel onLoop ? onLoop.loop() : null);
    Metadata headers = settings.callHeaders();
    if (pending.loop == null) {
      pending.begin(headers, request);
    } else {
      pending.loop.execute(() -> {
        try {
          pending.begin(headers, request);
        } catch (RuntimeException | Error e) {
          // No one else would hear of it: the caller is waiting for the result.
          pending.result.completeExceptionally(e);
          try {
            pending.call.cancel("the call could not be started", e);
          } catch (RuntimeException ignored) {
            // a call that never started has nothing to cancel
          }
        }
      });
    }
    return pending;
  }

  private void begin(Metadata headers, DynamicMessage request) {
    SpinningSelect.expectSoon(); // the reply is due: the client loop polls for it
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
    SpinningSelect.expectSoon(); // a sequential caller's next call is due
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
