package io.pygrpc.guest;

import io.pygrpc.PygrpcException;
import io.pygrpc.call.PendingReply;
import io.pygrpc.call.Reply;
import io.pygrpc.call.CallSettings;
import io.pygrpc.convert.MessageView;
import java.util.concurrent.TimeoutException;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/** The host side of {@code client.future(...)}: a unary call running while the script works. */
public final class FutureBinding {
  private final PendingReply pending;
  private final GuestHelpers helpers;

  FutureBinding(PendingReply pending, GuestHelpers helpers) {
    this.pending = pending;
    this.helpers = helpers;
  }

  /**
   * The reply's view (the guest wraps it), waiting at most {@code timeout} seconds (None: as long as it takes).
   *
   * @throws PygrpcException TIMEOUT when the wait ran out (the call goes on)
   */
  @HostAccess.Export
  public MessageView result(Value timeout) {
    try {
      java.time.Duration wait = timeout == null || timeout.isNull() ? null
          : CallSettings.timeoutSeconds(timeout.asDouble());
      Reply reply = helpers.keyboard.await(() -> {
        try {
          return pending.get(wait);
        } catch (TimeoutException e) {
          return null;
        }
      });
      if (reply == null) {
        throw new PygrpcException(PygrpcException.Kind.TIMEOUT,
            "the call has not finished within " + timeout + " s");
      }
      return helpers.view(reply.message());
    } catch (RuntimeException e) {
      throw helpers.raise(e);
    }
  }

  /** Whether the call has ended (result() will not wait). */
  @HostAccess.Export
  public boolean done() {
    return pending.done();
  }

  /** Cancels the call; result() then raises RpcError CANCELLED. */
  @HostAccess.Export
  public void cancel() {
    pending.cancel("cancelled by the script");
  }

}
