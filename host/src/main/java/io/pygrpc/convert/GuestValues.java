package io.pygrpc.convert;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.util.List;

/**
 * Makes the guest language's own values for what a reply holds, so scripts get natural values:
 * their bytes, date-times, durations, lists and dicts, and message objects with the methods
 * their language expects. Implemented once per guest language.
 *
 * @since 0.3.0
 */
public interface GuestValues {
  /** The view of a message that {@link #message} makes the guest's message object of. */
  default MessageView view(Message message) {
    return new MessageView(message, this);
  }

  /** The guest message object for the view (in Python, the view itself). */
  Object message(MessageView view);

  /** Guest bytes. */
  Object bytes(ByteString bytes);

  /** A UTC date-time from a {@code google.protobuf.Timestamp}. */
  Object timestamp(long seconds, int nanos);

  /** A duration from a {@code google.protobuf.Duration}. */
  Object duration(long seconds, int nanos);

  /** A guest list of already converted items. */
  Object list(List<Object> items);

  /** A guest mapping of already converted keys and values, in order. */
  Object map(List<Object> keys, List<Object> values);

  /**
   * A 64-bit integer field's value ({@code Long}, or {@code BigInteger} above
   * {@code Long.MAX_VALUE}) as the guest holds such numbers; as it is by default. JavaScript
   * makes a BigInt of what a Number would round.
   */
  default Object integer(Object value) {
    return value;
  }

  /** The guest's exception for reading a field that does not exist or writing one. */
  RuntimeException attributeError(String message);
}
