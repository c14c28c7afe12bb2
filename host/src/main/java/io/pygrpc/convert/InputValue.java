package io.pygrpc.convert;

import com.google.protobuf.Message;
import java.math.BigInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One value handed in by a script or a Java caller, seen the same way whichever language it came
 * from, so that the conversion rules live in one place and are testable from plain Java.
 *
 * <p>Adapters decide the {@link #type()} by the source language's own notion: a Python
 * {@code bool} is never an integer and a Python {@code float} is never one either, even when it
 * holds a whole number; a JavaScript number with no fraction is an integer.
 *
 * @since 0.3.0
 */
public interface InputValue {
  /** What a value is, in the terms the converter needs. */
  enum Type {
    NULL, BOOLEAN, INTEGER, FLOAT, STRING, BYTES, MAP, LIST, MESSAGE,
    /** A point in time (Python {@code datetime}, JS {@code Date}). */
    INSTANT,
    /** A length of time (Python {@code timedelta}). */
    DURATION,
    OTHER
  }

  Type type();

  boolean asBoolean();

  /** True when this {@code INTEGER} fits in a Java {@code long}. */
  boolean fitsInLong();

  long asLong();

  BigInteger asBigInteger();

  double asDouble();

  String asString();

  byte[] asBytes();

  /** An {@code INSTANT}; a date-time without a zone is taken as UTC, as protobuf does. */
  java.time.Instant asInstant();

  /** A {@code DURATION}. */
  java.time.Duration asDuration();

  /** A message the script got from an earlier call and passes back. */
  Message asMessage();

  /** Visits the entries of a {@code MAP}. */
  void forEachEntry(BiConsumer<InputValue, InputValue> visitor);

  /**
   * How many entries a mapping has, when it can also be asked for one by key ({@link #entry}):
   * a Python dict. -1 otherwise (walk it with {@link #forEachEntry}).
   */
  default long entryCount() {
    return -1;
  }

  /** The value under {@code key} (a Python None is a NULL value), or null when there is none. */
  default InputValue entry(String key) {
    throw new UnsupportedOperationException("entry");
  }

  /** Visits the elements of a {@code LIST} (a list, tuple, array, generator or other iterable). */
  void forEachElement(Consumer<InputValue> visitor);

  /** The value's type as its own language names it ({@code int}, {@code str}, {@code number}). */
  String typeName();

  /** A short rendering of the value for error messages. */
  String preview();
}
