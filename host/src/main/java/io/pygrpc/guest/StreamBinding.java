package io.pygrpc.guest;

import io.grpc.Status;
import io.pygrpc.call.StreamingCall;
import io.pygrpc.convert.MessageView;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The host side of a response stream: the script's iterator takes responses through it, and
 * cancels the call when the script stops early (break, close, or dropping the iterator).
 */
public final class StreamBinding {
  private final StreamingCall call;
  private final GuestHelpers helpers;
  private final Runnable onEnd;
  private volatile boolean cancelled;

  StreamBinding(StreamingCall call, GuestHelpers helpers, Runnable onEnd) {
    this.call = call;
    this.helpers = helpers;
    this.onEnd = onEnd;
  }

  /**
   * The responses that have arrived, as views (at least one, waiting only while none has; flow
   * control keeps them to at most 128, about 1 MiB), or null when the stream ended OK; failures
   * raise RpcError. JavaScript's iterator takes them a batch at a time: one call across the
   * language boundary for a batch, not one per message.
   */
  @HostAccess.Export
  public MessageView[] take() {
    try {
      var messages = helpers.keyboard.await(() -> call.take(Integer.MAX_VALUE));
      if (messages == null) {
        onEnd.run();
        return null;
      }
      MessageView[] views = new MessageView[messages.size()];
      for (int i = 0; i < views.length; i++) {
        views[i] = helpers.view(messages.get(i));
      }
      return views;
    } catch (RuntimeException e) {
      onEnd.run();
      throw helpers.raise(e);
    }
  }

  /**
   * As {@link #take}, but the views go to {@code make} as its arguments, and what it returns
   * (the guest's messages) comes back; null when the stream ended OK. Python's iterator takes
   * them so: its arguments arrive as a tuple of its own, where reading each view from a host
   * array cost ~0.3 µs a message more.
   */
  @HostAccess.Export
  public Value takeAs(Value make) {
    MessageView[] views = take();
    return views == null ? null : make.execute((Object[]) views);
  }

  /** Cancels the call; the server sees CANCELLED. Harmless once the stream has ended. */
  @HostAccess.Export
  public void cancel() {
    if (!call.done()) {
      cancelled = true;
    }
    call.cancel("cancelled by the script");
    onEnd.run();
  }

  /** Whether the stream has ended and every response was taken. */
  @HostAccess.Export
  public boolean done() {
    return call.done();
  }

  /** Metadata and status of the call, as far as they are known. */
  @HostAccess.Export
  public CallInfo info() {
    Status status = call.status();
    if (status == null) {
      // Cancelled here, the call's own close is still on its way from the transport.
      status = cancelled ? Status.CANCELLED.withDescription("cancelled by the script")
          : Status.OK;
    }
    return new CallInfo(status, call.headers(), call.trailers(), helpers);
  }
}
