package io.pygrpc.guest;

import org.graalvm.polyglot.HostAccess;

/** What scripts may touch of the host: only members marked for export, plus plain collections. */
final class GuestAccess {
  /**
   * {@code HostAccess.EXPLICIT}, with Java lists, maps, arrays and iterators readable as the
   * guest's own sequences, since the bridge returns them.
   */
  static final HostAccess POLICY = HostAccess.newBuilder(HostAccess.EXPLICIT)
      .allowListAccess(true)
      .allowArrayAccess(true)
      .allowMapAccess(true)
      .allowIterableAccess(true)
      .allowIteratorAccess(true)
      .build();

  private GuestAccess() {}
}
