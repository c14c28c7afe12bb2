package io.pygrpc.convert;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@link InputValue} over plain Java objects: {@code null}, {@code Boolean}, integral and
 * floating {@code Number}s, {@code CharSequence}, {@code byte[]} or {@code ByteString},
 * {@code Map}, {@code Iterable} or array, and protobuf {@code Message}.
 *
 * @since 0.3.0
 */
public final class JavaInput implements InputValue {
  private final Object value;

  private JavaInput(Object value) {
    this.value = value;
  }

  /** Wraps a Java value. */
  public static InputValue of(Object value) {
    return new JavaInput(value);
  }

  @Override
  public Type type() {
    if (value == null) {
      return Type.NULL;
    } else if (value instanceof Boolean) {
      return Type.BOOLEAN;
    } else if (value instanceof Byte || value instanceof Short || value instanceof Integer
        || value instanceof Long || value instanceof BigInteger) {
      return Type.INTEGER;
    } else if (value instanceof Number) {
      return Type.FLOAT;
    } else if (value instanceof CharSequence) {
      return Type.STRING;
    } else if (value instanceof byte[] || value instanceof ByteString) {
      return Type.BYTES;
    } else if (value instanceof Map) {
      return Type.MAP;
    } else if (value instanceof Iterable || value instanceof Object[]) {
      return Type.LIST;
    } else if (value instanceof Message) {
      return Type.MESSAGE;
    } else if (value instanceof java.time.Instant || value instanceof java.time.OffsetDateTime
        || value instanceof java.time.ZonedDateTime || value instanceof java.time.LocalDateTime) {
      return Type.INSTANT;
    } else if (value instanceof java.time.Duration) {
      return Type.DURATION;
    }
    return Type.OTHER;
  }

  @Override
  public boolean asBoolean() {
    return (Boolean) value;
  }

  @Override
  public boolean fitsInLong() {
    return !(value instanceof BigInteger big) || big.bitLength() < 64;
  }

  @Override
  public long asLong() {
    return ((Number) value).longValue();
  }

  @Override
  public BigInteger asBigInteger() {
    return value instanceof BigInteger big ? big : BigInteger.valueOf(((Number) value).longValue());
  }

  @Override
  public double asDouble() {
    return value instanceof BigDecimal d ? d.doubleValue() : ((Number) value).doubleValue();
  }

  @Override
  public String asString() {
    return value.toString();
  }

  @Override
  public byte[] asBytes() {
    return value instanceof ByteString bytes ? bytes.toByteArray() : ((byte[]) value).clone();
  }

  @Override
  public java.time.Instant asInstant() {
    return switch (value) {
      case java.time.Instant i -> i;
      case java.time.OffsetDateTime o -> o.toInstant();
      case java.time.ZonedDateTime z -> z.toInstant();
      case java.time.LocalDateTime l -> l.toInstant(java.time.ZoneOffset.UTC);
      default -> throw new IllegalStateException("not an instant: " + value);
    };
  }

  @Override
  public java.time.Duration asDuration() {
    return (java.time.Duration) value;
  }

  @Override
  public Message asMessage() {
    return (Message) value;
  }

  @Override
  public void forEachEntry(BiConsumer<InputValue, InputValue> visitor) {
    ((Map<?, ?>) value).forEach((k, v) -> visitor.accept(of(k), of(v)));
  }

  @Override
  public void forEachElement(Consumer<InputValue> visitor) {
    Iterable<?> items = value instanceof Object[] array ? java.util.Arrays.asList(array)
        : (Iterable<?>) value;
    for (Object item : items) {
      visitor.accept(of(item));
    }
  }

  @Override
  public String typeName() {
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  @Override
  public String preview() {
    return value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
  }
}
