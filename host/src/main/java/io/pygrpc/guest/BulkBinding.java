package io.pygrpc.guest;

import io.pygrpc.call.BulkCalls;
import io.pygrpc.call.Reply;
import io.pygrpc.convert.MessageView;
import java.util.List;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

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
   * The next replies' views (the guest wraps them): the next one, waiting for it, then those
   * after it that have already arrived; null when all are taken. A failed call raises its
   * RpcError in its turn: a batch ends before it, and the next call raises it.
   */
  @HostAccess.Export
  public MessageView[] take() {
    try {
      List<Reply> replies = helpers.keyboard.await(calls::take);
      if (replies == null) {
        progress.finish();
        return null;
      }
      progress.update(calls.started(), calls.failed());
      MessageView[] views = new MessageView[replies.size()];
      for (int i = 0; i < views.length; i++) {
        views[i] = helpers.view(replies.get(i).message());
      }
      return views;
    } catch (RuntimeException e) {
      progress.update(calls.started(), calls.failed());
      throw helpers.raise(e);
    }
  }

  /** As {@link #take}, the views given to {@code make} as arguments (see StreamBinding). */
  @HostAccess.Export
  public Value takeAs(Value make) {
    MessageView[] views = take();
    return views == null ? null : make.execute((Object[]) views);
  }

  /** Cancels what is still in flight (the script stopped early). */
  @HostAccess.Export
  public void close() {
    calls.close();
    progress.finish();
  }
}
