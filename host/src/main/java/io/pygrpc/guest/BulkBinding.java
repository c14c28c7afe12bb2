package io.pygrpc.guest;

import io.pygrpc.call.BulkCalls;
import io.pygrpc.call.Reply;
import io.pygrpc.convert.MessageView;
import org.graalvm.polyglot.HostAccess;

/**
 * The host side of {@code client.map(...)}: results in request order, each failure raised as
 * the script's RpcError for its own item while the other calls go on.
 */
public final class BulkBinding {
  private final BulkCalls calls;
  private final GuestHelpers helpers;
  private final BulkProgress progress;

  BulkBinding(BulkCalls calls, GuestHelpers helpers, BulkProgress progress) {
    this.calls = calls;
    this.helpers = helpers;
    this.progress = progress;
  }

  /**
   * The next reply's view (the guest wraps it), or null when all are taken; a failed call
   * raises its RpcError.
   */
  @HostAccess.Export
  public MessageView next() {
    try {
      Reply reply = calls.next();
      if (reply == null) {
        progress.finish();
        return null;
      }
      progress.update(calls.started(), calls.failed());
      return new MessageView(reply.message(), helpers);
    } catch (RuntimeException e) {
      progress.update(calls.started(), calls.failed());
      throw helpers.raise(e);
    }
  }

  /** Cancels what is still in flight (the script stopped early). */
  @HostAccess.Export
  public void close() {
    calls.close();
    progress.finish();
  }
}
