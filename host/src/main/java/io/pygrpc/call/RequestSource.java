package io.pygrpc.call;

import com.google.protobuf.DynamicMessage;

/**
 * The requests of a client- or bidi-streaming call, pulled one at a time on the caller's thread
 * and only when the transport can take one.
 *
 * @since 0.3.0
 */
@FunctionalInterface
public interface RequestSource {
  /**
   * The next request, or {@code null} when there are no more. Whatever it throws cancels the
   * call and reaches the caller unchanged.
   */
  DynamicMessage next();

  /**
   * The caller is about to take up to {@code count} requests: a source that reads its
   * script's iterator in batches may read that many ahead, and no more.
   */
  default void expect(int count) {}
}
